// 入学: registration, paying (or the green channel), household registration, Youth League, international students.
import type { NavigatorTree } from '../../common/assistant.ts';

export const enrollment: NavigatorTree = {
  lifeEvent: 'enrollment',
  title: { zh: '新生入学', en: 'Starting as a student' },
  intro: { zh: '回答几个问题，告诉您入学报到要办哪些事、一共要准备哪些材料。', en: 'Answer a few questions to see which services to apply for when you start, and one list of what to bring.' },
  start: 'origin',
  nodes: [
    {
      id: 'origin', kind: 'question',
      text: { zh: '您是？', en: 'Are you…' },
      options: [
        { label: { zh: '中国内地新生', en: 'A new student from mainland China' }, next: 'money', adds: ['new-student-registration', 'student-medical-insurance', 'campus-network'] },
        { label: { zh: '国际学生', en: 'An international student' }, next: 'money', adds: ['new-student-registration', 'intl-student-residence', 'campus-network'] },
      ],
    },
    {
      id: 'money', kind: 'question',
      text: { zh: '缴纳学费是否有困难？', en: 'Is paying the tuition fee difficult for your family?' },
      help: { zh: '家庭经济困难的同学可以先入学后缴费，并申请国家助学金。', en: 'Students in financial difficulty can enrol first and pay later, and apply for a national grant.' },
      options: [
        { label: { zh: '没有困难', en: 'No' }, next: 'hukou', adds: ['tuition-payment'] },
        { label: { zh: '有困难', en: 'Yes' }, next: 'hukou', adds: ['green-channel', 'national-grant'] },
      ],
    },
    {
      id: 'hukou', kind: 'question',
      text: { zh: '是否把户口迁入学校集体户？', en: 'Will you move your household registration (hukou) to the university?' },
      options: [
        { label: { zh: '迁入', en: 'Yes' }, next: 'league', adds: ['student-hukou'] },
        { label: { zh: '不迁', en: 'No' }, next: 'league' },
      ],
    },
    {
      id: 'league', kind: 'question',
      text: { zh: '您是共青团员吗？', en: 'Are you a member of the Communist Youth League?' },
      options: [
        { label: { zh: '是', en: 'Yes' }, next: 'done-league' },
        { label: { zh: '不是', en: 'No' }, next: 'done' },
      ],
    },
    { id: 'done-league', kind: 'end', summary: { zh: '入学需要办理以下事项，并转接团组织关系。', en: 'Apply for these services, and transfer your League membership.' }, services: ['league-relation-transfer'] },
    { id: 'done', kind: 'end', summary: { zh: '入学需要办理以下事项。', en: 'Apply for these services.' }, services: [] },
  ],
};

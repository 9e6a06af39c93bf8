// 新教工入职: who is joining, earlier social insurance, housing, a car.
import type { NavigatorTree } from '../../common/assistant.ts';

export const onboarding: NavigatorTree = {
  lifeEvent: 'onboarding',
  title: { zh: '新教工入职', en: 'Joining the university' },
  intro: { zh: '回答几个问题，告诉您入职要办哪些事、一共要准备哪些材料。', en: 'Answer a few questions to see which services to apply for and one list of everything to prepare.' },
  start: 'who',
  nodes: [
    {
      id: 'who', kind: 'question',
      text: { zh: '您以哪种身份来校工作？', en: 'How are you joining?' },
      options: [
        { label: { zh: '新入职教职工（含引进人才）', en: 'New staff member (including recruited talent)' }, next: 'prior', adds: ['new-staff-onboarding', 'staff-id-card', 'email-account', 'campus-network'] },
        { label: { zh: '博士后进站', en: 'Postdoctoral researcher' }, next: 'prior', adds: ['postdoc-entry', 'staff-id-card', 'email-account', 'campus-network'] },
        { label: { zh: '外籍教师', en: 'Foreign teacher' }, next: 'housing', adds: ['new-staff-onboarding', 'foreign-staff-work-permit', 'staff-id-card', 'email-account', 'campus-network'] },
      ],
    },
    {
      id: 'prior', kind: 'question',
      text: { zh: '入职前您是否在其他单位缴纳过社保或住房公积金？', en: 'Did you pay social insurance or a housing fund with an earlier employer?' },
      help: { zh: '缴纳过的需要把关系转到学校。', en: 'If so, they move to the university.' },
      options: [
        { label: { zh: '是', en: 'Yes' }, next: 'housing', adds: ['social-insurance-transfer', 'housing-fund-transfer'] },
        { label: { zh: '否', en: 'No' }, next: 'housing' },
      ],
    },
    {
      id: 'housing', kind: 'question',
      text: { zh: '是否需要住房（申请教师公寓）？', en: 'Do you need housing (a teacher apartment)?' },
      options: [
        { label: { zh: '需要', en: 'Yes' }, next: 'car', adds: ['teacher-apartment'] },
        { label: { zh: '不需要', en: 'No' }, next: 'car' },
      ],
    },
    {
      id: 'car', kind: 'question',
      text: { zh: '是否需要开车进校园？', en: 'Will you drive onto the campus?' },
      options: [
        { label: { zh: '是', en: 'Yes' }, next: 'done-car' },
        { label: { zh: '否', en: 'No' }, next: 'done' },
      ],
    },
    { id: 'done-car', kind: 'end', summary: { zh: '入职需要办理以下事项，另办理机动车入校通行证。', en: 'Apply for these services, and for a vehicle pass.' }, services: ['vehicle-pass'] },
    { id: 'done', kind: 'end', summary: { zh: '入职需要办理以下事项。', en: 'Apply for these services.' }, services: [] },
  ],
};

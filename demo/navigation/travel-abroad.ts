// 出国(境): on duty, private or a student exchange; passports held by the university; classes to move.
import type { NavigatorTree } from '../../common/assistant.ts';

export const travelAbroad: NavigatorTree = {
  lifeEvent: 'travel_abroad',
  title: { zh: '出国(境)', en: 'Travelling abroad' },
  intro: { zh: '回答几个问题，告诉您出国（境）前要办哪些审批、要准备哪些材料。', en: 'Answer a few questions to see which approvals you need before travelling abroad, and what to prepare.' },
  start: 'purpose',
  nodes: [
    {
      id: 'purpose', kind: 'question',
      text: { zh: '这次出国（境）是？', en: 'What is the trip?' },
      options: [
        { label: { zh: '因公出访（会议、合作）', en: 'Official (conference, cooperation)' }, next: 'passport', adds: ['official-travel-abroad'] },
        { label: { zh: '因私（旅游、探亲）', en: 'Private (holiday, family)' }, next: 'passport', adds: ['private-travel-abroad'] },
        { label: { zh: '学生交流项目', en: 'Student exchange' }, next: 'done-student' },
      ],
    },
    {
      id: 'passport', kind: 'question',
      text: { zh: '您的护照或通行证是否由学校统一保管？', en: 'Does the university keep your passport?' },
      options: [
        { label: { zh: '是', en: 'Yes' }, next: 'classes', adds: ['passport-custody'] },
        { label: { zh: '否', en: 'No' }, next: 'classes' },
      ],
    },
    {
      id: 'classes', kind: 'question',
      text: { zh: '出访期间是否有课需要调停？', en: 'Do classes need to be moved while you are away?' },
      options: [
        { label: { zh: '有', en: 'Yes' }, next: 'done-classes' },
        { label: { zh: '没有', en: 'No' }, next: 'done' },
      ],
    },
    { id: 'done-student', kind: 'end', summary: { zh: '学生出国（境）交流需要办理以下事项。', en: 'Apply for the exchange programme.' }, services: ['student-exchange'] },
    { id: 'done-classes', kind: 'end', summary: { zh: '需要办理以下事项，并申请调停课。', en: 'Apply for these services, and for moving your classes.' }, services: ['class-reschedule'] },
    { id: 'done', kind: 'end', summary: { zh: '需要办理以下事项。', en: 'Apply for these services.' }, services: [] },
  ],
};

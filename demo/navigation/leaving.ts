// 离职: why, insurance and housing fund, apartment, assets, a certificate of employment.
import type { NavigatorTree } from '../../common/assistant.ts';

export const leaving: NavigatorTree = {
  lifeEvent: 'leaving',
  title: { zh: '教职工离职', en: 'Leaving the university' },
  intro: { zh: '回答几个问题，告诉您离职要办哪些手续、要准备哪些材料。', en: 'Answer a few questions to see which services to apply for before you leave, and what to prepare.' },
  start: 'why',
  nodes: [
    {
      id: 'why', kind: 'question',
      text: { zh: '您因为什么离开学校？', en: 'Why are you leaving?' },
      options: [
        { label: { zh: '调往其他单位', en: 'Moving to another employer' }, next: 'insurance', adds: ['staff-leaving'] },
        { label: { zh: '辞职或合同到期', en: 'Resigning or end of contract' }, next: 'insurance', adds: ['staff-leaving'] },
        { label: { zh: '博士后出站', en: 'Finishing a postdoc' }, next: 'insurance', adds: ['postdoc-exit'] },
      ],
    },
    {
      id: 'insurance', kind: 'question',
      text: { zh: '是否需要把社保和住房公积金转到新单位？', en: 'Do your social insurance and housing fund move to a new employer?' },
      options: [
        { label: { zh: '是', en: 'Yes' }, next: 'apartment', adds: ['social-insurance-transfer', 'housing-fund-transfer'] },
        { label: { zh: '否', en: 'No' }, next: 'apartment' },
      ],
    },
    {
      id: 'apartment', kind: 'question',
      text: { zh: '您现在是否住在教师公寓？', en: 'Do you live in a teacher apartment?' },
      options: [
        { label: { zh: '是', en: 'Yes' }, next: 'assets', adds: ['apartment-checkout'] },
        { label: { zh: '否', en: 'No' }, next: 'assets' },
      ],
    },
    {
      id: 'assets', kind: 'question',
      text: { zh: '您名下是否有需要移交的仪器设备等资产？', en: 'Are any assets (equipment) registered to you?' },
      options: [
        { label: { zh: '有', en: 'Yes' }, next: 'certificate', adds: ['asset-transfer'] },
        { label: { zh: '没有', en: 'No' }, next: 'certificate' },
      ],
    },
    {
      id: 'certificate', kind: 'question',
      text: { zh: '是否需要学校开具工作经历证明？', en: 'Do you need a certificate of your work at the university?' },
      options: [
        { label: { zh: '需要', en: 'Yes' }, next: 'done-certificate' },
        { label: { zh: '不需要', en: 'No' }, next: 'done' },
      ],
    },
    { id: 'done-certificate', kind: 'end', summary: { zh: '离职需要办理以下事项，并开具工作经历证明。', en: 'Apply for these services, and for a work experience certificate.' }, services: ['work-experience-certificate'] },
    { id: 'done', kind: 'end', summary: { zh: '离职需要办理以下事项。', en: 'Apply for these services.' }, services: [] },
  ],
};

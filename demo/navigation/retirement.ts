// 退休: before or after retiring, housing fund, re-employment, activities.
import type { NavigatorTree } from '../../common/assistant.ts';

export const retirement: NavigatorTree = {
  lifeEvent: 'retirement',
  title: { zh: '退休', en: 'Retirement' },
  intro: { zh: '回答几个问题，告诉您退休前后要办哪些事、要准备哪些材料。', en: 'Answer a few questions to see which services to apply for around retirement, and what to prepare.' },
  start: 'status',
  nodes: [
    {
      id: 'status', kind: 'question',
      text: { zh: '您现在是？', en: 'Where are you now?' },
      options: [
        { label: { zh: '即将退休（仍在职）', en: 'About to retire (still working)' }, next: 'fund', adds: ['retirement-procedure'] },
        { label: { zh: '已经退休', en: 'Already retired' }, next: 'fund', adds: ['pension-qualification', 'retirement-certificate'] },
      ],
    },
    {
      id: 'fund', kind: 'question',
      text: { zh: '是否要提取住房公积金？', en: 'Do you want to withdraw your housing fund?' },
      options: [
        { label: { zh: '是', en: 'Yes' }, next: 'reemploy', adds: ['housing-fund-retirement-withdrawal'] },
        { label: { zh: '否', en: 'No' }, next: 'reemploy' },
      ],
    },
    {
      id: 'reemploy', kind: 'question',
      text: { zh: '学院是否打算返聘您？', en: 'Does your school plan to re-employ you?' },
      options: [
        { label: { zh: '是', en: 'Yes' }, next: 'activities', adds: ['retiree-reemployment'] },
        { label: { zh: '否', en: 'No' }, next: 'activities' },
      ],
    },
    {
      id: 'activities', kind: 'question',
      text: { zh: '是否想报名老年大学或离退休人员活动？', en: 'Would you like to join the senior university or retirees\' activities?' },
      options: [
        { label: { zh: '想', en: 'Yes' }, next: 'done-active' },
        { label: { zh: '暂不', en: 'Not now' }, next: 'done' },
      ],
    },
    { id: 'done-active', kind: 'end', summary: { zh: '需要办理以下事项，并可报名老年大学和活动。', en: 'Apply for these services; you can also sign up for classes and activities.' }, services: ['senior-university', 'retiree-activities'] },
    { id: 'done', kind: 'end', summary: { zh: '需要办理以下事项。', en: 'Apply for these services.' }, services: [] },
  ],
};

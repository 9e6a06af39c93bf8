// 毕业: clearance, next step (job, further study), files and household registration, transcripts.
import type { NavigatorTree } from '../../common/assistant.ts';

export const graduation: NavigatorTree = {
  lifeEvent: 'graduation',
  title: { zh: '毕业离校', en: 'Graduating' },
  intro: { zh: '回答几个问题，告诉您毕业离校要办哪些手续、要准备哪些材料。', en: 'Answer a few questions to see which services to apply for before you leave, and what to prepare.' },
  start: 'next',
  nodes: [
    {
      id: 'next', kind: 'question',
      text: { zh: '毕业后您打算？', en: 'After graduating you will…' },
      options: [
        { label: { zh: '就业', en: 'Start a job' }, next: 'files', adds: ['graduation-clearance', 'employment-agreement'] },
        { label: { zh: '升学（读研、读博）', en: 'Continue studying' }, next: 'files', adds: ['graduation-clearance'] },
        { label: { zh: '暂未确定', en: 'Not decided yet' }, next: 'files', adds: ['graduation-clearance'] },
      ],
    },
    {
      id: 'files', kind: 'question',
      text: { zh: '档案和户口要转到新单位或学校吗？', en: 'Do your student file and household registration move to a new employer or school?' },
      options: [
        { label: { zh: '是', en: 'Yes' }, next: 'transcript', adds: ['graduate-file-transfer', 'student-hukou'] },
        { label: { zh: '否', en: 'No' }, next: 'transcript' },
      ],
    },
    {
      id: 'transcript', kind: 'question',
      text: { zh: '是否需要成绩单（如出国申请、求职）？', en: 'Do you need an official transcript (for applications abroad or jobs)?' },
      options: [
        { label: { zh: '需要', en: 'Yes' }, next: 'done-transcript' },
        { label: { zh: '不需要', en: 'No' }, next: 'done' },
      ],
    },
    { id: 'done-transcript', kind: 'end', summary: { zh: '离校需要办理以下事项，并开具成绩单。', en: 'Apply for these services, and for a transcript.' }, services: ['transcript'] },
    { id: 'done', kind: 'end', summary: { zh: '离校需要办理以下事项。', en: 'Apply for these services.' }, services: [] },
  ],
};

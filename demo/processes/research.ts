// 博士后进站: the postdoc office, then HR, then the new postdoc reports in person.
import { field, fromRecords, n, owningReviewer, reviewerOf, type DemoProcess } from './kit.ts';

export const postdocEntry: DemoProcess = {
  service: 'postdoc-entry',
  form: {
    fields: [
      ...fromRecords('name', 'phone', 'email'),
      field('doctorateDate', 'date', ['博士学位获得日期', 'Date of doctorate'], { required: true }),
      field('mentor', 'person', ['合作导师', 'Mentor'], { required: true }),
      field('station', 'org', ['进站学院', 'College'], { required: true }),
      field('topic', 'textarea', ['研究课题', 'Research topic'], { required: true, maxLength: 2000 }),
      field('signature', 'signature', ['本人签名', 'Signature'], { required: true }),
    ],
  },
  process: {
    start: 'office',
    promisedLimitDays: 20,
    steps: [
      { id: 'office', name: n('博士后办公室审核', 'Postdoc office review'), kind: 'approval', assignee: owningReviewer, limitDays: 10, next: 'hr' },
      { id: 'hr', name: n('人事处审批', 'HR approval'), kind: 'approval', assignee: reviewerOf('hr'), limitDays: 5, next: 'report' },
      { id: 'report', name: n('到站报到（到场一次）', 'Report in person (one visit)'), kind: 'applicant' },
    ],
  },
};

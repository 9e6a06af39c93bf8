// 因私出国(境): the applicant's department, then HR.
import { applicantUnitReviewer, field, fromRecords, n, options, reviewerOf, type DemoProcess } from './kit.ts';

export const privateTravelAbroad: DemoProcess = {
  service: 'private-travel-abroad',
  form: {
    fields: [
      ...fromRecords('name', 'staffNo', 'department', 'title?', 'phone'),
      field('destination', 'text', ['前往国家（地区）', 'Destination'], { required: true, maxLength: 100 }),
      field('purpose', 'select', ['事由', 'Purpose'], {
        required: true,
        options: options(['tourism', '旅游', 'Tourism'], ['family', '探亲访友', 'Visiting family or friends'], ['other', '其他私事', 'Other private matters']),
      }),
      field('period', 'dateRange', ['出行起止日期', 'Travel dates'], { required: true }),
      field('passport', 'select', ['护照（通行证）', 'Passport'], {
        required: true, options: options(['held', '由学校保管，需领取', 'Kept by the university; to collect'], ['apply', '需新办', 'To be applied for']),
      }),
      field('itinerary', 'textarea', ['行程安排', 'Itinerary'], { maxLength: 2000 }),
      field('otherPurpose', 'text', ['具体事由', 'Details'], { required: true, visibleIf: "purpose == 'other'", maxLength: 200 }),
    ],
  },
  process: {
    start: 'unit',
    promisedLimitDays: 5,
    steps: [
      { id: 'unit', name: n('所在单位审批', 'Unit approval'), kind: 'approval', assignee: applicantUnitReviewer, limitDays: 2, next: 'hr' },
      { id: 'hr', name: n('人事处审批', 'HR approval'), kind: 'approval', assignee: reviewerOf('hr'), limitDays: 3 },
    ],
  },
};

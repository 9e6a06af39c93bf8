// 退休提取住房公积金 (zero visits, automatic) and 教师公寓入住 (review, viewing, choice, agreement, keys).
import { field, fromRecords, n, options, owningReviewer, type DemoProcess } from './kit.ts';

export const housingFundRetirement: DemoProcess = {
  service: 'housing-fund-retirement-withdrawal',
  form: { fields: fromRecords('name', 'staffNo', 'department', 'phone', 'bankName', 'bankCard') },
  process: {
    start: 'verify',
    promisedLimitDays: 3,
    steps: [
      { id: 'verify', name: n('核验退休信息并提取', 'Retirement verified, fund withdrawn'), kind: 'automatic', webhook: 'internal:housing-fund-withdrawal' },
    ],
  },
};

export const teacherApartment: DemoProcess = {
  service: 'teacher-apartment',
  form: {
    fields: [
      ...fromRecords('name', 'staffNo', 'department', 'title?', 'phone', 'hireDate?'),
      field('household', 'select', ['入住人员', 'Household'], {
        required: true, options: options(['single', '本人', 'Myself'], ['couple', '夫妻', 'Couple'], ['family', '携子女', 'Family with children']),
      }),
      field('arrival', 'date', ['拟入住日期', 'Intended move-in date'], { required: true }),
      field('note', 'textarea', ['其他需求', 'Other needs'], { maxLength: 1000 }),
    ],
  },
  process: {
    start: 'review',
    promisedLimitDays: 10,
    steps: [
      { id: 'review', name: n('资格审核', 'Eligibility review'), kind: 'approval', assignee: owningReviewer, limitDays: 3, next: 'viewing' },
      { id: 'viewing', name: n('线下看房（可选）', 'Viewing (optional, in person)'), kind: 'applicant', next: 'choice' },
      { id: 'choice', name: n('网上选房', 'Choose a flat online'), kind: 'applicant', next: 'agreement' },
      { id: 'agreement', name: n('签订租赁协议', 'Sign the lease'), kind: 'applicant', next: 'keys' },
      { id: 'keys', name: n('领取钥匙（到场一次）', 'Collect the keys (one visit)'), kind: 'approval', assignee: owningReviewer, limitDays: 2 },
    ],
  },
};

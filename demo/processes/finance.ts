// 差旅费报销: a table of legs, a total the server computes, and an extra approval above ¥10,000.
import { applicantUnitReviewer, column, field, fromRecords, n, options, owningReviewer, reviewerOf, type DemoProcess } from './kit.ts';

/** Above this total (in cents) the head of finance approves too. */
export const EXTRA_APPROVAL_ABOVE = 1_000_000;

export const travelReimbursement: DemoProcess = {
  service: 'travel-reimbursement',
  form: {
    fields: [
      ...fromRecords('name', 'staffNo', 'department', 'bankName', 'bankCard'),
      field('purpose', 'text', ['出差事由', 'Purpose of the trip'], { required: true, maxLength: 200 }),
      field('project', 'text', ['经费项目编号', 'Budget project number'], { pattern: '^[A-Z0-9]{6,12}$', help: n('科研经费报销填写', 'For research funds') }),
      field('legs', 'table', ['行程明细', 'Legs'], {
        required: true, max: 30,
        columns: [
          column('date', 'date', ['日期', 'Date'], { required: true }),
          column('from', 'text', ['出发地', 'From'], { required: true, maxLength: 50 }),
          column('to', 'text', ['目的地', 'To'], { required: true, maxLength: 50 }),
          column('transport', 'select', ['交通工具', 'Transport'], {
            required: true,
            options: options(['train', '火车/高铁', 'Train'], ['plane', '飞机', 'Plane'], ['bus', '长途汽车', 'Coach'], ['ship', '轮船', 'Ship'], ['other', '其他', 'Other']),
          }),
          column('amount', 'money', ['金额（元）', 'Amount (yuan)'], { required: true, min: 1 }),
        ],
      }),
      field('total', 'money', ['合计（元）', 'Total (yuan)'], { computed: { sum: { table: 'legs', column: 'amount' } } }),
      field('invoices', 'file', ['发票与行程单', 'Invoices and itineraries'], { accept: ['application/pdf', 'image/*'], max: 20 }),
    ],
  },
  process: {
    start: 'unit',
    promisedLimitDays: 5,
    steps: [
      { id: 'unit', name: n('所在单位负责人审核', 'Unit head review'), kind: 'approval', assignee: applicantUnitReviewer, limitDays: 2,
        next: [{ to: 'head', when: `total > ${EXTRA_APPROVAL_ABOVE}` }, { to: 'finance' }] },
      { id: 'head', name: n('财务处负责人审批（超过 1 万元）', 'Head of finance (over ¥10,000)'), kind: 'approval', assignee: reviewerOf('finance', 'dept_admin'), limitDays: 1, next: 'finance' },
      { id: 'finance', name: n('财务处审核', 'Finance review'), kind: 'approval', assignee: owningReviewer, limitDays: 2, next: 'pay' },
      { id: 'pay', name: n('支付到银行卡', 'Paid to the bank card'), kind: 'automatic', webhook: 'internal:payment' },
    ],
  },
};

// 资产报废: a table of assets; audit joins above ¥50,000 of book value.
import { applicantUnitReviewer, column, field, fromRecords, n, options, owningReviewer, reviewerOf, type DemoProcess } from './kit.ts';

export const assetDisposal: DemoProcess = {
  service: 'asset-disposal',
  form: {
    fields: [
      ...fromRecords('name', 'staffNo', 'department', 'phone'),
      field('assets', 'table', ['报废资产', 'Assets'], {
        required: true, max: 100,
        columns: [
          column('assetNo', 'text', ['资产编号', 'Asset number'], { required: true, pattern: '^[0-9]{8,12}$' }),
          column('assetName', 'text', ['资产名称', 'Name'], { required: true, maxLength: 100 }),
          column('value', 'money', ['账面原值（元）', 'Book value (yuan)'], { required: true }),
        ],
      }),
      field('total', 'money', ['原值合计（元）', 'Total book value (yuan)'], { computed: { sum: { table: 'assets', column: 'value' } } }),
      field('reason', 'select', ['报废原因', 'Reason'], {
        required: true, options: options(['broken', '损坏无法修复', 'Broken beyond repair'], ['obsolete', '技术淘汰', 'Obsolete'], ['expired', '超过使用年限', 'Past its service life']),
      }),
      field('note', 'textarea', ['说明', 'Notes'], { maxLength: 2000 }),
    ],
  },
  process: {
    start: 'unit',
    promisedLimitDays: 20,
    steps: [
      { id: 'unit', name: n('所在单位审核', 'Unit review'), kind: 'approval', assignee: applicantUnitReviewer, limitDays: 3, next: 'assets' },
      { id: 'assets', name: n('资产管理处鉴定', 'Asset office assessment'), kind: 'approval', assignee: owningReviewer, limitDays: 10,
        next: [{ to: 'audit', when: 'total > 5000000' }, { to: 'ledger' }] },
      { id: 'audit', name: n('审计处审核（原值 5 万元以上）', 'Audit (over ¥50,000)'), kind: 'approval', assignee: reviewerOf('audit'), limitDays: 5, next: 'ledger' },
      { id: 'ledger', name: n('资产账销账', 'Removed from the asset ledger'), kind: 'automatic', webhook: 'internal:asset-ledger' },
    ],
  },
};

// The Excel template's layout (docs/catalog-template.md): one sheet per part of a service item,
// each column bound to a path in ServiceItemContent. Export and import both follow this table.

export type CellType = 'text' | 'int' | 'number' | 'bool' | 'list';

export interface Column {
  header: string;
  /** JSON pointer inside the row's object ('' segments joined by '/') */
  path: string;
  type: CellType;
  /** Chinese column note, shown in the README sheet */
  note: string;
  width?: number;
}

export interface SheetLayout {
  name: string;
  /** where rows go in the content: '' = the item itself, else the array property they fill */
  target: string;
  columns: Column[];
  /** optional object properties dropped when all their cells are empty */
  optional?: string[];
}

const L = (header: string, path: string, note: string, width = 30): Column[] => [
  { header: `${header}_zh`, path: `${path}/zh`, type: 'text', note: `${note}（中文）`, width },
  { header: `${header}_en`, path: `${path}/en`, type: 'text', note: `${note}（英文）`, width },
];
const code: Column = { header: 'code', path: '', type: 'text', note: '事项编码，对应“items”表', width: 28 };

export const SHEETS: SheetLayout[] = [
  {
    name: 'items', target: '',
    optional: ['statutoryLimit', 'contacts/email', 'result/validity'],
    columns: [
      { header: 'code', path: '', type: 'text', note: '事项编码（字母、数字、-、_，唯一）', width: 28 },
      { header: 'popularity', path: '', type: 'int', note: '热度（办件量，用于排序）', width: 10 },
      ...L('name', '/name', '事项名称'),
      ...L('summary', '/summary', '事项简介', 50),
      { header: 'department', path: '/department', type: 'text', note: '实施部门编码', width: 16 },
      { header: 'co_departments', path: '/coDepartments', type: 'list', note: '联办部门编码，逗号分隔', width: 20 },
      { header: 'category', path: '/category', type: 'text', note: '分类编码', width: 16 },
      { header: 'audiences', path: '/audiences', type: 'list', note: '服务对象：staff,student,retiree,alumnus,visitor', width: 20 },
      { header: 'life_events', path: '/lifeEvents', type: 'list', note: '人生事件：onboarding,leaving,travel_abroad,retirement,enrollment,graduation…', width: 20 },
      { header: 'campuses', path: '/campuses', type: 'list', note: '办理校区编码，逗号分隔', width: 14 },
      { header: 'mode', path: '/mode', type: 'text', note: '办理方式：online / offline / both', width: 10 },
      { header: 'handling', path: '/handling', type: 'text', note: '办件类型：instant 即办件 / promised 承诺件', width: 10 },
      { header: 'promised_limit', path: '/promisedLimit/value', type: 'number', note: '承诺时限（数值）', width: 10 },
      { header: 'promised_unit', path: '/promisedLimit/unit', type: 'text', note: '承诺时限单位：working_day 工作日 / natural_day 自然日', width: 12 },
      { header: 'statutory_limit', path: '/statutoryLimit/value', type: 'number', note: '法定时限（数值，可空）', width: 10 },
      { header: 'statutory_unit', path: '/statutoryLimit/unit', type: 'text', note: '法定时限单位', width: 12 },
      { header: 'visits', path: '/visits', type: 'int', note: '到现场次数：0 或 1', width: 8 },
      ...L('visits_reason', '/visitsReason', '到现场原因/零跑动说明'),
      ...L('eligibility', '/eligibility', '申请条件/服务对象说明', 40),
      { header: 'enquiry_phone', path: '/contacts/enquiryPhone', type: 'text', note: '咨询电话', width: 14 },
      { header: 'complaint_phone', path: '/contacts/complaintPhone', type: 'text', note: '监督投诉电话', width: 14 },
      { header: 'email', path: '/contacts/email', type: 'text', note: '咨询邮箱（可空）', width: 20 },
      { header: 'booking', path: '/flags/booking', type: 'bool', note: '支持预约：是/否', width: 8 },
      { header: 'courier', path: '/flags/courier', type: 'bool', note: '支持物流快递：是/否', width: 8 },
      { header: 'online_payment', path: '/flags/onlinePayment', type: 'bool', note: '支持网上支付：是/否', width: 8 },
      { header: 'kiosk', path: '/flags/kiosk', type: 'bool', note: '支持自助终端：是/否', width: 8 },
      ...L('result_name', '/result/name', '办理结果名称'),
      { header: 'result_kind', path: '/result/kind', type: 'text', note: '结果类型：certificate/approval/document/service/payment', width: 12 },
      ...L('result_validity', '/result/validity', '结果有效期（可空）'),
    ],
  },
  {
    name: 'materials', target: 'materials', optional: ['notes', 'sampleUrl', 'blankFormUrl'],
    columns: [
      code, ...L('name', '/name', '材料名称'),
      { header: 'required', path: '/required', type: 'bool', note: '是否必需：是/否', width: 8 },
      { header: 'form', path: '/form', type: 'text', note: 'original 原件 / copy 复印件 / original_and_copy', width: 14 },
      { header: 'medium', path: '/medium', type: 'text', note: 'paper 纸质 / electronic 电子 / either', width: 10 },
      { header: 'copies', path: '/copies', type: 'int', note: '份数', width: 6 },
      { header: 'source', path: '/source', type: 'text', note: 'applicant 申请人提供 / system 系统共享免提交', width: 10 },
      { header: 'pending_allowed', path: '/pendingAllowed', type: 'bool', note: '可容缺受理：是/否', width: 8 },
      ...L('notes', '/notes', '填写说明（可空）'),
      { header: 'sample_url', path: '/sampleUrl', type: 'text', note: '样表地址（可空）', width: 20 },
      { header: 'blank_form_url', path: '/blankFormUrl', type: 'text', note: '空白表格地址（可空）', width: 20 },
    ],
  },
  {
    name: 'steps', target: 'steps', optional: ['criteria', 'result'],
    columns: [
      code, ...L('name', '/name', '环节名称'), ...L('handler', '/handler', '办理人/岗位'),
      { header: 'limit_days', path: '/limitDays', type: 'number', note: '环节时限（工作日）', width: 8 },
      ...L('criteria', '/criteria', '审查标准（可空）'), ...L('result', '/result', '环节结果（可空）'),
    ],
  },
  {
    name: 'fees', target: 'fees', optional: ['basis'],
    columns: [code, ...L('name', '/name', '收费项目'), { header: 'amount', path: '/amount', type: 'number', note: '金额（元）', width: 8 }, ...L('basis', '/basis', '收费依据（可空）')],
  },
  {
    name: 'windows', target: 'windows', optional: ['phone'],
    columns: [
      code, { header: 'campus', path: '/campus', type: 'text', note: '校区编码', width: 10 },
      ...L('address', '/address', '办理地点'), ...L('hours', '/hours', '办理时间'),
      { header: 'phone', path: '/phone', type: 'text', note: '窗口电话（可空）', width: 14 },
    ],
  },
  { name: 'policy_basis', target: 'policyBasis', columns: [code, ...L('text', '', '设定依据', 60)] },
  { name: 'conditions', target: 'conditions', columns: [code, ...L('text', '', '受理条件', 60)] },
  { name: 'cautions', target: 'cautions', columns: [code, ...L('text', '', '注意事项', 60)] },
  { name: 'faq', target: 'faq', columns: [code, ...L('q', '/q', '问题', 40), ...L('a', '/a', '解答', 60)] },
];

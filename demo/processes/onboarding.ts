// 新教工入职 as a life-event bundle (一件事一次办): one merged form, five child cases — HR check-in, the
// salary card at Finance, the campus card, the network account and an office arranged by the college.
// Each member is a service of its own (it can also be applied for alone); the bundle only fills its form.
import type { BundleDefinition } from '../../common/bundle.ts';
import type { PersonSeed } from '../../common/org.ts';
import type { ProfileSeed } from './people.ts';
import { applicantUnitReviewer, field, fromRecords, n, options, reviewerOf, type DemoProcess } from './kit.ts';

const ID_NUMBER = '^\\d{17}[\\dXx]$';
const CAMPUS = options(['main', '主校区', 'Main campus'], ['east', '东校区', 'East campus']);

const hrCheckIn: DemoProcess = {
  service: 'staff-id-card',
  form: {
    fields: [
      ...fromRecords('name', 'staffNo', 'department', 'hireDate'),
      field('idNumber', 'text', ['居民身份证号', 'Resident ID number'], { required: true, pattern: ID_NUMBER }),
      field('education', 'select', ['最高学历学位', 'Highest degree'], {
        required: true, options: options(['phd', '博士研究生', 'Doctorate'], ['master', '硕士研究生', 'Master\'s'], ['bachelor', '大学本科', 'Bachelor\'s']),
      }),
    ],
  },
  process: {
    start: 'hr', promisedLimitDays: 5,
    steps: [{ id: 'hr', name: n('人事处报到登记、制发工作证', 'HR check-in and staff ID card'), kind: 'approval', assignee: reviewerOf('hr'), limitDays: 2 }],
  },
};

const salaryCard: DemoProcess = {
  service: 'salary-card-change',
  form: {
    fields: [
      ...fromRecords('name', 'staffNo', 'department'),
      field('reason', 'select', ['办理类型', 'Kind of request'], { required: true, options: options(['new', '新入职登记工资卡', 'New staff: register a salary card'], ['change', '更换工资卡', 'Change the salary card']) }),
      ...fromRecords('bankName', 'bankCard'),
    ],
  },
  process: {
    start: 'finance', promisedLimitDays: 5,
    steps: [{ id: 'finance', name: n('财务处登记工资卡', 'Finance registers the salary card'), kind: 'approval', assignee: reviewerOf('finance'), limitDays: 3 }],
  },
};

const campusCard: DemoProcess = {
  service: 'campus-card-replacement',
  form: {
    fields: [
      ...fromRecords('name', 'staffNo', 'department'),
      field('kind', 'select', ['办理类型', 'Kind of request'], { required: true, options: options(['new', '新办', 'New card'], ['replace', '补办', 'Replacement']) }),
      field('campus', 'select', ['领卡校区', 'Collect the card on'], { required: true, options: CAMPUS }),
    ],
  },
  process: {
    start: 'card', promisedLimitDays: 3,
    steps: [{ id: 'card', name: n('校园卡中心制卡', 'Campus Card Center makes the card'), kind: 'approval', assignee: reviewerOf('campus-card'), limitDays: 2 }],
  },
};

const networkAccount: DemoProcess = {
  service: 'campus-network',
  form: {
    fields: [
      ...fromRecords('name', 'staffNo', 'department', 'phone'),
      field('purpose', 'select', ['办理类型', 'Kind of request'], { required: true, options: options(['open', '开通上网账号', 'Open a network account'], ['fault', '故障报修', 'Report a fault']) }),
      field('account', 'text', ['希望使用的账号名', 'Account name you would like'], {
        required: true, visibleIf: "purpose == 'open'", pattern: '^[a-z][a-z0-9.]{2,19}$',
        help: n('小写字母开头，3–20 位字母、数字或点', 'Starts with a lower-case letter; 3–20 letters, digits or dots'),
      }),
      field('fault', 'textarea', ['故障描述', 'What is wrong'], { required: true, visibleIf: "purpose == 'fault'", maxLength: 1000 }),
    ],
  },
  process: {
    start: 'it', promisedLimitDays: 1,
    steps: [{ id: 'it', name: n('网络与信息中心开通账号', 'IT Center opens the account'), kind: 'approval', assignee: reviewerOf('it'), limitDays: 1 }],
  },
};

const office: DemoProcess = {
  service: 'office-space',
  form: {
    fields: [
      ...fromRecords('name', 'staffNo', 'department', 'phone'),
      field('need', 'select', ['用房需求', 'What you need'], {
        required: true, options: options(['shared', '合用办公室工位', 'A desk in a shared office'], ['single', '独立办公室', 'An office of my own'], ['lab', '实验室工位', 'A bench in a lab']),
      }),
      field('campus', 'select', ['所在校区', 'Campus'], { required: true, options: CAMPUS }),
      field('note', 'textarea', ['其他说明', 'Anything else'], { maxLength: 1000 }),
    ],
  },
  process: {
    start: 'college', promisedLimitDays: 20, // as the service item promises (公用房使用申请: 20 working days)
    steps: [{ id: 'college', name: n('所在学院安排办公用房', 'Your college arranges an office'), kind: 'approval', assignee: applicantUnitReviewer, limitDays: 3 }],
  },
};

/** The member services of 新教工入职, published before the bundle. */
export const onboardingMembers: DemoProcess[] = [hrCheckIn, salaryCard, campusCard, networkAccount, office];

/** 新教工入职: shared fields once (most from the records), then what each office needs. */
export const onboardingBundle: { service: string; definition: BundleDefinition } = {
  service: 'new-staff-onboarding',
  definition: {
    promisedLimitDays: 5,
    form: {
      fields: [
        ...fromRecords('name', 'staffNo', 'department', 'phone', 'hireDate'),
        field('idNumber', 'text', ['居民身份证号', 'Resident ID number'], { required: true, pattern: ID_NUMBER }),
        field('education', 'select', ['最高学历学位', 'Highest degree'], {
          required: true, options: options(['phd', '博士研究生', 'Doctorate'], ['master', '硕士研究生', 'Master\'s'], ['bachelor', '大学本科', 'Bachelor\'s']),
        }),
        ...fromRecords('bankName', 'bankCard'),
        field('campus', 'select', ['工作校区（领取校园卡、安排办公用房）', 'Campus you work on (card pickup, office)'], { required: true, options: CAMPUS }),
        field('account', 'text', ['希望使用的上网账号名', 'Network account name you would like'], {
          required: true, pattern: '^[a-z][a-z0-9.]{2,19}$',
          help: n('小写字母开头，3–20 位字母、数字或点', 'Starts with a lower-case letter; 3–20 letters, digits or dots'),
        }),
        field('officeNeed', 'select', ['办公用房需求', 'Office you need'], {
          required: true, options: options(['shared', '合用办公室工位', 'A desk in a shared office'], ['single', '独立办公室', 'An office of my own'], ['lab', '实验室工位', 'A bench in a lab']),
        }),
        field('officeNote', 'textarea', ['用房其他说明', 'Anything else about the office'], { maxLength: 1000 }),
      ],
    },
    members: [
      { key: 'hr', service: 'staff-id-card', name: n('人事处 · 报到登记与工作证', 'HR · check-in and staff ID card') },
      { key: 'salary', service: 'salary-card-change', name: n('财务处 · 工资卡登记', 'Finance · salary card'), map: { reason: { value: 'new' } } },
      { key: 'card', service: 'campus-card-replacement', name: n('校园卡中心 · 新办校园卡', 'Campus card · new card'), map: { kind: { value: 'new' } } },
      { key: 'network', service: 'campus-network', name: n('网络与信息中心 · 上网账号', 'IT Center · network account'), map: { purpose: { value: 'open' } } },
      // 公用房使用申请 promises 20 working days on its own (a room allocation); for a new teacher's desk the
      // colleges agreed to 5 within the bundle, so the bundle's promise holds (lintBundle checks it).
      {
        key: 'office', service: 'office-space', name: n('所在学院 · 办公用房', 'Your college · office'), map: { need: { field: 'officeNeed' }, note: { field: 'officeNote' } },
        promisedLimitDays: 5,
      },
    ],
  },
};

/** The reviewer of the IT Center, and a newly recruited teacher to try the bundle with. */
export const onboardingPeople: PersonSeed[] = [
  { username: 'itreviewer', displayName: '江涛', kind: 'staff', orgUnit: 'it', email: 'itreviewer@demo.edu.cn', phone: '13807110412',
    roles: [{ role: 'dept_reviewer', scope: 'it' }, { role: 'applicant', scope: 'school' }] },
  { username: 'newteacher', displayName: '林晓', kind: 'staff', orgUnit: 'cs', email: 'newteacher@demo.edu.cn', phone: '13807110413',
    roles: [{ role: 'applicant', scope: 'school' }] },
];

/** HR has recorded the new teacher's staff number and start date; the bank card is not known yet. */
export const onboardingProfiles: ProfileSeed[] = [
  { username: 'itreviewer', staffNo: 'T000812', title: '工程师', bankName: '中国工商银行武汉洪山支行', bankCard: '6222023200000812', hireDate: '2015-07-01', supervisor: null },
  { username: 'newteacher', staffNo: 'T202612', title: '讲师', bankName: null, bankCard: null, hireDate: '2026-12-01', supervisor: 'csdean' },
];

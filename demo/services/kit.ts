// Small builders for the demo catalog: they fill the parts of a guide that follow from the owning
// department (window, hours, contacts) so that each service file only carries its own text.
import type {
  Audience, LifeEvent, Localized, Material, ServiceItemContent, ServiceItemSeed, Step,
} from '../../common/catalog.ts';

/** A text in both languages: [Chinese, English]. */
export type T = readonly [string, string];
export const L = (t: T): Localized => ({ zh: t[0], en: t[1] });

const HALL_HOURS: T = ['周一至周五 8:30-11:30，14:00-17:00（法定节假日除外）', 'Mon–Fri 8:30–11:30 and 14:00–17:00, closed on public holidays'];
/** Efficiency supervision line of the service hall: every complaint is registered and answered. */
export const COMPLAINT_PHONE = '027-68780000';

interface DeptDesk {
  phone: string;
  email: string;
  /** window number in the service hall (both campuses) */
  win: number;
  /** the department's own office where the business is handled outside the hall */
  own?: Partial<Record<'main' | 'east', T>>;
  hours?: T;
}

const hall = (campus: string, n: number): T => campus === 'east'
  ? [`东校区综合楼 A 座一楼服务分中心 ${n} 号窗口`, `Window ${n}, Service Center branch, ground floor, Building A, East Campus`]
  : [`主校区行政楼一楼师生综合服务中心 ${n} 号窗口`, `Window ${n}, Faculty and Student Service Center, ground floor, Administration Building, Main Campus`];

export const DESKS: Record<string, DeptDesk> = {
  'service-hall': { phone: '027-68780001', email: 'hall@demo.edu.cn', win: 1 },
  'president-office': { phone: '027-68781102', email: 'xb@demo.edu.cn', win: 2 },
  hr: { phone: '027-68781201', email: 'rsc@demo.edu.cn', win: 3 },
  'hr-salary': { phone: '027-68781206', email: 'xc@demo.edu.cn', win: 3 },
  finance: { phone: '027-68781301', email: 'cwc@demo.edu.cn', win: 5,
    own: { main: ['主校区行政楼二楼财务处报销大厅', 'Reimbursement hall, 2nd floor, Administration Building, Main Campus'] } },
  research: { phone: '027-68781401', email: 'kjy@demo.edu.cn', win: 6 },
  'social-science': { phone: '027-68781411', email: 'skc@demo.edu.cn', win: 6 },
  assets: { phone: '027-68781501', email: 'zcc@demo.edu.cn', win: 7 },
  procurement: { phone: '027-68781511', email: 'cgzx@demo.edu.cn', win: 7 },
  academic: { phone: '027-68781601', email: 'jwc@demo.edu.cn', win: 8 },
  graduate: { phone: '027-68781651', email: 'yjsy@demo.edu.cn', win: 8 },
  'student-affairs': { phone: '027-68781701', email: 'xgb@demo.edu.cn', win: 9 },
  'student-aid': { phone: '027-68781711', email: 'zizhu@demo.edu.cn', win: 9 },
  'mental-health': { phone: '027-68781720', email: 'xinli@demo.edu.cn', win: 9,
    own: { main: ['主校区大学生活动中心三楼心理健康教育中心', 'Mental Health Education Center, 3rd floor, Student Activity Center, Main Campus'],
      east: ['东校区学生服务楼二楼心理咨询室', 'Counselling rooms, 2nd floor, Student Services Building, East Campus'] },
    hours: ['周一至周五 8:30-11:30，14:00-17:30，19:00-21:00', 'Mon–Fri 8:30–11:30, 14:00–17:30 and 19:00–21:00'] },
  logistics: { phone: '027-68781801', email: 'hqc@demo.edu.cn', win: 10 },
  venues: { phone: '027-68781821', email: 'cgzx-ty@demo.edu.cn', win: 10,
    own: { main: ['主校区体育馆一楼服务台', 'Front desk, ground floor, Gymnasium, Main Campus'], east: ['东校区体育中心服务台', 'Front desk, Sports Center, East Campus'] },
    hours: ['每日 8:00-21:30', 'Daily 8:00–21:30'] },
  security: { phone: '027-68781901', email: 'bwc@demo.edu.cn', win: 11,
    own: { main: ['主校区南门保卫处户籍与证件服务室', 'Registration and permits office, Security Department, South Gate, Main Campus'] } },
  international: { phone: '027-68782001', email: 'gjc@demo.edu.cn', win: 12 },
  'visa-office': { phone: '027-68782011', email: 'visa@demo.edu.cn', win: 12 },
  retirees: { phone: '027-68782101', email: 'ltc@demo.edu.cn', win: 4,
    own: { main: ['主校区老干部活动中心一楼离退休工作处', 'Office of Retired Staff Affairs, ground floor, Senior Activity Center, Main Campus'] } },
  it: { phone: '027-68782201', email: 'nic@demo.edu.cn', win: 13,
    own: { main: ['主校区信息楼一楼网络服务大厅', 'Network service desk, ground floor, Information Building, Main Campus'] } },
  library: { phone: '027-68782301', email: 'lib@demo.edu.cn', win: 14,
    own: { main: ['主校区图书馆一楼总服务台', 'Main service desk, ground floor, Library, Main Campus'], east: ['东校区图书馆分馆一楼服务台', 'Service desk, ground floor, East Campus Library'] },
    hours: ['周一至周日 8:00-22:00', 'Daily 8:00–22:00'] },
  clinic: { phone: '027-68782401', email: 'xyy@demo.edu.cn', win: 15,
    own: { main: ['主校区校医院门诊楼一楼医保办', 'Medical insurance office, ground floor, Outpatient Building, University Hospital, Main Campus'],
      east: ['东校区门诊部一楼收费处旁', 'Next to the cashier, ground floor, East Campus Clinic'] },
    hours: ['周一至周五 8:00-11:30，14:00-17:30', 'Mon–Fri 8:00–11:30 and 14:00–17:30'] },
  union: { phone: '027-68782501', email: 'gonghui@demo.edu.cn', win: 4 },
  archives: { phone: '027-68782601', email: 'dag@demo.edu.cn', win: 16,
    own: { main: ['主校区档案馆一楼查档大厅', 'Reading room, ground floor, University Archives, Main Campus'] } },
  admissions: { phone: '027-68782701', email: 'zsb@demo.edu.cn', win: 8 },
  careers: { phone: '027-68782801', email: 'jyzx@demo.edu.cn', win: 9 },
  audit: { phone: '027-68782901', email: 'sjc@demo.edu.cn', win: 5 },
  construction: { phone: '027-68783001', email: 'jjc@demo.edu.cn', win: 7 },
  housing: { phone: '027-68783101', email: 'fcc@demo.edu.cn', win: 10 },
  'housing-fund': { phone: '027-68783111', email: 'gjj@demo.edu.cn', win: 10 },
  'campus-card': { phone: '027-68783201', email: 'card@demo.edu.cn', win: 17,
    own: { main: ['主校区学生食堂一楼校园卡服务点', 'Campus card desk, ground floor, Student Canteen, Main Campus'] },
    hours: ['周一至周日 8:30-11:30，14:00-17:30', 'Daily 8:30–11:30 and 14:00–17:30'] },
  'hr-talent': { phone: '027-68781211', email: 'rczx@demo.edu.cn', win: 3 },
  'finance-east': { phone: '027-68781331', email: 'cwc-east@demo.edu.cn', win: 5 },
  postdoc: { phone: '027-68783301', email: 'bsh@demo.edu.cn', win: 3 },
  legal: { phone: '027-68783401', email: 'fwb@demo.edu.cn', win: 2 },
  'seal-room': { phone: '027-68780002', email: 'seal@demo.edu.cn', win: 2 },
  alumni: { phone: '027-68783501', email: 'xyh@demo.edu.cn', win: 1 },
  'youth-league': { phone: '027-68783601', email: 'tw@demo.edu.cn', win: 9 },
  organization: { phone: '027-68783701', email: 'zzb@demo.edu.cn', win: 2 },
};

export const HALL_WINDOW = (campus: string, dept: string): { campus: string; address: Localized; hours: Localized; phone: string } => {
  const d = DESKS[dept];
  if (!d) throw new Error(`no desk for department ${dept}`);
  const own = d.own?.[campus as 'main' | 'east'];
  return { campus, address: L(own ?? hall(campus, d.win)), hours: L(own && d.hours ? d.hours : HALL_HOURS), phone: d.phone };
};

// ---- materials, steps, fees ------------------------------------------------------------------

interface MatOpts {
  /** o = original, c = copy, oc = original and copy (default o) */
  f?: 'o' | 'c' | 'oc';
  /** p = paper, e = electronic, x = either (default x) */
  med?: 'p' | 'e' | 'x';
  n?: number;
  /** optional material */
  opt?: boolean;
  /** 容缺受理: may follow later */
  pend?: boolean;
  note?: T;
  sample?: string;
  blank?: string;
}
const FORMS = { o: 'original', c: 'copy', oc: 'original_and_copy' } as const;
const MEDIA = { p: 'paper', e: 'electronic', x: 'either' } as const;

/** A material the applicant brings or uploads. */
export function mat(zh: string, en: string, o: MatOpts = {}): Material {
  const m: Material = {
    name: { zh, en }, required: !o.opt, form: FORMS[o.f ?? 'o'], medium: MEDIA[o.med ?? 'x'],
    copies: o.n ?? 1, source: 'applicant', pendingAllowed: !!o.pend,
  };
  if (o.note) m.notes = L(o.note);
  if (o.sample) m.sampleUrl = o.sample;
  if (o.blank) m.blankFormUrl = o.blank;
  return m;
}

/** A material the university's systems already hold: shown in the list, never submitted (免提交). */
export function sys(zh: string, en: string, from: T): Material {
  return {
    name: { zh, en }, required: true, form: 'original', medium: 'electronic', copies: 0, source: 'system', pendingAllowed: false,
    notes: { zh: `由${from[0]}共享调取，无需提交`, en: `Shared by ${from[1]}; you need not submit it` },
  };
}

export function step(name: T, handler: T, days: number, criteria?: T, result?: T): Step {
  const s: Step = { name: L(name), handler: L(handler), limitDays: days };
  if (criteria) s.criteria = L(criteria);
  if (result) s.result = L(result);
  return s;
}

/** Frequent handlers. */
export const H = {
  applicant: ['申请人', 'Applicant'],
  window: ['综合窗口工作人员', 'Integrated window clerk'],
  unit: ['所在单位负责人', 'Head of the applicant\'s unit'],
  college: ['学院（部门）办公室', 'Office of the school or department'],
  hr: ['人事处经办人', 'Human Resources officer'],
  hrHead: ['人事处负责人', 'Head of Human Resources'],
  finance: ['财务处会计', 'Finance Department accountant'],
  research: ['科学技术研究院项目主管', 'Research Office programme officer'],
  assets: ['资产管理处经办人', 'Asset Management officer'],
  academic: ['教务处经办人', 'Academic Affairs officer'],
  graduate: ['研究生院培养办', 'Graduate School training office'],
  counsellor: ['辅导员', 'Student counsellor'],
  studentAffairs: ['学生工作部经办人', 'Student Affairs officer'],
  international: ['国际合作与交流处经办人', 'International Office officer'],
  housing: ['房产管理处经办人', 'Property Management officer'],
  fund: ['住房公积金管理科经办人', 'Housing Fund Section officer'],
  retirees: ['离退休工作处经办人', 'Retired Staff Affairs officer'],
  it: ['网络与信息中心工程师', 'Network and Information Center engineer'],
  security: ['保卫处经办人', 'Security Department officer'],
  clinic: ['校医院医保办', 'University Hospital insurance office'],
  seal: ['印章管理员', 'Seal custodian'],
  legal: ['法律事务办公室', 'Office of Legal Affairs'],
  system: ['系统自动处理', 'Automatic (system)'],
} as const satisfies Record<string, T>;

export function fee(name: T, amount: number, basis?: T) {
  return basis ? { name: L(name), amount, basis: L(basis) } : { name: L(name), amount };
}

// ---- the item builder ------------------------------------------------------------------------

export interface Spec {
  code: string;
  pop: number;
  name: T;
  summary: T;
  dept: string;
  co?: string[];
  cat: string;
  aud: Audience[];
  life: LifeEvent[];
  /** default both campuses */
  campuses?: Array<'main' | 'east'>;
  mode: 'online' | 'offline' | 'both';
  /** promised limit: working days, or [n, 'n'] natural days; 0 = done on the spot (即办) */
  limit: number | readonly [number, 'w' | 'n'];
  statutory?: readonly [number, 'w' | 'n'];
  visits: 0 | 1;
  why: T;
  basis: T[];
  elig: T;
  cond: T[];
  mats: Material[];
  steps: Step[];
  fees?: ReturnType<typeof fee>[];
  /** campuses with a window; default the item's campuses */
  windows?: Array<'main' | 'east'>;
  flags?: Partial<{ booking: boolean; courier: boolean; pay: boolean; kiosk: boolean }>;
  result: readonly [T, ServiceItemContent['result']['kind'], T?];
  cautions: T[];
  faq: Array<readonly [T, T]>;
}

const unit = (u: 'w' | 'n') => (u === 'n' ? 'natural_day' : 'working_day') as 'natural_day' | 'working_day';

export function svc(s: Spec): ServiceItemSeed {
  const campuses = s.campuses ?? ['main', 'east'];
  const [limitValue, limitUnit] = typeof s.limit === 'number' ? [s.limit, 'w' as const] : s.limit;
  const desk = DESKS[s.dept];
  if (!desk) throw new Error(`no desk for department ${s.dept}`);
  const fees = s.fees ?? [];
  const content: ServiceItemContent = {
    name: L(s.name),
    summary: L(s.summary),
    department: s.dept,
    coDepartments: s.co ?? [],
    category: s.cat,
    audiences: s.aud,
    lifeEvents: s.life,
    campuses,
    mode: s.mode,
    handling: limitValue === 0 ? 'instant' : 'promised',
    promisedLimit: { value: limitValue, unit: unit(limitUnit) },
    visits: s.visits,
    visitsReason: L(s.why),
    policyBasis: s.basis.map(L),
    eligibility: L(s.elig),
    conditions: s.cond.map(L),
    materials: s.mats,
    steps: s.steps,
    fees,
    windows: (s.windows ?? campuses).map((c) => HALL_WINDOW(c, s.dept)),
    contacts: { enquiryPhone: desk.phone, complaintPhone: COMPLAINT_PHONE, email: desk.email },
    flags: {
      booking: s.flags?.booking ?? (s.visits === 1 && s.mode !== 'online'),
      courier: s.flags?.courier ?? false,
      onlinePayment: s.flags?.pay ?? false,
      kiosk: s.flags?.kiosk ?? false,
    },
    result: { name: L(s.result[0]), kind: s.result[1], ...(s.result[2] ? { validity: L(s.result[2]) } : {}) },
    cautions: s.cautions.map(L),
    faq: s.faq.map(([q, a]) => ({ q: L(q), a: L(a) })),
  };
  if (s.statutory) content.statutoryLimit = { value: s.statutory[0], unit: unit(s.statutory[1]) };
  return { code: s.code, popularity: s.pop, content };
}

/** Shared system sources, for `sys(…)`. */
export const SRC = {
  hr: ['人事系统', 'the HR system'],
  finance: ['财务系统', 'the finance system'],
  student: ['学籍系统', 'the student records system'],
  grad: ['研究生管理系统', 'the graduate records system'],
  research: ['科研管理系统', 'the research management system'],
  assets: ['资产管理系统', 'the asset management system'],
  card: ['校园卡系统', 'the campus card system'],
  identity: ['统一身份认证平台', 'the campus identity platform'],
  fund: ['住房公积金管理中心', 'the housing provident fund centre'],
  archives: ['档案管理系统', 'the archives system'],
} as const satisfies Record<string, T>;

// Notices of the demo hall (通知公告), published relative to the day the demo is loaded.
import type { Audience } from '../../common/catalog.ts';

export interface NoticeSeed {
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  audiences: Audience[];
  /** days from the seeding day: publish from (negative = already published) and until (null = open-ended) */
  fromDays: number;
  untilDays: number | null;
}

export const demoNotices: NoticeSeed[] = [
  {
    title: { zh: '元旦假期服务大厅开放时间调整', en: 'Service hall hours over the New Year holiday' },
    body: {
      zh: '元旦假期（1月1日至1月3日）两校区服务大厅窗口暂停对外办理，线上事项照常受理，自助服务区照常开放（7:00—22:00）。1月4日起恢复正常办公时间。急需办理的证明类事项请在线申请，电子证明即时生成。',
      en: 'Over the New Year holiday (January 1–3) the windows of the service hall on both campuses are closed; online services run as usual and the self-service area stays open (7:00–22:00). Normal hours resume on January 4. For urgent certificates, apply online: electronic certificates are issued at once.',
    },
    audiences: [], fromDays: -2, untilDays: 45,
  },
  {
    title: { zh: '2026年度个人所得税综合所得汇算清缴提醒', en: 'Reminder: annual individual income tax settlement for 2026' },
    body: {
      zh: '2026年度个税汇算清缴办理时间为2027年3月1日至6月30日。教职工可通过“个人所得税”App自行办理，也可在服务大厅“个税汇算”事项中预约财务处协助。需补税且综合所得收入超过12万元的，请务必在截止日前完成申报。',
      en: 'The 2026 individual income tax settlement runs from March 1 to June 30, 2027. Staff can file in the official Individual Income Tax app or book help from the Finance Office through the "Annual income tax settlement" service. If you owe tax and your comprehensive income exceeds ¥120,000, file before the deadline.',
    },
    audiences: ['staff', 'retiree'], fromDays: -5, untilDays: 220,
  },
  {
    title: { zh: '住房公积金系统升级，部分业务暂停办理', en: 'Housing fund system upgrade: some services paused' },
    body: {
      zh: '因市住房公积金管理中心系统升级，本周六、周日暂停公积金提取、补贴申请的线上受理，期间提交的申请将于下周一起按顺序办理，办理时限顺延。查询类业务不受影响。',
      en: 'The city housing fund centre is upgrading its system: this Saturday and Sunday, online withdrawal and subsidy applications are paused. Applications sent in that time are handled in order from Monday, with their time limits extended accordingly. Enquiries are not affected.',
    },
    audiences: ['staff', 'retiree'], fromDays: -1, untilDays: 10,
  },
  {
    title: { zh: '毕业生离校手续办理安排', en: 'Leaving procedures for graduating students' },
    body: {
      zh: '应届毕业生请在离校前通过“毕业离校”事项在线完成图书归还、宿舍退宿、一卡通清算等手续，各部门并联审核，无需逐个部门跑腿。学位证书与毕业证书领取时间另行通知。',
      en: 'Graduating students: complete returning library books, leaving the dormitory and settling the campus card online through the "Leaving on graduation" service before you go. The offices review in parallel, so there is no need to visit each of them. Collection of degree and graduation certificates will be announced separately.',
    },
    audiences: ['student'], fromDays: -3, untilDays: 60,
  },
];

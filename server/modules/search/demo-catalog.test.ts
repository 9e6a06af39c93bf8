// The real demo catalog, queried the way a teacher or student would type — written from the user's side,
// not from the index. Each query must land an intended service in the top 3.
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceItems } from '../../../demo/services/index.ts';
import { SearchIndex } from './search-index.ts';

const cases: [query: string, intended: string[]][] = [
  ['在职证明', ['employment-certificate']],
  ['zaizhizhengming', ['employment-certificate']],
  ['zai zhi zheng ming', ['employment-certificate']],
  ['zzzm', ['employment-certificate']],
  ['开在职证明', ['employment-certificate']],
  ['公积金', ['housing-fund-transfer', 'housing-fund-loan', 'housing-fund-rent-withdrawal', 'housing-fund-retirement-withdrawal', 'housing-subsidy-lump-sum']],
  ['租房提取公积金', ['housing-fund-rent-withdrawal']],
  ['差旅报销', ['travel-reimbursement']],
  ['出差报销', ['travel-reimbursement']],
  ['出国', ['private-travel-abroad', 'official-travel-abroad', 'student-exchange']],
  ['退休', ['retirement-procedure']],
  ['医保报销', ['medical-reimbursement']],
  ['医保包销', ['medical-reimbursement']],
  ['yibaobaoxiao', ['medical-reimbursement']],
  ['ybbx', ['medical-reimbursement']],
  ['看病的钱怎么报', ['medical-reimbursement', 'student-medical-reimbursement']],
  ['体检', ['staff-health-checkup']],
  ['校园卡丢了', ['campus-card-replacement']],
  ['饭卡丢了', ['campus-card-replacement']],
  ['成绩单', ['transcript']],
  ['vpn', ['vpn-access']],
  ['密码忘了', ['password-reset']],
  ['请假', ['leave-request']],
  ['工资条', ['salary-slip']],
  ['盖章', ['official-seal-use']],
  ['访客进校', ['visitor-appointment']],
  ['会议室', ['meeting-room-booking']],
  ['产假', ['maternity-leave']],
  ['评职称', ['title-application']],
  ['在读证明', ['enrollment-certificate']],
  ['选课', ['course-add-drop']],
  ['收入证名', ['income-certificate']],
  ['报修', ['repair-request']],
  ['奖学金', ['scholarship']],
  ['wifi连不上', ['campus-network']],
];

describe('the demo catalog', () => {
  const ix = new SearchIndex();
  beforeAll(() => {
    for (const s of serviceItems) {
      const c = s.content;
      ix.add({ kind: 'service', id: s.code, title: c.name.zh, body: `${c.summary.zh}\n${c.eligibility.zh}`, popularity: s.popularity });
    }
  });

  it.each(cases)('search %s lands an intended service in the top 3', (q, intended) => {
    const top3 = ix.search(q).hits.slice(0, 3).map((h) => h.id);
    expect(top3.filter((id) => intended.includes(id)), `${q} → ${top3.join(', ')}`).not.toEqual([]);
  });

  it('tells the user which query it corrected to', () => {
    expect(ix.search('收入证名').corrected).toBe('收入证明');
    expect(ix.search('公积今').corrected).toBe('公积金');
    expect(ix.search('在职证明').corrected).toBeUndefined();
  });

  it.each([
    ['公积', 'housing-fund'],
    ['gongjijin', 'housing-fund'],
    ['医保', 'medical-reimbursement'],
    ['ybbx', 'medical-reimbursement'],
    ['zaizhi', 'employment-certificate'],
    ['工会', 'union-family-gift'],
  ])('suggest %s offers %s', (q, intended) => {
    const ids = ix.suggest(q, 5).map((s) => s.id);
    expect(ids.some((id) => id.startsWith(intended)), `${q} → ${ids.join(', ')}`).toBe(true);
  });
});

// Reviewers the demo processes need beyond demo/people.ts, and the records (一张表) forms bind to.
import type { PersonSeed } from '../../common/org.ts';
import { people } from '../people.ts';

const reviewer = (username: string, displayName: string, unit: string, phone: string, role: PersonSeed['roles'][number]['role'] = 'dept_reviewer'): PersonSeed => ({
  username, displayName, kind: 'staff', orgUnit: unit, email: `${username}@demo.edu.cn`, phone,
  roles: role ? [{ role, scope: unit }, { role: 'applicant', scope: 'school' }] : [{ role: 'applicant', scope: 'school' }],
});

/** Extra demo accounts (password as every demo account) that work the demo processes' tasks. */
export const processPeople: PersonSeed[] = [
  reviewer('csdean', '钱立新', 'cs', '13807110401'),
  reviewer('engdean', '邓志远', 'engineering', '13807110402'),
  reviewer('econdean', '许文静', 'econ-mgmt', '13807110403'),
  reviewer('libreviewer', '唐晓梅', 'library', '13807110404'),
  reviewer('assetreviewer', '韩卫东', 'assets', '13807110405'),
  reviewer('cardreviewer', '曹丽', 'campus-card', '13807110406'),
  reviewer('fundreviewer', '彭国强', 'housing-fund', '13807110407'),
  reviewer('housingreviewer', '袁芳', 'housing', '13807110408'),
  reviewer('postdocreviewer', '蔡明', 'postdoc', '13807110409'),
  reviewer('auditreviewer', '潘建华', 'audit', '13807110410'),
  { username: 'vp', displayName: '程国华', kind: 'staff', orgUnit: 'president-office', email: 'vp@demo.edu.cn', phone: '13807110411', roles: [{ role: 'applicant', scope: 'school' }] },
];

export interface ProfileSeed {
  username: string; staffNo: string | null; title: string | null; bankName: string | null; bankCard: string | null;
  hireDate: string | null; supervisor: string | null;
}

const TITLES: Record<string, string> = {
  teacher: '副教授', zhangwei: '教授', lina: '讲师', wangfang: '副主任医师', liuyang: '副教授', chenjing: '讲师',
  yangqiang: '教授', xuli: '副教授', sunhao: '高级工程师', zhoumin: '副研究馆员', hujun: '研究员',
  csdean: '教授、院长', engdean: '教授、院长', econdean: '教授、院长', vp: '教授、副校长', retiree: '教授（退休）', retiree2: '副教授（退休）',
};
const DEANS: Record<string, string> = { cs: 'csdean', engineering: 'engdean', 'econ-mgmt': 'econdean' };

/** Deterministic records for every demo person: staff and retirees have staff numbers and bank cards. */
export function profileSeeds(): ProfileSeed[] {
  return [...people, ...processPeople].map((p, i) => {
    const staffLike = p.kind === 'staff' || p.kind === 'retiree';
    const student = p.kind === 'student';
    const dean = DEANS[p.orgUnit];
    return {
      username: p.username,
      staffNo: staffLike ? `T${String(10001 + i * 7).padStart(6, '0')}` : student ? `S2025${String(1001 + i).padStart(5, '0')}` : null,
      title: staffLike ? (TITLES[p.username] ?? (p.roles.some((r) => r.role !== 'applicant') ? '科员' : '讲师')) : null,
      bankName: staffLike || student ? '中国工商银行武汉洪山支行' : null,
      bankCard: staffLike || student ? `6222023200${String(10000000 + i * 7919).slice(-8)}` : null,
      hireDate: staffLike ? `20${String(5 + (i % 18)).padStart(2, '0')}-0${1 + (i % 9)}-01` : null,
      supervisor: p.kind === 'staff' && dean && dean !== p.username ? dean : null,
    };
  });
}

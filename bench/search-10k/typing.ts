// Realistic typing for the suggest benchmark: what the search box sends on each keystroke while a person
// types a phrase — Chinese committed character by character (the strictest IME case), full pinyin letter by
// letter, initials letter by letter, and the mixed form an IME leaves mid-word (医保 then b, ba, bao …).
// Targets are service names and everyday phrasings of what people look for, not index titles only.
import { pinyinKeys } from '../../server/modules/search/tokenize.ts';
import { rng } from './corpus.ts';
import { serviceItems } from '../../demo/services/index.ts';

export type KeystrokeKind = 'hanzi' | 'pinyin' | 'initials' | 'mixed';
export interface Keystroke { kind: KeystrokeKind; sequence: number; q: string }

/** Everyday phrasings people type (colloquial, half-remembered, not copied from titles). */
const PHRASES = [
  '看病的钱怎么报', '住院报销', '医保报销', '公积金提取', '公积金怎么取', '工资条在哪看', '在职证明', '收入证明怎么开',
  '宿舍空调坏了', '校园卡丢了', '饭卡补办', '出国审批', '护照办理', '年假怎么请', '请假流程', '出差报销', '发票怎么开',
  '成绩单打印', '在读证明', '毕业证丢了', '工会会员证', '暑假值班', '体检预约', '健康检查', '校园网连不上', '密码忘了',
  '邮箱申请', '科研项目结题', '论文答辩', '学位证明', '退休手续', '养老金查询', '租房提取', '停车证', '访客入校',
  '档案转递', '户口迁移', '职称评审', '助学金申请', '奖学金', '会议室预约', '公章使用', '合同用印', '资产报废',
];

function short(name: string): string {
  // service names carry qualifiers people do not type: 医保报销（教职工） → 医保报销
  return name.replace(/[（(].*?[）)]/g, '').trim();
}

/** The keystroke list, deterministic for a seed: every prefix of every chosen phrase, in typing order. */
export function keystrokes(seed = 7, sequences = 240): Keystroke[] {
  const rand = rng(seed);
  const targets = [...PHRASES, ...serviceItems.map((s) => short(s.content.name.zh))].filter((t) => t.length >= 2);
  const out: Keystroke[] = [];
  for (let n = 0; n < sequences; n++) {
    const phrase = targets[Math.floor(rand() * targets.length)]!;
    const kind: KeystrokeKind = (['hanzi', 'pinyin', 'initials', 'mixed'] as const)[n % 4]!;
    const chars = Array.from(phrase);
    const keys = pinyinKeys(phrase);
    const typed: string[] = [];
    if (kind === 'hanzi') {
      for (let i = 1; i <= chars.length; i++) typed.push(chars.slice(0, i).join(''));
    } else if (kind === 'pinyin') {
      // people stop once the suggestion shows up: the first 1–4 syllables, letter by letter (cap 18 letters)
      const syl = keys.syllables.filter(Boolean).slice(0, 1 + Math.floor(rand() * 4)).join('').slice(0, 18);
      for (let i = 1; i <= syl.length; i++) typed.push(syl.slice(0, i));
    } else if (kind === 'initials') {
      for (let i = 1; i <= keys.initials.length; i++) typed.push(keys.initials.slice(0, i));
    } else {
      // the first word committed, the next one being spelled
      const cut = Math.max(1, Math.min(chars.length - 1, 2));
      const head = chars.slice(0, cut).join('');
      const next = keys.syllables.filter(Boolean).slice(cut, cut + 2).join('');
      typed.push(...Array.from(head).map((_, i) => chars.slice(0, i + 1).join('')));
      for (let i = 1; i <= next.length; i++) typed.push(head + next.slice(0, i));
    }
    for (const q of typed) out.push({ kind, sequence: n, q });
  }
  return out;
}

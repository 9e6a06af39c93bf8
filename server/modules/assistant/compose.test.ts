// The assistant's pure core: which guide section a question asks about, the sections as text, the
// actions offered, and when it asks back.
import { describe, expect, it } from 'vitest';
import { serviceItems } from '../../../demo/services/index.ts';
import { actionsFor, composeAnswer, guideSection, plain, sectionOf, type Passage, type ServiceFacts } from './compose.ts';

const item = (code: string) => serviceItems.find((s) => s.code === code)!;
const facts = (code: string): ServiceFacts | undefined => {
  const s = serviceItems.find((x) => x.code === code);
  return s ? { code, content: s.content, online: code === 'employment-certificate' } : undefined;
};
const service = (code: string, score: number): Passage => ({ kind: 'service', id: code, service: code, title: item(code).content.name.zh, text: '', score });

describe('assistant composer', () => {
  it('reads the section a question asks about, in both languages', () => {
    expect(sectionOf('新教工入职要带什么材料')).toBe('materials');
    expect(sectionOf('What documents do I need?')).toBe('materials');
    expect(sectionOf('在职证明多久能拿到')).toBe('limits');
    expect(sectionOf('校园网在哪里办')).toBe('windows');
    expect(sectionOf('办这个收费吗')).toBe('fees');
    expect(sectionOf('住院的钱能报多少')).toBeUndefined();
  });

  it('writes a guide section as plain sentences, marking what the system provides', () => {
    const c = item('new-staff-onboarding').content;
    const zh = guideSection(c, 'materials', 'zh-CN');
    expect(zh).toMatch(/^「新教工入职」需要准备的材料：1\. 居民身份证/);
    expect(zh).toContain('招聘录用审批信息（原件，系统共享，无需提交）');
    expect(guideSection(c, 'materials', 'en')).toContain('provided by the system, no need to submit');
    expect(guideSection({ ...c, fees: [] }, 'fees', 'zh-CN')).toBe('「新教工入职」不收费。');
  });

  it('offers apply (the apply page only with an online process), the guide, and a visit when one is needed', () => {
    expect(actionsFor(facts('employment-certificate')!, 'zh-CN').map((a) => [a.kind, a.href])).toEqual([
      ['apply', '/services/employment-certificate/apply'], ['guide', '/services/employment-certificate'],
    ]);
    expect(actionsFor(facts('new-staff-onboarding')!, 'en').map((a) => a.kind)).toEqual(['apply', 'guide', 'book']);
  });

  it('asks back only when candidates as good as the best are about different services', () => {
    const close = composeAnswer({ question: '公积金', lang: 'zh-CN', facts, passages: [service('housing-fund-transfer', 10), service('housing-fund-loan', 9.5)] });
    expect(close.clarify?.options.map((o) => o.service)).toEqual(['housing-fund-transfer', 'housing-fund-loan']);
    const clear = composeAnswer({ question: '公积金', lang: 'zh-CN', facts, passages: [service('housing-fund-transfer', 10), service('housing-fund-loan', 5)] });
    expect(clear.clarify).toBeUndefined();
    expect(clear.citations[0]!.id).toBe('housing-fund-transfer');
    const picked = composeAnswer({ question: '公积金', lang: 'zh-CN', facts, service: 'housing-fund-loan', passages: [service('housing-fund-transfer', 10), service('housing-fund-loan', 9.5)] });
    expect(picked.actions[0]!.service).toBe('housing-fund-loan');
    const student = composeAnswer({ question: '看病的钱怎么报', lang: 'zh-CN', facts, audience: 'staff', passages: [service('student-medical-reimbursement', 10), service('medical-reimbursement', 7.5)] });
    expect(student.actions[0]!.service).toBe('medical-reimbursement');
  });

  it('never lets text through as markup', () => {
    expect(plain('<b>粗体</b>\u0000x')).toBe('‹b›粗体‹/b› x');
  });
});

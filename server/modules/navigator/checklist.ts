// One materials checklist for several services (pure): the same material asked by two services appears
// once, with the services that need it; a material every asking service takes from the university's
// systems is marked "provided by the system" (免提交).
import type { ChecklistItem } from '../../../common/assistant.ts';
import type { Material } from '../../../common/catalog.ts';

/** Names that mean the same document across guides. */
const SAME_DOCUMENT: Record<string, string> = { 居民身份证: '身份证', 本人身份证: '身份证' };

/** The key two materials share when they are the same document: the name without notes, form words and punctuation. */
export function materialKey(nameZh: string): string {
  const bare = nameZh
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/原件及复印件|原件|复印件|电子版|扫描件/g, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');
  return SAME_DOCUMENT[bare] ?? bare;
}

const FORM_ORDER = ['copy', 'original', 'original_and_copy'] as const;

/** Merges the materials of the services, in the order the services and their guides list them. */
export function mergeMaterials(services: readonly { code: string; materials: readonly Material[] }[]): ChecklistItem[] {
  const byKey = new Map<string, ChecklistItem>();
  for (const s of services) {
    for (const m of s.materials) {
      const key = materialKey(m.name.zh) || m.name.zh;
      const seen = byKey.get(key);
      const note = m.notes && m.notes.zh.trim() ? [m.notes] : [];
      if (!seen) {
        byKey.set(key, {
          name: { zh: m.name.zh, en: m.name.en }, services: [s.code], providedBySystem: m.source === 'system',
          required: m.required, form: m.form, copies: m.copies, notes: note,
        });
        continue;
      }
      if (!seen.services.includes(s.code)) seen.services.push(s.code);
      seen.providedBySystem &&= m.source === 'system';
      seen.required ||= m.required;
      // the original and a copy asked by different services: bring both
      if (seen.form !== m.form) seen.form = seen.form === 'copy' && m.form === 'original' || seen.form === 'original' && m.form === 'copy' ? 'original_and_copy' : FORM_ORDER[Math.max(FORM_ORDER.indexOf(seen.form), FORM_ORDER.indexOf(m.form))]!;
      seen.copies = Math.max(seen.copies, m.copies);
      for (const n of note) if (!seen.notes.some((x) => x.zh === n.zh)) seen.notes.push(n);
    }
  }
  // what the applicant brings first, then what the systems provide
  const all = [...byKey.values()];
  return [...all.filter((i) => !i.providedBySystem), ...all.filter((i) => i.providedBySystem)];
}

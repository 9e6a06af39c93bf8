import { describe, expect, it } from 'vitest';
import { diffContent } from './diff.ts';

describe('diffContent', () => {
  it('names every changed, added and removed leaf by its path', () => {
    const before = { name: { zh: '在职证明', en: 'Employment certificate' }, materials: [{ name: { zh: '身份证' } }], visits: 0 };
    const after = { name: { zh: '在职证明（新）', en: 'Employment certificate' }, materials: [{ name: { zh: '身份证' } }, { name: { zh: '照片' } }], visits: 0, email: 'a@b' };
    expect(diffContent(before, after)).toEqual([
      { path: 'name.zh', before: '在职证明', after: '在职证明（新）' },
      { path: 'materials[1]', before: null, after: { name: { zh: '照片' } } },
      { path: 'email', before: null, after: 'a@b' },
    ]);
  });

  it('finds nothing between equal documents', () => {
    const doc = { a: [1, { b: 'c' }], d: { e: null } };
    expect(diffContent(doc, structuredClone(doc))).toEqual([]);
  });
});

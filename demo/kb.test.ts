// The demo knowledge base must be large, bilingual and consistent with the demo catalog.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { FaqRecord } from '../common/kb.ts';
import { kbCategories } from './kb/categories.ts';
import { serviceItems } from './services/index.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'kb');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
const records = files.flatMap((file) =>
  fs.readFileSync(path.join(dir, file), 'utf8').split('\n').filter((l) => l.trim() !== '')
    .map((line, i) => ({ file, line: i + 1, faq: JSON.parse(line) as FaqRecord })));
const serviceCodes = new Set(serviceItems.map((s) => s.code));
const categoryCodes = new Set(kbCategories.map((c) => c.code));
const normalize = (q: string) => q.replace(/[\s？?。，,！!、“”"]/g, '');

describe('demo knowledge base', () => {
  it('holds at least 500 FAQs in at least 8 categories of at least 30 each', () => {
    expect(records.length).toBeGreaterThanOrEqual(500);
    const perCategory = new Map<string, number>();
    for (const { faq } of records) perCategory.set(faq.category, (perCategory.get(faq.category) ?? 0) + 1);
    const full = [...perCategory.values()].filter((n) => n >= 30);
    expect(full.length).toBeGreaterThanOrEqual(8);
  });

  it('every line is a valid import record in its own file\'s category, with a unique id', () => {
    const ids = new Set<string>();
    for (const { file, line, faq } of records) {
      const where = `${file}:${line}`;
      expect(Value.Check(FaqRecord, faq), `${where} ${[...Value.Errors(FaqRecord, faq)].map((e) => e.path + ' ' + e.message).join('; ')}`).toBe(true);
      expect(`${faq.category}.jsonl`, where).toBe(file);
      expect(categoryCodes.has(faq.category), where).toBe(true);
      expect(ids.has(faq.id), `${where} repeats id ${faq.id}`).toBe(false);
      ids.add(faq.id);
      if (faq.service !== undefined) expect(serviceCodes.has(faq.service), `${where} links unknown service ${faq.service}`).toBe(true);
    }
  });

  it('is written in Chinese and English, without placeholders or repeated questions', () => {
    const questions = new Map<string, string>();
    for (const { file, line, faq } of records) {
      const where = `${file}:${line}`;
      expect(faq.en?.question.trim().length, `${where} lacks English`).toBeGreaterThan(0);
      expect(faq.en?.answer.trim().length, `${where} lacks English`).toBeGreaterThan(0);
      expect(/[\u4e00-\u9fff]/.test(faq.question) && /[\u4e00-\u9fff]/.test(faq.answer), `${where} not Chinese`).toBe(true);
      expect(faq.answer.length, `${where} answer too short`).toBeGreaterThanOrEqual(20);
      expect(JSON.stringify(faq), where).not.toMatch(/TODO|TBD|xxx|lorem|示例问题|占位/i);
      const q = normalize(faq.question);
      expect(questions.get(q), `${where} asks the same as ${questions.get(q)}`).toBeUndefined();
      questions.set(q, where);
    }
  });

  it('links most answers to the service they are about', () => {
    const linked = records.filter((r) => r.faq.service !== undefined).length;
    expect(linked / records.length).toBeGreaterThan(0.7);
  });
});

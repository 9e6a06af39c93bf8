import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDateWithWeekday, formatMonthName } from './dates.ts';

describe('dates', () => {
  it('writes dates as YYYY-MM-DD on the China clock', () => {
    expect(formatDate('2026-12-06T10:00:00.000Z')).toBe('2026-12-06');
    // 17:30 UTC is already the next day in China.
    expect(formatDate('2026-12-06T17:30:00.000Z')).toBe('2026-12-07');
    expect(formatDate('2026-12-07T01:00:00+08:00')).toBe('2026-12-07');
  });

  it('keeps a plain date as it is (no time-zone shift)', () => {
    expect(formatDate('2026-12-10')).toBe('2026-12-10');
    expect(formatDateTime('2026-12-10')).toBe('2026-12-10');
  });

  it('writes date-times as YYYY-MM-DD HH:mm in China time, joined by a no-break space', () => {
    expect(formatDateTime('2026-12-07T10:24:59.000Z')).toBe('2026-12-07\u00a018:24');
    expect(formatDateTime('2026-12-31T16:05:00Z')).toBe('2027-01-01\u00a000:05');
  });

  it('gives nothing for nothing and the text itself for something that is no date', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDate('soon')).toBe('soon');
  });

  it('names the weekday and the month of a calendar day in the UI language', () => {
    expect(formatDateWithWeekday('2026-12-07', 'zh-CN')).toBe('2026-12-07 星期一');
    expect(formatDateWithWeekday('2026-12-07', 'en')).toBe('2026-12-07 (Monday)');
    expect(formatMonthName('2026-12-07', 'zh-CN')).toBe('十二月');
    expect(formatMonthName('2026-12-07', 'en')).toBe('December');
  });
});

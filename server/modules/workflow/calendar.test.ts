import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays, chinaDate, datesOfYear, deadlineStatus, isDate, isWorkingDay, limitDates, packageDay, packageKnowsYear, workingDaysBetween,
} from './calendar.ts';

// 2026 dates checked against chinese-days' own data (国办发明电, gov.cn content_7047091):
// 中秋 9-25..27 off; 国庆 10-01..10-07 off; make-up working days Sun 9-20 and Sat 10-10.
describe('working-day calendar', () => {
  it('knows the 2026 National Day holiday and its make-up working days', () => {
    for (let d = 1; d <= 7; d++) expect(isWorkingDay(`2026-10-0${d}`), `10-0${d}`).toBe(false);
    expect(isWorkingDay('2026-09-20')).toBe(true); // Sunday, 调休上班
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay('2026-10-11')).toBe(false); // ordinary Sunday
    expect(isWorkingDay('2026-09-25')).toBe(false); // 中秋, a Friday
    expect(isWorkingDay('2026-10-08')).toBe(true);
  });

  it('adds working days across the holiday', () => {
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30', 4)).toBe('2026-10-12');
    expect(addWorkingDays('2026-10-08', -1)).toBe('2026-09-30');
    expect(addWorkingDays('2026-10-03', 0)).toBe('2026-10-03');
    expect(addWorkingDays('2026-09-18', 1)).toBe('2026-09-20'); // Friday → the make-up Sunday
  });

  it('counts working days in (a, b]', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4);
    expect(workingDaysBetween('2026-10-01', '2026-10-07')).toBe(0);
    expect(workingDaysBetween('2026-10-12', '2026-09-30')).toBe(-4);
    expect(workingDaysBetween('2026-10-12', '2026-10-12')).toBe(0);
  });

  it('lets overrides win, for years the package does not know', () => {
    expect(isWorkingDay('2030-10-01')).toBe(true); // a Tuesday; no 2030 data in the package
    const overrides = { '2030-10-01': false, '2030-10-02': false, '2030-09-29': true };
    expect(isWorkingDay('2030-10-01', overrides)).toBe(false);
    expect(isWorkingDay('2030-09-29', overrides)).toBe(true); // a Sunday made a working day
    expect(addWorkingDays('2030-09-30', 1, overrides)).toBe('2030-10-03');
    expect(isWorkingDay('2026-10-01', { '2026-10-01': true })).toBe(true);
  });

  it('says what the package alone says about a date, and which years it knows', () => {
    expect(packageDay('2026-10-01')).toEqual({ working: false, holiday: { zh: '国庆节', en: 'National Day' } });
    expect(packageDay('2026-10-10')).toEqual({ working: true, holiday: { zh: '国庆节', en: 'National Day' } }); // 调休上班
    expect(packageDay('2026-11-23')).toEqual({ working: true, holiday: null });
    expect(packageDay('2026-11-22')).toEqual({ working: false, holiday: null });
    expect(packageKnowsYear(2026)).toBe(true);
    expect(packageKnowsYear(2004)).toBe(true);
    expect(packageKnowsYear(2027)).toBe(false); // today's package: 2027 is what admins' overrides are for
    expect(datesOfYear(2028)).toHaveLength(366);
    expect(datesOfYear(2027)[0]).toBe('2027-01-01');
    expect(datesOfYear(2027).at(-1)).toBe('2027-12-31');
    expect([isDate('2028-02-29'), isDate('2027-02-29'), isDate('2027-1-1')]).toEqual([true, false, false]);
  });

  it('gives a limit\'s due and warning dates (80 %), honouring overrides', () => {
    expect(limitDates('2026-09-30', 5)).toEqual({ due: '2026-10-13', warn: '2026-10-12' });
    // 2027: the package knows nothing; a New Year's Day override pushes both dates by a day
    expect(limitDates('2026-12-30', 5)).toEqual({ due: '2027-01-06', warn: '2027-01-05' });
    expect(limitDates('2026-12-30', 5, { '2027-01-01': false })).toEqual({ due: '2027-01-07', warn: '2027-01-06' });
    expect(limitDates('2026-12-30', 0)).toEqual({ due: '2026-12-30', warn: '2026-12-30' });
  });

  it('refuses malformed dates', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => addWorkingDays('26-1-1', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-01-01', 1.5)).toThrow(RangeError);
  });

  it('gives the China date of an instant', () => {
    expect(chinaDate('2026-09-30T16:30:00Z')).toBe('2026-10-01');
    expect(chinaDate('2026-09-30T15:59:59Z')).toBe('2026-09-30');
  });

  it('counting back what was added gives the same number (property)', () => {
    const day = fc.integer({ min: 0, max: 3 * 365 }).map((i) => new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 40 }), (start, n) => {
        const end = addWorkingDays(start, n);
        expect(workingDaysBetween(start, end)).toBe(n);
        if (n !== 0) expect(isWorkingDay(end)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('turns yellow at 80 % and red at 100 %', () => {
    expect(deadlineStatus(7, 10)).toBe('normal');
    expect(deadlineStatus(8, 10)).toBe('yellow');
    expect(deadlineStatus(9, 10)).toBe('yellow');
    expect(deadlineStatus(10, 10)).toBe('red');
    expect(deadlineStatus(12, 10)).toBe('red');
    expect(deadlineStatus(3, 5)).toBe('normal');
    expect(deadlineStatus(4, 5)).toBe('yellow');
    expect(deadlineStatus(0, 0)).toBe('normal');
  });
});

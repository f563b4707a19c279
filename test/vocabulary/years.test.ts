import { describe, expect, it } from 'vitest';
import { fullYear, resolveDate, tokenizeNumbers, yearOf } from '../../vocabulary/index.js';

/** The dates of one written span, resolved in a report of `reportYear`. */
const datesIn = (text: string, reportYear: number) =>
  tokenizeNumbers(text)
    .filter((t) => t.date)
    .map((t) => resolveDate(t.date!, reportYear));

describe('two-digit years: one rule, relative to the report year', () => {
  it.each([
    [98, 2020, 1998],
    [98, 2024, 1998],
    [24, 2024, 2024],
    [24, 2020, 2024],
    [20, 2020, 2020],
    [93, 2024, 1993],
    [86, 2024, 1986],
    [7, 2020, 2007],
    [30, 2024, 2030],
    [31, 2024, 1931],
    [27, 2020, 1927],
  ])("'%i in a %i report is %i", (yy, reportYear, year) => expect(fullYear(yy, reportYear)).toBe(year));

  it('reads dates of a real budget sheet (2024) in the last century: ‘93.12월, 86.3', () => {
    expect(datesIn('‘93.12월', 2024)).toEqual([{ start: '1993-12-01', end: '1993-12-31' }]);
    expect(datesIn('86.3', 2024)).toEqual([{ start: '1986-03-01', end: '1986-03-31' }]);
    expect(datesIn("'98.3.2", 2024)).toEqual([{ start: '1998-03-02', end: '1998-03-02' }]);
  });

  it('keeps the 2020 report’s own years: ‘18.3.19~현재, ’20. 12월말', () => {
    expect(datesIn('‘18.3.19~현재', 2020)).toEqual([{ start: '2018-03-19', end: '2020-12-31' }]);
    expect(datesIn("('20. 12월말 기준)", 2020)).toEqual([{ start: '2020-12-31', end: '2020-12-31' }]);
  });

  it('never makes a year after 2030 out of two digits, in any report up to 2024', () => {
    for (let reportYear = 1990; reportYear <= 2024; reportYear++) {
      for (let yy = 0; yy < 100; yy++) {
        const two = String(yy).padStart(2, '0');
        const years = [
          fullYear(yy, reportYear),
          yearOf(`'${two}년`, reportYear)!,
          ...datesIn(`'${two}.12.1`, reportYear).map((d) => Number(d!.end.slice(0, 4))),
        ];
        const latest = Math.min(2030, reportYear + 6);
        for (const y of years) expect(y, `'${two} in ${reportYear}`).toBeLessThanOrEqual(latest);
        expect(years[0]).toBeGreaterThan(reportYear - 94);
      }
    }
  });
});

describe('yearOf', () => {
  it.each([
    ["'07년", 2007],
    ['2019년(A)', 2019],
    ['2020 구축기업수', 2020],
    ["'20. 12월말 기준", 2020],
    ["회원 현황 ('20. 12월말 기준)", 2020],
    ['2017년', 2017],
    ["'98년", 1998],
    ['‘93.12월', 1993],
    ['20년', 2020],
  ])('%s → %d in the 2020 report', (label, year) => expect(yearOf(label, 2020)).toBe(year));

  it("reads '24년 as 2024 in a 2024 report, and '98년 as 1998", () => {
    expect(yearOf("'24년", 2024)).toBe(2024);
    expect(yearOf("'98년", 2024)).toBe(1998);
  });

  it('takes a backtick, a prime or a full-width apostrophe for the year mark, as press releases write it', () => {
    expect(['`26년', '′26년', '＇26년'].map((label) => yearOf(label, 2026))).toEqual([2026, 2026, 2026]);
    // in prose the mark makes `26년 a year, not a number 26 without a unit
    const numbers = (text: string) => tokenizeNumbers(text).filter((t) => t.quantity);
    expect(numbers('☞ (신청기간) `26년 연중')).toEqual([]);
    expect(numbers('□ K-디지털 트레이닝 ☞ (신청기간) ′26년 연중')).toEqual([]);
  });

  it.each(['누 계', '증 감(B-A)', '합 계', '12월'])('%s has no year', (label) =>
    expect(yearOf(label, 2020)).toBeNull(),
  );
});

/**
 * How far past the report year a two-digit year may reach. Reports look back decades (founding
 * years, old laws, `‘93.12월` in a budget sheet) but forward only a few years (plans, `'25~'27`);
 * six keeps every report up to 2024 from inventing a year after 2030.
 */
export const TWO_DIGIT_YEAR_AHEAD = 6;

/**
 * The year a two-digit year names: the year ending in `yy` within
 * [reportYear − 93, reportYear + 6]. In a 2024 report `'98` is 1998, `'24` 2024, `'30` 2030
 * and `'31` 1931; in the 2020 report `'20` is 2020 and `'27` 1927.
 */
export function fullYear(yy: number, reportYear: number): number {
  const latest = reportYear + TWO_DIGIT_YEAR_AHEAD;
  return latest - ((((latest - yy) % 100) + 100) % 100);
}

/** A year as written: four digits stay, two digits resolve against the report year. */
export const writtenYear = (digits: string, reportYear: number): number =>
  digits.length === 2 ? fullYear(Number(digits), reportYear) : Number(digits);

/**
 * The marks a report sets before a two-digit year (`'26년`, `‘93.12월`), as a regular-expression
 * class: apostrophes and quotes, and what word processors and typists put in their place (a
 * backtick, a prime, a full-width apostrophe: `\`26년`, `′26년`).
 */
export const YEAR_MARK = "['‘’`′＇]";

const SHORT_YEAR = new RegExp(String.raw`${YEAR_MARK}(\d{2})(?:\s*년|\s*\.)`);

/**
 * The year a label names: `'20년`, `2019년(A)`, `2020 구축기업수`, `2017년`, `'20. 12월말 기준`,
 * `20년`; two-digit years resolve against the report year.
 */
export function yearOf(label: string, reportYear: number): number | null {
  const full = /(?:^|[^\d])((?:19|20)\d{2})(?:\s*년|(?=[\s(.]|$))/.exec(label);
  if (full) return Number(full[1]);
  const short = SHORT_YEAR.exec(label) ?? /^(\d{2})\s*년/.exec(label.trim());
  return short ? writtenYear(short[1]!, reportYear) : null;
}

import type { DateParts } from './number-tokens.js';
import { fullYear } from './years.js';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A written year in full: none is the report year, two digits follow `fullYear`. */
const yearIn = (y: number | null, reportYear: number): number | null =>
  y === null ? null : y < 100 ? fullYear(y, reportYear) : y;

/**
 * Resolves date parts against the report year: `(5.7)` in the 2020 report is 2020-05-07,
 * `‘93.12월` in a 2024 report is 1993-12, `86.3` is 1986-03.
 */
export function resolveDate(parts: DateParts, reportYear: number): { start: string; end: string } | null {
  const fromY = yearIn(parts.from.y, reportYear) ?? reportYear;
  const start = `${fromY}-${pad(parts.from.m)}-${pad(parts.from.end_of_month ? lastDay(fromY, parts.from.m) : (parts.from.d ?? 1))}`;
  if (parts.to === 'present') return { start, end: `${Math.max(reportYear, fromY)}-12-31` };
  let toY = yearIn(parts.to.y, reportYear) ?? fromY;
  if (parts.to.m < parts.from.m && parts.to.y === null) toY = fromY + 1;
  const end = `${toY}-${pad(parts.to.m)}-${pad(parts.to.d ?? lastDay(toY, parts.to.m))}`;
  const valid = (s: string) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s);
  return valid(start) && valid(end) && end >= start ? { start, end } : null;
}

/**
 * A header cell that names a period, not a value: a year (`2020`) or a KOSIS year and month
 * (`2020.01`, `2020. 1`). Words such as `2022년결산`, `'20년`, `1/4분기` and `1월` are text anyway.
 */
export const isPeriodLabel = (raw: string): boolean => /^(?:19|20)\d{2}(?:\.\s?(?:0?[1-9]|1[0-2]))?$/.test(raw.trim());

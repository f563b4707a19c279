import { lookupUnit, memoize, normalizeLabel, resolveRegion, yearOf } from '../../vocabulary/index.js';

/** Year, quarter, half and month words that say when, not what (`'20년`, `2019년`, `1/4분기`, `12월말`). */
const PERIOD_PARTS = [
  /['‘’]\d{2}\s*년?/g,
  /(?:19|20)\d{2}\s*년?/g,
  /\d\s*\/\s*4\s*분기|\d\s*분기|[상하]반기/g,
  /\d{1,2}\s*월\s*(?:말|초)?/g,
  /(?:^|\s)\d{2}\s*년/g,
];

/** `(A)`, `(B-A)`, `(B/A)`: tags a table gives its columns for its formulas. */
const FORMULA_TAG = /\(\s*[A-Z](?:\s*[-+/÷×]\s*[A-Z])*\s*\)/g;

/** A parenthesised unit (`(억원)`, `(건)`, `(%)`): the unit family is part of the key anyway. */
const UNIT_IN_PARENS = /\(\s*([^()]{1,6})\s*\)/g;

/**
 * A label as it enters a metric key: spacing, formula tags, units, years and Hanja 中 dropped,
 * so `'20년 가입 (건)` and `가 입(건)` give the same key. Empty when nothing but a period was left.
 */
export const keyPart = memoize(keyPartOnce);

function keyPartOnce(label: string): string {
  let s = normalizeLabel(label)
    .replace(/中/g, '중')
    .replace(/[ㆍ・•]/g, '·');
  s = s.replace(FORMULA_TAG, '');
  s = s.replace(UNIT_IN_PARENS, (whole, inner: string) => (lookupUnit(inner) ? '' : whole));
  for (const re of PERIOD_PARTS) s = s.replace(re, ' ');
  return s.replace(/[\s'‘’.,:：]/g, '').replace(/^[-–·]+|[-–·]+$/g, '');
}

/** A label that names only when (a year, quarter or month) or where (a region): not the metric. */
export function isPeriodOrRegion(label: string, reportYear: number): boolean {
  if (resolveRegion(label.trim()) !== null) return true;
  return keyPart(label) === '' && (yearOf(label, reportYear) !== null || /분기|반기|\d\s*월/.test(label));
}

/** The labels of a path that say what is measured, in key form. */
export const measuredParts = (labels: readonly string[], reportYear: number): string[] =>
  labels
    .filter((l) => !isPeriodOrRegion(l, reportYear))
    .map(keyPart)
    .filter(Boolean);

/**
 * A title in key form: also without the words a later report adds or drops around the same
 * table (`연도별 가입·해지 현황`, `가입 및 해지 실적`, `가입해지 추이` name one table).
 */
export const titlePart = (title: string): string =>
  keyPart(title)
    .replace(/[·/]|및/g, '')
    .replace(/^(?:연도별|연차별|년도별|연도)/, '')
    .replace(/(?:현황|실적|추이|내역|현황표)$/, '');

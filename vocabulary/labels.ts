import { memoize } from './memo.js';

/**
 * Joins a word the source spaced out (`합 계` → `합계`, `연 합 회` → `연합회`,
 * `중 소 기 업 C E O 교 육` → `중소기업CEO교육`) and keeps real spaces between words
 * (`보도 자료 배포`). A single letter joins the token after it; a space before `(` goes.
 */
export const normalizeLabel = memoize(normalizeLabelOnce);

function normalizeLabelOnce(raw: string): string {
  const tokens = raw.trim().split(/\s+/).filter(Boolean);
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const prev = tokens[i - 1];
    const glue = prev !== undefined && /^[가-힣A-Za-z]$/.test(prev);
    out += (i === 0 || glue || tokens[i]!.startsWith('(') ? '' : ' ') + tokens[i];
  }
  return out;
}

const TOTAL_LABELS = new Set([
  '계',
  '합계',
  '총계',
  '누계',
  '소계',
  '총합',
  '전체',
  '합',
  '총',
  'total',
  'Total',
  'TOTAL',
]);

/** Totals and subtotals: `계`, `합계`, `합 계`, `누 계`, `총 계`. */
export const isTotalLabel = memoize((label: string): boolean =>
  TOTAL_LABELS.has(normalizeLabel(label).replace(/\s/g, '')),
);

/** A group's subtotal row (`계`, `소 계` under a group label). */
export const isSubtotalLabel = (label: string): boolean => /^계$|^소계$/.test(label.replace(/\s/g, ''));

/**
 * Prose naming a total right before its number. `합계 1,200억원` and `(누계 35개)` are totals by the word
 * alone; `총` also opens a plain amount (`총 7천5백만원 지원`, `총 781명 참석`), so `총 539회` is a total only
 * where the parts it sums are named nearby (`partsNamed`: listed after it, in the bullets or the table under it).
 */
export const endsWithTotalWord = (textBefore: string, partsNamed: boolean): boolean => {
  const word = /(?:^|[\s(])(총|합계|누계)\s*$/.exec(textBefore)?.[1];
  return word === '합계' || word === '누계' || (word === '총' && partsNamed);
};

/** Cumulative totals (`누계`) cover periods the table does not list. */
export const isCumulativeLabel = memoize(
  (label: string): boolean => normalizeLabel(label).replace(/\s/g, '') === '누계',
);

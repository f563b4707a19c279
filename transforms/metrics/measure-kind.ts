import type { MeasureKind } from '../../schemas/index.js';

/** Words that make a percentage a share of a whole rather than a rate. */
const SHARE_WORDS = /비중|점유율|구성비|비율|차지/;
/** A rate of change is a rate; a bare change (`증감`, `B-A`) is a change. */
const RATE_OF_CHANGE = /증감률|증감율|증가율|감소율|신장률|성장률/;
const CHANGE_WORDS = /증감|증가|감소|^[A-Z]-[A-Z]$|\([A-Z]-[A-Z]\)/;
const CUMULATIVE_WORDS = /누계|누적/;
/** Amounts held at a point in time: members enrolled, balances, what exists at period end. */
const STOCK_WORDS = /재적|잔액|잔고|현재|말\s*기준|말\s*현재|보유|회원수/;

/**
 * What kind of measure a fact is, from its unit and labels: a flow (an amount in the period) unless
 * its labels say otherwise. The curated catalog (sources/metrics.csv) overrides it per metric.
 */
export function measureKind(baseUnit: string | null, labels: readonly string[], totalOfPeriods: boolean): MeasureKind {
  const text = labels.join(' ');
  if (baseUnit === 'percent_point') return 'change';
  if (RATE_OF_CHANGE.test(text)) return 'rate';
  if (baseUnit === 'percent') return SHARE_WORDS.test(text) ? 'share' : 'rate';
  if (baseUnit === 'ratio') return 'ratio';
  if (CHANGE_WORDS.test(text)) return 'change';
  if (CUMULATIVE_WORDS.test(text) || totalOfPeriods) return 'cumulative';
  if (STOCK_WORDS.test(text)) return 'stock';
  return 'flow';
}

/**
 * The family of a metric's unit: its base unit, so 억원 and 백만원 (both KRW) measure the same
 * thing while KRW and USD, or cases and people, do not.
 */
export const unitFamily = (baseUnit: string | null): string => baseUnit ?? 'number';

import type { Fact } from '../../schemas/index.js';

/** Joins labels into one map key (a separator no label contains). */
export const key = (labels: readonly string[]): string => labels.join('\u241f');

/** Digits printed after the decimal point: `11.8%` → 1. */
export const decimals = (raw: string): number => /\.(\d+)/.exec(raw)?.[1]?.length ?? 0;

/** Twelve significant digits: enough for any printed figure, no float noise in messages. */
export const round12 = (x: number): number => Number(x.toPrecision(12));

/** A fact's row and column labels, the way every check names what it checked. */
export const labelOf = (f: Fact): string => [...f.row_labels, ...f.col_labels].join(' / ');

/** The unit a value is printed in (`억원`, `건`): values add and divide as printed only within one. */
export const printedUnit = (f: Fact): string => `${f.base_unit}|${f.unit}|${f.unit_raw}`;

export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Half a unit of the last printed digit: how far a printed figure may be from the true one.
 * Counts of cases, people or companies printed without decimals are exact.
 */
export function halfUnit(f: Fact): number {
  let half = halves.get(f);
  if (half === undefined) {
    const d = decimals(f.raw_text);
    half = d === 0 && f.base_unit === 'count' ? 0 : 0.5 * 10 ** -d;
    halves.set(f, half);
  }
  return half;
}

/** `halfUnit` per fact: the row-identity search asks it of the same facts for every identity it tries. */
const halves = new WeakMap<Fact, number>();

/**
 * Counts and amounts, a change in them included (재적 = 가입 − 해지 is a net change): never rates, ratios or
 * shares (a share is checked against its count), percentage points, nor a number with a qualifier (`최대`, `약`).
 */
export const isAmount = (f: Fact): boolean =>
  f.value !== null &&
  f.qualifier === null &&
  f.base_unit !== 'percent' &&
  f.base_unit !== 'percent_point' &&
  !['rate', 'ratio', 'share'].includes(f.measure_kind);

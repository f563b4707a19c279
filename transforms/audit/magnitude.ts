import type { Fact, QualityCheck } from '../../schemas/index.js';
import { groupBy, isAmount, key, labelOf, round12 } from './audit-helpers.js';

/** How many times its column's median a value must be to look like a slipped unit or digit. */
const FACTOR = 100;
/** A slip moves one value: another within this factor of it makes a second population (노란우산 beside 파란우산). */
const ALONE = 10;
const MIN_VALUES = 4;

/** The median of sorted values. */
function medianOf(sorted: readonly number[]): number {
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

/**
 * Implausible magnitudes: the largest value of a column (four values at least, in one unit, totals left out:
 * they are meant to be larger) when it is at least 100× the median of the others and 10× the next largest,
 * so a column of two programmes of different sizes is no finding. A warning for a reader to check (a unit
 * or a digit slipped): only the values it doubts are rows, with passed = false.
 */
export function auditMagnitudes(table_id: string, facts: readonly Fact[]): QualityCheck[] {
  // a change may be near zero in most years, and a number without a unit has no known scale
  const usable = facts.filter(
    (f) =>
      f.origin === 'table' &&
      isAmount(f) &&
      f.measure_kind !== 'change' &&
      !f.is_total &&
      f.base_unit !== 'number' &&
      f.value_base !== null,
  );
  const checks: QualityCheck[] = [];
  // 1만명 and 125명 compare in the base unit (persons)
  for (const all of groupBy(usable, (f) => `${f.base_unit}|${f.unit}|${key(f.col_labels)}`).values()) {
    // in a column of regions, a row of none (전국, the whole country) is their aggregate, not a slip
    const regional = all.filter((f) => f.region_code !== null);
    const column = regional.length * 2 >= all.length ? regional : all;
    if (column.length < MIN_VALUES) continue;
    const sorted = column.map((f) => ({ f, v: Math.abs(f.value_base!) })).sort((a, b) => a.v - b.v);
    const { f, v } = sorted.pop()!;
    const others = medianOf(sorted.map((x) => x.v));
    if (others <= 0 || !f.value_base || v < FACTOR * others || v < ALONE * sorted[sorted.length - 1]!.v) continue;
    const label = labelOf(f);
    const times = Math.round(v / others);
    const median = round12(others * Math.abs(f.value! / f.value_base!)); // back in the value's printed unit
    checks.push({
      check_id: `${table_id}:magnitude:${f.fact_id}`,
      table_id,
      kind: 'magnitude',
      label,
      expected: median,
      actual: f.value,
      passed: false,
      message: `${label}: ${f.raw_text} is ${times}× the median ${median} of its column — check the unit or digits`,
    });
  }
  return checks;
}

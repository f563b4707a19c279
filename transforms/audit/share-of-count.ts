import type { Fact, QualityCheck } from '../../schemas/index.js';
import { isTotalLabel } from '../../vocabulary/index.js';
import { decimals, groupBy, halfUnit, key, labelOf, printedUnit, round12 } from './audit-helpers.js';

/** A printed share, the count or amount it is a share of, and where the pair sits in the table. */
interface SharePair {
  readonly share: Fact;
  readonly count: Fact;
  readonly row: string;
  readonly col: string;
}

const isPercent = (f: Fact) => f.base_unit === 'percent';
const isTotalPair = (p: SharePair) => p.share.value === 100 && (p.share.is_total || p.count.is_total);

/** `38개(11.8%)`: one cell read as a count (fact id `…-1`) and its share (`…-2`). */
function cellPairs(facts: readonly Fact[]): SharePair[] {
  const cells = groupBy(
    facts.filter((f) => /-\d+$/.test(f.fact_id)),
    (f) => f.fact_id.replace(/-\d+$/, ''),
  );
  const pairs: SharePair[] = [];
  for (const parts of cells.values()) {
    const share = parts.find(isPercent);
    const counts = parts.filter((f) => !isPercent(f));
    if (parts.length !== 2 || !share || counts.length !== 1) continue;
    pairs.push({ share, count: counts[0]!, row: key(share.row_labels), col: key(share.col_labels) });
  }
  return pairs;
}

/** `노란우산 / 비중` beside `노란우산 / 금액`: a share column and the one amount column under the same header. */
function columnPairs(facts: readonly Fact[]): SharePair[] {
  const pairs: SharePair[] = [];
  const rows = groupBy(facts, (f) => key(f.row_labels));
  for (const row of rows.values()) {
    for (const share of row) {
      if (!isPercent(share) || share.measure_kind !== 'share' || /-\d+$/.test(share.fact_id)) continue;
      const header = key(share.col_labels.slice(0, -1));
      const counts = row.filter(
        (f) =>
          !isPercent(f) &&
          f.col_labels.length === share.col_labels.length &&
          key(f.col_labels.slice(0, -1)) === header &&
          f.base_unit !== 'percent_point',
      );
      if (counts.length !== 1) continue;
      pairs.push({ share, count: counts[0]!, row: key(share.row_labels), col: key(share.col_labels) });
    }
  }
  return pairs;
}

/** The total a share divides by: the pair printed as 100% in a total row or column, along the row first. */
function totalOf(p: SharePair, totals: readonly SharePair[]): SharePair | undefined {
  const fits = (t: SharePair) => t !== p && printedUnit(t.count) === printedUnit(p.count);
  const inRow = totals.find((t) => fits(t) && t.row === p.row && t.share.col_labels.some(isTotalLabel));
  return inRow ?? totals.find((t) => fits(t) && t.col === p.col && t.share.row_labels.some(isTotalLabel));
}

/**
 * Every printed share against its count divided by the total it is a share of (the count beside the 100%).
 * A share may be off by one unit of its last digit: half for rounding, half for the publisher moving a
 * rounded share so the column adds up to 100 (노란우산 주식 15.5% for 15.56%); the rounding of the count and
 * total in 억원 widens it a little more. Shares of a total no row or column marks as 100% are not checked.
 */
export function auditShares(table_id: string, facts: readonly Fact[]): QualityCheck[] {
  const usable = facts.filter((f) => f.value !== null && f.qualifier === null);
  const pairs = [...cellPairs(usable), ...columnPairs(usable)];
  const totals = pairs.filter(isTotalPair);
  const checks: QualityCheck[] = [];
  for (const p of pairs) {
    const t = totalOf(p, totals);
    if (isTotalPair(p) || !t || !t.count.value) continue;
    const c = p.count.value!;
    const total = t.count.value;
    const d = decimals(p.share.raw_text);
    const expected = round12((c / total) * 100);
    const tol = 10 ** -d + 100 * (halfUnit(p.count) / Math.abs(total) + (Math.abs(c) * halfUnit(t.count)) / total ** 2);
    const actual = p.share.value!;
    const passed = Math.abs(actual - expected) <= tol + 1e-9;
    const label = labelOf(p.share);
    const off = passed ? '' : ` — off by ${(actual - Number(expected.toFixed(d))).toFixed(d)}`;
    checks.push({
      check_id: `${table_id}:share_of_count:${p.share.fact_id}`,
      table_id,
      kind: 'share_of_count',
      label,
      expected,
      actual,
      passed,
      message: `${label}: published ${actual.toFixed(d)}% vs ${c} / ${total} = ${expected.toFixed(d)}%${off}`,
    });
  }
  return checks;
}

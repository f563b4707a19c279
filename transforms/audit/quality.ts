import type { CheckKind, FactDraft, QualityCheck } from '../../schemas/index.js';
import { isCumulativeLabel, isSubtotalLabel, isTotalLabel } from '../../vocabulary/index.js';

const key = (labels: readonly string[]) => labels.join('\u241f');
const decimals = (raw: string) => /\.(\d+)/.exec(raw)?.[1]?.length ?? 0;
/** Shares add up; rates (수익률, 손해율) do not. */
const isShare = (labels: readonly string[]) => labels.some((l) => /비중|구성비|점유|share/i.test(l));

/** The `(11.8%)` after a count in `38개(11.8%)` is that count's share of the total. */
const isShareOfCount = (f: FactDraft) => /-\d+$/.test(f.fact_id);

function summable(f: FactDraft): boolean {
  if (f.qualifier) return false;
  if (f.base_unit === 'percent') return isShare(f.col_labels) || isShare(f.row_labels) || isShareOfCount(f);
  // point changes and ratios (경쟁률 4.1배) are never summed
  return f.base_unit !== 'percent_point' && f.base_unit !== 'times' && f.base_unit !== 'ratio';
}

/**
 * How far a published total may be from the sum of its parts because every figure was rounded
 * to the digits shown: up to half a unit of the last digit for each part and for the total.
 * Counts of cases, people or companies are exact and get no slack; amounts in 억원 or 백만원,
 * shares and decimals do.
 */
function roundingSlack(total: FactDraft, parts: readonly FactDraft[]): number {
  const d = Math.max(decimals(total.raw_text), ...parts.map((p) => decimals(p.raw_text)));
  const exact = d === 0 && total.base_unit === 'count' && (total.value_base ?? 0) === total.value;
  return exact ? 0 : 0.5 * 10 ** -d * (parts.length + 1);
}

function check(
  table_id: string,
  kind: CheckKind,
  total: FactDraft,
  parts: readonly FactDraft[],
  bound = false,
): QualityCheck {
  const expected = Number(parts.reduce((s, p) => s + (p.value ?? 0), 0).toPrecision(12));
  const actual = total.value!;
  const tol = roundingSlack(total, parts);
  const diff = Number((actual - expected).toPrecision(12));
  const passed = bound ? actual + tol >= expected : Math.abs(diff) <= tol + 1e-9;
  const label = [...total.row_labels, ...total.col_labels].join(' / ');
  const op = bound ? '≥' : '=';
  const note = passed ? (diff && !bound ? ` (off by ${diff}, within rounding ±${tol})` : '') : ` — off by ${diff}`;
  return {
    check_id: `${table_id}:${kind}:${total.fact_id}`,
    table_id,
    kind,
    label,
    expected,
    actual,
    passed,
    message: `${label}: published ${actual} ${op} ${parts.length} part(s) summing to ${expected}${note}`,
  };
}

/** A total printed first (`합 계` over its parts): the rows of its level below it, up to the next total. */
function partsBelow(rows: readonly FactDraft[], at: number): FactDraft[] {
  const total = rows[at]!;
  const parts: FactDraft[] = [];
  for (const r of rows.slice(at + 1)) {
    if (r.row_labels.some(isTotalLabel)) break;
    if (r.row_labels.length === total.row_labels.length) parts.push(r);
  }
  return parts;
}

/** Rows of the same column that a row total adds up, respecting groups (`중 장 기` … `계`) and grand totals. */
function rowParts(rows: readonly FactDraft[], at: number): { parts: FactDraft[]; kind: CheckKind } {
  const total = rows[at]!;
  const label = total.row_labels[total.row_labels.length - 1] ?? '';
  const before = rows.slice(0, at);
  if (!before.some((r) => !r.row_labels.some(isTotalLabel))) return { parts: partsBelow(rows, at), kind: 'total_rows' };
  const prev = before[before.length - 1];
  const isSubtotal = isSubtotalLabel(label) && prev && prev.row_labels.length >= 2;
  if (isSubtotal) {
    const group = prev.row_labels[0];
    const parts: FactDraft[] = [];
    for (
      let i = before.length - 1;
      i >= 0 && before[i]!.row_labels[0] === group && before[i]!.row_labels.length >= 2;
      i--
    )
      parts.unshift(before[i]!);
    return { parts, kind: 'subtotal_rows' };
  }
  // Grand total: top-level rows, each group counted once (by its subtotal when it has one).
  const parts: FactDraft[] = [];
  for (let i = 0; i < before.length; i++) {
    const r = before[i]!;
    const rowTotal = r.row_labels.some(isTotalLabel);
    if (rowTotal) {
      const grouped = before[i - 1] && before[i - 1]!.row_labels.length >= 2;
      if (grouped) {
        const group = before[i - 1]!.row_labels[0];
        while (
          parts.length &&
          parts[parts.length - 1]!.row_labels.length >= 2 &&
          parts[parts.length - 1]!.row_labels[0] === group
        )
          parts.pop();
        parts.push(r);
      }
      continue;
    }
    parts.push(r);
  }
  return { parts, kind: 'total_rows' };
}

/**
 * Arithmetic audit of one table: every total or subtotal, row-wise and column-wise, against the
 * sum of its parts; shares against 100 through their total; cumulative totals (`누계`) as an
 * upper bound of the periods listed. A mismatch is a finding about the report, not a failure.
 */
export function auditTable(table_id: string, facts: readonly FactDraft[]): QualityCheck[] {
  const checks: QualityCheck[] = [];
  const usable = facts.filter((f) => f.origin === 'table' && summable(f));
  const byColumn = new Map<string, FactDraft[]>();
  const byRow = new Map<string, FactDraft[]>();
  for (const f of usable) {
    const family = `${f.base_unit}|${f.unit}`;
    const c = `${family}|${key(f.col_labels)}`;
    const r = `${family}|${key(f.row_labels)}`;
    (byColumn.get(c) ?? byColumn.set(c, []).get(c)!).push(f);
    (byRow.get(r) ?? byRow.set(r, []).get(r)!).push(f);
  }
  for (const rows of byColumn.values()) {
    rows.forEach((f, i) => {
      const last = f.row_labels[f.row_labels.length - 1] ?? '';
      if (f.value === null || !isTotalLabel(last)) return;
      if (isCumulativeLabel(last)) {
        const parts = rows.slice(0, i).filter((r) => !r.row_labels.some(isTotalLabel));
        if (parts.length) checks.push(check(table_id, 'cumulative_bound', f, parts, true));
        return;
      }
      const { parts, kind } = rowParts(rows, i);
      if (parts.length >= 2) checks.push(check(table_id, kind, f, parts));
    });
  }
  for (const cols of byRow.values()) {
    for (const f of cols) {
      const at = f.col_labels.findIndex(isTotalLabel);
      if (f.value === null || at < 0 || isCumulativeLabel(f.col_labels[at]!)) continue;
      const parts = cols.filter(
        (p) =>
          p !== f &&
          p.col_labels.length === f.col_labels.length &&
          key(p.col_labels.slice(0, at)) === key(f.col_labels.slice(0, at)) &&
          key(p.col_labels.slice(at + 1)) === key(f.col_labels.slice(at + 1)) &&
          !isTotalLabel(p.col_labels[at]!),
      );
      if (parts.length >= 2) checks.push(check(table_id, 'total_columns', f, parts));
    }
  }
  return checks;
}

/** `보증료(A)`: a column named by a letter; `손해율(B/A)`, `증 감(B-A)`: one derived from such columns. */
const LETTER = /\(([A-Z])\)$/;
const FORMULA = /\(([A-Z](?:\s*[-+*/]\s*[A-Z])+)\)$/;

/** Evaluates `B-A`, `B/A`, `A+B-C` over named values (multiplication and division first). */
function evaluate(expr: string, values: ReadonlyMap<string, number>): number | null {
  const tokens = expr.replace(/\s/g, '').match(/[A-Z]|[-+*/]/g) ?? [];
  let sum = 0;
  let term: number | null = null;
  let sign = 1;
  let op = '*';
  for (const t of tokens) {
    if (/[A-Z]/.test(t)) {
      const v = values.get(t);
      if (v === undefined) return null;
      term = term === null ? v : op === '*' ? term * v : term / v;
    } else if (t === '+' || t === '-') {
      sum += sign * (term ?? 0);
      sign = t === '-' ? -1 : 1;
      term = null;
      op = '*';
    } else op = t;
  }
  const result = sum + sign * (term ?? 0);
  return Number.isFinite(result) ? result : null;
}

/**
 * Columns the report derives by formula in their label (`증 감(B-A)`, `손해율(B/A)`) against the
 * columns it names by letter, row by row, under the same sub-header.
 */
export function auditFormulas(table_id: string, facts: readonly FactDraft[]): QualityCheck[] {
  const checks: QualityCheck[] = [];
  const rows = new Map<string, FactDraft[]>();
  for (const f of facts)
    if (f.origin === 'table' && f.value !== null)
      (rows.get(key(f.row_labels)) ?? rows.set(key(f.row_labels), []).get(key(f.row_labels))!).push(f);
  for (const row of rows.values()) {
    const named = (suffix: string) => {
      const values = new Map<string, number>();
      for (const f of row) {
        const i = f.col_labels.findIndex((l) => LETTER.test(l));
        if (i >= 0 && key(f.col_labels.slice(i + 1)) === suffix)
          values.set(LETTER.exec(f.col_labels[i]!)![1]!, f.value!);
      }
      return values;
    };
    for (const f of row) {
      const i = f.col_labels.findIndex((l) => FORMULA.test(l));
      if (i < 0) continue;
      const expr = FORMULA.exec(f.col_labels[i]!)![1]!;
      let expected = evaluate(expr, named(key(f.col_labels.slice(i + 1))));
      if (expected === null) continue;
      if (f.base_unit === 'percent' && expr.includes('/')) expected *= 100;
      expected = Number(expected.toPrecision(12));
      const d = decimals(f.raw_text);
      const exact = d === 0 && f.base_unit === 'count';
      // half a unit of the published figure's last digit, and half that again for its inputs' rounding
      const tol = exact ? 0 : 0.75 * 10 ** -d;
      const passed = Math.abs(f.value! - expected) <= tol + 1e-9;
      const label = [...f.row_labels, ...f.col_labels].join(' / ');
      checks.push({
        check_id: `${table_id}:derived_formula:${f.fact_id}`,
        table_id,
        kind: 'derived_formula',
        label,
        expected,
        actual: f.value!,
        passed,
        message: `${label}: published ${f.value} vs ${expr} = ${expected}${passed ? '' : ` — off by ${Number((f.value! - expected).toPrecision(12))}`}`,
      });
    }
  }
  return checks;
}

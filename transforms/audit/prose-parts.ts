import type { Line } from '../../schemas/index.js';
import type { FactDraft } from '../../schemas/index.js';
import { unitColumns, type NumberToken, type Quantity } from '../../vocabulary/index.js';

/** A prose line as read for numbers: its words and their number tokens (null: no prose or no digit). */
export interface ReadLine {
  readonly text: string;
  readonly tokens: readonly NumberToken[];
}

/**
 * Where the parts of a prose total are named: in the parenthesis right after it, in the bullets right
 * under its line, or as the table right under its line whose total is the same number.
 */
export type PartsWhere = 'parenthesis' | 'bullets' | 'table';

export interface NamedParts {
  readonly where: PartsWhere;
  /** Each part as its line (index into the lines) and token index; none for a table. */
  readonly parts: ReadonlyArray<{ readonly line: number; readonly k: number }>;
}

const family = (q: Quantity) => {
  const u = unitColumns(q.value, q.unit_raw);
  return q.unit_raw === null ? null : `${u.base_unit}|${u.unit}`;
};

/**
 * `482억원 달성(우선구매 370억원, 수의계약 112억원)`, `17개(조합 11개, 단체 6개)`: a parenthesis opening a few
 * words after the number, holding two numbers or more, every one a quantity in the number's unit.
 */
export function partsInParenthesis(read: ReadLine, k: number): number[] | null {
  const q = read.tokens[k]!.quantity!;
  const open = /^[^\d(),]{0,12}\(/.exec(read.text.slice(q.end, q.end + 13));
  if (!open || family(q) === null) return null;
  const start = q.end + open[0].length;
  const close = read.text.indexOf(')', start);
  const end = close < 0 ? read.text.length : close;
  const inside: number[] = [];
  for (let j = k + 1; j < read.tokens.length && read.tokens[j]!.start < end; j++) {
    const t = read.tokens[j]!;
    if (t.start < start) continue;
    if (t.cls !== 'quantity' || !t.quantity || family(t.quantity) !== family(q)) return null;
    inside.push(j);
  }
  return inside.length >= 2 ? inside : null;
}

/** The bullets right under line `i`, one level deeper than it (blank lines between them skipped). */
function childBullets(lines: readonly Line[], i: number): number[] {
  const depth = lines[i]!.kind === 'bullet' ? (lines[i]!.depth ?? 1) : 0;
  const children: number[] = [];
  let childDepth: number | undefined;
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.kind === 'blank') continue;
    if (l.kind !== 'bullet' || (l.depth ?? 1) <= depth) break;
    childDepth ??= l.depth ?? 1;
    if ((l.depth ?? 1) === childDepth) children.push(j);
  }
  return children;
}

/** Two bullets or more under the line, each naming exactly one number in the total's unit. */
function partsInBullets(lines: readonly Line[], reads: ReadonlyArray<ReadLine | null>, i: number, q: Quantity) {
  const children = childBullets(lines, i);
  const parts: Array<{ line: number; k: number }> = [];
  for (const j of children) {
    const same = (reads[j]?.tokens ?? []).flatMap((t, k) =>
      t.cls === 'quantity' && t.quantity && family(t.quantity) === family(q) ? [k] : [],
    );
    if (same.length !== 1) return null;
    parts.push({ line: j, k: same[0]! });
  }
  return parts.length >= 2 ? parts : null;
}

/** The table right under line `i` (after blank lines and its unit note), if one comes there. */
function tableBelow(lines: readonly Line[], i: number): string | null {
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.kind === 'blank' || l.kind === 'unit_note') continue;
    return l.kind === 'table_row' ? l.table_id : null;
  }
  return null;
}

export interface PartsInput {
  readonly lines: readonly Line[];
  readonly reads: ReadonlyArray<ReadLine | null>;
  /** The totals of each table (facts whose row or column is a total), to match a number introducing a table. */
  readonly tableTotals: ReadonlyMap<string, readonly FactDraft[]>;
}

/**
 * The parts named near token `k` of line `i`: in the parenthesis right after it; or, where `listed` (a
 * word such as `총` says a sum follows), in the bullets under its line or the table under it whose total
 * is the same number.
 */
export function namedParts(input: PartsInput, i: number, k: number, listed: boolean): NamedParts | null {
  const read = input.reads[i]!;
  const q = read.tokens[k]!.quantity!;
  const inParens = partsInParenthesis(read, k);
  if (inParens) return { where: 'parenthesis', parts: inParens.map((j) => ({ line: i, k: j })) };
  if (!listed || family(q) === null) return null;
  const inBullets = partsInBullets(input.lines, input.reads, i, q);
  if (inBullets) return { where: 'bullets', parts: inBullets };
  const table = tableBelow(input.lines, i);
  const { value_base, base_unit } = unitColumns(q.value, q.unit_raw);
  const totals = table === null ? [] : (input.tableTotals.get(table) ?? []);
  const same = totals.some((f) => f.value_base === value_base && f.base_unit === base_unit);
  return same ? { where: 'table', parts: [] } : null;
}

/** Each table's total facts (a row or column labelled 합계, 계, 누계 …), for `tableTotals`. */
export function totalsByTable(facts: readonly FactDraft[]): Map<string, FactDraft[]> {
  const totals = new Map<string, FactDraft[]>();
  for (const f of facts) {
    if (!f.is_total || f.table_id === null) continue;
    const group = totals.get(f.table_id);
    if (group) group.push(f);
    else totals.set(f.table_id, [f]);
  }
  return totals;
}

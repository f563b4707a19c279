import type { Fact, QualityCheck } from '../../schemas/index.js';
import { isTotalLabel } from '../../vocabulary/index.js';
import { groupBy, halfUnit, isAmount, key, printedUnit, round12 } from './audit-helpers.js';

/** `증 감(B-A)`: a column whose label gives its formula; derived_formula checks it. */
const FORMULA_TAG = /\([A-Z]\s*[-+*/]/;

/** `재적 = 가입 − 공제 − 해약`: a target column and the signed columns that make it. */
interface Identity {
  readonly target: number;
  readonly terms: ReadonlyArray<readonly [col: number, sign: 1 | -1]>;
}

type Grid = ReadonlyArray<ReadonlyArray<Fact | undefined>>;

/** At most this many columns on the right: `A − B − C` or `A + B`; more would find identities by chance. */
const MAX_TERMS = 3;
/** Share of the rows (with every value present) an identity must hold in before its other rows are findings. */
const MIN_SHARE = 0.8;
const MIN_ROWS = 3;
/**
 * Identities are between a few measures; wider tables list parallel categories (regions, years), where a
 * combination that holds by chance is likelier than a real one (and the search grows as the cube).
 */
const MAX_COLUMNS = 10;

/** Every signed combination of up to MAX_TERMS columns but `target`, the fewest terms first, one `+` at least. */
function* combinations(n: number, target: number): Generator<Identity> {
  const others = [...Array(n).keys()].filter((c) => c !== target);
  for (let size = 2; size <= MAX_TERMS; size++) {
    for (const cols of subsets(others, size)) {
      for (let mask = 0; mask < 2 ** size; mask++) {
        const terms = cols.map((c, i) => [c, mask & (1 << i) ? -1 : 1] as const);
        if (terms.some(([, s]) => s === 1)) yield { target, terms };
      }
    }
  }
}

function* subsets(items: readonly number[], size: number, from = 0): Generator<number[]> {
  if (size === 0) return yield [];
  for (let i = from; i <= items.length - size; i++) {
    for (const rest of subsets(items, size - 1, i + 1)) yield [items[i]!, ...rest];
  }
}

/** The row's value of the combination, the target, and the rounding both may carry; null when a cell is missing. */
function evaluate(row: ReadonlyArray<Fact | undefined>, id: Identity) {
  const target = row[id.target];
  const cells = id.terms.map(([c]) => row[c]);
  if (!target || cells.some((f) => !f)) return null;
  const expected = round12(id.terms.reduce((s, [c, sign]) => s + sign * row[c]!.value!, 0));
  const tol = [target, ...cells].reduce((s, f) => s + halfUnit(f!), 0);
  const nonzero = [target, ...cells].every((f) => f!.value !== 0);
  return { target, expected, holds: Math.abs(target.value! - expected) <= tol + 1e-9, nonzero };
}

/**
 * Whether a row keeps the identity (as `evaluate` says), without building its result: the search
 * tries hundreds of identities per table, nearly all of which fail. 0 when a cell is missing, 1
 * when it does not hold, 2 when it holds, 3 when it holds and no cell is zero.
 */
function keeps(row: ReadonlyArray<Fact | undefined>, id: Identity): 0 | 1 | 2 | 3 {
  const target = row[id.target];
  if (!target) return 0;
  let sum = 0;
  let tol = halfUnit(target);
  let nonzero = target.value !== 0;
  for (const [c, sign] of id.terms) {
    const f = row[c];
    if (!f) return 0;
    sum += sign * f.value!;
    tol += halfUnit(f);
    if (f.value === 0) nonzero = false;
  }
  // round12 leaves an integer of up to 12 digits as it is: skip its string round trip
  const expected = Number.isInteger(sum) && Math.abs(sum) < 1e12 ? sum : round12(sum);
  if (!(Math.abs(target.value! - expected) <= tol + 1e-9)) return 1;
  return nonzero ? 3 : 2;
}

/**
 * An identity the table keeps: it holds in ≥ 80% of the rows that have all its cells and in at least three
 * rows where no cell is zero (zeros make `A = A + 0`-style identities out of anything).
 */
function kept(grid: Grid, id: Identity): boolean {
  let rows = 0;
  let held = 0;
  let heldNonzero = 0;
  for (const row of grid) {
    const k = keeps(row, id);
    if (k === 0) continue;
    rows++;
    if (k >= 2) held++;
    if (k === 3) heldNonzero++;
  }
  return heldNonzero >= MIN_ROWS && held >= MIN_SHARE * rows;
}

/** The identities of one unit's columns, one per set of columns (`A − B − C = D` and `D + B + C = A` are one). */
function discover(grid: Grid, n: number): Identity[] {
  const found: Identity[] = [];
  const seen = new Set<string>();
  for (let target = n - 1; target >= 0; target--) {
    for (const id of combinations(n, target)) {
      const cols = [id.target, ...id.terms.map(([c]) => c)].sort((a, b) => a - b).join();
      if (seen.has(cols) || !kept(grid, id)) continue;
      seen.add(cols);
      found.push(id);
      break;
    }
  }
  return found;
}

const sign = (s: 1 | -1, first: boolean) => (first ? (s === 1 ? '' : '−') : s === 1 ? ' + ' : ' − ');
const formula = (labels: readonly string[], id: Identity) =>
  id.terms.map(([c, s], i) => `${sign(s, i === 0)}${labels[c]}`).join('');

/**
 * Identities inside rows, found per table and unit: a column equal in (nearly) every row to a signed
 * combination of others in the same unit (재적 = 가입 − 해지(공제) − 해지(해약)); each row is checked
 * against it, within the rounding of its printed digits. Total rows and columns are left out: they hold an
 * identity when their parts do and add up (total_rows, total_columns), and a wrong total would be reported twice.
 */
export function auditRowIdentities(table_id: string, facts: readonly Fact[]): QualityCheck[] {
  const usable = facts.filter(
    (f) =>
      f.origin === 'table' &&
      isAmount(f) &&
      !f.row_labels.some(isTotalLabel) &&
      !f.col_labels.some((l) => FORMULA_TAG.test(l) || isTotalLabel(l)),
  );
  const checks: QualityCheck[] = [];
  for (const family of groupBy(usable, printedUnit).values()) {
    const cols = [...groupBy(family, (f) => key(f.col_labels)).keys()];
    const rows = [...groupBy(family, (f) => key(f.row_labels)).values()];
    if (cols.length < 3 || cols.length > MAX_COLUMNS || rows.length < MIN_ROWS) continue;
    const grid: Grid = rows.map((r) => cols.map((c) => r.find((f) => key(f.col_labels) === c)));
    const names = cols.map((c) => c.split('\u241f').join('/'));
    for (const id of discover(grid, cols.length)) {
      for (const row of grid) {
        const r = evaluate(row, id);
        if (r) checks.push(identityCheck(table_id, r, formula(names, id)));
      }
    }
  }
  return checks;
}

function identityCheck(table_id: string, r: NonNullable<ReturnType<typeof evaluate>>, rule: string): QualityCheck {
  const { target, expected } = r;
  const label = [...target.row_labels, ...target.col_labels].join(' / ');
  const diff = round12(target.value! - expected);
  const off = r.holds ? (diff ? ` (off by ${diff}, within rounding)` : '') : ` — off by ${diff}`;
  return {
    check_id: `${table_id}:row_identity:${target.fact_id}`,
    table_id,
    kind: 'row_identity',
    label,
    expected,
    actual: target.value,
    passed: r.holds,
    message: `${label}: published ${target.value} vs ${rule} = ${expected}${off}`,
  };
}

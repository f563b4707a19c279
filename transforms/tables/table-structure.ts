import type { RawTable } from '../../schemas/index.js';
import type { CellRole } from '../../schemas/index.js';
import { isPeriodLabel, normalizeLabel, parseCell, tokenizeNumbers, type CellValue } from '../../vocabulary/index.js';
import { maxOf, minOf } from '../array-bounds.js';

/** A data row: its label path and the cells that hold values, by table column. */
export interface DataRow {
  readonly row_index: number;
  readonly line_no: number;
  readonly labels: readonly string[];
  readonly cells: ReadonlyArray<{
    readonly raw_col: number;
    readonly col: number;
    readonly raw: string;
    readonly value: CellValue;
    /** A cell merged over several columns: the label path of each column it covers (else its column's only). */
    readonly merged_cols?: ReadonlyArray<readonly string[]>;
    /** A cell merged over several rows: the labels of each data row it covers (else its row's only). */
    readonly merged_rows?: ReadonlyArray<readonly string[]>;
  }>;
  /** Column label paths in force for this row (a header row mid-table changes them). */
  readonly col_paths: ReadonlyArray<readonly string[]>;
}

export interface TableModel {
  readonly header_row_count: number;
  readonly label_cols: number;
  readonly col_count: number;
  readonly roles: readonly CellRole[][];
  readonly rows: readonly DataRow[];
  /** Columns of words (names, remarks): their empty cells are blanks, not numbers not given. */
  readonly text_cols: ReadonlySet<number>;
}

const isValue = (v: CellValue) => v.kind === 'quantities' || v.kind === 'nil';

/** A KOSIS export writes line breaks inside a header as `<br>`. */
export const cellText = (raw: string): string => raw.replace(/<br\s*\/?>/gi, ' ');

/** Words with a measured quantity in them (`10개사 내외`, `3~5억원`, `최대 10억원`): a spec table's values. */
const hasMeasuredQuantity = (raw: string): boolean =>
  /\d/.test(raw) && tokenizeNumbers(raw).some((t) => t.quantity && t.quantity.unit_raw !== null);

/**
 * In a table whose first value row lies deep (a spec table: attributes as rows, types as columns),
 * a row whose label is followed only by measured words is data, and so are the attribute rows
 * above it up to the top header (`지원대상 | 국내 중소기업` over `지원규모 | 최대 1억원`).
 */
function specRowAt(grid: readonly string[][], values: readonly CellValue[][], end: number): number {
  for (let r = 1; r < end; r++) {
    const row = grid[r]!;
    const rest = row.slice(1).filter((c) => c.trim());
    if (!row[0]?.trim() || !rest.length) continue;
    if (!rest.every((c, i) => hasMeasuredQuantity(c) || isValue(values[r]![i + 1]!))) continue;
    let first = r;
    while (first > 1 && grid[first - 1]![0]?.trim()) first--;
    return first;
  }
  return end;
}

const bare = (v: CellValue | undefined) =>
  v?.kind === 'quantities' && v.quantities.length === 1 && v.quantities[0]!.unit_raw === null
    ? v.quantities[0]!.value
    : null;

/**
 * A first column that labels rows though it holds digits: list numbers counting 1, 2, 3 …, or
 * years (`2018`, `2019`, … with perhaps a total row) — labels, not data.
 */
function labelNumberColumn(values: readonly CellValue[][]): boolean {
  const col = values.slice(1).map((r) => r[0]);
  if (col.length < 2) return false;
  if (col.every((v, i) => bare(v) === i + 1)) return true;
  // list numbers between group and total rows (`합계`, `① 고용충격완화`): 1, 2, …, n, one spread over two rows repeated
  const listed = col.map(bare).filter((n): n is number => n !== null);
  if (
    listed.length >= 3 &&
    listed.every((n, i) => n === (i ? listed[i - 1]! + 1 : 1) || (i > 0 && n === listed[i - 1])) &&
    col.every((v) => bare(v) !== null || v?.kind === 'text' || v?.kind === 'empty')
  )
    return true;
  const years = col.map(bare).filter((n): n is number => n !== null);
  const isYear = (n: number) => Number.isInteger(n) && n >= 1950 && n <= 2100;
  return (
    years.length >= 2 &&
    years.every(isYear) &&
    new Set(years).size === years.length &&
    col.every((v) => bare(v) !== null || v?.kind === 'text' || v?.kind === 'empty')
  );
}

/** Index of the first cell holding a number or nil (in a spec table, the second): the cells before it are row labels. */
function firstValue(values: readonly CellValue[], serial: boolean, spec: boolean): number {
  if (spec) return 1;
  const i = values.findIndex((v, c) => !(serial && c === 0) && isValue(v));
  return i < 0 ? values.length : i;
}

/**
 * Column label paths from header rows: an empty header cell continues the label on its left when
 * a lower header row labels that column (`해지(건)` over `공 제 | 해 약`).
 */
export function columnPaths(headers: readonly string[][], labelCols: number, width: number): string[][] {
  const filled = headers.map((row, h) => {
    const out: string[] = [];
    let left = '';
    for (let c = 0; c < width; c++) {
      const own = cellText(row[c] ?? '').trim();
      if (c < labelCols) {
        out.push('');
        continue;
      }
      if (own) {
        left = own;
        out.push(own);
        continue;
      }
      const below = headers.slice(h + 1).some((r) => (r[c] ?? '').trim());
      out.push(below ? left : '');
    }
    return out;
  });
  return Array.from({ length: width }, (_, c) => {
    const path: string[] = [];
    for (const row of filled) {
      const label = normalizeLabel(row[c]!);
      if (label && path[path.length - 1] !== label) path.push(label);
    }
    return path;
  });
}

type DataCell = DataRow['cells'][number];
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NO_SPREAD = { left: new Set<number>(), above: new Set<number>() };

/** The columns of a row that repeat a merged cell begun to their left, or above. */
const spreadOf = (row: RawTable['rows'][number]) =>
  row.spread ? { left: new Set(row.spread.left ?? []), above: new Set(row.spread.above ?? []) } : NO_SPREAD;

/** A value merged over several rows is labelled by each: the labels of the data rows its copies stand in. */
function labelMergedRows(table: RawTable, rows: DataRow[]): void {
  const byIndex = new Map(rows.map((row) => [row.row_index, row]));
  for (const row of rows) {
    if (!table.rows[row.row_index + 1]?.spread?.above) continue;
    for (const cell of row.cells as Array<Mutable<DataCell>>) {
      for (let r = row.row_index + 1; r < table.rows.length; r++) {
        if (!table.rows[r]!.spread?.above?.includes(cell.raw_col)) break;
        const below = byIndex.get(r)?.labels;
        if (below) cell.merged_rows = [...(cell.merged_rows ?? [row.labels]), below];
      }
    }
  }
}

/** Recovers header rows, label columns, row label paths and cell roles of one raw grid. */
export function modelTable(table: RawTable): TableModel {
  const grid = table.rows.map((r) => r.cells);
  const values = grid.map((row) => row.map(parseCell));
  const serial = labelNumberColumn(values);
  // Periods (`2020`, `2020.01`) over the first values are column labels, however many header rows.
  let leading = true;
  const rowHasValue = values.map((row, r) => {
    const has = row.some((v, c) => isValue(v) && !(serial && c === 0) && !(leading && isPeriodLabel(grid[r]![c]!)));
    if (has) leading = false;
    return has;
  });
  const valueRow = rowHasValue.findIndex(Boolean);
  const specRow = specRowAt(grid, values, valueRow < 0 ? grid.length : valueRow);
  const firstDataRow = specRow < (valueRow < 0 ? grid.length : valueRow) ? specRow : valueRow;
  const isSpec = specRow < (valueRow < 0 ? grid.length : valueRow);
  let headerCount = firstDataRow;
  if (headerCount < 0) headerCount = 1;
  const dataRows = values.map((row, r) =>
    r >= headerCount && (rowHasValue[r] || (isSpec && r >= specRow)) ? firstValue(row, serial, isSpec) : -1,
  );
  const ks = dataRows.filter((k) => k >= 0);
  const labelCols = ks.length ? minOf(ks) : Math.min(1, maxOf(grid.map((r) => r.length)) - 1);
  const width = maxOf(grid.map((r, i) => r.length - Math.max(0, (dataRows[i] ?? -1) - labelCols)));
  const roles: CellRole[][] = grid.map((row) => row.map((c) => (c.trim() ? 'header' : 'empty')));
  const textCols = new Set<number>();
  const rows: DataRow[] = [];
  let headers = grid.slice(0, headerCount);
  let paths = columnPaths(headers, labelCols, width);
  let prevLabels: string[] = [];
  for (let r = headerCount; r < grid.length; r++) {
    const row = grid[r]!;
    const afterData = firstDataRow >= 0 && r > firstDataRow;
    const k =
      dataRows[r]! >= 0
        ? dataRows[r]!
        : afterData && !row.slice(0, labelCols).some((c) => c.trim()) && row.some((c) => c.trim())
          ? -2
          : labelCols;
    if (k === -2) {
      // A label-only row after data: a header for the rows below it (`신규가입 | 해 지`).
      // The row labels above carry on below it (`가입업체수` over `신규가입 | 해 지`).
      headers = [...grid.slice(0, headerCount), row];
      paths = columnPaths(headers, labelCols, width);
      continue;
    }
    // extra labels push a row's values right; an empty cell or a merged cell spread over it does not
    const shift = row.slice(labelCols, k).filter((x, j) => x.trim() && x !== row[labelCols + j - 1]).length;
    const unlabeled = k > 0 && !row.slice(0, k).some((x) => x.trim());
    const labels: string[] = [];
    for (let c = 0; c < Math.min(k, row.length); c++) {
      const own = normalizeLabel(cellText(row[c]!));
      const deeper = row.slice(c + 1, k).some((x) => x.trim());
      // An empty label cell under a labeled one continues it (a merged cell written once).
      const label = own || (deeper || unlabeled ? (prevLabels[c] ?? '') : '');
      labels[c] = label;
      roles[r]![c] = row[c]!.trim() ? 'row_label' : 'empty';
    }
    prevLabels = labels;
    const cells: Array<Mutable<DataCell>> = [];
    const { left, above } = spreadOf(table.rows[r]!);
    for (let c = k; c < row.length; c++) {
      const col = c - shift;
      const value = values[r]![c]!;
      roles[r]![c] = row[c]!.trim() ? 'data' : 'empty';
      if (value.kind === 'text') textCols.add(col);
      // a copy of a merged cell is that cell: one value, however many columns or rows it covers
      if (above.has(c)) continue;
      if (left.has(c)) {
        const origin = cells[cells.length - 1];
        if (origin) origin.merged_cols = [...(origin.merged_cols ?? [paths[origin.col] ?? []]), paths[col] ?? []];
        continue;
      }
      cells.push({ raw_col: c, col, raw: row[c]!, value });
    }
    rows.push({
      row_index: r,
      line_no: table.rows[r]!.line_no,
      labels: labels.filter((l, c) => l && l !== labels[c - 1]),
      cells,
      col_paths: paths,
    });
  }
  labelMergedRows(table, rows);
  return { header_row_count: headerCount, label_cols: labelCols, col_count: width, roles, rows, text_cols: textCols };
}

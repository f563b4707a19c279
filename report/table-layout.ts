import { numOrNull, str, type Rows } from './text.js';

/** One cell of a table as the report lays it out; cells a span covers are left out. */
export interface LaidCell {
  readonly text: string;
  readonly kind: 'header' | 'label' | 'data' | 'empty';
  /** Place in the laid-out grid (after ragged rows are aligned). */
  readonly row: number;
  readonly col: number;
  readonly rowspan: number;
  readonly colspan: number;
  /** Place in the raw grid (table_cells), where a fact id points: `t756-r2c1`. */
  readonly sourceRow: number;
  readonly sourceCol: number;
}

export interface TableLayout {
  readonly width: number;
  readonly headerRows: number;
  /** Leading columns that hold row labels. */
  readonly labelCols: number;
  readonly rows: ReadonlyArray<ReadonlyArray<LaidCell>>;
}

interface Slot {
  text: string;
  kind: LaidCell['kind'];
  sourceRow: number;
  sourceCol: number;
  rowspan: number;
  colspan: number;
  covered: boolean;
}

const KIND: Record<string, LaidCell['kind']> = { header: 'header', row_label: 'label', data: 'data' };

function grid(cells: Rows): Slot[][] {
  const rows: Slot[][] = [];
  for (const c of cells) {
    const r = Number(c.row_index);
    const col = Number(c.col_index);
    const text = str(c.raw_text).trim();
    const kind = text ? (KIND[str(c.role)] ?? 'data') : 'empty';
    (rows[r] ??= [])[col] = { text, kind, sourceRow: r, sourceCol: col, rowspan: 1, colspan: 1, covered: false };
  }
  const width = Math.max(0, ...rows.map((r) => r?.length ?? 0));
  return Array.from(rows, (r, i) =>
    Array.from(
      { length: width },
      (_, c) =>
        r?.[c] ?? { text: '', kind: 'empty', sourceRow: i, sourceCol: c, rowspan: 1, colspan: 1, covered: false },
    ),
  );
}

const trailingEmpty = (row: readonly Slot[]) => row.length - 1 - row.findLastIndex((s) => s.kind !== 'empty');
const blank = (row: number, col: number): Slot => ({
  text: '',
  kind: 'empty',
  sourceRow: row,
  sourceCol: col,
  rowspan: 1,
  colspan: 1,
  covered: false,
});

/**
 * Moves the cells of a row `by` columns right from column `from`, into its trailing empty cells:
 * a text table writes a row with fewer label cells (`단 기` beside `중 장 기 | 채 권`) flush left.
 */
function shift(row: Slot[], from: number, by: number): void {
  if (by <= 0 || trailingEmpty(row) < by) return;
  const moved = row.slice(from, row.length - by);
  const gap = Array.from({ length: by }, (_, i) => blank(row[0]!.sourceRow, -1 - i)); // sourceCol < 0: a gap
  row.splice(from, row.length - from, ...gap, ...moved);
}

/** Aligns ragged rows so that data columns line up with the widest row label block. */
function align(g: Slot[][], headerRows: number): number {
  const firstData = (row: Slot[]) => row.findIndex((s) => s.kind === 'data');
  const body = g.slice(headerRows).filter((row) => firstData(row) > 0);
  const labelCols = Math.max(1, ...body.map(firstData));
  for (const row of g.slice(headerRows)) if (firstData(row) > 0) shift(row, firstData(row), labelCols - firstData(row));
  // A header row that starts its column labels right after the stub (`구 분`) moves with them.
  for (const row of g.slice(0, headerRows)) {
    if (labelCols > 1 && row.slice(1, labelCols).some((s) => s.kind !== 'empty')) shift(row, 1, labelCols - 1);
  }
  return labelCols;
}

/** Header spans: the stub over its empty block, a group label over the empty cells its sub-labels sit under. */
function spanHeader(g: Slot[][], h: number, labelCols: number): void {
  const stub = g[0]?.[0];
  const block = g.slice(0, h).flatMap((row) => row.slice(0, labelCols));
  if (stub && stub.kind !== 'empty' && block.slice(1).every((s) => s.kind === 'empty')) {
    block.slice(1).forEach((s) => (s.covered = true));
    Object.assign(stub, { rowspan: h, colspan: labelCols });
  }
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < g[r]!.length; c++) {
      const s = g[r]![c]!;
      if (s.covered || s.kind === 'empty') continue;
      const joins = (k: number) => {
        const next = g[r]![k];
        if (!next || next.covered) return false;
        if (next.kind !== 'empty') return next.text === s.text; // a merged cell spread over its range
        return r < h - 1 && g[r + 1]![k]!.kind !== 'empty';
      };
      while (joins(c + s.colspan)) g[r]![c + s.colspan++]!.covered = true;
      const under = (k: number) => g[k]!.slice(c, c + s.colspan);
      while (r + s.rowspan < h && under(r + s.rowspan).every((x) => x.kind === 'empty' && !x.covered)) {
        under(r + s.rowspan++).forEach((x) => (x.covered = true));
      }
    }
  }
}

/** Body spans: a label over the gap alignment left beside it, an outer label down over the rows it groups. */
function spanLabels(g: Slot[][], h: number, labelCols: number): void {
  for (let r = h; r < g.length; r++) {
    for (let c = 0; c < labelCols; c++) {
      const s = g[r]![c]!;
      if (s.covered || s.kind === 'empty') continue;
      while (c + s.colspan < labelCols && g[r]![c + s.colspan]!.sourceCol < 0) g[r]![c + s.colspan++]!.covered = true;
      if (c + s.colspan >= labelCols) continue; // only outer labels group rows
      const below = (k: number) => g[k]?.[c];
      while (below(r + s.rowspan)?.kind === 'empty' && g[r + s.rowspan]!.some((x) => x.kind !== 'empty')) {
        below(r + s.rowspan++)!.covered = true;
      }
    }
  }
}

/**
 * A table grid (table_cells rows of one table) laid out as the report prints it: ragged rows
 * aligned, header labels spanning the columns and rows they head, outer row labels spanning the
 * rows they group. Pure; the HTML page and the workbook sheet both draw this.
 */
export function layoutTable(cells: Rows, headerRowCount: unknown): TableLayout {
  const g = grid(cells);
  const h = Math.min(g.length, Math.max(0, numOrNull(headerRowCount) ?? 1));
  const labelCols = align(g, h);
  spanHeader(g, h, labelCols);
  spanLabels(g, h, labelCols);
  const rows = g.map((row, r) =>
    row.flatMap((s, col) =>
      s.covered
        ? []
        : [
            {
              text: s.text,
              kind: r < h && s.kind !== 'empty' ? ('header' as const) : s.kind,
              row: r,
              col,
              rowspan: s.rowspan,
              colspan: s.colspan,
              sourceRow: s.sourceRow,
              sourceCol: s.sourceCol,
            },
          ],
    ),
  );
  return { width: g[0]?.length ?? 0, headerRows: h, labelCols, rows };
}

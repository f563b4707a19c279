import type { Segment } from './pdf-rules.js';

/** One cell of a ruled grid: its top-left grid position, how many rows and columns it spans, its box. */
export interface GridCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** A table drawn with rules: column edges left to right, row edges top to bottom (y falls), its cells. */
export interface RuledGrid {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly cells: readonly GridCell[];
}

/** Rules this close (points) are one rule: a double border, a border drawn twice by adjacent cells. */
const SNAP = 2;
/** Shorter marks are not borders (bullets, strike-outs of a glyph). */
const MIN_RULE = 3;

const horizontal = (s: Segment) => s.y1 - s.y0 < s.x1 - s.x0;

/** Collinear rules that overlap or touch become one. */
function mergeRules(rules: readonly Segment[], across: 'x' | 'y'): Segment[] {
  const pos = (s: Segment) => (across === 'y' ? s.y0 : s.x0);
  const lo = (s: Segment) => (across === 'y' ? s.x0 : s.y0);
  const hi = (s: Segment) => (across === 'y' ? s.x1 : s.y1);
  const sorted = [...rules].sort((a, b) => pos(a) - pos(b) || lo(a) - lo(b));
  const out: Segment[] = [];
  for (const s of sorted) {
    const last = out.find((o) => Math.abs(pos(o) - pos(s)) <= SNAP && lo(s) <= hi(o) + SNAP && hi(s) >= lo(o) - SNAP);
    if (!last) {
      out.push(s);
      continue;
    }
    const [a, b] = [Math.min(lo(last), lo(s)), Math.max(hi(last), hi(s))];
    out[out.indexOf(last)] = across === 'y' ? { ...last, x0: a, x1: b } : { ...last, y0: a, y1: b };
  }
  return out;
}

/** Positions within SNAP of each other, as one (their mean). */
function cluster(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of sorted) {
    const g = groups[groups.length - 1];
    if (g && v - g[g.length - 1]! <= SNAP) g.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
  return i;
}

/** Rules that touch or cross, grouped: each group is one drawing (a table, a box, a chart's frame). */
function drawings(hs: readonly Segment[], vs: readonly Segment[]): Array<{ hs: Segment[]; vs: Segment[] }> {
  const parent = [...hs, ...vs].map((_, i) => i);
  hs.forEach((h, i) =>
    vs.forEach((v, j) => {
      const touches = v.x0 >= h.x0 - SNAP && v.x0 <= h.x1 + SNAP && h.y0 >= v.y0 - SNAP && h.y0 <= v.y1 + SNAP;
      if (touches) parent[find(parent, i)] = find(parent, hs.length + j);
    }),
  );
  const groups = new Map<number, { hs: Segment[]; vs: Segment[] }>();
  [...hs, ...vs].forEach((s, i) => {
    const root = find(parent, i);
    const g = groups.get(root) ?? { hs: [], vs: [] };
    (i < hs.length ? g.hs : g.vs).push(s);
    groups.set(root, g);
  });
  return [...groups.values()].filter((g) => g.hs.length && g.vs.length);
}

/**
 * A drawing's grid. Column edges are its vertical rules and the ends of its horizontal ones (tables
 * often leave their outer sides open); row edges likewise. Neighbouring grid cells with no rule
 * between them are one cell, spanning rows or columns; a merge that is not a rectangle is undone.
 */
function gridOf(hs: readonly Segment[], vs: readonly Segment[]): RuledGrid | null {
  const xs = cluster([...vs.map((v) => v.x0), Math.min(...hs.map((h) => h.x0)), Math.max(...hs.map((h) => h.x1))]);
  const ys = cluster([
    ...hs.map((h) => h.y0),
    Math.min(...vs.map((v) => v.y0)),
    Math.max(...vs.map((v) => v.y1)),
  ]).reverse();
  if (xs.length < 2 || ys.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const ruledV = (x: number, y: number) =>
    vs.some((v) => Math.abs(v.x0 - x) <= SNAP && y >= v.y0 - SNAP && y <= v.y1 + SNAP);
  const ruledH = (y: number, x: number) =>
    hs.some((h) => Math.abs(h.y0 - y) <= SNAP && x >= h.x0 - SNAP && x <= h.x1 + SNAP);
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const join = (a: number, b: number) => (parent[find(parent, a)] = find(parent, b));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const midY = (ys[r]! + ys[r + 1]!) / 2;
      const midX = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < cols && !ruledV(xs[c + 1]!, midY)) join(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !ruledH(ys[r + 1]!, midX)) join(r * cols + c, (r + 1) * cols + c);
    }
  }
  return { xs, ys, cells: cellsOf(parent, rows, cols, xs, ys) };
}

function cellsOf(
  parent: number[],
  rows: number,
  cols: number,
  xs: readonly number[],
  ys: readonly number[],
): GridCell[] {
  const members = new Map<number, number[]>();
  for (let i = 0; i < rows * cols; i++) members.set(find(parent, i), [...(members.get(find(parent, i)) ?? []), i]);
  const cells: GridCell[] = [];
  const box = (row: number, col: number, rowSpan: number, colSpan: number): GridCell => ({
    row,
    col,
    rowSpan,
    colSpan,
    x0: xs[col]!,
    x1: xs[col + colSpan]!,
    y0: ys[row + rowSpan]!,
    y1: ys[row]!,
  });
  for (const group of members.values()) {
    const rs = group.map((i) => Math.floor(i / cols));
    const cs = group.map((i) => i % cols);
    const [r0, r1, c0, c1] = [Math.min(...rs), Math.max(...rs), Math.min(...cs), Math.max(...cs)];
    if ((r1 - r0 + 1) * (c1 - c0 + 1) === group.length) cells.push(box(r0, c0, r1 - r0 + 1, c1 - c0 + 1));
    else for (const i of group) cells.push(box(Math.floor(i / cols), i % cols, 1, 1));
  }
  return cells.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** Every ruled grid the rules of one page draw, top of the page first. */
export function ruledGrids(rules: readonly Segment[]): RuledGrid[] {
  const long = rules.filter((s) => Math.max(s.x1 - s.x0, s.y1 - s.y0) >= MIN_RULE);
  const hs = mergeRules(long.filter(horizontal), 'y');
  const vs = mergeRules(
    long.filter((s) => !horizontal(s)),
    'x',
  );
  return drawings(hs, vs)
    .map((d) => gridOf(d.hs, d.vs))
    .filter((g): g is RuledGrid => g !== null)
    .sort((a, b) => b.ys[0]! - a.ys[0]! || a.xs[0]! - b.xs[0]!);
}

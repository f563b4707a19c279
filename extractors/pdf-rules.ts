/**
 * Ruling lines of a PDF page from pdf.js's operator list: the strokes and thin filled rectangles a
 * table's borders are drawn with, as horizontal and vertical segments in page space (points, y up).
 */

/** An axis-aligned segment: x0 ≤ x1 and y0 ≤ y1, one of the two pairs equal. */
export interface Segment {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** What pdf.js's `page.getOperatorList()` returns (the parts read here). */
export interface OperatorList {
  readonly fnArray: ArrayLike<number>;
  readonly argsArray: ArrayLike<unknown>;
}

/** pdf.js's OPS codes used here (`OPS` of pdfjs-dist 5; a test checks they agree). */
export const OPS = {
  save: 10,
  restore: 11,
  transform: 12,
  constructPath: 91,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  setStrokeRGBColor: 58,
  setFillRGBColor: 59,
} as const;
/** pdf.js 5's path commands inside a constructPath. */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, closePath: 3 } as const;

const STROKES: ReadonlySet<number> = new Set([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);
const FILLS: ReadonlySet<number> = new Set([OPS.fill, OPS.eoFill]);
/** A filled rectangle at most this thick (points) is a rule: browsers draw cell borders so. */
const THIN_FILL = 2.5;
/** How far off horizontal or vertical (points) a line may be and still be a rule. */
const SKEW = 0.5;

type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** `m` applied first, then `ctm`: the PDF `cm` operator. */
const compose = (ctm: Matrix, m: Matrix): Matrix => [
  ctm[0] * m[0] + ctm[2] * m[1],
  ctm[1] * m[0] + ctm[3] * m[1],
  ctm[0] * m[2] + ctm[2] * m[3],
  ctm[1] * m[2] + ctm[3] * m[3],
  ctm[0] * m[4] + ctm[2] * m[5] + ctm[4],
  ctm[1] * m[4] + ctm[3] * m[5] + ctm[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** Near-white ink is invisible on paper: a white border separates nothing. */
const isWhite = (color: unknown): boolean => typeof color === 'string' && /^#(f[a-f0-9]){3}$/i.test(color);

/** The straight pieces of a path, each subpath's points in page space (curves end a piece). */
function subpaths(data: ArrayLike<number>, ctm: Matrix): Array<Array<[number, number]>> {
  const paths: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> = [];
  const flush = () => {
    if (current.length > 1) paths.push(current);
    current = [];
  };
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === DRAW.moveTo) {
      flush();
      current.push(apply(ctm, data[i++]!, data[i++]!));
    } else if (op === DRAW.lineTo) current.push(apply(ctm, data[i++]!, data[i++]!));
    else if (op === DRAW.curveTo) {
      const end = apply(ctm, data[i + 4]!, data[i + 5]!);
      i += 6;
      flush();
      current.push(end);
    } else if (op === DRAW.closePath) {
      if (current.length > 2) current.push(current[0]!);
      const start = current[0];
      flush();
      if (start) current.push(start);
    } else break; // an unknown command: the rest of the path cannot be read
  }
  flush();
  return paths;
}

/** A stroked polyline's horizontal and vertical edges. */
function strokeSegments(points: ReadonlyArray<[number, number]>): Segment[] {
  const out: Segment[] = [];
  for (let k = 1; k < points.length; k++) {
    const [ax, ay] = points[k - 1]!;
    const [bx, by] = points[k]!;
    const dx = Math.abs(ax - bx);
    const dy = Math.abs(ay - by);
    const [midX, midY] = [(ax + bx) / 2, (ay + by) / 2];
    if (dy <= SKEW && dx > SKEW) out.push({ x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: midY, y1: midY });
    else if (dx <= SKEW && dy > SKEW) out.push({ x0: midX, x1: midX, y0: Math.min(ay, by), y1: Math.max(ay, by) });
  }
  return out;
}

/** A filled subpath that is a thin axis-aligned rectangle, as the rule along its middle. */
function fillSegment(points: ReadonlyArray<[number, number]>): Segment | null {
  if (points.length < 4 || points.length > 5) return null;
  if (strokeSegments(points).length < points.length - 1) return null; // not axis-aligned
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (y1 - y0 <= THIN_FILL && x1 - x0 > y1 - y0) return { x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 };
  if (x1 - x0 <= THIN_FILL && y1 - y0 > x1 - x0) return { x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 };
  return null;
}

/**
 * Every visible rule the page paints: stroked straight edges (lines and rectangles) and thin
 * filled rectangles, through the transforms (`cm`, form XObjects) in force. Clip paths, curves,
 * diagonals, white ink and filled areas (shading) are not rules.
 */
export function ruleSegments(list: OperatorList): Segment[] {
  const out: Segment[] = [];
  const stack: Array<{ ctm: Matrix; stroke: unknown; fill: unknown }> = [];
  let state = { ctm: IDENTITY, stroke: '#000000' as unknown, fill: '#000000' as unknown };
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]!;
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(state);
    else if (fn === OPS.restore) state = stack.pop() ?? state;
    else if (fn === OPS.transform) state = { ...state, ctm: compose(state.ctm, args as unknown as Matrix) };
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(state);
      const m = (args?.[0] ?? null) as Matrix | null;
      if (m) state = { ...state, ctm: compose(state.ctm, m) };
    } else if (fn === OPS.paintFormXObjectEnd) state = stack.pop() ?? state;
    else if (fn === OPS.setStrokeRGBColor) state = { ...state, stroke: args?.[0] };
    else if (fn === OPS.setFillRGBColor) state = { ...state, fill: args?.[0] };
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as Array<ArrayLike<number> | null> | undefined)?.[0];
      if (!data) continue;
      const paths = subpaths(data, state.ctm);
      if (STROKES.has(paint) && !isWhite(state.stroke)) out.push(...paths.flatMap(strokeSegments));
      if (FILLS.has(paint) && !isWhite(state.fill)) {
        for (const p of paths) {
          const s = fillSegment(p);
          if (s) out.push(s);
        }
      }
    }
  }
  return out;
}

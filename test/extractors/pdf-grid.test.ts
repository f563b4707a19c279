import { describe, expect, it } from 'vitest';
import { OPS as PDFJS_OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { layoutLines, type TextItem } from '../../extractors/index.js';
import { ruledGrids } from '../../extractors/pdf-grid.js';
import { OPS, ruleSegments, type OperatorList, type Segment } from '../../extractors/pdf-rules.js';

/** A synthetic operator list: each entry is [op, args], as pdf.js's getOperatorList gives them. */
const opList = (ops: ReadonlyArray<readonly [number, unknown]>): OperatorList => ({
  fnArray: ops.map(([fn]) => fn),
  argsArray: ops.map(([, args]) => args),
});
/** A constructPath painted by `paint`: rectangles [x, y, w, h] and lines [x0, y0, x1, y1] as pdf.js 5 encodes them. */
const rect = (paint: number, x: number, y: number, w: number, h: number) =>
  [OPS.constructPath, [paint, [Float32Array.of(0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 3)], null]] as const;
const line = (x0: number, y0: number, x1: number, y1: number) =>
  [OPS.constructPath, [OPS.stroke, [Float32Array.of(0, x0, y0, 1, x1, y1)], null]] as const;

const h = (y: number, x0: number, x1: number): Segment => ({ x0, x1, y0: y, y1: y });
const v = (x: number, y0: number, y1: number): Segment => ({ x0: x, x1: x, y0, y1 });

describe('ruleSegments: ruling lines from the operator list', () => {
  it('uses the operator codes of the pdf.js it runs with', () => {
    for (const [name, code] of Object.entries(OPS)) {
      expect([name, PDFJS_OPS[name as keyof typeof PDFJS_OPS]]).toEqual([name, code]);
    }
  });

  it('reads stroked rectangles and lines through transforms, thin fills as rules; skips clips and white ink', () => {
    const segments = ruleSegments(
      opList([
        [OPS.transform, [1, 0, 0, -1, 0, 842]], // pdfkit's flip: y down from the top
        rect(OPS.stroke, 50, 100, 100, 20), // a cell: y 722..742 in page space
        [OPS.save, null],
        [OPS.transform, [2, 0, 0, 2, 0, 0]],
        line(100, 100, 100, 110),
        [OPS.restore, null],
        rect(OPS.fill, 50, 200, 100, 1), // a browser's border: a filled rectangle 1pt thick
        rect(OPS.fill, 50, 300, 100, 40), // a shaded area, not a rule
        [OPS.constructPath, [28, [Float32Array.of(0, 0, 0, 1, 595, 0)], null]], // endPath: a clip, never painted
        [OPS.setStrokeRGBColor, ['#ffffff']],
        line(0, 0, 0, 100),
      ]),
    );
    expect(segments).toEqual([
      h(742, 50, 150),
      v(150, 722, 742),
      h(722, 50, 150),
      v(50, 722, 742),
      v(200, 622, 642),
      h(641.5, 50, 150),
    ]);
  });
});

describe('ruledGrids: cells from the rules', () => {
  // A budget summary's header: 사업명 spans two rows, 2023년 two columns; the sides are open.
  //  y 100 ┬──────┬─────────────┬
  //        │사업명 │   2023년    │
  //  y  80 │      ├──────┬──────┤
  //        │      │ 본예산 │  추경  │
  //  y  60 ├──────┼──────┼──────┤
  //        │ 사업  │  10  │  11  │
  //  y  40 ┴──────┴──────┴──────┴   x: 0, 100, 150, 200
  const rules = [h(100, 0, 200), h(80, 100, 200), h(60, 0, 200), h(40, 0, 200), v(100, 40, 100), v(150, 40, 80)];

  it('finds the columns and rows, and cells spanning them where a rule is missing', () => {
    const [grid, ...others] = ruledGrids(rules);
    expect(others).toEqual([]);
    expect(grid!.xs).toEqual([0, 100, 150, 200]);
    expect(grid!.ys).toEqual([100, 80, 60, 40]);
    expect(grid!.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 2, 1],
      [0, 1, 1, 2],
      [1, 1, 1, 1],
      [1, 2, 1, 1],
      [2, 0, 1, 1],
      [2, 1, 1, 1],
      [2, 2, 1, 1],
    ]);
  });

  it('keeps apart drawings that do not touch, and ignores lone underlines', () => {
    const box = [h(300, 0, 50), h(280, 0, 50), v(0, 280, 300), v(50, 280, 300)];
    expect(ruledGrids([...rules, ...box, h(200, 0, 80)]).map((g) => g.cells.length)).toEqual([1, 7]);
  });
});

/** Items of one size (9pt), 5pt per character: [text, x, baseline]. */
const items = (list: ReadonlyArray<readonly [string, number, number]>): TextItem[] =>
  list.map(([str, x, y]) => ({ str, x, y, width: [...str].length * 5, size: 9 }));

describe('layoutLines with ruling lines', () => {
  const rules = [h(100, 0, 200), h(80, 100, 200), h(60, 0, 200), h(40, 0, 200), v(100, 40, 100), v(150, 40, 80)];

  it('reads a ruled table cell by cell: spans spread, a wrapped label joined, a unit note under it moved above', () => {
    const text = items([
      ['사업명', 30, 78],
      ['2023년', 140, 88],
      ['본예산', 105, 68],
      ['추경', 160, 68],
      ['혁신창업사업화자', 2, 53],
      ['금(융자)', 2, 44],
      ['10', 130, 48],
      ['11', 180, 48],
      ['(단위: 백만원)', 120, 30],
    ]);
    expect(layoutLines([{ page: 1, items: text, rules }]).map((l) => l.text)).toEqual([
      '(단위: 백만원)',
      '사업명\t2023년\t2023년',
      '사업명\t본예산\t추경',
      '혁신창업사업화자금(융자)\t10\t11',
    ]);
  });

  it('keeps prose in a one-cell box as text lines and a flow chart as text, not tables', () => {
    const box = [h(300, 0, 300), h(260, 0, 300), v(0, 260, 300), v(300, 260, 300)];
    const step = (x: number) => [h(200, x, x + 80), h(180, x, x + 80), v(x, 180, 200), v(x + 80, 180, 200)];
    const text = items([
      ['ㅇ 사업기간 :', 5, 285],
      ['2005. 2', 150, 285],
      ['- 지원 대상', 5, 270],
      ['신청', 20, 188],
      ['⇨', 90, 188],
      ['선정평가', 120, 188],
      ['⇨', 210, 188],
      ['협약', 240, 188],
    ]);
    const lines = layoutLines([{ page: 1, items: text, rules: [...box, ...step(0), ...step(110), ...step(220)] }]);
    expect(lines.map((l) => l.text.trim()).filter(Boolean)).toEqual([
      'ㅇ 사업기간 : 2005. 2',
      '- 지원 대상',
      '신청 ⇨ 선정평가 ⇨ 협약',
    ]);
  });

  it('leaves a frame around an unruled table to the column positions', () => {
    const frame = [h(100, 0, 200), h(40, 0, 200), v(0, 40, 100), v(200, 40, 100)];
    const text = items([
      ['구분', 5, 85],
      ['2019', 100, 85],
      ['2020', 150, 85],
      ['기금', 5, 70],
      ['36.7', 100, 70],
      ['43.8', 150, 70],
    ]);
    const lines = layoutLines([{ page: 1, items: text, rules: frame }]);
    expect(lines.map((l) => l.text)).toEqual(['구분\t2019\t2020', '기금\t36.7\t43.8']);
  });
});

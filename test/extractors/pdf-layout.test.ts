import { describe, expect, it } from 'vitest';
import { layoutLines, type TextItem } from '../../extractors/index.js';

/** Items for one page: each entry is [text, x, y]; width is 9pt per character at size 9 (a monospace stand-in). */
const page = (n: number, items: ReadonlyArray<readonly [string, number, number]>) => ({
  page: n,
  items: items.map(([str, x, y]): TextItem => ({ str, x, y, width: [...str].length * 9, size: 9 })),
});
const texts = (pages: Parameters<typeof layoutLines>[0]) => layoutLines(pages).map((l) => l.text);

describe('layoutLines: text back from positions', () => {
  it('makes a table of runs split by wide gaps, keeping empty cells in their column', () => {
    expect(
      texts([
        page(1, [
          ['구분', 50, 700],
          ['가입', 120, 700],
          ['해지', 190, 700],
          ['계', 50, 687],
          ['10', 120, 687],
          ['합계', 50, 674],
          ['30', 120, 674],
          ['5', 190, 674],
        ]),
      ]),
    ).toEqual(['구분\t가입\t해지', '계\t10\t', '합계\t30\t5']);
  });

  it('finds columns of right-aligned numbers by their extents', () => {
    // numbers end at x = 160 and 230 whatever their width
    expect(
      texts([
        page(1, [
          ['구분', 50, 700],
          ['금액', 142, 700],
          ['건수', 212, 700],
          ['서울', 50, 687],
          ['1,234', 115, 687],
          ['5', 221, 687],
          ['부산', 50, 674],
          ['98', 142, 674],
          ['12', 212, 674],
        ]),
      ]),
    ).toEqual(['구분\t금액\t건수', '서울\t1,234\t5', '부산\t98\t12']);
  });

  it('indents bullets by their offset, inserts blank lines for vertical gaps', () => {
    expect(
      texts([
        page(1, [
          ['1. 제목', 50, 700],
          ['- 항목', 50, 674],
          ['- 세부', 53, 661],
        ]),
      ]),
    ).toEqual(['1. 제목', '', '- 항목', ' - 세부']);
  });

  it('joins a cell that wraps inside its row, with or without a space as the break was', () => {
    // two tables: in each, the first column's wrapped text filled the cell to its edge
    expect(
      texts([
        page(1, [
          ['구분', 50, 700],
          ['내용', 120, 700],
          ['지원규', 50, 686],
          ['최대 1억원', 120, 686],
          ['모', 50, 676],
          ['계', 50, 662],
          ['10', 120, 662],
          ['구분', 50, 620],
          ['내용', 150, 620],
          ['설명회 교육', 50, 606],
          ['지원', 150, 606],
          ['등', 50, 596],
          ['계', 50, 582],
          ['3', 150, 582],
        ]),
      ]),
    ).toEqual(['구분\t내용', '지원규모\t최대 1억원', '계\t10', '', '', '구분\t내용', '설명회 교육 등\t지원', '계\t3']);
  });

  it('moves running headers and footers after the content, flagged, so tables run across pages', () => {
    const header = (n: number) => [`2020년도 사업보고 요약 ${n}/3`, 50, 800] as const;
    const lines = layoutLines([
      page(1, [header(1), ['구분', 50, 700], ['값', 120, 700], ['가', 50, 687], ['1', 120, 687]]),
      page(2, [header(2), ['나', 50, 700], ['2', 120, 700]]),
      page(3, [header(3), ['끝', 50, 700]]),
    ]);
    expect(lines.map((l) => [l.text, l.page, l.furniture ?? false])).toEqual([
      ['구분\t값', 1, false],
      ['가\t1', 1, false],
      ['나\t2', 2, false],
      ['끝', 3, false],
      ['', null, false],
      ['2020년도 사업보고 요약 1/3', 1, true],
      ['2020년도 사업보고 요약 2/3', 2, true],
      ['2020년도 사업보고 요약 3/3', 3, true],
    ]);
  });

  it('reads spaces that pdf.js gives as U+0001 and folds Kangxi radicals', () => {
    expect(texts([page(1, [['소상공\u2f08\u516c제\u0001(노란우산)', 50, 700]])])).toEqual(['소상공人公제 (노란우산)']);
  });
});

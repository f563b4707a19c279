import { describe, expect, it } from 'vitest';
import { normalize } from '../../transforms/index.js';
import { extract } from '../helpers.js';

/** Layout details another year's report may use: 제N장 chapters, 가. subsections, [단위] notes, years as row labels. */
const REPORT_2022 = `2022년도 사업보고 요약

제1장 조합 지원

1. 실적

가. 연도별 실적

[단위: 억원]

구분\t금액\t건수(건)
2019\t100\t5
2020\t120\t6
2021\t130\t7
합계\t350\t18

나) 기타
- 조합 지원(3개 조합)
`;

describe('layouts other years may use', () => {
  const doc = normalize(extract(REPORT_2022));

  it('reads 제N장 chapters and 가./나) subsections into the outline', () => {
    expect(doc.sections.map((s) => [s.level, s.label, s.title])).toEqual([
      [1, 'I', '조합 지원'],
      [2, '1', '실적'],
      [3, '가.', '연도별 실적'],
      [3, '나)', '기타'],
    ]);
    expect(doc.document.report_year).toBe(2022);
  });

  it('takes a bracketed unit note and years in the first column as row labels', () => {
    expect(doc.lines.find((l) => l.text === '[단위: 억원]')?.kind).toBe('unit_note');
    expect(doc.tables[0]).toMatchObject({ unit_note: '[단위: 억원]', header_row_count: 1 });
    const facts = doc.facts
      .filter((f) => f.origin === 'table')
      .map((f) => [f.row_labels[0], f.col_labels[0], f.value, f.unit_raw, f.period_year, f.is_total]);
    expect(facts).toEqual([
      ['2019', '금액', 100, '억원', 2019, false],
      ['2019', '건수(건)', 5, '건', 2019, false],
      ['2020', '금액', 120, '억원', 2020, false],
      ['2020', '건수(건)', 6, '건', 2020, false],
      ['2021', '금액', 130, '억원', 2021, false],
      ['2021', '건수(건)', 7, '건', 2021, false],
      ['합계', '금액', 350, '억원', null, true],
      ['합계', '건수(건)', 18, '건', null, true],
    ]);
    expect(doc.quality_checks.map((q) => q.passed)).toEqual([true, true]);
  });
});

describe('more spellings of captions, unit notes and bullets', () => {
  const doc = normalize(
    extract(`2023년도 사업보고 요약

1. 공제 사업

<표 2> 지역별 가입 현황

단위: 건

구분\t서울\t부산\t합계
가입\t10\t20\t30

ㆍ 가입 확대(5개 지역)
▶ 홍보 강화
`),
  );

  it('reads <표 N> captions, bare 단위: notes and ㆍ/▶ bullets', () => {
    expect(doc.lines.filter((l) => l.kind !== 'blank').map((l) => l.kind)).toEqual([
      'title',
      'heading',
      'caption',
      'unit_note',
      'table_row',
      'table_row',
      'bullet',
      'bullet',
    ]);
    expect(doc.tables[0]).toMatchObject({ title: '지역별 가입 현황', unit_note: '단위: 건' });
    expect(
      doc.facts.filter((f) => f.origin === 'table').map((f) => [f.col_labels[0], f.value, f.unit_raw, f.region_code]),
    ).toEqual([
      ['서울', 10, '건', 'KR-11'],
      ['부산', 20, '건', 'KR-26'],
      ['합계', 30, '건', null],
    ]);
  });
});

describe('size', () => {
  it('handles a table of 130,000 cells and a line of 5,000 numbers (no spread of huge arrays, no quadratic scans)', () => {
    const header = `구분\t${Array.from({ length: 20 }, (_, i) => `항목${i}`).join('\t')}`;
    const rows = Array.from(
      { length: 6500 },
      (_, r) => `행${r}\t${Array.from({ length: 20 }, (_, i) => String((r * 7 + i) % 1000)).join('\t')}`,
    );
    const prose = `- ${Array.from({ length: 5000 }, (_, i) => `${i % 97}개`).join(', ')}`;
    const doc = normalize(extract(`2022년도 사업보고\n\n1. 큰 표\n\n${header}\n${rows.join('\n')}\n\n${prose}\n`));
    expect(doc.facts.filter((f) => f.origin === 'table')).toHaveLength(130_000);
    expect(doc.facts.filter((f) => f.origin === 'text')).toHaveLength(5000);
    expect(doc.tables[0]).toMatchObject({ row_count: 6501, col_count: 21 });
  });
});

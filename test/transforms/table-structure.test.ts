import { describe, expect, it } from 'vitest';
import { columnPaths, modelTable } from '../../transforms/index.js';
import { normalizeLabel } from '../../vocabulary/index.js';
import { cellFact, factsOf, report2020, tableAt } from '../helpers.js';

const doc = report2020();
const tables = (text: string) => tableAt(doc, text);

describe('normalizeLabel', () => {
  it.each([
    ['합 계', '합계'],
    ['연 합 회', '연합회'],
    ['중 소 기 업 C E O 교 육', '중소기업CEO교육'],
    ['증 감(B-A)', '증감(B-A)'],
    ['부금수입 (억원)', '부금수입(억원)'],
    ['보도 자료 배포', '보도 자료 배포'],
    ['대전 충남', '대전 충남'],
    ['부문별 대 상 (9)', '부문별 대상(9)'],
  ])('%s → %s', (raw, label) => expect(normalizeLabel(raw)).toBe(label));
});

describe('columnPaths', () => {
  it('spreads a header over the empty cells a lower header row labels', () => {
    expect(
      columnPaths(
        [
          ['구 분', '가입(건)', '해지(건)', '', '재적(건)', '비고'],
          ['', '', '공 제', '해 약', '', ''],
        ],
        1,
        6,
      ),
    ).toEqual([[], ['가입(건)'], ['해지(건)', '공제'], ['해지(건)', '해약'], ['재적(건)'], ['비고']]);
  });
});

describe('table structures of the 2020 report', () => {
  it('multi-row header with spans: 해지(건) over 공 제 | 해 약', () => {
    const t = tables("'07년\t4,014");
    expect(doc.tables.find((x) => x.table_id === t)!.header_row_count).toBe(2);
    expect(cellFact(doc, t, ["'07년"], ['해지(건)', '공제'])).toMatchObject({
      value: 1,
      unit_raw: '건',
      period_year: 2007,
    });
    expect(cellFact(doc, t, ["'20년"], ['해지(건)', '해약'])).toMatchObject({ value: 30218, unit: 'case' });
    expect(cellFact(doc, t, ['합계'], ['재적(건)'])).toMatchObject({
      value: 1384038,
      is_total: true,
      period_year: null,
    });
  });

  it('국 내 | 해 외 | 합 계 over 건수 | 보험료, with a unit note listing two units', () => {
    const t = tables("'20년\t4,430");
    expect(cellFact(doc, t, ["'20년"], ['국내', '건수'])).toMatchObject({
      value: 4430,
      unit_raw: '건',
      base_unit: 'count',
    });
    expect(cellFact(doc, t, ["'20년"], ['해외', '보험료'])).toMatchObject({
      value: 3657,
      unit_raw: '억원',
      value_base: 365_700_000_000,
    });
    expect(cellFact(doc, t, ['누계'], ['합계', '보험료'])).toMatchObject({ value: 82714, is_total: true });
    expect(cellFact(doc, t, ['누계'], ['사업수입'])).toMatchObject({ value: 97.5, unit_raw: '억원' });
  });

  it('노란우산 | 공제기금 over 금액 | 비 중 | 수익률, with the 중 장 기 row group and its 계', () => {
    const t = tables('단 기\t4,886');
    expect(cellFact(doc, t, ['중장기', '채권'], ['노란우산', '금액'])).toMatchObject({
      value: 90068,
      unit_raw: '억원',
    });
    expect(cellFact(doc, t, ['중장기', '주식'], ['공제기금', '비중'])).toMatchObject({ value: 38.7, unit_raw: '%' });
    expect(cellFact(doc, t, ['중장기', '대체투자'], ['공제기금', '금액'])).toMatchObject({ value: null, raw_text: '' });
    expect(cellFact(doc, t, ['계'], ['노란우산', '수익률'])).toMatchObject({ value: 5.24, is_total: true });
    expect(cellFact(doc, t, ['총계'], ['공제기금', '금액'])).toMatchObject({ value: 2148, is_total: true });
  });

  it('계 약 현 황 | 손 해 현 황 over six columns; (단위 : 개사, 건, 억원) mapped by label', () => {
    const t = tables("'20년\t100\t3,030");
    expect(cellFact(doc, t, ["'20년"], ['계약현황', '업체수'])).toMatchObject({
      value: 100,
      unit_raw: '개사',
      unit: 'company',
    });
    expect(cellFact(doc, t, ["'20년"], ['계약현황', '발급건수'])).toMatchObject({ value: 3030, unit_raw: '건' });
    expect(cellFact(doc, t, ["'20년"], ['계약현황', '보증금액'])).toMatchObject({ value: 837, unit_raw: '억원' });
    expect(cellFact(doc, t, ['누계'], ['손해현황', '손해액(B)'])).toMatchObject({ value: 70.8, unit_raw: '억원' });
    expect(cellFact(doc, t, ['누계'], ['손해현황', '손해율(B/A)'])).toMatchObject({ value: 34.6, unit_raw: '%' });
  });

  it('실 적 over 과정수(개) | 횟수(회) | 연인원(명): units from the headers', () => {
    const t = tables('맞 춤 교 육\t7\t130\t6,544');
    expect(cellFact(doc, t, ['맞춤교육'], ['실적', '연인원(명)'])).toMatchObject({ value: 6544, unit_raw: '명' });
    expect(cellFact(doc, t, ['중소기업CEO교육'], ['실적', '과정수(개)'])).toMatchObject({ value: 5, unit_raw: '개' });
    expect(cellFact(doc, t, ['합계'], ['실적', '횟수(회)'])).toMatchObject({
      value: 173,
      unit_raw: '회',
      is_total: true,
    });
  });

  it('건의결과 over 반영 | 미반영 | 검토중, columns of KBIZ regional headquarters', () => {
    const t = tables('건의실적\t33\t32');
    expect(cellFact(doc, t, ['건의결과', '미반영'], ['부산울산'])).toMatchObject({
      value: 7,
      region_code: 'KBIZ-BSUS',
      unit_raw: '건',
    });
    expect(cellFact(doc, t, ['건의결과', '검토중'], ['대전충남'])).toMatchObject({
      value: 39,
      region_code: 'KBIZ-DJSCN',
    });
    expect(cellFact(doc, t, ['건의결과', '미반영'], ['충북'])).toMatchObject({
      value: null,
      raw_text: '-',
      region_code: 'KR-43',
    });
    expect(cellFact(doc, t, ['건의실적'], ['합계'])).toMatchObject({ value: 511, is_total: true, region_code: null });
  });

  it('header-and-data interleave: 2019년(A) | 2020년(B) | 증 감(B-A) with 신규가입 | 해 지 below', () => {
    const t = tables('가입업체수\t17,421');
    expect(cellFact(doc, t, ['가입업체수'], ['2019년(A)'])).toMatchObject({ value: 17421, period_year: 2019 });
    expect(cellFact(doc, t, ['가입업체수'], ['증감(B-A)'])).toMatchObject({ value: -1495, raw_text: 'Δ1,495' });
    // the merged 가입업체수 carries on under the 신규가입 | 해 지 sub-header
    expect(cellFact(doc, t, ['가입업체수'], ['2020년(B)', '해지'])).toMatchObject({ value: 3440, period_year: 2020 });
    expect(cellFact(doc, t, ['가입업체수'], ['증감(B-A)', '신규가입'])).toMatchObject({ value: -1797 });
    expect(factsOf(doc, t)).toHaveLength(9);
  });

  it('tables with no row label: a header of regions over one row of numbers, spaced region names', () => {
    const t = tables('5\t4\t13\t4\t4\t16');
    expect(cellFact(doc, t, [], ['경기북부'])).toMatchObject({ value: 4, region_code: 'KBIZ-GGN', unit_raw: '건' });
    expect(cellFact(doc, t, [], ['광주전남'])).toMatchObject({ value: null, raw_text: '', region_code: 'KBIZ-GJJN' });
    const spaced = tables('5\t2\t1\t1\t1\t3');
    expect(cellFact(doc, spaced, [], ['대전 충남'])).toMatchObject({
      value: 3,
      region_code: 'KBIZ-DJSCN',
      unit_raw: '회',
    });
    expect(cellFact(doc, spaced, [], ['경기 북부'])).toMatchObject({ region_code: 'KBIZ-GGN' });
  });

  it('a header that is the first row of labels: 법 른 | 노 무 | …', () => {
    const t = tables('1,398\t1,108');
    expect(cellFact(doc, t, [], ['법른'])).toMatchObject({ value: 1398 });
    expect(cellFact(doc, t, [], ['합계'])).toMatchObject({ value: 3831, is_total: true });
  });

  it('cells holding two quantities give two facts: 38개(11.8%)', () => {
    const t = tables('2020 구축기업수\t38개(11.8%)');
    const a = factsOf(doc, t).filter((f) => f.col_labels[0] === 'A');
    expect(a.map((f) => [f.value, f.unit_raw, f.period_year])).toEqual([
      [38, '개', 2020],
      [11.8, '%', 2020],
    ]);
  });

  it('quantities inside text cells carry their qualifier: 최대 1.5억원, 총 사업비 3억원 내외', () => {
    const t = tables('지원규모\t최대 1억원\t최대 1.5억원');
    expect(cellFact(doc, t, ['지원규모'], ['고도화'])).toMatchObject({
      value: 1.5,
      unit_raw: '억원',
      qualifier: 'max',
      value_base: 150_000_000,
    });
    const posco = tables('사업비 규모\t총 사업비 3억원 내외');
    expect(cellFact(doc, posco, ['사업비 규모'], ['A'])).toMatchObject({ value: 3, qualifier: 'approx' });
  });

  it('purely textual tables yield cells with roles but no facts', () => {
    const t = tables('1\t광주자동차부품판매업(조)');
    expect(factsOf(doc, t)).toEqual([]);
    const roles = doc.cells.filter((c) => c.table_id === t && c.row_index === 1).map((c) => c.role);
    expect(roles).toEqual(['row_label', 'data', 'data', 'empty']);
  });

  it('leading empty cells mean "same as above" in row labels', () => {
    const t = tables('종합대상(1)');
    const m = modelTable({
      table_id: t,
      line_start: 1,
      line_end: 3,
      rows: [
        { line_no: 1, cells: ['구 분', '', '값'] },
        { line_no: 2, cells: ['중 장 기', '채 권', '10'] },
        { line_no: 3, cells: ['', '주 식', '20'] },
      ],
    });
    expect(m.rows.map((r) => r.labels)).toEqual([
      ['중장기', '채권'],
      ['중장기', '주식'],
    ]);
  });

  it('gives every cell a role', () => {
    expect(doc.cells.length).toBe(
      doc.lines.filter((l) => l.kind === 'table_row').reduce((n, l) => n + l.text.split('\t').length, 0),
    );
    const t = tables('구 분\t가입(건)');
    const header = doc.cells.filter((c) => c.table_id === t && c.row_index < 2).map((c) => c.role);
    expect(header).toEqual([
      'header',
      'header',
      'header',
      'empty',
      'header',
      'header',
      'empty',
      'empty',
      'header',
      'header',
      'empty',
      'empty',
    ]);
  });
});

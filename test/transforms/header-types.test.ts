import { describe, expect, it } from 'vitest';
import { normalize } from '../../transforms/index.js';
import { isPeriodLabel } from '../../vocabulary/index.js';
import { extract, report2020 } from '../helpers.js';

const doc = (text: string) => normalize(extract(text, { report_year: 2021 }));
const labels = (d: ReturnType<typeof doc>, raw: string) =>
  d.facts
    .filter((f) => f.raw_text === raw)
    .map((f) => [f.row_labels.join('/'), f.col_labels.join('/'), f.qualifier, f.unit_raw]);

describe('headers by cell types', () => {
  it('reads years and KOSIS year-months as period labels', () => {
    expect(['2020', '2020.01', '2020. 1', '2020.13', '15.6', '2,020'].map(isPeriodLabel)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('continues a merged row label across a sub-header row', () => {
    const d = doc(`2021년도 사업보고 요약

I 병합

1. 가입 현황

(단위 : 개사)

구 분\t2020년(A)\t\t2021년(B)\t
가입업체수\t15,926\t\t16,480\t
\t신규가입\t해 지\t신규가입\t해 지
\t1,945\t3,440\t2,310\t1,756
`);
    expect(labels(d, '3,440')).toEqual([['가입업체수', '2020년(A)/해지', null, '개사']]);
  });

  it('reads a spec table: attributes as rows, types as columns, with qualifiers and ranges', () => {
    const d = doc(`2021년도 사업보고 요약

I 개요

1. 스마트공장 지원사업 개요

구 분\t기초형\t고도화형
지원대상\t10개사 내외\t약 120개사
총사업비\t3~5억원\t최대 10억원
`);
    expect(d.tables[0]!.header_row_count).toBe(1);
    expect(labels(d, '120개사')).toEqual([['지원대상', '고도화형', 'approx', '개사']]);
    expect(
      d.facts
        .filter((f) => f.row_labels[0] === '총사업비' && f.col_labels[0] === '기초형')
        .map((f) => [f.value_base, f.qualifier]),
    ).toEqual([
      [300_000_000, 'range_start'],
      [500_000_000, 'range_end'],
    ]);
  });

  it("keeps the 2020 report's 가입업체수 on the rows under its 신규가입 | 해지 sub-header", () => {
    const facts = report2020().facts.filter((f) => f.raw_text === '3,742' && f.table_id);
    expect(facts.map((f) => [f.row_labels, f.col_labels])).toEqual([[['가입업체수'], ['2019년(A)', '신규가입']]]);
  });
});

import { describe, expect, it } from 'vitest';
import { lookupUnit } from '../../vocabulary/index.js';
import { normalize } from '../../transforms/index.js';
import { measureOfLabel } from '../../transforms/tables/label-measures.js';
import { extract } from '../helpers.js';

const doc = (text: string) => normalize(extract(text, { report_year: 2021 }));
const fact = (d: ReturnType<typeof doc>, row: string, col: string) =>
  d.facts.find((f) => f.row_labels.join('/') === row && f.col_labels.join('/') === col)!;

const INCOME = `2021년도 사업보고 요약

I 단위

1. 수지 현황

(단위 : 백만원, %)

구 분\t'20년\t'21년\t증감\t증감률
총수입\t52,340\t59,197\t6,857\t13.1
운영비\t8,120\t8,544\t424\t5.2
`;

describe('units as typed measures', () => {
  it('names the measure of a label', () => {
    expect(['증감률', '비중', '경쟁률', '운영비', '업체수', '(B-A)/A', '(B-A)', "'20년"].map(measureOfLabel)).toEqual([
      'rate',
      'rate',
      'ratio',
      'money',
      'count',
      'rate',
      null,
      null,
    ]);
  });

  it('knows the units real documents use', () => {
    expect(lookupUnit('㎡')).toMatchObject({ base_unit: 'm2', quantity_kind: 'area', multiplier: 1 });
    expect(lookupUnit('천원')).toMatchObject({ base_unit: 'KRW', multiplier: 1000 });
    expect(lookupUnit('조원')).toMatchObject({ base_unit: 'KRW', multiplier: 1e12 });
    expect(lookupUnit('백만불')).toMatchObject({ base_unit: 'USD', multiplier: 1e6 });
    expect(lookupUnit('천명')).toMatchObject({ base_unit: 'count', multiplier: 1000 });
    expect(lookupUnit('배')).toMatchObject({ quantity_kind: 'ratio' });
  });

  it('gives a rate column % under a money row, never 백만원', () => {
    const f = fact(doc(INCOME), '총수입', '증감률');
    expect([f.value, f.unit_raw, f.base_unit, f.value_base, f.unit_source]).toEqual([
      13.1,
      '%',
      'percent',
      13.1,
      'note',
    ]);
  });

  it("gives a numeric column no label measures the note's one money unit", () => {
    const f = fact(doc(INCOME), '운영비', "'20년");
    expect([f.unit_raw, f.value_base, f.unit_source, f.period_year]).toEqual(['백만원', 8_120_000_000, 'note', 2020]);
  });

  it('records a rate label the note contradicts as unit_conflict, and keeps %', () => {
    const d = doc(INCOME.replace('(단위 : 백만원, %)', '(단위 : 백만원)'));
    expect(fact(d, '총수입', '증감률').unit_raw).toBe('%');
    expect(d.issues.filter((i) => i.code === 'unit_conflict').map((i) => i.message)).toEqual([
      expect.stringContaining('증감률 is a rate, the note lists 백만원'),
    ]);
  });

  it("keeps a ratio column in 배 and counts beside it in the note's 개사", () => {
    const d = doc(`2021년도 사업보고 요약

I 비율

1. 경쟁률

(단위 : 개사, 배)

구 분\t모집\t신청\t경쟁률(배)
판로지원\t120\t486\t4.1
`);
    expect([fact(d, '판로지원', '경쟁률(배)').base_unit, fact(d, '판로지원', '모집').unit_raw]).toEqual([
      'times',
      '개사',
    ]);
  });
});

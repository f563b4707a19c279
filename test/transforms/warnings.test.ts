import { describe, expect, it } from 'vitest';
import { normalize } from '../../transforms/index.js';
import { extract, report2020 } from '../helpers.js';

const run = (text: string) => normalize(extract(text, { report_year: 2021 }));

describe('doubts are recorded, never silent guesses', () => {
  it('the 2020 report leaves only its two tables without any stated unit', () => {
    expect(report2020().issues.map((i) => [i.code, i.line_no])).toEqual([
      ['unit_unknown', 732],
      // 손해율(B/A) is a rate; the note above it lists 개사, 건, 억원 only
      ['unit_conflict', 865],
      ['unit_unknown', 1006],
    ]);
  });

  it('an unknown unit in prose is a warning and the number stays unitless', () => {
    const doc = run('1. 시험\n- 차량 지원 5대, 선박 3척 지원\n');
    expect(doc.issues).toEqual([{ code: 'unit_unknown', message: 'unit not in the vocabulary: 3척', line_no: 2 }]);
    expect(doc.facts.map((f) => [f.raw_text, f.unit_raw, f.unit, f.base_unit])).toEqual([
      ['5대', '대', 'machine', 'count'],
      ['3', null, 'number', 'number'],
    ]);
  });

  it('an unknown label in a header of regions is a warning', () => {
    const doc = run('1. 지역\n\n구분\t서울\t인천\t경기\t화성\t합계\n건수\t1\t2\t3\t4\t10\n');
    expect(doc.issues).toEqual([{ code: 'region_unknown', message: 'table t3: not a known region: 화성', line_no: 3 }]);
    expect(doc.facts.filter((f) => f.region_code).map((f) => f.col_labels[0])).toEqual(['서울', '인천', '경기']);
  });

  it('a label names the unit when no note does: 업체수, 건수, 비율', () => {
    const doc = run('1. 실적\n\n구분\t2020\t2021\n업체수\t10\t12\n발급건수\t5\t6\n지원비율\t50\t60\n');
    expect(doc.facts.map((f) => [f.row_labels[0], f.unit_raw])).toEqual([
      ['업체수', '개사'],
      ['업체수', '개사'],
      ['발급건수', '건'],
      ['발급건수', '건'],
      ['지원비율', '%'],
      ['지원비율', '%'],
    ]);
    expect(doc.facts.map((f) => f.period_year)).toEqual([2020, 2021, 2020, 2021, 2020, 2021]);
  });
});

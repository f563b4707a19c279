import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCsv } from '../../extractors/index.js';
import { normalize } from '../../transforms/index.js';
import { ROOT, ref } from '../helpers.js';

const DIR = resolve(ROOT, '..', 'shared', 'real-inputs');
const read = (name: string) =>
  normalize(extractCsv(readFileSync(resolve(DIR, name)), ref({ source_path: name, report_year: 2020 }), 't'));

describe.skipIf(!existsSync(resolve(DIR, 'elderly_pop.csv')))('KOSIS exports', () => {
  it('reads the period row and the item row of elderly_pop.csv as the column path, with units', () => {
    const d = read('elderly_pop.csv');
    expect(d.tables[0]!.header_row_count).toBe(2);
    const seoul = d.facts.filter((f) => f.row_labels.join('/') === '서울특별시/소계');
    expect(
      seoul.map((f) => [f.col_labels.join('/'), f.value, f.unit_raw, f.base_unit, f.period_year, f.unit_source]),
    ).toEqual([
      ['2020.01/고령인구비율(A÷B×100)(%)', 15.3, '%', 'percent', 2020, 'column'],
      ['2020.01/65세이상인구(A)(명)', 1488747, '명', 'count', 2020, 'column'],
      ['2020.01/전체인구(B)(명)', 9733509, '명', 'count', 2020, 'column'],
    ]);
    expect(d.facts.some((f) => f.value === 2020.01 || f.value === 100)).toBe(false);
  });

  it('reads area.csv in ㎡ (base m2)', () => {
    const f = read('area.csv').facts.find((x) => x.row_labels[0] === '서울특별시')!;
    expect([f.value, f.unit_raw, f.base_unit, f.value_base, f.col_labels]).toEqual([
      605204048,
      '㎡',
      'm2',
      605204048,
      ['면적(㎡)'],
    ]);
  });
});

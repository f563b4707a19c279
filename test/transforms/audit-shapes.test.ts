import { describe, expect, it } from 'vitest';
import type { Fact } from '../../schemas/index.js';
import { auditMagnitudes } from '../../transforms/audit/magnitude.js';
import { auditTable } from '../../transforms/index.js';
import { tableFact } from '../helpers.js';

/** A table fact as the table reader makes it, with what the audit looks at. */
const fact = (id: string, row: string, col: string, value: number, over: Partial<Fact> = {}): Fact =>
  tableFact({
    fact_id: id,
    row_labels: [row],
    col_labels: [col],
    value,
    unit_raw: '백만원',
    unit: 'KRW',
    value_base: value * 1e6,
    base_unit: 'KRW',
    is_total: /합\s*계|^계$/.test(row),
    ...over,
  });

describe('audit of table shapes the 2020 report lacks', () => {
  it('checks a total printed above its parts (totals first)', () => {
    const budget = [
      fact('a', '합 계', '2021년', 12950),
      fact('b', '공제사업', '2021년', 7420),
      fact('c', '보증사업', '2021년', 3180),
      fact('d', '교육사업', '2021년', 2250),
    ];
    expect(auditTable('t', budget)).toEqual([
      expect.objectContaining({ kind: 'total_rows', expected: 12850, actual: 12950, passed: false }),
    ]);
    const fixed = budget.map((f) => (f.fact_id === 'a' ? { ...f, value: 12850 } : f));
    expect(auditTable('t', fixed).map((c) => c.passed)).toEqual([true]);
  });

  it('never sums ratios (경쟁률, 배)', () => {
    const ratio = { unit_raw: '배', unit: 'times', base_unit: 'times' } as const;
    const rows = [
      fact('a', 'A사업', '경쟁률(배)', 4.2, ratio),
      fact('b', 'B사업', '경쟁률(배)', 3.1, ratio),
      fact('c', '합계', '경쟁률(배)', 3.6, ratio),
    ];
    expect(auditTable('t', rows)).toEqual([]);
  });

  it('takes a row of no region among regions (전국) for their aggregate, not a slipped digit', () => {
    const people = { unit_raw: '명', unit: 'person', base_unit: 'count' } as const;
    const col = '65세이상인구(명)';
    const sido = [
      ['KR-11', 1_500_000],
      ['KR-26', 640_000],
      ['KR-27', 390_000],
      ['KR-28', 400_000],
      ['KR-29', 200_000],
    ] as const;
    const rows = [
      fact('n', '전국', col, 8_075_536, { ...people, value_base: 8_075_536 }),
      ...sido.map(([code, v], i) => fact(`s${i}`, code, col, v, { ...people, value_base: v, region_code: code })),
    ];
    expect(auditMagnitudes('t', rows)).toEqual([]);
    const slipped = rows.map((f) => (f.fact_id === 's4' ? { ...f, value: 200_000_000, value_base: 200_000_000 } : f));
    expect(auditMagnitudes('t', slipped)).toEqual([
      expect.objectContaining({ kind: 'magnitude', actual: 200_000_000, passed: false }),
    ]);
  });
});

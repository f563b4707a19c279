import { describe, expect, it } from 'vitest';
import { auditFormulas, auditTable } from '../../transforms/index.js';
import { report2020, tableAt, tableFact } from '../helpers.js';

const doc = report2020();
/** The kinds this file is about: totals against their parts (audit-checks.test.ts has the others). */
const TOTALS: readonly string[] = [
  'total_rows',
  'subtotal_rows',
  'total_columns',
  'cumulative_bound',
  'derived_formula',
];

describe('arithmetic audit of the 2020 report', () => {
  it('lists exactly the one published total that does not add up', () => {
    const failed = doc.quality_checks
      .filter((q) => !q.passed && TOTALS.includes(q.kind))
      .map((q) => [doc.tables.find((t) => t.table_id === q.table_id)!.title, q.label, q.expected, q.actual]);
    expect(failed).toEqual([['부금내 대출 현황', '합계 / 금액(억원)', 66795, 66774]]);
  });

  it('allows for rounding in amounts shown in 억원, not in counts', () => {
    const rounded = doc.quality_checks.find((q) => q.label === '합계 / 재적부금(억원)')!;
    expect(rounded).toMatchObject({ expected: 148307, actual: 148308, passed: true });
    expect(rounded.message).toBe(
      '합계 / 재적부금(억원): published 148308 = 14 part(s) summing to 148307 (off by 1, within rounding ±7.5)',
    );
  });

  it('checks every total and subtotal of every table, row-wise and column-wise', () => {
    const totals = doc.facts.filter(
      (f) => f.origin === 'table' && f.is_total && f.value !== null && f.base_unit !== 'percent',
    );
    const checked = new Set(doc.quality_checks.map((q) => q.check_id.split(':').pop()));
    const unchecked = totals.filter((f) => !checked.has(f.fact_id));
    expect(unchecked.map((f) => `${f.fact_id} ${f.row_labels.join('/')} × ${f.col_labels.join('/')}`)).toEqual([]);
  });

  it('sums a subtotal over its group only and a grand total over the top level', () => {
    const t = tableAt(doc, '단 기\t4,886');
    const checks = doc.quality_checks.filter((q) => q.table_id === t && q.label.endsWith('노란우산 / 금액'));
    expect(checks.map((q) => [q.kind, q.expected, q.actual, q.passed])).toEqual([
      ['subtotal_rows', 140376, 140376, true],
      ['total_rows', 145262, 145262, true],
    ]);
  });

  it('does not add up rates (수익률, 손해율) and checks shares against their totals', () => {
    expect(
      doc.quality_checks.some(
        (q) => /수익률|손해율/.test(q.label) && ['total_rows', 'subtotal_rows', 'total_columns'].includes(q.kind),
      ),
    ).toBe(false);
    const shares = doc.quality_checks.filter((q) => q.label.includes('비중') && TOTALS.includes(q.kind));
    expect(shares.map((q) => q.actual)).toEqual([96.6, 100, 73.6, 100]);
    expect(shares.every((q) => q.passed)).toBe(true);
  });

  it('treats 누계 as covering earlier years than the table lists', () => {
    const t = tableAt(doc, '2017년\t1,229');
    const c = doc.quality_checks.filter((q) => q.table_id === t);
    expect(c.map((q) => [q.kind, q.label, q.expected, q.actual, q.passed])).toContainEqual([
      'cumulative_bound',
      '누계 / 가입건수(건)',
      7266,
      10320,
      true,
    ]);
  });

  it('checks columns the report derives by formula in their label: 증 감(B-A), 손해율(B/A)', () => {
    const derived = doc.quality_checks
      .filter((q) => q.kind === 'derived_formula')
      .map((q) => [q.label, q.expected, q.actual, q.passed]);
    expect(derived).toEqual([
      ['가입업체수 / 증감(B-A)', -1495, -1495, true],
      ['가입업체수 / 증감(B-A) / 신규가입', -1797, -1797, true],
      ['가입업체수 / 증감(B-A) / 해지', -1035, -1035, true],
      ["'20년 / 손해현황 / 손해율(B/A)", 0, 0, true],
      ['누계 / 손해현황 / 손해율(B/A)', 34.5534407028, 34.6, true],
    ]);
    const wrong = auditFormulas('t', [
      { ...doc.facts.find((f) => f.col_labels.join() === '2019년(A)')!, value: 100 },
      { ...doc.facts.find((f) => f.col_labels.join() === '2020년(B)')!, value: 150 },
      { ...doc.facts.find((f) => f.col_labels.join() === '증감(B-A)')!, value: 40 },
    ]);
    expect(wrong.map((q) => q.message)).toEqual(['가입업체수 / 증감(B-A): published 40 vs B-A = 50 — off by -10']);
  });

  it('catches a wrong total in a table it has not seen', () => {
    const f = (id: string, row: string[], col: string[], value: number) =>
      tableFact({ fact_id: id, row_labels: row, col_labels: col, value, is_total: row.includes('합계') });
    const checks = auditTable('t', [
      f('a', ['서울'], ['건수'], 3),
      f('b', ['부산'], ['건수'], 4),
      f('c', ['합계'], ['건수'], 8),
    ]);
    expect(checks).toEqual([
      expect.objectContaining({
        kind: 'total_rows',
        expected: 7,
        actual: 8,
        passed: false,
        message: '합계 / 건수: published 8 = 2 part(s) summing to 7 — off by 1',
      }),
    ]);
  });
});

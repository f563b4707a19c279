import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultCatalogPath, parseCatalog } from '../../pipeline/metric-catalog.js';
import type { Fact, MeasureKind } from '../../schemas/normalized.js';
import { auditMagnitudes } from '../../transforms/audit/magnitude.js';
import { auditRowIdentities } from '../../transforms/audit/row-identity.js';
import { auditShares } from '../../transforms/audit/share-of-count.js';
import { normalize } from '../../transforms/index.js';
import { extract, report2020, reportBytes, tableAt, tableFact } from '../helpers.js';

const doc = report2020();
const checksOf = (kind: string, table_id?: string) =>
  doc.quality_checks.filter((q) => q.kind === kind && (!table_id || q.table_id === table_id));

/** A table fact as the table reader makes it; `raw` as printed (its decimals set the rounding allowed). */
function fact(id: string, row: string[], col: string[], raw: string, over: Partial<Fact> = {}): Fact {
  const value = Number(raw.replace(/[,%개건]/g, ''));
  const percent = raw.endsWith('%') || over.base_unit === 'percent';
  const measure_kind: MeasureKind = percent ? 'share' : 'flow';
  return tableFact({
    fact_id: id,
    row_labels: row,
    col_labels: col,
    raw_text: raw,
    value,
    unit_raw: percent ? '%' : '건',
    unit: percent ? 'percent' : 'case',
    base_unit: percent ? 'percent' : 'count',
    is_total: [...row, ...col].some((l) => l === '합계' || l === '계'),
    measure_kind,
    ...over,
  });
}

/** A table of counts: each row its label and values, under `cols`. */
const grid = (rows: ReadonlyArray<readonly [string, readonly number[]]>, cols: readonly string[]): Fact[] =>
  rows.flatMap(([row, values], i) => cols.map((c, j) => fact(`t-r${i}c${j}`, [row], [c], String(values[j]))));

describe('the analyst checks on the 2020 report', () => {
  it('fails exactly the 부금내 대출 total and the two 본회-삼성 shares, nothing else', () => {
    const failed = doc.quality_checks.filter((q) => !q.passed).map((q) => [q.kind, q.check_id, q.message]);
    expect(failed).toEqual([
      [
        'total_rows',
        `${tableAt(doc, "'08년\t67\t3")}:total_rows:t796-r14c2`,
        '합계 / 금액(억원): published 66774 = 13 part(s) summing to 66795 — off by -21',
      ],
      [
        'share_of_count',
        't568:share_of_count:t568-r1c1-2',
        '2020 구축기업수 / A: published 11.8% vs 38 / 352 = 10.8% — off by 1.0',
      ],
      [
        'share_of_count',
        't568:share_of_count:t568-r1c3-2',
        '2020 구축기업수 / C: published 42.2% vs 152 / 352 = 43.2% — off by -1.0',
      ],
    ]);
  });

  it('recomputes every share from its count: 38개(11.8%) cells and 비중 columns beside their 금액', () => {
    const samsung = tableAt(doc, '38개(11.8%)');
    expect(checksOf('share_of_count', samsung).map((q) => [q.label, q.expected, q.actual, q.passed])).toEqual([
      ['2020 구축기업수 / A', 10.7954545455, 11.8, false],
      ['2020 구축기업수 / B', 46.0227272727, 46, true],
      ['2020 구축기업수 / C', 43.1818181818, 42.2, false],
    ]);
    expect(checksOf('share_of_count', tableAt(doc, '8개(7.8%)')).every((q) => q.passed)).toBe(true);
    // 22,600 / 145,262 is 15.56%: printed 15.5 so that the column adds up to 100, within one unit of the last digit
    const stocks = checksOf('share_of_count').find((q) => q.label === '중장기 / 주식 / 노란우산 / 비중')!;
    expect(stocks).toMatchObject({ actual: 15.5, passed: true });
    expect(stocks.message).toBe('중장기 / 주식 / 노란우산 / 비중: published 15.5% vs 22600 / 145262 = 15.6%');
    expect(checksOf('share_of_count')).toHaveLength(14);
  });

  it('finds 재적 = 가입 − 해지 in the 노란우산 tables and checks it in every year (it holds: no false alarm)', () => {
    // the 합계 row is left to total_rows: it holds the identity when its parts do and add up
    const members = checksOf('row_identity', tableAt(doc, "'07년\t4,014"));
    expect(members).toHaveLength(14);
    expect(members.every((q) => q.passed && q.expected === q.actual)).toBe(true);
    expect(members[13]!.message).toBe(
      "'20년 / 재적(건): published 159417 vs 가입(건) − 해지(건)/공제 − 해지(건)/해약 = 159417",
    );
    const money = checksOf('row_identity', tableAt(doc, "'07년\t30\t0"));
    expect(money).toHaveLength(14);
    expect(money.every((q) => q.passed)).toBe(true);
    // 3,177 − 165 − 42 = 2,970 against 2,971: four figures rounded to 억원 may be two off
    expect(money.filter((q) => q.expected !== q.actual).map((q) => [q.label, q.expected, q.actual])).toEqual([
      ["'11년 / 재적부금(억원)", 2970, 2971],
      ["'16년 / 재적부금(억원)", 15428, 15427],
      ["'19년 / 재적부금(억원)", 24847, 24846],
    ]);
    expect(checksOf('row_identity').length).toBe(28);
  });

  it('checks prose totals against the parts named after them: 482 = 370 + 112, 17 = 11 + 6', () => {
    expect(
      checksOf('prose_total').map((q) => [q.check_id, q.table_id, q.expected, q.actual, q.passed, q.message]),
    ).toEqual([
      ['prose:prose_total:l67-1', null, 17, 17, true, 'line 67: 17개 vs 11개 + 6개 = 17'],
      ['prose:prose_total:l148-1', null, 482, 482, true, 'line 148: 482억원 vs 370억원 + 112억원 = 482'],
    ]);
  });

  it('checks the same with the curated metric catalog, which makes the yearly 재적 a net change', () => {
    const catalog = parseCatalog(readFileSync(defaultCatalogPath(), 'utf8'), defaultCatalogPath());
    const curated = normalize(extract(reportBytes(), { document_id: 'kbiz-2020' }), catalog);
    expect(curated.facts.find((f) => f.fact_id === 't756-r2c4')!.measure_kind).toBe('change');
    expect(curated.quality_checks).toEqual(doc.quality_checks);
  });

  it('warns of no implausible magnitude in the report', () => {
    expect(checksOf('magnitude')).toEqual([]);
  });

  it('makes a prose number a total by 합계/누계, or by its parts named nearby, never by 총 alone', () => {
    const totals = doc.facts.filter((f) => f.origin === 'text' && f.is_total).map((f) => `${f.fact_id} ${f.raw_text}`);
    expect(totals).toEqual([
      'l67-1 17개', // 17개(조합 11개, 중소기업관련단체 6개)
      'l148-1 482억원', // 482억원 달성(… 370억원, … 112억원)
      'l220-1 473건', // 총 473건, over the table whose 합계 is 473
      'l619-1 30개', // 총 30개 과정, over the table whose 과정수 합계 is 30
      'l1023-1 539회',
      'l1028-1 583회',
      'l1033-1 153회', // (총 539회), each over its regional table's 합계
    ]);
    const trade = doc.facts.find((f) => f.fact_id === 'l297-2')!;
    expect(trade).toMatchObject({ raw_text: '7천5백만원', is_total: false }); // 무역구제 지원(4개 업체, 총 7천5백만원 지원)
  });
});

describe('the analyst checks on small tables', () => {
  it('flags a planted wrong share, in a cell pair and in a 비중 column', () => {
    const cells = [
      fact('t-r1c1-1', ['기업수'], ['A'], '30개'),
      fact('t-r1c1-2', ['기업수'], ['A'], '40.0%'),
      fact('t-r1c2-1', ['기업수'], ['B'], '70개'),
      fact('t-r1c2-2', ['기업수'], ['B'], '70.0%'),
      fact('t-r1c3-1', ['기업수'], ['합계'], '100개'),
      fact('t-r1c3-2', ['기업수'], ['합계'], '100%'),
    ];
    expect(auditShares('t', cells).map((q) => [q.label, q.passed, q.message])).toEqual([
      ['기업수 / A', false, '기업수 / A: published 40.0% vs 30 / 100 = 30.0% — off by 10.0'],
      ['기업수 / B', true, '기업수 / B: published 70.0% vs 70 / 100 = 70.0%'],
    ]);
    const column = [
      fact('t-r1c1', ['서울'], ['금액'], '250'),
      fact('t-r1c2', ['서울'], ['비중'], '25.0%'),
      fact('t-r2c1', ['부산'], ['금액'], '750'),
      fact('t-r2c2', ['부산'], ['비중'], '72.0%'),
      fact('t-r3c1', ['합계'], ['금액'], '1,000'),
      fact('t-r3c2', ['합계'], ['비중'], '100.0%'),
    ];
    expect(auditShares('t', column).map((q) => [q.label, q.expected, q.passed])).toEqual([
      ['서울 / 비중', 25, true],
      ['부산 / 비중', 75, false],
    ]);
  });

  it('reports the one row that breaks an identity the other rows keep', () => {
    const rows = [
      [100, 10, 5, 85],
      [230, 12, 9, 209],
      [310, 40, 7, 263],
      [95, 3, 11, 81],
      [402, 25, 30, 348],
    ];
    const facts = grid(
      rows.map((r, i) => [`${i}년`, r]),
      ['가입', '해지', '해약', '재적'],
    );
    const checks = auditRowIdentities('t', facts);
    expect(checks.map((q) => [q.label, q.expected, q.actual, q.passed])).toEqual([
      ['0년 / 재적', 85, 85, true],
      ['1년 / 재적', 209, 209, true],
      ['2년 / 재적', 263, 263, true],
      ['3년 / 재적', 81, 81, true],
      ['4년 / 재적', 347, 348, false],
    ]);
    expect(checks[4]!.message).toBe('4년 / 재적: published 348 vs 가입 − 해지 − 해약 = 347 — off by 1');
    // the last three rows alone: it holds in two of them, under 80%
    expect(auditRowIdentities('t', facts.slice(4 * 2))).toEqual([]);
  });

  it('finds no identity that only zeros make, nor one that holds in too few rows', () => {
    const zeros = [
      [5, 5, 0],
      [7, 7, 0],
      [9, 9, 0],
      [4, 4, 0],
    ];
    const facts = grid(
      zeros.map((r, i) => [`${i}`, r]),
      ['A', 'B', 'C'],
    );
    expect(auditRowIdentities('t', facts)).toEqual([]);
    const twice = [
      [3, 1, 2],
      [5, 2, 3],
      [9, 4, 7],
      [8, 1, 1],
    ];
    const few = grid(
      twice.map((r, i) => [`${i}`, r]),
      ['A', 'B', 'C'],
    );
    expect(auditRowIdentities('t', few)).toEqual([]);
  });

  it('warns of a value 100× its column, and never of totals, rates or short columns', () => {
    const column = ['12', '15', '9', '1,400', '11'].map((v, i) => fact(`t-r${i}c1`, [`${i}`], ['금액'], v));
    const total = fact('t-r9c1', ['합계'], ['금액'], '1,447');
    const checks = auditMagnitudes('t', [...column, total]);
    expect(checks.map((q) => [q.check_id, q.passed, q.expected, q.actual])).toEqual([
      ['t:magnitude:t-r3c1', false, 11.5, 1400],
    ]);
    expect(checks[0]!.message).toBe('3 / 금액: 1,400 is 122× the median 11.5 of its column — check the unit or digits');
    expect(auditMagnitudes('t', column.slice(2))).toEqual([]);
    const rates = column.map((f) => ({ ...f, measure_kind: 'rate' as const }));
    expect(auditMagnitudes('t', rates)).toEqual([]);
    // 노란우산 beside 파란우산: two programmes of different sizes, not a slipped digit
    const programmes = ['42,310', '11,249', '48', '6'].map((v, i) => fact(`t-r${i}c1`, [`${i}`], ['금액'], v));
    expect(auditMagnitudes('t', programmes)).toEqual([]);
  });

  it('flags a prose total that does not add up, after it or in the bullets under it', () => {
    const text = [
      '2020년도 사업보고 요약',
      '',
      '1. 판로 지원',
      '',
      '- 협동조합 추천제도 활용 500억원 달성(우선구매 370억원, 수의계약 112억원)',
      '- 간담회 총 10회 개최',
      ' - 서울 4회',
      ' - 부산 5회',
      '- 수출 지원 총 7천5백만원 지원',
    ].join('\n');
    const small = normalize(extract(`${text}\n`));
    expect(
      small.quality_checks
        .filter((q) => q.kind === 'prose_total')
        .map((q) => [q.label, q.expected, q.actual, q.passed]),
    ).toEqual([
      [expect.stringContaining('500억원'), 482, 500, false],
      [expect.stringContaining('10회'), 9, 10, false],
    ]);
    expect(small.facts.filter((f) => f.is_total).map((f) => f.raw_text)).toEqual(['500억원', '10회']);
  });
});

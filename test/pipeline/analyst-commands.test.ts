import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLES } from '../../schemas/index.js';
import { createTableSql } from '../../warehouse/ddl.js';
import { ensureSchema, openWarehouse, query } from '../../warehouse/index.js';
import { queryWarehouse, REPORT_PATH, runCli as kbiz, tempDir } from '../helpers.js';

const root = tempDir('kbiz-analyst-');
const out = join(root, 'out');
const both = join(root, 'both');

/**
 * The 2020 report as next year's might restate it: titled 2021, two numbers of 2019 changed
 * (enrolments 237,167 → 237,200; premiums 33,258 억원 → 33,300 억원) and the 부금내 대출 table
 * gone. Its lines are blanked, not removed, so every other line (and fact id) stays where it was.
 */
function variant(): string {
  const lines = readFileSync(REPORT_PATH, 'utf8').split('\n');
  const at = (start: string) => lines.findIndex((l) => l.startsWith(start));
  const restate = (start: string, from: string, to: string) => {
    const i = at(start);
    expect(lines[i]).toContain(from);
    lines[i] = lines[i]!.replace(from, to);
  };
  restate('2020년도 사업보고 요약', '2020', '2021');
  restate("'19년\t237,167\t", '237,167', '237,200');
  restate("'19년\t33,258\t", '33,258', '33,300');
  const loans = at('3) 부금내 대출 현황');
  const end = lines.findIndex((l, i) => i > loans && l.startsWith('합 계\t723,019'));
  for (let i = loans + 2; i <= end; i++) lines[i] = '';
  const file = join(root, 'kbiz-2021.txt');
  writeFileSync(file, lines.join('\n'));
  return file;
}

beforeAll(async () => {
  expect((await kbiz('run', '--out', out, '--quiet')).code).toBe(0);
  cpSync(out, both, { recursive: true });
  expect((await kbiz('run', '--input', variant(), '--out', both, '--quiet')).code).toBe(0);
}, 120_000);

describe('kbiz-etl find', () => {
  it('shows the metrics, then the facts, whose names or labels hold the text', async () => {
    const r = await kbiz('find', '공제금지급', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatchInlineSnapshot(`
      "metrics matching 공제금지급: 4
      metric_id                                 │ name_ko                                  │ name_en                                                      │ kind       │ years     │ latest
      ──────────────────────────────────────────┼──────────────────────────────────────────┼──────────────────────────────────────────────────────────────┼────────────┼───────────┼──────────────────
      yellow-umbrella.benefit-payouts           │ 노란우산공제 공제금 지급액               │ Yellow Umbrella: benefits paid                               │ flow       │ 2007–2020 │ 2020: 7,900 억원
      yellow-umbrella.benefit-payouts-total     │ 노란우산공제 공제금 지급액 누계          │ Yellow Umbrella: benefits paid since 2007                    │ cumulative │ 2020      │ 2020: 30,532 억원
      yellow-umbrella.payout-terminations       │ 노란우산공제 해지 건수(공제금 지급)      │ Yellow Umbrella: terminations with benefit payment           │ flow       │ 2007–2020 │ 2020: 84,459 건
      yellow-umbrella.payout-terminations-total │ 노란우산공제 해지 건수(공제금 지급) 누계 │ Yellow Umbrella: terminations with benefit payment since 20… │ cumulative │ 2020      │ 2020: 398,022 건
      (4 rows)

      facts matching 공제금지급: 30
      fact_id    │ labels                              │ value       │ base                  │ period │ table_title               │ metric_id
      ───────────┼─────────────────────────────────────┼─────────────┼───────────────────────┼────────┼───────────────────────────┼──────────────────────────────────────────
      t776-r2c2  │ '07년 × 부금지출(억원) › 공제금지급 │ 0 억원      │ 0 KRW                 │ 2007   │ 연도별 부금수입·지출 현황 │ yellow-umbrella.benefit-payouts
      t776-r3c2  │ '08년 × 부금지출(억원) › 공제금지급 │ 3 억원      │ 300,000,000 KRW       │ 2008   │ 연도별 부금수입·지출 현황 │ yellow-umbrella.benefit-payouts
      t776-r4c2  │ '09년 × 부금지출(억원) › 공제금지급 │ 19 억원     │ 1,900,000,000 KRW     │ 2009   │ 연도별 부금수입·지출 현황 │ yellow-umbrella.benefit-payouts
      t776-r5c2  │ '10년 × 부금지출(억원) › 공제금지급 │ 63 억원     │ 6,300,000,000 KRW     │ 2010   │ 연도별 부금수입·지출 현황 │ yellow-umbrella.benefit-payouts
      t776-r6c2  │ '11년 × 부금지출(억원) › 공제금지급 │ 165 억원    │ 16,500,000,000 KRW    │ 2011   │ 연도별 부금수입·지출 현황 │ yellow-umbrella.benefit-payouts
      t776-r7c2  │ '12년 × 부금지출(억원) › 공제금지급 │ 350 억원    │ 35,000,000,000 KRW    │ 2012   │ 연도별 부금수입·지출 현황 │ yellow-umbrella.benefit-payouts
      t776-r8c2  │ '13년 × 부금지출(억원) › 공제금지급 │ 634 억원    │ 63,400,000,000 KRW    │ 2013   │ 연도별 부금수입·지출 현황 │ yellow-umbrella.benefit-payouts
      t776-r9c2  │ '14년 × 부금지출(억원) › 공제금지급 │ 1,051 억원  │ 105,100,000,000 KRW   │ 2014   │ 연도별 부금수입·지출 현황 │ yellow-umbrella.benefit-payouts
      t776-r10c2 │ '15년 × 부금지출(억원) › 공제금지급 │ 1,635 억원  │ 163,500,000,000 KRW   │ 2015   │ 연도별 부금수입·지출 현황 │ yellow-umbrella.benefit-payouts
      t776-r11c2 │ '16년 × 부금지출(억원) › 공제금지급 │ 2,560 억원  │ 256,000,000,000 KRW   │ 2016   │ 연도별 부금수입·지출 현황 │ yellow-umbrella.benefit-payouts
      t776-r12c2 │ '17년 × 부금지출(억원) › 공제금지급 │ 3,875 억원  │ 387,500,000,000 KRW   │ 2017   │ 연도별 부금수입·지출 현황 │ yellow-umbrella.benefit-payouts
      t776-r13c2 │ '18년 × 부금지출(억원) › 공제금지급 │ 5,705 억원  │ 570,500,000,000 KRW   │ 2018   │ 연도별 부금수입·지출 현황 │ yellow-umbrella.benefit-payouts
      t776-r14c2 │ '19년 × 부금지출(억원) › 공제금지급 │ 6,572 억원  │ 657,200,000,000 KRW   │ 2019   │ 연도별 부금수입·지출 현황 │ yellow-umbrella.benefit-payouts
      t776-r15c2 │ '20년 × 부금지출(억원) › 공제금지급 │ 7,900 억원  │ 790,000,000,000 KRW   │ 2020   │ 연도별 부금수입·지출 현황 │ yellow-umbrella.benefit-payouts
      t776-r16c2 │ 합계 × 부금지출(억원) › 공제금지급  │ 30,532 억원 │ 3,053,200,000,000 KRW │        │ 연도별 부금수입·지출 현황 │ yellow-umbrella.benefit-payouts-total
      t756-r2c2  │ '07년 × 해지(건) › 공제             │ 1 건        │ 1 count               │ 2007   │ 연도별 가입해지 현황      │ yellow-umbrella.payout-terminations
      t756-r3c2  │ '08년 × 해지(건) › 공제             │ 144 건      │ 144 count             │ 2008   │ 연도별 가입해지 현황      │ yellow-umbrella.payout-terminations
      t756-r4c2  │ '09년 × 해지(건) › 공제             │ 580 건      │ 580 count             │ 2009   │ 연도별 가입해지 현황      │ yellow-umbrella.payout-terminations
      t756-r5c2  │ '10년 × 해지(건) › 공제             │ 1,447 건    │ 1,447 count           │ 2010   │ 연도별 가입해지 현황      │ yellow-umbrella.payout-terminations
      t756-r6c2  │ '11년 × 해지(건) › 공제             │ 3,278 건    │ 3,278 count           │ 2011   │ 연도별 가입해지 현황      │ yellow-umbrella.payout-terminations
      t756-r7c2  │ '12년 × 해지(건) › 공제             │ 6,844 건    │ 6,844 count           │ 2012   │ 연도별 가입해지 현황      │ yellow-umbrella.payout-terminations
      t756-r8c2  │ '13년 × 해지(건) › 공제             │ 12,690 건   │ 12,690 count          │ 2013   │ 연도별 가입해지 현황      │ yellow-umbrella.payout-terminations
      t756-r9c2  │ '14년 × 해지(건) › 공제             │ 19,593 건   │ 19,593 count          │ 2014   │ 연도별 가입해지 현황      │ yellow-umbrella.payout-terminations
      t756-r10c2 │ '15년 × 해지(건) › 공제             │ 26,650 건   │ 26,650 count          │ 2015   │ 연도별 가입해지 현황      │ yellow-umbrella.payout-terminations
      t756-r11c2 │ '16년 × 해지(건) › 공제             │ 38,198 건   │ 38,198 count          │ 2016   │ 연도별 가입해지 현황      │ yellow-umbrella.payout-terminations
      t756-r12c2 │ '17년 × 해지(건) › 공제             │ 53,385 건   │ 53,385 count          │ 2017   │ 연도별 가입해지 현황      │ yellow-umbrella.payout-terminations
      t756-r13c2 │ '18년 × 해지(건) › 공제             │ 73,342 건   │ 73,342 count          │ 2018   │ 연도별 가입해지 현황      │ yellow-umbrella.payout-terminations
      t756-r14c2 │ '19년 × 해지(건) › 공제             │ 77,411 건   │ 77,411 count          │ 2019   │ 연도별 가입해지 현황      │ yellow-umbrella.payout-terminations
      t756-r15c2 │ '20년 × 해지(건) › 공제             │ 84,459 건   │ 84,459 count          │ 2020   │ 연도별 가입해지 현황      │ yellow-umbrella.payout-terminations
      t756-r16c2 │ 합계 × 해지(건) › 공제              │ 398,022 건  │ 398,022 count         │        │ 연도별 가입해지 현황      │ yellow-umbrella.payout-terminations-total
      (30 rows)"
    `);
  });

  it('ignores spacing on both sides and letter case in English', async () => {
    const payout = new RegExp(
      '^t776-r15c2 .* 7,900 억원 +│ 790,000,000,000 KRW +│ 2020 +│ 연도별 부금수입·지출 현황 │ ' +
        'yellow-umbrella.benefit-payouts$',
      'm',
    );
    expect((await kbiz('find', '공제금', '지급', '--out', out)).out).toMatch(payout);
    expect((await kbiz('find', '공제 금지 급', '--out', out)).out).toMatch(payout);
    const english = await kbiz('find', 'BENEFITS Paid', '--out', out, '--format', 'json');
    const [found] = JSON.parse(english.out) as Array<{ metrics: Array<{ metric_id: string }>; facts_total: number }>;
    expect(found!.metrics.map((m) => m.metric_id)).toEqual([
      'yellow-umbrella.benefit-payouts',
      'yellow-umbrella.benefit-payouts-total',
    ]);
    expect(found!.facts_total).toBe(15);
  });

  it('bounds what it prints and says how many more there are', async () => {
    const r = await kbiz('find', '억원', '--out', out);
    const [, facts] = r.out.split('\n\n');
    const total = Number(/^facts matching 억원: (\d+)$/m.exec(facts!)![1]);
    expect(total).toBeGreaterThan(50);
    expect(facts).toContain('(50 rows)');
    expect(facts!.split('\n').at(-1)).toBe(`… and ${total - 50} more facts (the first 50 shown; narrow the text)`);
  });

  it('asks for a text and refuses an unknown format', async () => {
    const err = async (...args: string[]) => (await kbiz(...args, '--out', out)).err;
    expect(await kbiz('find', '--out', out)).toEqual({
      code: 2,
      out: '',
      err: 'kbiz-etl: find needs a text: kbiz-etl find 공제금지급',
    });
    expect(await err('find', 'x', '--format', 'csv')).toBe('kbiz-etl: find: --format takes table, json (not csv)');
  });
});

describe('kbiz-etl series', () => {
  it('prints 2007–2020 of 노란우산 가입, naming the other matches on stderr', async () => {
    const r = await kbiz('series', '노란우산', '가입', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatchInlineSnapshot(`
      "yellow-umbrella.enrolments: 노란우산공제 가입 건수 | Yellow Umbrella mutual aid: new enrolments (flow, count)
      period │ value   │ unit │ report_year │ restated │ fact_id
      ───────┼─────────┼──────┼─────────────┼──────────┼───────────
      2007   │ 4,014   │ 건   │ 2020        │ no       │ t756-r2c1
      2008   │ 10,409  │ 건   │ 2020        │ no       │ t756-r3c1
      2009   │ 19,850  │ 건   │ 2020        │ no       │ t756-r4c1
      2010   │ 33,106  │ 건   │ 2020        │ no       │ t756-r5c1
      2011   │ 67,591  │ 건   │ 2020        │ no       │ t756-r6c1
      2012   │ 122,880 │ 건   │ 2020        │ no       │ t756-r7c1
      2013   │ 121,783 │ 건   │ 2020        │ no       │ t756-r8c1
      2014   │ 112,224 │ 건   │ 2020        │ no       │ t756-r9c1
      2015   │ 193,531 │ 건   │ 2020        │ no       │ t756-r10c1
      2016   │ 195,817 │ 건   │ 2020        │ no       │ t756-r11c1
      2017   │ 251,266 │ 건   │ 2020        │ no       │ t756-r12c1
      2018   │ 271,783 │ 건   │ 2020        │ no       │ t756-r13c1
      2019   │ 237,167 │ 건   │ 2020        │ no       │ t756-r14c1
      2020   │ 274,094 │ 건   │ 2020        │ no       │ t756-r15c1
      (14 rows)"
    `);
    expect(r.err).toMatch(/^kbiz-etl: \d+ metrics match 노란우산 가입; showing yellow-umbrella.enrolments \(also: /);
  });

  it('takes a metric id, and gives JSON', async () => {
    const r = await kbiz('series', 'yellow-umbrella.benefit-payouts', '--out', out, '--format', 'json');
    const [s] = JSON.parse(r.out) as Array<{ metric_id: string; values: Array<Record<string, unknown>> }>;
    expect(s!.metric_id).toBe('yellow-umbrella.benefit-payouts');
    expect(s!.values.map((v) => v.period_year)).toEqual(Array.from({ length: 14 }, (_, i) => 2007 + i));
    expect(s!.values.at(-1)).toMatchObject({
      value: 7900,
      unit_raw: '억원',
      value_base: 790000000000,
      fact_id: 't776-r15c2',
      restated: false,
    });
  });

  it("shows the latest report's value of a period, and every report's where they disagree", async () => {
    const r = await kbiz('series', 'yellow-umbrella.enrolments', '--out', both);
    const rows = r.out.split('\n').filter((l) => /^(2018|2019|2020) /.test(l));
    expect(rows).toEqual([
      '2018   │ 271,783 │ 건   │ 2021        │ no       │ t756-r13c1',
      '2019   │ 237,167 │ 건   │ 2020        │ yes      │ t756-r14c1',
      '2019   │ 237,200 │ 건   │ 2021        │ yes      │ t756-r14c1',
      '2020   │ 274,094 │ 건   │ 2021        │ no       │ t756-r15c1',
    ]);
  });

  it('lists the matches and exits 2 when no curated metric stands out', async () => {
    const r = await kbiz('series', '건의결과', '미반영', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('kbiz-etl: series: 2 metrics match 건의결과 미반영; name one by its metric_id:');
    expect(
      r.err
        .split('\n')
        .slice(1)
        .map((l) => l.replace(/m-[0-9a-f]+/, 'm-…')),
    ).toEqual([
      '  m-…  13개 지역본부 511건의 정책과제 건의, 178건 반영 › 건의결과 › 미반영 (flow, 2020)',
      '  m-…  13개 지역본부 511건의 정책과제 건의, 178건 반영 › 건의결과 › 미반영 › 합계 (flow, 2020)',
    ]);
  });

  it('gives one region with --region', async () => {
    const sql = `SELECT metric_id FROM facts WHERE region_code = 'KBIZ-BSUS' AND row_labels = ['건의결과', '미반영']`;
    const [{ metric_id }] = (await queryWarehouse(out, sql)) as Array<{ metric_id: string }>;
    const r = await kbiz('series', metric_id, '--region', 'KBIZ-BSUS', '--out', out);
    expect(r.out.split('\n').slice(1)).toEqual([
      'period │ region    │ value │ unit │ report_year │ restated │ fact_id',
      '───────┼───────────┼───────┼──────┼─────────────┼──────────┼──────────',
      expect.stringMatching(/^2020   │ KBIZ-BSUS │ 7     │ 건   │ 2020        │ no       │ t\d+-r\d+c\d+$/),
      '(1 row)',
    ]);
  });

  it('says when nothing matches', async () => {
    expect(await kbiz('series', 'zzz', '--out', out)).toEqual({
      code: 1,
      out: '',
      err: 'kbiz-etl: no metric matches zzz: try kbiz-etl find zzz',
    });
  });
});

describe('kbiz-etl diff', () => {
  it('lists exactly the metrics gone with the dropped table and the two restated values', async () => {
    const r = await kbiz('diff', 'kbiz-2020', 'kbiz-2021', '--out', both);
    expect(r.code).toBe(0);
    expect(r.out).toMatchInlineSnapshot(`
      "kbiz-2020 (2020) → kbiz-2021 (2021): 0 metrics new, 4 gone, 2 values restated

      metrics new in kbiz-2021: 0

      metrics gone from kbiz-2021: 4
      metric_id                         │ name_ko                            │ kind       │ values │ years
      ──────────────────────────────────┼────────────────────────────────────┼────────────┼────────┼──────────
      yellow-umbrella.loan-amount       │ 노란우산공제 부금내 대출 금액      │ flow       │ 13     │ 2008–2020
      yellow-umbrella.loan-amount-total │ 노란우산공제 부금내 대출 금액 누계 │ cumulative │ 1      │ 2020
      yellow-umbrella.loans             │ 노란우산공제 부금내 대출 건수      │ flow       │ 13     │ 2008–2020
      yellow-umbrella.loans-total       │ 노란우산공제 부금내 대출 건수 누계 │ cumulative │ 1      │ 2020
      (4 rows)

      values kbiz-2021 restates: 2
      metric_id                  │ name_ko                │ region │ period │ kbiz-2020   │ kbiz-2021   │ facts
      ───────────────────────────┼────────────────────────┼────────┼────────┼─────────────┼─────────────┼────────────────────────
      yellow-umbrella.enrolments │ 노란우산공제 가입 건수 │        │ 2019   │ 237,167 건  │ 237,200 건  │ t756-r14c1 → t756-r14c1
      yellow-umbrella.premiums   │ 노란우산공제 부금수입  │        │ 2019   │ 33,258 억원 │ 33,300 억원 │ t776-r14c1 → t776-r14c1
      (2 rows)"
    `);
  });

  it('takes report years', async () => {
    const r = await kbiz('diff', '2020', '2021', '--out', both);
    expect(r.out.split('\n')[0]).toBe('kbiz-2020 (2020) → kbiz-2021 (2021): 0 metrics new, 4 gone, 2 values restated');
    const same = await kbiz('diff', '2020', 'kbiz-2020', '--out', out, '--format', 'json');
    const nothing = { new: [], gone: [], restated: [] };
    expect(JSON.parse(same.out)).toEqual([
      { a: 'kbiz-2020', b: 'kbiz-2020', counts: { new: 0, gone: 0, restated: 0 }, ...nothing },
    ]);
    const unknown = await kbiz('diff', '2019', 'kbiz-2020', '--out', out);
    expect([unknown.code, unknown.err]).toEqual([2, 'kbiz-etl: diff: no document 2019 (loaded: kbiz-2020)']);
  });
});

describe('kbiz-etl describe', () => {
  it("describes a table's columns in Korean and English, from the warehouse", async () => {
    const r = await kbiz('describe', 'facts', '--out', out);
    expect(r.out.split('\n').slice(0, 10).join('\n')).toMatchInlineSnapshot(`
      "facts (table)
        보고서의 모든 수치(표 칸과 본문), 단위 정규화
        Every number of the report, from table cells and prose, unit-normalized

      document_id VARCHAR
        문서 ID: 등록부의 ID(kbiz-2020) 또는 입력 파일 이름에서 만든 ID
        Document id: the registry id (kbiz-2020) or one made from an ad-hoc file name
      fact_id VARCHAR
        수치 ID(문서 안에서 고유): 표 칸은 t<표 첫 줄>-r<행>c<열>(0부터), 한 칸의 n번째 수량은 -<n>, 글 칸 안의 n번째 수는 -q<n>; 본문은 l<줄>-<n>(그 줄의 n번째 수)
        Fact id, unique in the document: t<first line of table>-r<row>c<col> for a cell (0-based grid position), with -<n> for the n-th quantity of a cell holding several and -q<n> for the n-th number inside a text cell; l<line>-<n> for the n-th number of a prose line"
    `);
  });

  it('lists every table and view, each described in both languages', async () => {
    const r = await kbiz('describe', '--out', out, '--format', 'json');
    const all = JSON.parse(r.out) as Array<{ name: string; kind: string; ko: string; en: string }>;
    const names = (kind: string) => all.filter((t) => t.kind === kind).map((t) => t.name);
    expect(names('view')).toEqual(['metrics', 'v_fact_chapters', 'v_facts', 'v_metric_latest', 'v_metric_series']);
    expect(names('table').sort()).toEqual([...TABLES.map((t) => t.name), 'kbiz_schema'].sort());
    for (const t of all) {
      expect(t.ko, t.name).toMatch(/[가-힣]/);
      expect(t.en, t.name).toMatch(/^[A-Z]/);
      const described = await kbiz('describe', t.name, '--out', out, '--format', 'json');
      const columns = JSON.parse(described.out) as Array<{ name: string; ko: string; en: string }>;
      const both = [expect.stringMatching(/[가-힣]/), expect.stringMatching(/[a-z]{2}/i)];
      for (const c of columns) expect([c.ko, c.en], `${t.name}.${c.name}`).toEqual(both);
    }
    const text = await kbiz('describe', '--out', out);
    expect(text.out.split('\n').slice(0, 3)).toEqual([
      'date_mentions (table)',
      '  본문의 날짜와 기간(보고 연도로 해석)',
      '  Dates and date ranges in the text, resolved with the report year',
    ]);
  });

  it('says in one line that a name is unknown, and exits 2', async () => {
    expect(await kbiz('describe', 'factz', '--out', out)).toEqual({
      code: 2,
      out: '',
      err: 'kbiz-etl: describe: no table or view factz (kbiz-etl describe lists them)',
    });
  });

  it('stores the UTC instants with their time zone', async () => {
    const r = await kbiz('describe', 'pipeline_runs', '--out', out, '--format', 'json');
    const columns = JSON.parse(r.out) as Array<{ name: string; type: string }>;
    const types = Object.fromEntries(columns.map((c) => [c.name, c.type]));
    expect([types.started_at, types.finished_at]).toEqual(['TIMESTAMP WITH TIME ZONE', 'TIMESTAMP WITH TIME ZONE']);
    expect(await queryWarehouse(out, `SELECT typeof(loaded_at) AS t FROM documents`)).toEqual([
      { t: 'TIMESTAMP WITH TIME ZONE' },
    ]);
  });
});

describe('kbiz-etl trace', () => {
  it('prints the section path, table, unit, metric and the neighbouring cells', async () => {
    const r = await kbiz('trace', 't776-r15c2', '--out', out);
    expect(r.out).toMatchInlineSnapshot(`
      "sources/kbiz-2020-business-report-summary.txt:791 [table_row] 7,900 → 7900 억원 = 790000000000 KRW
        rows ["'20년"] cols ["부금지출(억원)","공제금지급"]
        '20년 │ 37,857 │ 7,900 │ 1,805 │ 28,152 │ 
        section 중소기업 공제 사업 › 소기업 · 소상공인공제(노란우산) › 연도별 부금수입·지출 현황
        table t776 연도별 부금수입·지출 현황
        unit 억원 read from column
        metric yellow-umbrella.benefit-payouts 노란우산공제 공제금 지급액 | Yellow Umbrella: benefits paid (flow)
        column 부금지출(억원) › 공제금지급
        row '20년 │ 37,857 │ [7,900] │ 1,805 │ 28,152"
    `);
  });

  it('names the unit note of a table and the subject of prose', async () => {
    const table = await kbiz('trace', 't58-r7c3', '--out', out);
    expect(table.out.split('\n').slice(4, 6)).toEqual([
      "  table t58 회원 현황 ('20. 12월말 기준) (단위 : 개)",
      '  unit 개 read from note',
    ]);
    const sql = `SELECT fact_id FROM facts WHERE origin = 'text' AND raw_text = '936개'`;
    const [{ fact_id }] = (await queryWarehouse(out, sql)) as Array<{ fact_id: string }>;
    const prose = await kbiz('trace', fact_id, '--out', out);
    expect(prose.out.split('\n').slice(4)).toEqual([
      '  prose 중소기업협동조합',
      '  unit 개 read from cell',
      expect.stringMatching(/^ {2}metric m-[0-9a-f]+ 중소기업협동조합 \(\w+\)$/),
    ]);
  });
});

describe('the Parquet export', () => {
  const kv = (files: string) =>
    queryWarehouse(
      out,
      `SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${files}') ORDER BY file_name, k`,
    );

  it("carries the table's description and every column's comment in each file", async () => {
    const facts = await kv(join(out, 'parquet', 'facts', 'report_year=2020', '*.parquet'));
    const get = (k: string) => facts.find((r) => r.k === k)?.v;
    expect([get('kbiz.table'), get('kbiz.description.ko'), get('kbiz.description.en')]).toEqual([
      'facts',
      '보고서의 모든 수치(표 칸과 본문), 단위 정규화',
      'Every number of the report, from table cells and prose, unit-normalized',
    ]);
    expect(get('kbiz.column.fact_id')).toMatch(
      /^수치 ID\(문서 안에서 고유\): 표 칸은 t<표 첫 줄>-r<행>c<열>.* \| Fact id, unique in the document: /,
    );
    for (const t of TABLES) {
      const files = t.perDocument
        ? join(out, 'parquet', t.name, '*', '*.parquet')
        : join(out, 'parquet', `${t.name}.parquet`);
      const keys = new Set((await kv(files)).map((r) => r.k));
      expect(
        t.columns.filter((c) => !keys.has(`kbiz.column.${c.name}`)),
        t.name,
      ).toEqual([]);
    }
  });

  it('stores report_year inside the per-document files, not only in their folder names', async () => {
    const files = join(out, 'parquet', 'facts', 'report_year=2020', '*.parquet');
    const schema = await queryWarehouse(
      out,
      `SELECT name, type FROM parquet_schema('${files}') WHERE name = 'report_year'`,
    );
    expect(schema).toEqual([{ name: 'report_year', type: 'INT32' }]);
    const alone = await queryWarehouse(
      out,
      `SELECT DISTINCT report_year FROM read_parquet('${files}', hive_partitioning = false)`,
    );
    expect(alone).toEqual([{ report_year: 2020 }]);
  });
});

describe('a warehouse made before timestamps had a time zone', () => {
  it("is migrated to TIMESTAMPTZ, its instants read as UTC whatever the session's zone", async () => {
    const path = join(root, 'old.duckdb');
    const old = await openWarehouse(path);
    try {
      for (const t of TABLES) {
        const columns = t.columns.map((c) => (c.type === 'TIMESTAMPTZ' ? { ...c, type: 'TIMESTAMP' as const } : c));
        await old.conn.run(createTableSql({ ...t, columns }));
      }
      await old.conn.run(`INSERT INTO documents (document_id, report_year, loaded_at)
        VALUES ('old', 2019, '2026-01-01 09:30:00')`);
      await old.conn.run(`INSERT INTO pipeline_runs (run_id, started_at, finished_at)
        VALUES ('r', '2026-01-01 09:30:00', '2026-01-01 09:31:00')`);
    } finally {
      old.close();
    }
    const wh = await openWarehouse(path);
    try {
      await wh.conn.run(`SET TimeZone = 'Asia/Seoul'`);
      await ensureSchema(wh.conn);
      const types = await query(
        wh.conn,
        `SELECT column_name, data_type FROM duckdb_columns()
        WHERE data_type LIKE 'TIMESTAMP%' AND table_name IN ('documents', 'pipeline_runs') ORDER BY 1`,
      );
      expect(types.rows).toEqual([
        { column_name: 'finished_at', data_type: 'TIMESTAMP WITH TIME ZONE' },
        { column_name: 'loaded_at', data_type: 'TIMESTAMP WITH TIME ZONE' },
        { column_name: 'started_at', data_type: 'TIMESTAMP WITH TIME ZONE' },
      ]);
      const utc = await query(
        wh.conn,
        `SELECT strftime(loaded_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS t FROM documents`,
      );
      expect(utc.rows).toEqual([{ t: '2026-01-01 09:30' }]);
      const comment = await query(
        wh.conn,
        `SELECT comment FROM duckdb_columns() WHERE table_name = 'documents' AND column_name = 'loaded_at'`,
      );
      expect(comment.rows).toEqual([{ comment: '적재 시각(UTC) | When it was loaded (UTC)' }]);
    } finally {
      wh.close();
    }
  });
});

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PIPELINE_VERSION } from '../../pipeline/index.js';
import { queryWarehouse, ROOT, reportText, tempDir, runCli } from '../helpers.js';

const kbiz = runCli;

const rows = queryWarehouse;

const CONTRACT_INVARIANTS = [
  `SELECT count(*) AS n FROM documents d WHERE line_count <> (SELECT count(*) FROM source_lines s WHERE s.document_id = d.document_id)`,
  `SELECT count(*) AS n FROM facts WHERE value IS NOT NULL AND (unit IS NULL OR base_unit IS NULL)`,
  `SELECT count(*) AS n FROM facts f WHERE unit_raw IS NOT NULL AND NOT EXISTS (SELECT 1 FROM units u WHERE u.unit_raw = f.unit_raw)`,
  `SELECT count(*) AS n FROM facts f WHERE region_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM regions r WHERE r.region_code = f.region_code)`,
  `SELECT count(*) - count(DISTINCT (document_id, fact_id)) AS n FROM facts`,
  `SELECT count(*) AS n FROM table_cells WHERE role IS NULL`,
];

describe('kbiz-etl run on the bundled report', () => {
  const out = tempDir();
  let first: { code: number; out: string; err: string };
  beforeAll(async () => {
    first = await kbiz('run', '--out', out);
  });

  it('builds the warehouse and prints a summary', () => {
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /^documents 1\/1, sections 135, tables 34, facts \d+, issues 3 \(table issues\) → .*kbiz\.duckdb \(\d+\.\d+ s\)$/m,
    );
    expect(first.out).toMatch(/^kbiz-2020 extract ok, 1039 rows \(\d+ ms\)$/m);
  });

  it('meets the warehouse contract invariants', async () => {
    for (const sql of CONTRACT_INVARIANTS) expect((await rows(out, sql))[0], sql).toEqual({ n: '0' });
    expect(
      await rows(
        out,
        'SELECT document_id, report_year, title, published_on, line_count, pipeline_version FROM documents',
      ),
    ).toEqual([
      {
        document_id: 'kbiz-2020',
        report_year: 2020,
        title: '2020년도 사업보고 요약',
        published_on: '2021-02',
        line_count: 1039,
        pipeline_version: PIPELINE_VERSION,
      },
    ]);
  });

  it('exports Parquet that includes this run in its run log', async () => {
    const runs = await rows(
      out,
      `SELECT stage, status FROM read_parquet('${join(out, 'parquet', 'pipeline_runs.parquet')}') ORDER BY list_position(['extract', 'transform', 'load'], stage)`,
    );
    expect(runs).toEqual([
      { stage: 'extract', status: 'ok' },
      { stage: 'transform', status: 'ok' },
      { stage: 'load', status: 'ok' },
    ]);
    const facts = await rows(
      out,
      `SELECT count(*) AS n FROM read_parquet('${join(out, 'parquet', 'facts', '*', '*.parquet')}', hive_partitioning = true) WHERE report_year = 2020`,
    );
    expect(facts).toEqual(await rows(out, 'SELECT count(*) AS n FROM facts'));
  });

  it('keeps Hanja and symbols verbatim in source_lines', async () => {
    const lines = await rows(
      out,
      `SELECT line_no, text FROM source_lines WHERE text LIKE '%中企%' OR text LIKE '%人公%' OR text LIKE '%Δ%' OR text LIKE '%※%' ORDER BY line_no`,
    );
    const source = reportText().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const l of lines) expect(l.text).toBe(source[Number(l.line_no) - 1]);
  });

  it('gives identical rows when run again, and skips unchanged work', async () => {
    const before = await rows(out, 'SELECT * EXCLUDE (document_id) FROM facts ORDER BY fact_id');
    const again = await kbiz('run', '--out', out, '--force');
    expect(again.code).toBe(0);
    expect(await rows(out, 'SELECT * EXCLUDE (document_id) FROM facts ORDER BY fact_id')).toEqual(before);
    await kbiz('run', '--out', out);
    const last = await rows(
      out,
      `SELECT stage, status FROM pipeline_runs WHERE run_id = (SELECT max(run_id) FROM pipeline_runs) ORDER BY list_position(['extract', 'transform', 'load', 'export'], stage)`,
    );
    expect(last.map((r) => `${r.stage}:${r.status}`)).toEqual([
      'extract:skipped',
      'transform:skipped',
      'load:skipped',
      'export:skipped',
    ]);
  });

  it('reproduces the same warehouse stage by stage', async () => {
    const staged = tempDir();
    for (const stage of ['extract', 'transform', 'load', 'export'])
      expect((await kbiz(stage, '--out', staged, '--quiet')).code).toBe(0);
    const sql = 'SELECT * EXCLUDE (document_id) FROM facts ORDER BY fact_id';
    expect(await rows(staged, sql)).toEqual(await rows(out, sql));
    expect(await rows(staged, 'SELECT count(*) AS n FROM source_lines')).toEqual([{ n: '1039' }]);
  });

  it('answers SQL as a table, CSV or JSON', async () => {
    const table = await kbiz(
      'sql',
      'SELECT label, title FROM sections WHERE level = 1 ORDER BY line_start LIMIT 2',
      '--out',
      out,
    );
    expect(table.out).toMatchInlineSnapshot(`
      "label │ title
      ──────┼───────────────────────────────────────────
      I     │ 협동조합 활성화 및 中企 판로확대 지원 사업
      II    │ 중소기업 경영애로 해소 위한 정책 사업
      (2 rows)"
    `);
    const csv = await kbiz('sql', "SELECT '=1+1' AS f, -3 AS n, '@x' AS a", '--out', out, '--format', 'csv');
    expect(csv.out).toBe('f,n,a\r\n=1+1,-3,@x');
    const safe = await kbiz('sql', "SELECT '=1+1' AS f, -3 AS n, '@x' AS a", '--out', out, '--format', 'csv-safe');
    expect(safe.out).toBe("f,n,a\r\n'=1+1,-3,'@x");
    const json = await kbiz('sql', 'SELECT 1 AS one', '--out', out, '--format', 'json');
    expect(JSON.parse(json.out)).toEqual([{ one: 1 }]);
  });

  it('traces a fact to its source line and lists sources and findings', async () => {
    const trace = await kbiz('trace', 't58-r7c3', '--out', out);
    expect(trace.out.split('\n')[0]).toBe(
      'sources/kbiz-2020-business-report-summary.txt:65 [table_row] 681,494 → 681494 개 = 681494 count',
    );
    const sources = await kbiz('sources', '--out', out, '--json');
    expect(JSON.parse(sources.out)).toEqual([
      expect.objectContaining({ document_id: 'kbiz-2020', status: 'loaded', report_year: 2020 }),
    ]);
    const check = await kbiz('check', '--out', out, '--json');
    const findings = JSON.parse(check.out) as Array<{ failed: string; findings: string | null }>;
    expect(findings.filter((f) => Number(f.failed) > 0).map((f) => f.findings)).toEqual([
      '2020 구축기업수 / A: published 11.8% vs 38 / 352 = 10.8% — off by 1.0 | 2020 구축기업수 / C: published 42.2% vs 152 / 352 = 43.2% — off by -1.0',
      '합계 / 금액(억원): published 66774 = 13 part(s) summing to 66795 — off by -21',
    ]);
  });
});

describe('kbiz-etl errors', () => {
  const out = tempDir();

  it.each([
    [['frobnicate'], 2, 'kbiz-etl: unknown command frobnicate (see kbiz-etl --help)'],
    [['run', '--year', 'abc'], 2, 'kbiz-etl: --year takes a whole number from 1960 to 2100'],
    [['run', '--from', 'nowhere'], 2, 'kbiz-etl: --from takes one of extract, transform, load, export'],
    [['sql'], 2, 'kbiz-etl: sql needs a query: kbiz-etl sql "SELECT …"'],
  ])('%j exits %d', async (args, code, message) => {
    const r = await kbiz(...args, '--out', out);
    expect([r.code, r.err]).toEqual([code, message]);
  });

  it('names the file of a bad input and still exits non-zero', async () => {
    const empty = join(out, 'empty.txt');
    writeFileSync(empty, '');
    const r = await kbiz('run', '--input', empty, '--out', out);
    expect(r.code).toBe(1);
    const failure = r.out.split('\n').at(-1)!.replaceAll(out, '<out>');
    expect(failure).toMatchInlineSnapshot(`"failed: <out>/empty.txt: file is empty"`);
  });

  it('still names a failure on stderr when --quiet', async () => {
    const empty = join(out, 'empty-quiet.txt');
    writeFileSync(empty, '');
    const r = await kbiz('run', '--input', empty, '--out', out, '--quiet');
    expect([r.code, r.out, r.err]).toEqual([1, '', `kbiz-etl: ${empty}: file is empty`]);
  });

  it('asks for a warehouse before querying one', async () => {
    const r = await kbiz('sql', 'SELECT 1', '--out', join(out, 'none'));
    expect(r.err).toBe(`kbiz-etl: ${join(out, 'none', 'kbiz.duckdb')}: no warehouse yet: run \`kbiz-etl run\` first`);
  });

  it('prints help', async () => {
    const r = await kbiz('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatchInlineSnapshot(`
      "kbiz-etl — KBIZ annual business report summaries → DuckDB + Parquet

      usage:
        kbiz-etl run [--input FILE …] [--year YYYY] [--out DIR] [--from STAGE] [--to STAGE] [--force] [--concurrency N]
        kbiz-etl extract|transform|load|export [same flags]   one stage, from the previous stage's artifact
        kbiz-etl export --xlsx FILE [--table ID …] [--force]   the report's tables as a workbook, shaped as printed
        kbiz-etl report [--out DIR]   a static HTML report with charts in <out>/report/index.html
        kbiz-etl sql "SELECT …" [--format table|csv|csv-safe|json]   read statements only
        kbiz-etl check          arithmetic findings per table
        kbiz-etl sources        registered documents and their load status
        kbiz-etl trace FACT_ID [--document ID]   a fact's source line, section, table, unit, metric and neighbouring cells
        kbiz-etl find TEXT      metrics, then facts, whose names, labels, titles or lines hold TEXT (spacing ignored)
        kbiz-etl series METRIC [--region CODE]   a metric's values by period (METRIC: its id, or a text as for find)
        kbiz-etl diff REPORT_A REPORT_B   metrics new in B, gone from B, and values B restates (ids or report years)
        kbiz-etl describe [TABLE]   every table and view, or one's columns, in Korean and English

      options:
        --out DIR          output folder (default out): kbiz.duckdb, parquet/, artifacts/
        --input FILE       an ad-hoc document instead of the registry (repeatable)
        --year YYYY        report year when the title does not say
        --publisher NAME   publisher of --input documents (default: none recorded)
        --format F         force the input format (text, pdf, xlsx, csv); for sql: table, csv, json,
                           or csv-safe (text starting with = + - @ gets a ' so spreadsheets never run it);
                           for find, series, diff and describe: table or json
        --from/--to STAGE  extract, transform, load, export
        --force            redo stages even when their input is unchanged; export --xlsx: replace any file
        --replace          an --input file takes its name as id even over a registered or earlier document
        --concurrency N    documents processed at once (default: cores)
        --max-worker-mb N  heap a worker may get for a large document (default 192)
        --quiet, --json    no progress lines / machine-readable summary
        --registry FILE    source registry (default sources/registry.json)
        --region CODE      series: one region's values (regions.region_code, e.g. KR-11)
        --table ID         export --xlsx: only this table (t756, or kbiz-2020.t756; repeatable)"
    `);
  });
});

describe('the built command', () => {
  it('runs as a process and exits non-zero with a one-line reason', () => {
    const bin = join(ROOT, 'dist', 'bin', 'kbiz-etl.js');
    const r = spawnSync(process.execPath, [bin, 'run', '--input', join(ROOT, 'package.json'), '--out', tempDir()], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    const failure = r.stdout.trim().split('\n').pop()!.replaceAll(ROOT, '<root>/');
    expect(failure).toMatchInlineSnapshot(
      `"failed: <root>/package.json: no report year in the title (pass --year YYYY)"`,
    );
  });

  it('keeps the pipeline version in step with package.json', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version).toBe(PIPELINE_VERSION);
  });
});

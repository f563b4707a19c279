import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isOurWorkbook } from '../../warehouse/export-xlsx.js';
import { runCli as kbiz, tempDir } from '../helpers.js';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const tree = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

const root = tempDir('kbiz-safety-');
const out = join(root, 'out');
const other = join(root, 'other');
const warehouse = join(out, 'kbiz.duckdb');
const parquet = join(out, 'parquet', 'units.parquet');

beforeAll(async () => {
  expect((await kbiz('run', '--out', out, '--quiet')).code).toBe(0);
  mkdirSync(other);
  copyFileSync(warehouse, join(other, 'kbiz.duckdb'));
});

describe('kbiz-etl sql runs read statements only', () => {
  const attacks: ReadonlyArray<readonly [string, (o: string) => string]> = [
    ['COPY writes files', (o) => `COPY (SELECT 'x') TO '${o}/kbiz.duckdb' (FORMAT csv)`],
    ['COPY writes files', (o) => `COPY (SELECT 'x') TO '${o}/parquet/units.parquet'`],
    ['COPY writes files', (o) => `SELECT 1; /* then */ COPY facts TO '${o}/parquet/facts.csv'`],
    ['ATTACH opens another database', () => `ATTACH '${other}/kbiz.duckdb' AS o (READ_WRITE); DROP TABLE o.facts`],
    ['EXPORT writes files', (o) => `EXPORT DATABASE '${o}/parquet/dump'`],
    ['EXPLAIN ANALYZE runs the statement', (o) => `EXPLAIN ANALYZE COPY facts TO '${o}/parquet/facts.csv'`],
    ['enable_logging() changes state', (o) => `FROM "enable_logging"(storage = 'file', storage_path = '${o}/parquet')`],
    ['query() changes state', (o) => `SELECT * FROM query('COPY facts TO ''${o}/parquet/facts.csv''')`],
    ['SET changes the configuration', () => 'SET enable_external_access = true'],
    ['INSTALL adds extensions', () => 'INSTALL sqlite'],
    ['LOAD adds extensions', () => 'LOAD sqlite'],
    ['CREATE changes the warehouse', () => 'CREATE TEMP TABLE x AS SELECT 1'],
    ['DROP changes the warehouse', () => 'DROP TABLE facts'],
    ['PRAGMA changes the configuration', (o) => `PRAGMA import_database('${o}/parquet')`],
    ['CALL runs a procedure', () => "CALL pragma_table_info('facts')"],
  ];

  it('refuses every statement that could write, attach or reconfigure, and nothing changes', async () => {
    const state = () => ({
      warehouse: sha256(warehouse),
      parquet: sha256(parquet),
      other: sha256(join(other, 'kbiz.duckdb')),
      files: tree(out),
    });
    const before = state();
    for (const [why, sql] of attacks) {
      const r = await kbiz('sql', sql(out), '--out', out);
      expect({ code: r.code, err: r.err, out: r.out }).toEqual({
        code: 2,
        err: `kbiz-etl: sql: only read statements are allowed (${why})`,
        out: '',
      });
    }
    const outside = await kbiz('sql', "SELECT * FROM read_text('/etc/hostname')", '--out', out);
    expect(outside.code).toBe(2);
    expect(outside.err).toContain('file system operations are disabled by configuration');
    expect(state()).toEqual(before);
  });

  it('still reads the warehouse and the Parquet files under --out', async () => {
    const both = `SELECT (SELECT count(*) FROM '${out}/parquet/facts/**/*.parquet') AS parquet,
      (SELECT count(*) FROM facts) AS facts`;
    const counts = await kbiz('sql', both, '--out', out, '--format', 'json');
    const [row] = JSON.parse(counts.out) as Array<{ parquet: string; facts: string }>;
    expect(Number(row!.parquet)).toBeGreaterThan(500);
    expect(row!.parquet).toBe(row!.facts);
    const reads = [
      'DESCRIBE facts',
      'SHOW TABLES',
      "PRAGMA table_info('facts')",
      'EXPLAIN SELECT 1',
      'SUMMARIZE units',
    ];
    for (const sql of reads) {
      expect((await kbiz('sql', sql, '--out', out)).code, sql).toBe(0);
    }
    const last = await kbiz('sql', "SELECT 1 AS a; SELECT 'two' AS b", '--out', out, '--format', 'json');
    expect(JSON.parse(last.out)).toEqual([{ b: 'two' }]);
  });
});

describe('kbiz-etl export --xlsx replaces only its own workbooks', () => {
  const dir = join(root, 'xlsx');
  const clean = (s: string) => s.replaceAll(root, '<root>');
  beforeAll(() => mkdirSync(dir));

  it('never writes over the warehouse, even with --force', async () => {
    const before = sha256(warehouse);
    for (const force of [[], ['--force']]) {
      const r = await kbiz('export', '--xlsx', warehouse, '--out', out, ...force);
      expect(r.code).toBe(2);
      expect(clean(r.err)).toMatchInlineSnapshot(
        `"kbiz-etl: <root>/out/kbiz.duckdb: this is the warehouse being exported; choose another file"`,
      );
    }
    expect(sha256(warehouse)).toBe(before);
  });

  it('replaces another file only with --force, and its own workbook without', async () => {
    const file = join(dir, 'notes.xlsx');
    writeFileSync(file, 'my notes');
    const refused = await kbiz('export', '--xlsx', file, '--out', out);
    expect(refused.code).toBe(2);
    expect(clean(refused.err)).toMatchInlineSnapshot(
      `"kbiz-etl: <root>/xlsx/notes.xlsx: exists and is not a workbook kbiz-etl wrote; pass --force to replace it"`,
    );
    expect(readFileSync(file, 'utf8')).toBe('my notes');
    expect((await kbiz('export', '--xlsx', file, '--out', out, '--force', '--quiet')).code).toBe(0);
    expect(isOurWorkbook(file)).toBe(true);
    expect((await kbiz('export', '--xlsx', file, '--out', out, '--quiet')).code).toBe(0);
    expect(tree(dir)).toEqual(['notes.xlsx']);
  });

  it('treats a workbook someone saved since as theirs', async () => {
    const file = join(dir, 'edited.xlsx');
    expect((await kbiz('export', '--xlsx', file, '--out', out, '--quiet')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.lastModifiedBy = '분석가';
    await wb.xlsx.writeFile(file);
    expect(isOurWorkbook(file)).toBe(false);
    expect((await kbiz('export', '--xlsx', file, '--out', out)).code).toBe(2);
  });

  it('names a missing folder in one line, and a failed write leaves the old file', async () => {
    const missing = await kbiz('export', '--xlsx', join(root, 'nowhere', 'facts.xlsx'), '--out', out);
    expect({ code: missing.code, err: clean(missing.err) }).toMatchInlineSnapshot(`
      {
        "code": 2,
        "err": "kbiz-etl: --xlsx: no folder <root>/nowhere",
      }
    `);
    const file = join(dir, 'kept.xlsx');
    expect((await kbiz('export', '--xlsx', file, '--out', out, '--quiet')).code).toBe(0);
    const before = sha256(file);
    mkdirSync(`${file}.tmp-${process.pid}`); // the temp file cannot be created: the write fails
    const failed = await kbiz('export', '--xlsx', file, '--out', out);
    expect(failed.code).toBe(1);
    expect(failed.err.split('\n')).toHaveLength(1);
    expect(failed.err).toContain('cannot write the workbook: EEXIST');
    expect(sha256(file)).toBe(before);
  });
});

describe('kbiz-etl keeps escape sequences from reports off the terminal', () => {
  const esc = join(root, 'esc');
  beforeAll(async () => {
    mkdirSync(esc);
    const report =
      '2020년도 주요 사업보고\n\nI. 회원 현황\n\n1. 회원\n\n(단위 : 개)\n\n구 분\t조합수\t회원수\n' +
      '\x1b[31m연합회\x1b]0;owned\x1b\\\u202e\x1b[0m\t23\t24\n전국조합\t218\t182\n계\t241\t206\n\n' +
      // Enough ordinary text that the decoder takes four escapes for text, not binary.
      '- 회원 조합의 공동사업 지원 및 제도 개선 활동 전개\n'.repeat(150);
    writeFileSync(join(esc, 'esc.txt'), report);
    expect((await kbiz('run', '--input', join(esc, 'esc.txt'), '--out', esc, '--quiet')).code).toBe(0);
  });

  it('strips them from tables, trace and check, and JSON keeps the data', async () => {
    const fact = "FROM facts WHERE fact_id = 't9-r1c1'";
    const table = await kbiz('sql', `SELECT fact_id, row_labels, raw_text ${fact}`, '--out', esc);
    expect(table.out).toMatchInlineSnapshot(`
      "fact_id │ row_labels │ raw_text
      ────────┼────────────┼─────────
      t9-r1c1 │ [연합회]   │ 23
      (1 row)"
    `);
    const trace = await kbiz('trace', 't9-r1c1', '--out', esc);
    expect(trace.out).toContain('rows ["\\u001b[31m연합회\\u001b]0;owned\\u001b\\\\\\u001b[0m"]');
    expect(trace.out.split('\n')[2]).toBe('  연합회 │ 23 │ 24');
    const check = await kbiz('check', '--out', esc);
    for (const text of [table.out, trace.out, check.out]) expect(text).not.toMatch(CONTROL);
    const json = await kbiz('sql', `SELECT row_labels ${fact}`, '--out', esc, '--format', 'json');
    expect(JSON.parse(json.out)).toEqual([{ row_labels: ['\x1b[31m연합회\x1b]0;owned\x1b\\\u202e\x1b[0m'] }]);
  });
});

describe('kbiz-etl usage errors are one line and exit 2', () => {
  const run = async (...args: string[]) => {
    const r = await kbiz(...args);
    return `${r.code} ${r.err.replaceAll(root, '<root>')}`;
  };

  it('says what is wrong with each argument', async () => {
    expect(await run('run', '--format', 'doc', '--out', join(root, 'o'))).toMatchInlineSnapshot(
      `"2 kbiz-etl: --format takes text, pdf, xlsx, csv, hwpx, hwp (not doc)"`,
    );
    expect(await run('sql', 'SELECT 1', '--format', 'xml', '--out', out)).toMatchInlineSnapshot(
      `"2 kbiz-etl: sql: --format takes table, csv, csv-safe, json (not xml)"`,
    );
    expect(await run('run', '--out', warehouse)).toMatchInlineSnapshot(
      `"2 kbiz-etl: --out <root>/out/kbiz.duckdb is a file; it takes a folder (default out)"`,
    );
    expect(await run('run', '--from', 'load', '--to', 'extract', '--out', out)).toMatchInlineSnapshot(
      `"2 kbiz-etl: --from load comes after --to extract: stages run in the order extract, transform, load, export"`,
    );
    expect(await run('run', 'report.txt', '--out', out)).toMatchInlineSnapshot(
      `"2 kbiz-etl: run takes no argument report.txt: did you mean --input report.txt?"`,
    );
    expect(await run('extract', 'a.txt', '--input', 'b.txt', '--out', out)).toMatchInlineSnapshot(
      `"2 kbiz-etl: extract takes no argument a.txt"`,
    );
  });
});

describe('kbiz-etl sql --format csv', () => {
  const sql =
    "SELECT -5::BIGINT AS big, -7 AS int, -2.50::DECIMAL(5,2) AS dec, -2.5::DOUBLE AS dbl, '-x' AS dash, " +
    "'=1+1' AS formula, '-5' AS numeric_text, 'a,\"b\"\nc' AS quoted, NULL AS nothing";

  it('is faithful: read back, it holds the values DuckDB returned', async () => {
    const csv = await kbiz('sql', sql, '--out', out, '--format', 'csv');
    const json = await kbiz('sql', sql, '--out', out, '--format', 'json');
    const parsed = Papa.parse<Record<string, string>>(csv.out, { header: true }).data;
    const asText = (r: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)]));
    const values = (JSON.parse(json.out) as Array<Record<string, unknown>>).map(asText);
    expect(parsed).toEqual(values);
    expect(parsed[0]).toMatchObject({ big: '-5', int: '-7', dec: '-2.50', dbl: '-2.5', dash: '-x', formula: '=1+1' });
  });

  it('csv-safe neutralises text formulas and never alters numbers', async () => {
    const csv = await kbiz('sql', sql, '--out', out, '--format', 'csv-safe');
    expect(Papa.parse<Record<string, string>>(csv.out, { header: true }).data).toEqual([
      {
        big: '-5',
        int: '-7',
        dec: '-2.50',
        dbl: '-2.5',
        dash: "'-x",
        formula: "'=1+1",
        numeric_text: '-5',
        quoted: 'a,"b"\nc',
        nothing: '',
      },
    ]);
  });
});

describe('error lines that repeat input', () => {
  const dir = tempDir();

  it('strip escape sequences a file name carries, on stderr and in the summary', async () => {
    const file = join(dir, 'bad\u001b[31mred\u001b]0;title\u0007.txt');
    writeFileSync(file, '');
    const quiet = await kbiz('run', '--input', file, '--out', join(dir, 'q'), '--quiet');
    expect(quiet.code).toBe(1);
    expect(quiet.err).toContain('badred.txt: file is empty');
    expect(quiet.err).not.toMatch(/[\u001b\u0007]/);
    const loud = await kbiz('run', '--input', file, '--out', join(dir, 'l'));
    expect(loud.out).toContain('failed: ');
    expect(loud.out + loud.err).not.toMatch(/[\u001b\u0007]/);
  });
});

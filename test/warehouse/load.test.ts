import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { query } from '../../warehouse/index.js';
import { TABLES } from '../../schemas/index.js';
import { ensureSchema, exportParquet, loadDocument, openWarehouse } from '../../warehouse/index.js';
import { report2020, tempDir } from '../helpers.js';

const counts = async (conn: Parameters<typeof query>[0]) =>
  Object.fromEntries(
    await Promise.all(
      TABLES.filter((t) => t.perDocument).map(async (t) => [
        t.name,
        Number((await query(conn, `SELECT count(*) AS n FROM ${t.name}`)).rows[0]!.n),
      ]),
    ),
  );

describe('warehouse load (real DuckDB file)', () => {
  const dir = tempDir();
  const doc = report2020();

  it('creates every table with comments and loads one document', async () => {
    const wh = await openWarehouse(join(dir, 'a.duckdb'));
    try {
      await ensureSchema(wh.conn); // tables, comments and the dimension rows
      await loadDocument(wh.conn, doc, '2026-01-01T00:00:00Z');
      const c = await counts(wh.conn);
      expect(c).toMatchObject({
        documents: 1,
        source_lines: 1039,
        report_tables: 34,
        facts: doc.facts.length,
        sections: doc.sections.length,
      });
      const comments = await query(
        wh.conn,
        `SELECT count(*) AS n FROM duckdb_columns() WHERE table_name = 'facts' AND comment IS NOT NULL AND comment <> ''`,
      );
      expect(Number(comments.rows[0]!.n)).toBe(TABLES.find((t) => t.name === 'facts')!.columns.length);
      const v = await query(
        wh.conn,
        `SELECT table_title, region_name, value FROM v_facts WHERE region_code = 'KBIZ-BSUS' AND row_labels = ['건의결과', '미반영']`,
      );
      expect(v.rows).toEqual([
        { table_title: '13개 지역본부 511건의 정책과제 건의, 178건 반영', region_name: '부산울산', value: 7 },
      ]);
    } finally {
      wh.close();
    }
  });

  it('documents every column of every table and view in Korean and English, and reopens without rewriting the schema', async () => {
    const path = join(dir, 'c.duckdb');
    let wh = await openWarehouse(path);
    await ensureSchema(wh.conn);
    wh.close();
    wh = await openWarehouse(path);
    try {
      const applied = async () => (await query(wh.conn, 'SELECT applied_at FROM kbiz_schema')).rows;
      const before = await applied();
      await ensureSchema(wh.conn); // the fingerprint matches: nothing is rewritten (each rewrite is a catalog commit)
      expect(await applied()).toEqual(before);
      const cols = await query(
        wh.conn,
        `SELECT table_name, column_name, comment FROM duckdb_columns() WHERE schema_name = 'main' AND NOT internal`,
      );
      const undocumented = cols.rows
        .filter((r) => !/[가-힣].* \| .*[a-z]/i.test(String(r.comment ?? '')))
        .map((r) => `${r.table_name}.${r.column_name}`);
      expect(undocumented).toEqual([]);
      const views = await query(
        wh.conn,
        `SELECT view_name FROM duckdb_views() WHERE NOT internal AND comment LIKE '%|%'`,
      );
      expect(views.rows.map((r) => r.view_name).sort()).toEqual([
        'metrics',
        'v_fact_chapters',
        'v_facts',
        'v_metric_latest',
        'v_metric_series',
      ]);
      expect(cols.rows.filter((r) => r.table_name === 'v_facts').length).toBe(
        TABLES.find((t) => t.name === 'facts')!.columns.length + 6,
      );
    } finally {
      wh.close();
    }
  });

  it('replaces a document on reload: no duplicates, identical rows', async () => {
    const wh = await openWarehouse(join(dir, 'b.duckdb'));
    try {
      await loadDocument(wh.conn, doc, '2026-01-01T00:00:00Z');
      const first = await query(wh.conn, 'SELECT * EXCLUDE (document_id) FROM facts ORDER BY fact_id');
      await loadDocument(wh.conn, doc, '2026-01-02T00:00:00Z');
      expect((await counts(wh.conn)).facts).toBe(doc.facts.length);
      expect((await query(wh.conn, 'SELECT * EXCLUDE (document_id) FROM facts ORDER BY fact_id')).rows).toEqual(
        first.rows,
      );
    } finally {
      wh.close();
    }
  });

  it('leaves the previous load in place when a load fails half way', async () => {
    const wh = await openWarehouse(join(dir, 'c.duckdb'));
    try {
      await loadDocument(wh.conn, doc, '2026-01-01T00:00:00Z');
      const before = await counts(wh.conn);
      const broken = { ...doc, facts: [...doc.facts, { ...doc.facts[0]!, row_labels: 42 as unknown as string[] }] };
      await expect(loadDocument(wh.conn, broken, '2026-01-02T00:00:00Z')).rejects.toThrow(/load failed/);
      expect(await counts(wh.conn)).toEqual(before);
      const utc = `SELECT (loaded_at AT TIME ZONE 'UTC')::VARCHAR AS loaded_at FROM documents`;
      expect((await query(wh.conn, utc)).rows).toEqual([{ loaded_at: '2026-01-01 00:00:00' }]);
    } finally {
      wh.close();
    }
  });

  it('brings a warehouse made by an earlier version up to date, keeping its rows', async () => {
    const path = join(dir, 'e.duckdb');
    let wh = await openWarehouse(path);
    await loadDocument(wh.conn, doc, '2026-01-01T00:00:00Z');
    // as an earlier version left it: no schema fingerprint, a column missing, an old comment
    await wh.conn.run('DROP TABLE kbiz_schema');
    await wh.conn.run('ALTER TABLE documents DROP COLUMN artifact_sha256');
    await wh.conn.run(`COMMENT ON COLUMN facts.value IS 'old words'`);
    wh.close();
    wh = await openWarehouse(path);
    try {
      await ensureSchema(wh.conn);
      const cols = await query(
        wh.conn,
        `SELECT column_name, comment FROM duckdb_columns() WHERE (table_name = 'documents' AND column_name = 'artifact_sha256') OR (table_name = 'facts' AND column_name = 'value')`,
      );
      expect(cols.rows.map((r) => r.column_name).sort()).toEqual(['artifact_sha256', 'value']);
      expect(cols.rows.find((r) => r.column_name === 'value')!.comment).toMatch(
        /^unit_raw 단위로 적힌 수.* | Number as written/,
      );
      expect((await query(wh.conn, 'SELECT count(*) AS n FROM facts')).rows).toEqual([{ n: String(doc.facts.length) }]);
      await loadDocument(wh.conn, doc, '2026-01-02T00:00:00Z', 'abc');
      expect((await query(wh.conn, 'SELECT artifact_sha256 FROM documents')).rows).toEqual([
        { artifact_sha256: 'abc' },
      ]);
    } finally {
      wh.close();
    }
  });

  it('exports hive-partitioned Parquet that DuckDB reads back', async () => {
    const wh = await openWarehouse(join(dir, 'd.duckdb'));
    try {
      await ensureSchema(wh.conn); // tables, comments and the dimension rows
      await loadDocument(wh.conn, doc, '2026-01-01T00:00:00Z');
      await exportParquet(wh.conn, join(dir, 'parquet'));
      const r = await query(
        wh.conn,
        `SELECT report_year::INTEGER AS report_year, count(*) AS n FROM read_parquet('${join(dir, 'parquet')}/facts/*/*.parquet', hive_partitioning = true) GROUP BY 1`,
      );
      expect(r.rows).toEqual([{ report_year: 2020, n: String(doc.facts.length) }]);
      const units = await query(wh.conn, `SELECT count(*) AS n FROM '${join(dir, 'parquet')}/units.parquet'`);
      expect(Number(units.rows[0]!.n)).toBeGreaterThan(100);
    } finally {
      wh.close();
    }
  });
});

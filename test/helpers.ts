import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { extractText, type SourceRef } from '../extractors/index.js';
import type { ExtractedDocument } from '../schemas/extracted.js';
import type { Fact, NormalizedDocument } from '../schemas/normalized.js';
import { normalize } from '../transforms/index.js';
import { cli } from '../pipeline/cli.js';
import { query } from '../warehouse/index.js';
import { openWarehouse } from '../warehouse/index.js';

export const ROOT = new URL('..', import.meta.url).pathname;
export const REPORT_PATH = join(ROOT, 'sources', 'kbiz-2020-business-report-summary.txt');
export const reportBytes = (): Buffer => readFileSync(REPORT_PATH);
export const reportText = (): string => reportBytes().toString('utf8');
export const reportLines = (): string[] => reportText().split('\n').slice(0, -1);

export const ref = (over: Partial<SourceRef> = {}): SourceRef => ({
  document_id: 'test-doc',
  publisher: '중소기업중앙회',
  source_path: 'test.txt',
  source_sha256: 'x'.repeat(64),
  ...over,
});

export const extract = (bytes: Uint8Array | string, over: Partial<SourceRef> = {}): ExtractedDocument =>
  extractText(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, ref(over), 'test');

let cached: NormalizedDocument | undefined;
/** The bundled 2020 report, extracted and normalized once per test file. */
export const report2020 = (): NormalizedDocument =>
  (cached ??= normalize(extract(reportBytes(), { document_id: 'kbiz-2020' })));

export const factsOf = (doc: NormalizedDocument, table_id: string): Fact[] =>
  doc.facts.filter((f) => f.table_id === table_id);
/** A table fact found by its labels (spaced-out words joined). */
export function cellFact(
  doc: NormalizedDocument,
  table_id: string,
  row: readonly string[],
  col: readonly string[],
  unit?: string,
): Fact {
  const hits = factsOf(doc, table_id).filter(
    (f) =>
      f.row_labels.join('|') === row.join('|') &&
      f.col_labels.join('|') === col.join('|') &&
      (!unit || f.base_unit === unit),
  );
  if (hits.length !== 1) throw new Error(`${hits.length} facts in ${table_id} at ${row.join('/')} × ${col.join('/')}`);
  return hits[0]!;
}

/** The table whose first line holds `text` (tables are found by content, not by line number). */
export function tableAt(doc: NormalizedDocument, text: string): string {
  const line = doc.lines.find((l) => l.kind === 'table_row' && l.text.includes(text));
  if (!line?.table_id) throw new Error(`no table row with ${text}`);
  return line.table_id;
}

/** Rows of a query on the warehouse in `out` (opened read-only, closed again). */
export async function queryWarehouse(out: string, sql: string): Promise<Record<string, unknown>[]> {
  const wh = await openWarehouse(join(out, 'kbiz.duckdb'), { readOnly: true });
  try {
    return [...(await query(wh.conn, sql)).rows];
  } finally {
    wh.close();
  }
}

/** Runs the CLI in-process through its public entry point, capturing output and exit code. */
export async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await cli(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A temp folder removed after the test file. */
export function tempDir(prefix = 'kbiz-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A table fact as the table reader makes it, for audits of tables no report printed: a count in
 * 건 with value_base = value, not a total, unless `over` says otherwise.
 */
export const tableFact = (
  over: Partial<Fact> & Pick<Fact, 'fact_id' | 'row_labels' | 'col_labels' | 'value'>,
): Fact => ({
  origin: 'table',
  section_id: null,
  table_id: 't',
  line_no: 1,
  context_path: [],
  subject: null,
  raw_text: String(over.value),
  unit_raw: '건',
  unit: 'case',
  value_base: over.value,
  base_unit: 'count',
  period_year: null,
  region_code: null,
  is_total: false,
  qualifier: null,
  unit_source: 'note',
  metric_id: over.fact_id,
  metric_key: over.fact_id,
  measure_kind: 'flow',
  ...over,
});

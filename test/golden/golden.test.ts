import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryWarehouse, REPORT_PATH, reportLines, ROOT, runCli, tempDir } from '../helpers.js';
import { ExtractedDocument, NormalizedDocument } from '../../schemas/index.js';
import { matchGolden, toJsonl } from './golden-files.js';

/**
 * Golden outputs: what the pipeline makes of each rendition of the report, row by row, so that every change of
 * output shows in review as a diff of test/fixtures/golden/. Accept an intended change with UPDATE_GOLDEN=1.
 */

const fixture = (name: string) => (): string => join(ROOT, 'test', 'fixtures', name);

/** The whole report as CSV, made exactly as test/extractors/formats.test.ts makes it. */
const reportCsv = (dir: string): string => {
  const path = join(dir, 'kbiz-2020.csv');
  writeFileSync(
    path,
    `${Papa.unparse(
      reportLines().map((l) => l.split('\t')),
      { newline: '\n' },
    )}\n`,
  );
  return path;
};

/** Each case: its name, where its input is (given the case's temp dir) and any flags it needs. */
const CASES: ReadonlyArray<[name: string, input: (dir: string) => string, flags?: readonly string[]]> = [
  ['kbiz-2020-text', () => REPORT_PATH],
  ['kbiz-2020-ruled-pdf', fixture('kbiz-2020-ruled.pdf')],
  ['kbiz-2020-aligned-pdf', fixture('kbiz-2020-aligned.pdf')],
  ['kbiz-2020-browser-pdf', fixture('kbiz-2020-browser.pdf')],
  ['kbiz-2020-browser-plain-pdf', fixture('kbiz-2020-browser-plain.pdf')],
  // The workbook holds the tables only, so no title names the year.
  ['kbiz-2020-tables-xlsx', fixture('kbiz-2020-tables.xlsx'), ['--year', '2020']],
  ['kbiz-2020-csv', reportCsv],
];

/** Warehouse tables pinned per case: the contract columns (no document_id or report_year) and a total order. */
const TABLES: ReadonlyArray<[file: string, table: string, columns: readonly string[], orderBy: string]> = [
  ['sections', 'sections', ['section_id', 'parent_id', 'level', 'label', 'title'], 'line_start, section_id'],
  [
    'tables',
    'report_tables',
    [
      'table_id',
      'section_id',
      'title',
      'context_path',
      'unit_note',
      'header_row_count',
      'row_count',
      'col_count',
      'line_start',
      'line_end',
    ],
    'line_start, table_id',
  ],
  [
    'facts',
    'facts',
    [
      'fact_id',
      'origin',
      'section_id',
      'table_id',
      'line_no',
      'row_labels',
      'col_labels',
      'context_path',
      'subject',
      'raw_text',
      'value',
      'unit_raw',
      'unit',
      'value_base',
      'base_unit',
      'period_year',
      'region_code',
      'is_total',
      'qualifier',
    ],
    'line_no, fact_id',
  ],
  ['date_mentions', 'date_mentions', ['line_no', 'raw_text', 'start_date', 'end_date', 'subject'], ''],
  [
    'quality_checks',
    'quality_checks',
    ['check_id', 'table_id', 'kind', 'label', 'expected', 'actual', 'passed', 'message'],
    'check_id',
  ],
  ['issues', 'issues', ['line_no', 'code', 'message'], ''],
];

describe.each(CASES)('golden outputs of %s', (name, input, flags = []) => {
  const out = tempDir('kbiz-golden-');
  beforeAll(async () => {
    const run = await runCli('run', '--input', input(out), ...flags, '--out', out, '--quiet');
    expect(run, `kbiz-etl run on ${name}`).toEqual({ code: 0, out: '', err: '' });
  });

  // The stages write their artifacts unchecked (zod would cost more than the rest of a small run):
  // here each one must be valid, and exactly what validation would have written.
  it('artifacts that are exactly their schemas', () => {
    const [id] = readdirSync(join(out, 'artifacts'));
    for (const [name, schema] of [
      ['extracted', ExtractedDocument],
      ['normalized', NormalizedDocument],
    ] as const) {
      const text = readFileSync(join(out, 'artifacts', id!, `${name}.json`), 'utf8');
      // byte for byte: key order too (a stage skip reads the stamp from the first keys)
      expect(JSON.stringify(schema.parse(JSON.parse(text))), name).toBe(text);
    }
  });

  it.each(TABLES)('%s', async (file, table, columns, orderBy) => {
    // Ordering by every pinned column when there is no key keeps duplicate-free and duplicated rows alike stable.
    const order = orderBy || columns.join(', ');
    const rows = await queryWarehouse(out, `SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${order}`);
    matchGolden(`${name}.${file}.jsonl`, toJsonl(rows, columns));
  });
});

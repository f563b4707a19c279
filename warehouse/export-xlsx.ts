import type { DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Writable } from 'node:stream';
import { EtlError } from '../schemas/etl-error.js';
import { readZipEntry } from './zip-entry.js';

/**
 * Who wrote a workbook, in docProps/core.xml: we write both as `kbiz-etl`; a spreadsheet saving
 * the file sets lastModifiedBy to its user, so a workbook someone edited is no longer ours to replace.
 */
const WRITER = 'kbiz-etl';

/** A workbook this tool wrote and nobody has saved since. */
export function isOurWorkbook(file: string): boolean {
  try {
    const core = readZipEntry(file, 'docProps/core.xml')?.toString('utf8') ?? '';
    return core.includes(`<dc:creator>${WRITER}</dc:creator>`)
      && core.includes(`<cp:lastModifiedBy>${WRITER}</cp:lastModifiedBy>`);
  } catch {
    return false;
  }
}

/**
 * May the export write `file`? Its folder must exist; a folder, or the warehouse being exported,
 * is never replaced; another existing file only when it is our own workbook, or with `force`.
 */
export function checkXlsxTarget(file: string, opts: { force: boolean; warehouse: string }): void {
  const dir = dirname(file);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new EtlError('usage', `--xlsx: no folder ${dir}`);
  const target = statSync(file, { throwIfNoEntry: false });
  if (!target) return;
  const refuse = (why: string) => new EtlError('usage', why, { source: file });
  if (!target.isFile()) throw refuse('not a file; --xlsx takes the name of a workbook');
  const wh = statSync(opts.warehouse, { throwIfNoEntry: false });
  if (wh?.ino === target.ino && wh.dev === target.dev) {
    throw refuse('this is the warehouse being exported; choose another file');
  }
  if (!opts.force && !isOurWorkbook(file)) {
    throw refuse('exists and is not a workbook kbiz-etl wrote; pass --force to replace it');
  }
}

const FACT_COLUMNS = ['fact_id', 'row_labels', 'col_labels', 'raw_text', 'value', 'unit_raw', 'unit', 'value_base', 'base_unit', 'period_year', 'region_code', 'is_total', 'qualifier', 'line_no'] as const;

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, '_').slice(0, 31);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** A cell value for the sheet: numbers stay numbers; text is text (a string is never written as a formula). */
const cell = (v: unknown): string | number | boolean | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.join(' / ');
  return String(v);
};

/**
 * Writes the facts as a workbook for analysts: a `tables` index, then one sheet per report
 * table with its tidy facts. Streamed to a temp file and renamed into place, so a failure leaves
 * whatever was at `file` before; call `checkXlsxTarget` first.
 */
export async function exportXlsx(conn: DuckDBConnection, file: string): Promise<{ sheets: number; rows: number }> {
  const tmp = `${file}.tmp-${process.pid}`;
  const stream = createWriteStream(tmp, { flags: 'wx' });
  // exceljs does not reject on a stream error (the process would end with the promise unsettled).
  const failed = new Promise<never>((_, reject) => stream.on('error', reject));
  let created = false;
  stream.on('open', () => (created = true));
  try {
    const written = await Promise.race([writeWorkbook(conn, stream), failed]);
    renameSync(tmp, file);
    return written;
  } catch (cause) {
    stream.destroy();
    if (created) rmSync(tmp, { force: true });
    const why = (cause as Error).message;
    throw new EtlError('stage_failed', `cannot write the workbook: ${why}`, { source: file, cause });
  }
}

async function writeWorkbook(conn: DuckDBConnection, stream: Writable): Promise<{ sheets: number; rows: number }> {
  const tables = (await conn.runAndReadAll(
    `SELECT document_id, table_id, title, context_path, unit_note FROM report_tables ORDER BY document_id, line_start`,
  )).getRowObjectsJson();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: false });
  wb.created = new Date(0);
  wb.creator = WRITER;
  wb.lastModifiedBy = WRITER;
  const taken = new Set<string>(['tables']);
  const index = wb.addWorksheet('tables');
  index.addRow(['sheet', 'document_id', 'table_id', 'title', 'context_path', 'unit_note']).commit();
  let rows = 0;
  const sheets: Array<{ name: string; document_id: string; table_id: string }> = [];
  for (const t of tables) {
    const name = sheetName(`${t.document_id}.${t.table_id}`, taken);
    sheets.push({ name, document_id: String(t.document_id), table_id: String(t.table_id) });
    index.addRow([name, t.document_id, t.table_id, t.title, t.context_path, t.unit_note].map(cell)).commit();
  }
  index.commit();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow([...FACT_COLUMNS]).commit();
    const facts = (await conn.runAndReadAll(
      `SELECT ${FACT_COLUMNS.join(', ')} FROM facts WHERE document_id = $d AND table_id = $t ORDER BY line_no, fact_id`,
      { d: s.document_id, t: s.table_id },
    )).getRowObjectsJson();
    for (const f of facts) ws.addRow(FACT_COLUMNS.map((c) => cell(f[c]))).commit();
    rows += facts.length;
    ws.commit();
  }
  await wb.commit();
  return { sheets: sheets.length + 1, rows };
}

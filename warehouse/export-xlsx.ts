import type { DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { renameSync } from 'node:fs';

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
 * table with its tidy facts. Streamed to a temp file and renamed into place.
 */
export async function exportXlsx(conn: DuckDBConnection, file: string): Promise<{ sheets: number; rows: number }> {
  const tables = (await conn.runAndReadAll(
    `SELECT document_id, table_id, title, context_path, unit_note FROM report_tables ORDER BY document_id, line_start`,
  )).getRowObjectsJson();
  const tmp = `${file}.tmp-${process.pid}`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: true, useStyles: false });
  wb.created = new Date(0);
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
  renameSync(tmp, file);
  return { sheets: sheets.length + 1, rows };
}

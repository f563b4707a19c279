import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EtlError } from '../schemas/index.js';
import { fillWorkbook, renderReport } from '../report/index.js';
import { reportQueries as q, type Warehouse } from '../warehouse/index.js';
import { withWarehouse, type Flags, type Print } from './cli-commands.js';

type Conn = Warehouse['conn'];

/** The marker every report page carries, so a rerun removes only pages it wrote before. */
const GENERATOR = '<meta name="generator" content="kbiz-etl">';

async function reportData(conn: Conn) {
  // One session runs one query at a time: sequential awaits, not Promise.all.
  return {
    documents: await q.reportDocuments(conn),
    chapters: await q.reportChapters(conn),
    tables: await q.reportTables(conn),
    cells: await q.reportCells(conn),
    chartFacts: await q.reportChartFacts(conn),
    composites: await q.reportCompositeRegions(conn),
    findings: await q.reportFindings(conn),
    dictionary: await q.reportDictionary(conn),
    series: await q.reportMetricSeries(conn),
  };
}

/** Writes each page atomically (temp file, then rename), then removes pages of an earlier report no longer made. */
function writePages(dir: string, pages: ReadonlyArray<{ file: string; html: string }>): void {
  mkdirSync(dir, { recursive: true });
  for (const p of pages) {
    const html = p.html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n${GENERATOR}`);
    const tmp = join(dir, `.${p.file}.tmp-${process.pid}`);
    writeFileSync(tmp, html);
    renameSync(tmp, join(dir, p.file));
  }
  const made = new Set(pages.map((p) => p.file));
  for (const f of readdirSync(dir)) {
    const stale = f.endsWith('.html') && !made.has(f) && readFileSync(join(dir, f), 'utf8').includes(GENERATOR);
    if (stale) rmSync(join(dir, f));
  }
}

/**
 * `report [--out DIR]`: the static HTML report of the warehouse in `<out>/report/` (index.html, a
 * page per chapter, series, audit findings, data dictionary), read through the read-only session.
 */
export async function reportCommand(flags: Flags, print: Print): Promise<number> {
  const started = performance.now();
  const data = await withWarehouse(flags, reportData);
  if (!data.documents.length) {
    throw new EtlError('not_found', 'the warehouse holds no document: run `kbiz-etl run` first');
  }
  const pages = renderReport(data);
  const dir = join(flags.out, 'report');
  writePages(dir, pages);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!flags.quiet) print(`${join(dir, 'index.html')}: ${pages.length} pages (${seconds} s)`);
  return 0;
}

/** `--table` ids: `t756` (in every document) or `kbiz-2020.t756`. */
function tableIds(ids: readonly string[]): string[] {
  const bad = ids.find((id) => !/^[\w-]+(\.[\w-]+)?$/.test(id));
  if (bad !== undefined) {
    throw new EtlError('usage', `--table takes a table id such as t756 or kbiz-2020.t756 (not ${bad})`);
  }
  return [...ids];
}

/**
 * `export --xlsx FILE [--table ID …] [--force]`: the report's tables as a workbook a colleague can
 * open (see report/workbook.ts). Replaces a workbook it wrote before; any other file only with --force.
 */
export async function exportXlsxCommand(
  file: string,
  flags: Flags & { table?: readonly string[] },
  print: Print,
): Promise<number> {
  // exceljs is loaded only by this command (the module is entered directly for that reason).
  const { checkXlsxTarget, writeWorkbook } = await import('../warehouse/export-xlsx.js');
  const ids = tableIds(flags.table ?? []);
  checkXlsxTarget(file, { force: flags.force, warehouse: join(flags.out, 'kbiz.duckdb') });
  const data = await withWarehouse(flags, async (conn) => ({
    documents: await q.reportDocuments(conn),
    tables: await q.reportTables(conn, ids),
    cells: await q.reportCells(conn, ids),
    proseFacts: ids.length ? [] : await q.reportProseFacts(conn),
  }));
  if (ids.length && !data.tables.length) {
    throw new EtlError('usage', `--table: no table ${ids.join(', ')} in the warehouse`);
  }
  const { sheets, tables } = await writeWorkbook(file, (wb) => fillWorkbook(wb, data));
  if (!flags.quiet) print(`${file}: ${sheets} sheets, ${tables} tables, ${data.proseFacts.length} prose facts`);
  return 0;
}

import ExcelJS from 'exceljs';
import { createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { EtlError } from '../schemas/index.js';
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
    return (
      core.includes(`<dc:creator>${WRITER}</dc:creator>`) &&
      core.includes(`<cp:lastModifiedBy>${WRITER}</cp:lastModifiedBy>`)
    );
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

/**
 * Writes a workbook that `fill` builds (exceljs, in memory: merged cells, frozen panes, filters
 * and links need the whole sheet), stamped as ours, to a temp file renamed into place, so a failure
 * leaves whatever was at `file` before; call `checkXlsxTarget` first.
 */
export async function writeWorkbook<T>(file: string, fill: (wb: ExcelJS.Workbook) => T): Promise<T> {
  const tmp = `${file}.tmp-${process.pid}`;
  const stream = createWriteStream(tmp, { flags: 'wx' });
  // exceljs does not reject on a stream error (the process would end with the promise unsettled).
  const failed = new Promise<never>((_, reject) => stream.on('error', reject));
  let created = false;
  stream.on('open', () => (created = true));
  try {
    const wb = new ExcelJS.Workbook();
    wb.created = new Date(0);
    wb.creator = WRITER;
    wb.lastModifiedBy = WRITER;
    const result = fill(wb);
    await Promise.race([wb.xlsx.write(stream).then(() => new Promise((done) => stream.end(done))), failed]);
    renameSync(tmp, file);
    return result;
  } catch (cause) {
    stream.destroy();
    if (created) rmSync(tmp, { force: true });
    const why = (cause as Error).message;
    throw new EtlError('stage_failed', `cannot write the workbook: ${why}`, { source: file, cause });
  }
}

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_PATH, ROOT } from '../helpers.js';

const PROBE = join(ROOT, 'test', 'extractors', 'packages-loaded.mjs');
/** The packages a fresh process loads to extract `files` (the built pipeline, as the CLI runs it). */
const packagesLoaded = (...files: Array<[path: string, format: string]>): string[] =>
  JSON.parse(execFileSync(process.execPath, [PROBE, ...files.flat()], { cwd: ROOT, encoding: 'utf8' }));

/** Sorted, as `packagesLoaded` returns them. */
const HEAVY = ['exceljs', 'pdf-parse', 'pdfjs-dist', 'yauzl'];
const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);

describe('the PDF and XLSX readers load only when such a document comes', () => {
  it('a text document loads none of them', () => {
    const loaded = packagesLoaded([REPORT_PATH, 'text']);
    expect(loaded).toContain('papaparse');
    expect(HEAVY.filter((p) => loaded.includes(p))).toEqual([]);
  });

  it('a PDF loads pdf-parse and pdf.js, a workbook exceljs and the ZIP guard', () => {
    const loaded = packagesLoaded([fixture('kbiz-2020-ruled.pdf'), 'pdf'], [fixture('kbiz-2020-tables.xlsx'), 'xlsx']);
    expect(HEAVY.filter((p) => loaded.includes(p))).toEqual(HEAVY);
  });
});

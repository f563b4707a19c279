import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractCsv, extractText, extractXlsx } from '../../extractors/index.js';
import { readSource } from '../../pipeline/read-source.js';
import { NormalizedDocument } from '../../schemas/normalized.js';
import { normalize } from '../../transforms/index.js';
import { openWarehouse, query } from '../../warehouse/index.js';
import { extract, queryWarehouse, ref, runCli, tempDir } from '../helpers.js';

const at = (source_path: string) => ref({ source_path, report_year: 2020 });
const text = (s: string, source = 'in.txt') => extractText(Buffer.from(s), at(source), 't');
const csv = (s: string, source = 'in.csv') => extractCsv(Buffer.from(s), at(source), 't');
const row = (cells: number) => Array.from({ length: cells }, (_, i) => String(i % 10)).join('\t');

describe('cell bombs fail with one line naming the file and line, before anything splits them', () => {
  it('refuses 10 MB of text holding 5 million cells at the line past 500,000', () => {
    const bomb = `2020년도 사업보고\n${`${row(1000)}\n`.repeat(5000)}`;
    expect(bomb.length).toBeGreaterThan(10_000_000);
    expect(() => text(bomb, 'cells.txt')).toThrow(
      /^cells\.txt:502: more than 500,000 table cells up to this line \(limit per document\)$/,
    );
  });

  it('refuses a CSV line of a million columns by its length, as text does', () => {
    const wide = `2020년도 사업보고\n${Array(1_000_000).fill('1').join(',')}\n`;
    expect(() => csv(wide, 'wide.csv')).toThrow(/^wide\.csv:2: line is 1,999,999 characters \(limit 100,000\)$/);
  });

  it('refuses a row of more than 1,000 cells in CSV and text', () => {
    const wide = `2020년도 사업보고\n${Array(1500).fill('1').join(',')}\n`;
    expect(() => csv(wide, 'w.csv')).toThrow(/^w\.csv:2: row has 1,500 cells \(limit 1,000\)$/);
    const cells = `2020년도 사업보고\n${row(1001)}\n`;
    expect(() => text(cells, 'w.txt')).toThrow(/^w\.txt:2: row has 1,001 cells \(limit 1,000\)$/);
  });

  it('refuses a table of more than 200,000 cells, naming its first line', () => {
    const table = `2020년도 사업보고\n\n${`${row(1000)}\n`.repeat(201)}`;
    expect(() => text(table, 't.txt')).toThrow(/^t\.txt:3: table has more than 200,000 cells \(limit per table\)$/);
  });

  it('refuses a workbook whose two far-apart cells span a grid of 600,000 cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('넓은 표');
    ws.getCell('A1').value = '구분';
    ws.getCell(600, 1000).value = 1;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(bytes.length).toBeLessThan(10_000);
    await expect(extractXlsx(bytes, at('grid.xlsx'), 't')).rejects.toThrow(
      /^grid\.xlsx: sheet 넓은 표 spans 600 × 1,000 cells \(limit 500,000 per workbook\)$/,
    );
  });

  it('refuses text over 64 MB before decoding it', () => {
    const big = Buffer.alloc(65 << 20, 0x31);
    expect(() => extractText(big, at('big.txt'), 't')).toThrow(/^big\.txt: text is 65\.0 MB \(limit 64 MB\)$/);
  });

  it('refuses more than a million lines before splitting them', () => {
    const lines = `2020년도 사업보고${'\n'.repeat(1_000_001)}`;
    const message = /^lines\.txt:1000001: more than 1,000,000 lines \(limit 1,000,000\)$/;
    expect(() => text(lines, 'lines.txt')).toThrow(message);
  });
});

describe('XLSX rows read in linear time', () => {
  it('reads a 20,000-row workbook into a line per row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('실적');
    ws.addRow(['구분', '서울', '부산', '합계']);
    for (let r = 0; r < 20_000; r++) ws.addRow([`행${r}`, r % 97, r % 89, (r % 97) + (r % 89)]);
    const doc = await extractXlsx(Buffer.from(await wb.xlsx.writeBuffer()), at('rows.xlsx'), 't');
    // the sheet's name as a caption, a blank line, then the header and 20,000 rows
    expect(doc.lines).toHaveLength(20_003);
    expect(doc.lines[20_002]!.text).toBe('행19999\t17\t63\t80');
    expect(doc.tables).toHaveLength(1);
  });
});

describe('a number too large to be a fact', () => {
  const huge = '9'.repeat(300);
  const prose = `- 누계 ${'1'.repeat(400)}건, 신규 7건`;
  const doc = extract(`2020년도 사업보고\n\n1. 실적\n\n구분\t건수\n가입\t${huge}\n해지\t5\n\n${prose}\n`);

  it('is an issue with its line, and no fact, never a schema failure', () => {
    const issue = (digits: number, line_no: number) => ({
      code: 'number_out_of_range',
      message: `a number of ${digits} digits is too large to be a fact (read as text)`,
      line_no,
    });
    expect(doc.issues).toEqual([issue(300, 6), issue(400, 9)]);
    const normalized = NormalizedDocument.parse(normalize(doc));
    expect(normalized.facts.map((f) => [f.line_no, f.value])).toEqual([
      [7, 5],
      [9, 7],
    ]);
  });
});

describe('what is not a regular file is refused before it is read', () => {
  const dir = tempDir();
  const out = join(dir, 'out');
  const state = async () => ({
    documents: await queryWarehouse(out, 'SELECT document_id, source_sha256, loaded_at FROM documents'),
    facts: await queryWarehouse(out, 'SELECT count(*) AS n, sum(value) AS s FROM facts'),
  });
  let before: Awaited<ReturnType<typeof state>>;
  beforeAll(async () => {
    expect((await runCli('run', '--out', out, '--quiet')).code).toBe(0);
    before = await state();
  });

  const fifo = join(dir, 'report.fifo');
  const sparse = join(dir, 'huge.txt');
  it.each([
    ['/dev/zero', () => '/dev/zero', 'not a regular file (a character device)'],
    ['a FIFO', () => (execFileSync('mkfifo', [fifo]), fifo), 'not a regular file (a FIFO)'],
    ['a directory', () => dir, 'not a regular file (a directory)'],
    [
      'a 300 MB file (by its size, unread)',
      () => (writeFileSync(sparse, ''), truncateSync(sparse, 300 << 20), sparse),
      'file is 300.0 MB (limit 256 MB)',
    ],
  ])('%s: one line, the warehouse untouched and unlocked', async (_, make, message) => {
    const input = make();
    const r = await runCli('run', '--input', input, '--year', '2020', '--out', out, '--quiet');
    expect(r.code).toBe(1);
    expect(r.err).toBe(`kbiz-etl: ${input}: ${message}`);
    expect(await state()).toEqual(before);
    const wh = await openWarehouse(join(out, 'kbiz.duckdb')); // a writer can open it: no lock left behind
    try {
      expect((await query(wh.conn, 'SELECT count(*)::INTEGER AS n FROM documents')).rows).toEqual([{ n: 1 }]);
    } finally {
      wh.close();
    }
  });

  it('names a socket', async () => {
    const sock = join(dir, 'report.sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      expect(() => readSource(sock)).toThrow(`${sock}: not a regular file (a socket)`);
    } finally {
      server.close();
    }
  });
});

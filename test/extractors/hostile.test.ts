import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdf, extractXlsx, guardZip, resolveFormat } from '../../extractors/index.js';
import { normalize } from '../../transforms/index.js';
import { cidKoreanPdf, encryptedPdf } from '../fixtures/minimal-pdf.js';
import { zipWith } from '../fixtures/minimal-zip.js';
import { ref, ROOT } from '../helpers.js';

const pdfRef = ref({ source_path: 'in.pdf', report_year: 2020 });

describe('hostile PDFs', () => {
  it('brings Korean out of a CID font that needs a predefined CMap (UniKS-UCS2-H)', async () => {
    const doc = await extractPdf(cidKoreanPdf(['2020년도 사업보고 요약', '노란우산 가입 1,915,515건']), pdfRef, 'test');
    expect(doc.lines.map((l) => l.text)).toEqual(['2020년도 사업보고 요약', '노란우산 가입 1,915,515건']);
  });

  it('rejects a truncated PDF', async () => {
    const bytes = readFileSync(join(ROOT, 'test', 'fixtures', 'kbiz-2020-ruled.pdf'));
    await expect(
      extractPdf(bytes.subarray(0, bytes.length / 2), pdfRef, 'test'),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`[EtlError: in.pdf: not a readable PDF: Invalid PDF structure.]`);
  });

  it('rejects an encrypted PDF', async () => {
    await expect(extractPdf(await encryptedPdf(), pdfRef, 'test')).rejects.toThrowErrorMatchingInlineSnapshot(
      `[EtlError: in.pdf: PDF is encrypted (password protected)]`,
    );
  });

  it('rejects a .pdf that is not a PDF, naming both formats', () => {
    expect(() =>
      resolveFormat(Buffer.from('2020년도 사업보고\n'), 'report.pdf', 'pdf'),
    ).toThrowErrorMatchingInlineSnapshot(
      `[EtlError: report.pdf: declared pdf but the content is text (use --format to force)]`,
    );
    expect(() => resolveFormat(Buffer.from('%PDF-1.7\n'), 'report.txt', 'text')).toThrow(
      'declared text but the content is pdf',
    );
  });
});

describe('hostile workbooks', () => {
  it('refuses an entry that inflates more than 200:1 before inflating it', async () => {
    const bomb = zipWith('xl/worksheets/sheet1.xml', Buffer.alloc(8 << 20));
    expect(bomb.length).toBeLessThan(20_000);
    await expect(guardZip(bomb, 'bomb.xlsx')).rejects.toThrow(
      /^bomb\.xlsx: xl\/worksheets\/sheet1\.xml inflates \d+:1 \(limit 200:1\): refusing to inflate$/,
    );
  });

  it('refuses a workbook that declares more than the total limit', async () => {
    const big = zipWith('a.xml', Buffer.alloc(3 << 20, 'a'));
    await expect(
      guardZip(big, 'big.xlsx', { maxTotalBytes: 2 << 20, maxEntries: 10, maxRatio: 10_000 }),
    ).rejects.toThrow('big.xlsx: declares 3 MB uncompressed (limit 2 MB): refusing to inflate');
  });

  it('notices an entry that inflates to more than it declared', async () => {
    const lying = zipWith('a.xml', Buffer.alloc(4096, 'x'));
    lying.writeUInt32LE(100, lying.length - 22 - 46 - 5 + 24); // central directory: uncompressed size 100
    await expect(guardZip(lying, 'lying.xlsx')).rejects.toThrow(/^lying\.xlsx: damaged ZIP entry a\.xml/);
  });

  it('rejects encrypted or legacy workbooks and files that are no ZIP', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(extractXlsx(ole, ref({ source_path: 'enc.xlsx', report_year: 2020 }), 't')).rejects.toThrow(
      'enc.xlsx: an encrypted workbook or a legacy .xls (OLE2), not an XLSX',
    );
    await expect(
      extractXlsx(Buffer.from('PK\u0003\u0004garbage'), ref({ source_path: 'bad.xlsx', report_year: 2020 }), 't'),
    ).rejects.toThrow(/^bad\.xlsx: not a readable ZIP\/XLSX/);
  });

  it('makes every block of a sheet a table titled by the sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('지역별 실적');
    ws.addRow(['구분', '서울', '부산']);
    ws.addRow(['건수', 1, 2]);
    ws.addRow([]);
    ws.addRow(['구분', '인천', '경기']);
    ws.addRow(['건수', 3, 4]);
    const doc = normalize(
      await extractXlsx(
        Buffer.from(await wb.xlsx.writeBuffer()),
        ref({ source_path: 'b.xlsx', report_year: 2021 }),
        't',
      ),
    );
    expect(doc.tables.map((t) => t.title)).toEqual(['지역별 실적', '지역별 실적']);
    expect(doc.facts.map((f) => [f.region_code, f.value])).toEqual([
      ['KR-11', 1],
      ['KR-26', 2],
      ['KR-28', 3],
      ['KR-41', 4],
    ]);
  });

  it('reads a title merged across the sheet as one line, and a merged header as a span', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('운용');
    ws.addRow(['운용현황 (단위 : 억원, %)']);
    ws.mergeCells('A1:D1');
    ws.addRow(['구 분', '노란우산', null, null]);
    ws.mergeCells('B2:D2');
    ws.addRow([null, '금액', '비 중', '수익률']);
    ws.addRow(['단 기', 4886, 3.4, 0.95]);
    const doc = normalize(
      await extractXlsx(
        Buffer.from(await wb.xlsx.writeBuffer()),
        ref({ source_path: 'm.xlsx', report_year: 2020 }),
        't',
      ),
    );
    expect(doc.lines.map((l) => l.text)).toEqual([
      '〈 운용 〉',
      '',
      '운용현황 (단위 : 억원, %)',
      '구 분\t노란우산\t노란우산\t노란우산',
      '\t금액\t비 중\t수익률',
      '단 기\t4886\t3.4\t0.95',
    ]);
    expect(doc.facts.map((f) => [f.col_labels.join('/'), f.value, f.unit_raw])).toEqual([
      ['노란우산/금액', 4886, '억원'],
      ['노란우산/비중', 3.4, '%'],
      ['노란우산/수익률', 0.95, '%'],
    ]);
  });

  it('keeps text that looks like a formula as data, spreads merged cells, flags formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('실적 (단위 건)');
    ws.addRow(['구 분', '서울', '부산', '합계']);
    ws.addRow(['=HYPERLINK("x")', 1, 2, { formula: 'B2+C2', result: 3 }]);
    ws.addRow(['+82', '-', '@sum', '']);
    ws.addRow(['구간', 5, null, 5]);
    ws.mergeCells('B4:C4');
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const doc = await extractXlsx(bytes, ref({ source_path: 'w.xlsx', report_year: 2020 }), 't');
    expect(doc.lines.map((l) => l.text)).toEqual([
      '〈 실적 (단위 건) 〉',
      '',
      '구 분\t서울\t부산\t합계',
      '=HYPERLINK("x")\t1\t2\t3',
      '+82\t-\t@sum\t',
      '구간\t5\t5\t5',
    ]);
    expect(doc.issues.map((i) => i.code)).toEqual(['formula_cell']);
  });
});

import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { declaredFormat, extractCsv, extractPdf, extractXlsx, resolveFormat } from '../../extractors/index.js';
import type { ExtractedDocument } from '../../schemas/extracted.js';
import type { Fact, NormalizedDocument } from '../../schemas/normalized.js';
import { normalize } from '../../transforms/index.js';
import { ref, report2020, reportLines, ROOT } from '../helpers.js';

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', name));

/** What a table fact says, independent of line numbers and raw spelling (`1,915,515` or `1915515`). */
const says = (doc: NormalizedDocument) => {
  const titles = new Map(doc.tables.map((t) => [t.table_id, t.title]));
  return (f: Fact) => [titles.get(f.table_id!), f.row_labels.join('/'), f.col_labels.join('/'), f.value, f.unit_raw, f.value_base, f.period_year, f.region_code, f.is_total, f.qualifier].join(' | ');
};
const tableFacts = (doc: NormalizedDocument) => doc.facts.filter((f) => f.origin === 'table').map(says(doc));

/** Facts one side has and the other lacks, for a readable failure. */
function difference(expected: readonly string[], actual: readonly string[]) {
  const a = new Set(actual);
  const e = new Set(expected);
  return { missing: expected.filter((x) => !a.has(x)), unexpected: actual.filter((x) => !e.has(x)) };
}

const text = report2020();

/** One contract, one suite: every rendition of the report must say what the text says. */
describe.each([
  ['PDF with ruled tables', 'kbiz-2020-ruled.pdf', true],
  ['PDF with columns aligned by spacing', 'kbiz-2020-aligned.pdf', true],
  ['PDF printed by a browser (filled-rectangle borders, wrapped cells, running header and footer)', 'kbiz-2020-browser.pdf', false],
  ['PDF printed by a browser without borders, header or footer (cells wrap at spaces and inside words)', 'kbiz-2020-browser-plain.pdf', false],
])('%s', (_name, file, linesAsInText) => {
  let extracted: ExtractedDocument;
  let doc: NormalizedDocument;
  it('extracts, with Korean (Hangul and Hanja) and page numbers', async () => {
    extracted = await extractPdf(fixture(file), ref({ source_path: file }), 'test');
    doc = normalize(extracted);
    expect(doc.document).toMatchObject({ title: '2020년도 사업보고 요약', report_year: 2020, published_on: '2021-02', source_format: 'pdf' });
    expect(extracted.lines.some((l) => l.text === '협동조합 활성화 및 中企 판로확대 지원 사업')).toBe(true);
    expect(extracted.lines.some((l) => l.text.includes('소상공人公제'))).toBe(true);
    expect(new Set(extracted.lines.map((l) => l.page)).size).toBeGreaterThan(10);
    expect(extracted.lines.every((l) => l.kind === 'blank' || (l.page !== null && l.page >= 1))).toBe(true);
  });

  it('keeps running headers and footers as lines, after the content, with no facts', () => {
    const furniture = extracted.lines.filter((l) => l.furniture);
    if (linesAsInText || file.includes('plain')) return expect(furniture).toEqual([]);
    const pages = Math.max(...extracted.lines.map((l) => l.page ?? 0));
    expect(furniture).toHaveLength(2 * pages);
    for (const l of furniture) {
      expect(l.text).toMatch(/^\d+\/\d+\/\d+, \d+:\d+ [AP]M 2020년도 사업보고 요약$|^file:\/\/\S+\/report\.html (\d+)\/\d+$/);
      const page = /report\.html (\d+)\//.exec(l.text)?.[1];
      if (page) expect(Number(page)).toBe(l.page);
    }
    expect(extracted.lines.findIndex((l) => l.furniture)).toBeGreaterThan(extracted.lines.findLastIndex((l) => l.kind === 'table_row'));
    expect(doc.facts.some((f) => furniture.some((l) => l.line_no === f.line_no))).toBe(false);
  });

  it('gives the same sections as the text', () => {
    const outline = (d: NormalizedDocument) => d.sections.map((s) => `${s.level} ${s.label} ${s.title}`);
    expect(outline(doc)).toEqual(outline(text));
  });

  it('gives the same tables, titles and header rows as the text', () => {
    const tables = (d: NormalizedDocument) => d.tables.map((t) => `${t.title} | ${t.unit_note} | ${t.header_row_count} | ${t.row_count}`);
    expect(tables(doc)).toEqual(tables(text));
  });

  it('gives the same table facts, fact by fact', () => {
    expect(difference(tableFacts(text), tableFacts(doc))).toEqual({ missing: [], unexpected: [] });
  });

});

describe.each(['kbiz-2020-ruled.pdf', 'kbiz-2020-aligned.pdf'])('%s, where no line wraps', (file) => {
  it('recognises headings, bullets, captions and unit notes as in text, line for line', async () => {
    const extracted = await extractPdf(fixture(file), ref({ source_path: file }), 'test');
    const kinds = (d: { lines: ReadonlyArray<{ kind: string }> }) => d.lines.filter((l) => l.kind !== 'blank').map((l) => l.kind);
    expect(kinds(extracted)).toEqual(kinds(text));
  });
});

describe('XLSX of the whole report, a line per row, numbers as numbers', () => {
  it('gives the same sections, tables and table facts as the text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2020 사업보고');
    for (const line of reportLines()) {
      ws.addRow(line.split('\t').map((c) => (/^-?\d{1,3}(,\d{3})*(\.\d+)?$/.test(c.trim()) ? Number(c.replace(/,/g, '')) : c)));
    }
    const doc = normalize(await extractXlsx(Buffer.from(await wb.xlsx.writeBuffer()), ref({ source_path: 'report.xlsx' }), 'test'));
    expect(doc.document).toMatchObject({ title: '2020년도 사업보고 요약', report_year: 2020, source_format: 'xlsx' });
    expect(doc.sections.map((x) => x.title)).toEqual(text.sections.map((x) => x.title));
    expect(doc.tables.map((t) => t.title)).toEqual(text.tables.map((t) => t.title));
    expect(difference(tableFacts(text), tableFacts(doc))).toEqual({ missing: [], unexpected: [] });
  });
});

describe('CSV of the whole report, a record per line', () => {
  it('gives the same lines, sections, tables and table facts as the text', () => {
    const csv = `${Papa.unparse(reportLines().map((l) => l.split('\t')), { newline: '\n' })}\n`;
    const bytes = Buffer.from(csv);
    expect(resolveFormat(bytes, 'report.csv', declaredFormat('report.csv'))).toBe('csv');
    const doc = normalize(extractCsv(bytes, ref({ source_path: 'report.csv' }), 'test'));
    expect(doc.lines.map((l) => l.text)).toEqual(text.lines.map((l) => l.text));
    expect(doc.sections.map((x) => x.title)).toEqual(text.sections.map((x) => x.title));
    expect(difference(tableFacts(text), tableFacts(doc))).toEqual({ missing: [], unexpected: [] });
  });
});

describe('XLSX of several report tables', () => {
  it('gives the same facts as the text versions of those tables', async () => {
    const extracted = await extractXlsx(fixture('kbiz-2020-tables.xlsx'), ref({ source_path: 'tables.xlsx', report_year: 2020 }), 'test');
    const doc = normalize(extracted);
    expect(doc.tables.map((t) => t.title)).toEqual(["회원 현황 ('20. 12월말 기준)", '연도별 가입해지 현황', '운용현황', '13개 지역본부 511건의 정책과제 건의, 178건 반영', '가입현황']);
    const xlsx = tableFacts(doc);
    const fromText = tableFacts(text).filter((f) => doc.tables.some((t) => f.startsWith(`${t.title} |`)));
    expect(difference(fromText, xlsx)).toEqual({ missing: [], unexpected: [] });
    expect(xlsx).toHaveLength(182);
  });

  it('uses a formula\'s cached value but never evaluates it, and says so', async () => {
    const extracted = await extractXlsx(fixture('kbiz-2020-tables.xlsx'), ref({ report_year: 2020 }), 'test');
    expect(extracted.issues.filter((i) => i.code === 'formula_cell')).toEqual([
      { code: 'formula_cell', message: "회원 현황 ('20. 12월말 기준)!D10: formula =SUM(D4:D9) not evaluated; its cached value 681494 is used", line_no: 12 },
    ]);
  });
});

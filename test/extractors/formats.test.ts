import { describe, expect, it } from 'vitest';
import { extractCsv, extractPdf, extractXlsx } from '../../extractors/index.js';
import type { ExtractedDocument } from '../../schemas/extracted.js';
import type { NormalizedDocument } from '../../schemas/normalized.js';
import { normalize } from '../../transforms/index.js';
import { ref, report2020 } from '../helpers.js';
import { difference, tableFacts } from './parity.js';
import { fixture, PDF_RENDITIONS, wholeReportCsv } from './renditions.js';

/** What each format has of its own; that every format says what the text says is contract.test.ts. */
const text = report2020();

describe.each(PDF_RENDITIONS)('%s', (_name, file) => {
  let extracted: ExtractedDocument;
  let doc: NormalizedDocument;
  it('extracts, with Korean (Hangul and Hanja) and page numbers', async () => {
    extracted = await extractPdf(fixture(file), ref({ source_path: file }), 'test');
    doc = normalize(extracted);
    expect(extracted.lines.some((l) => l.text === '협동조합 활성화 및 中企 판로확대 지원 사업')).toBe(true);
    expect(extracted.lines.some((l) => l.text.includes('소상공人公제'))).toBe(true);
    expect(new Set(extracted.lines.map((l) => l.page)).size).toBeGreaterThan(10);
    expect(extracted.lines.every((l) => l.kind === 'blank' || (l.page !== null && l.page >= 1))).toBe(true);
  });

  it('keeps running headers and footers as lines, after the content, with no facts', () => {
    const furniture = extracted.lines.filter((l) => l.furniture);
    if (file !== 'kbiz-2020-browser.pdf') return expect(furniture).toEqual([]);
    const pages = Math.max(...extracted.lines.map((l) => l.page ?? 0));
    expect(furniture).toHaveLength(2 * pages);
    for (const l of furniture) {
      expect(l.text).toMatch(
        /^\d+\/\d+\/\d+, \d+:\d+ [AP]M 2020년도 사업보고 요약$|^file:\/\/\S+\/report\.html (\d+)\/\d+$/,
      );
      const page = /report\.html (\d+)\//.exec(l.text)?.[1];
      if (page) expect(Number(page)).toBe(l.page);
    }
    expect(extracted.lines.findIndex((l) => l.furniture)).toBeGreaterThan(
      extracted.lines.findLastIndex((l) => l.kind === 'table_row'),
    );
    expect(doc.facts.some((f) => furniture.some((l) => l.line_no === f.line_no))).toBe(false);
  });
});

describe.each(['kbiz-2020-ruled.pdf', 'kbiz-2020-aligned.pdf'])('%s, where no line wraps', (file) => {
  it('recognises headings, bullets, captions and unit notes as in text, line for line', async () => {
    const extracted = await extractPdf(fixture(file), ref({ source_path: file }), 'test');
    const kinds = (d: { lines: ReadonlyArray<{ kind: string }> }) =>
      d.lines.filter((l) => l.kind !== 'blank').map((l) => l.kind);
    expect(kinds(extracted)).toEqual(kinds(text));
  });
});

describe('CSV of the whole report, a record per line', () => {
  it('gives every line as the text has it, bullet indentation included', () => {
    const doc = extractCsv(wholeReportCsv(), ref({ source_path: 'report.csv' }), 'test');
    expect(doc.lines.map((l) => l.text)).toEqual(text.lines.map((l) => l.text));
  });
});

describe('XLSX of several report tables', () => {
  it('gives the same facts as the text versions of those tables', async () => {
    const extracted = await extractXlsx(
      fixture('kbiz-2020-tables.xlsx'),
      ref({ source_path: 'tables.xlsx', report_year: 2020 }),
      'test',
    );
    const doc = normalize(extracted);
    expect(doc.tables.map((t) => t.title)).toEqual([
      "회원 현황 ('20. 12월말 기준)",
      '연도별 가입해지 현황',
      '운용현황',
      '13개 지역본부 511건의 정책과제 건의, 178건 반영',
      '가입현황',
    ]);
    const xlsx = tableFacts(doc);
    const fromText = tableFacts(text).filter((f) => doc.tables.some((t) => f.startsWith(`${t.title} |`)));
    expect(difference(fromText, xlsx)).toEqual({ missing: [], unexpected: [] });
    expect(xlsx).toHaveLength(182);
  });

  it("uses a formula's cached value but never evaluates it, and says so", async () => {
    const extracted = await extractXlsx(fixture('kbiz-2020-tables.xlsx'), ref({ report_year: 2020 }), 'test');
    expect(extracted.issues.filter((i) => i.code === 'formula_cell')).toEqual([
      {
        code: 'formula_cell',
        message: "회원 현황 ('20. 12월말 기준)!D10: formula =SUM(D4:D9) not evaluated; its cached value 681494 is used",
        line_no: 12,
      },
    ]);
  });
});

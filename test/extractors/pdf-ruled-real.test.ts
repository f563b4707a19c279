import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../extractors/index.js';
import type { ExtractedDocument } from '../../schemas/extracted.js';
import { ref, ROOT } from '../helpers.js';

/** Budget program sheets nobody here wrote (never copied into the repository): their ruled summary tables. */
const REAL = resolve(ROOT, '..', 'shared', 'real-inputs');
const read = async (name: string): Promise<ExtractedDocument> =>
  extractPdf(new Uint8Array(readFileSync(join(REAL, name))), ref({ source_path: name, report_year: 2024 }), 'test');

/** The table whose rows include one starting with `label`, as rows of cells. */
const tableWith = (doc: ExtractedDocument, label: string) =>
  doc.tables.find((t) => t.rows.some((r) => r.cells[0] === label))?.rows.map((r) => r.cells);

describe.skipIf(!existsSync(REAL))('ruled tables of real budget sheets (../shared/real-inputs)', () => {
  it("rebuilds the loan sheet's summary: two header rows with spans spread, the wrapped label joined", async () => {
    const doc = await read('중소벤처기업부_혁신창업사업화자금-융자.pdf');
    expect(tableWith(doc, '혁신창업사업화자금(융자)')).toEqual([
      ['사업명', '2022년 결산', '2023년', '2023년', '2024년', '증감', ''],
      ['사업명', '2022년 결산', '당초(A)', '수정', '확정(B)', '(B-A)', '(B-A)/A'],
      ['혁신창업사업화자금(융자)', '2,300,000', '2,230,000', '2,330,000', '2,007,800', '△222,200', '△9.96'],
    ]);
    // its caption and unit note come right before it, as their own kinds; no stray half of the label
    const first = doc.lines.findIndex((l) => l.text.startsWith('사업명\t'));
    expect(doc.lines.slice(first - 3, first).map((l) => [l.kind, l.text.trim()])).toEqual([
      ['heading', '3. 지출계획 총괄표'],
      ['unit_note', '(단위: 백만원, %)'],
      ['blank', ''],
    ]);
    expect(doc.lines.some((l) => /^\s*(혁신창업사업화자|금\(융자\))\s*$/.test(l.text))).toBe(false);
  }, 60_000);

  it("reads the start-up sheet's summary the same way, and its boxes and flow chart as text", async () => {
    const doc = await read('중소벤처기업부_창업사업화지원.pdf');
    const table = tableWith(doc, '창업사업화지원');
    expect(table?.[1]).toEqual(['사업명', '2022년결산', '본예산(A)', '추경', '확정(B)', '(B-A)', '(B-A)/A']);
    expect(table?.[2]).toEqual(['창업사업화지원', '432,824', '388,910', '388,910', '377,656', '△11,254', '△2.9']);
    // the title box (one column) is the title, not a table; the flow chart's steps are text
    expect(doc.lines.find((l) => l.text.includes('(5132-302)'))?.kind).toBe('title');
    const flow = doc.lines.filter((l) => l.text.includes('➜'));
    expect(flow.length).toBeGreaterThan(0);
    expect(flow.every((l) => l.kind !== 'table_row')).toBe(true);
  }, 60_000);
});

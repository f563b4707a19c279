import Papa from 'papaparse';
import type { ExtractedDocument, Issue } from '../schemas/index.js';
import { decodeText, splitLines } from './decode.js';
import { buildExtracted } from './build-extracted.js';
import type { Extractor, SourceRef } from './extractor.js';

/**
 * Comma-separated text: no tabs anywhere, and nearly every non-blank line parses into the same
 * number (two or more) of fields. Prose with commas does not look like that.
 */
export function looksLikeCsv(text: string): boolean {
  if (text.includes('\t')) return false;
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim());
  if (lines.length < 2) return false;
  const widths = Papa.parse<string[]>(lines.join('\n'), { delimiter: ',' }).data.map((r) => r.length);
  const mode = widths.sort((a, b) => widths.filter((w) => w === b).length - widths.filter((w) => w === a).length)[0]!;
  return mode >= 2 && widths.filter((w) => w === mode).length >= 0.9 * widths.length;
}

/** CSV → extracted artifact: each record a tab-separated line, quotes as CSV defines them. */
export function extractCsv(bytes: Uint8Array, ref: SourceRef, pipeline_version: string): ExtractedDocument {
  const { text, encoding } = decodeText(bytes, ref.source_path);
  // the line-length limit of text holds for CSV too, before papaparse makes a field of every comma
  splitLines(text, ref.source_path);
  const issues: Issue[] = [];
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: false });
  for (const e of parsed.errors)
    issues.push({
      code: 'csv_error',
      message: `${e.code}: ${e.message}`,
      line_no: e.row !== undefined ? e.row + 1 : null,
    });
  const rows = parsed.data[parsed.data.length - 1]?.join('') === '' ? parsed.data.slice(0, -1) : parsed.data;
  const lines = rows.map((cells, i) => {
    if (cells.some((c) => /[\t\r\n]/.test(c)))
      issues.push({ code: 'cell_whitespace', message: 'tabs or line breaks in a cell read as spaces', line_no: i + 1 });
    const clean = cells.map((c) => c.replace(/[\t\r\n]+/g, ' '));
    // a record of one field, or of one field and empty padding, is a line of text, kept verbatim
    const textLine = clean.slice(1).every((c) => !c.trim());
    return { text: textLine ? clean[0]! : clean.join('\t'), page: null };
  });
  return buildExtracted(ref, lines, { format: 'csv', encoding, pipeline_version, issues });
}

/** UTF-8 text that looks like CSV; a head cut mid-character, or not UTF-8, is left to the text decoder. */
function detectCsv(head: Uint8Array): number {
  // a tab (one byte in UTF-8) rules CSV out before a 64 KB head is decoded: reruns sniff every file
  if (head.includes(0x09)) return 0;
  try {
    return looksLikeCsv(new TextDecoder('utf-8', { fatal: true }).decode(head)) ? 0.8 : 0;
  } catch {
    return 0;
  }
}

export const csvExtractor: Extractor = {
  format: 'csv',
  extensions: ['csv', 'tsv'],
  textual: true,
  detect: detectCsv,
  extract: async (bytes, ref, version) => extractCsv(bytes, ref, version),
};

import type { ExtractedDocument } from '../schemas/index.js';
import type { Extractor, SourceRef } from './extractor.js';
import type { ZipLimits } from './zip-guard.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An OLE2 compound file: an encrypted workbook or a legacy .xls, which the reader names as such. */
export const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (head: Uint8Array, magic: readonly number[]) => magic.every((b, i) => head[i] === b);

/**
 * A ZIP or an OLE2 container. Below a PDF's certainty, so that a PDF marker in the first KB wins
 * as it always has; a ZIP-based format that can tell itself apart (HWPX, DOCX) should score higher.
 */
const detectXlsx = (head: Uint8Array): number => (startsWith(head, ZIP) || startsWith(head, OLE2) ? 0.9 : 0);

/** XLSX → extracted artifact; exceljs (and the ZIP guard) load on the first workbook. */
export async function extractXlsx(
  bytes: Uint8Array,
  ref: SourceRef,
  pipeline_version: string,
): Promise<ExtractedDocument> {
  return (await import('./xlsx-reader.js')).readXlsx(bytes, ref, pipeline_version);
}

/** Checks a ZIP for bombs before anything inflates it (yauzl, too, loads on first use). */
export async function guardZip(bytes: Uint8Array, source: string, limits?: ZipLimits): Promise<void> {
  return (await import('./zip-guard.js')).guardZip(bytes, source, limits);
}

export const xlsxExtractor: Extractor = {
  format: 'xlsx',
  extensions: ['xlsx', 'xlsm'],
  textual: false,
  detect: detectXlsx,
  extract: extractXlsx,
};

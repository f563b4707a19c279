import { EtlError } from '../schemas/etl-error.js';
import type { SourceFormat } from '../schemas/source.js';
import { looksLikeCsv } from '../extractors/csv.js';

/**
 * The format the bytes are, from their content: `%PDF-` (within the first KB, as readers allow),
 * a ZIP or an OLE2 container (XLSX, or an encrypted one), comma-separated text, or text.
 */
export function sniffFormat(bytes: Uint8Array): SourceFormat {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004') || head.startsWith('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1')) return 'xlsx';
  try {
    if (looksLikeCsv(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 65536)))) return 'csv';
  } catch {
    // not UTF-8 (or cut mid-character): the text decoder will tell what it is
  }
  return 'text';
}

/** The format a file name declares, or null for an unknown extension. */
export function declaredFormat(path: string): SourceFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === 'pdf') return 'pdf';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  if (ext === 'txt' || ext === 'text' || ext === 'md') return 'text';
  return null;
}

/** Content wins over names, but a contradiction is an error naming both, unless forced. */
export function resolveFormat(bytes: Uint8Array, source: string, declared: SourceFormat | null, forced?: SourceFormat): SourceFormat {
  if (forced) return forced;
  const sniffed = sniffFormat(bytes);
  const textual = (f: SourceFormat) => f === 'text' || f === 'csv';
  if (declared && declared !== sniffed && !(textual(declared) && textual(sniffed))) {
    throw new EtlError('format_mismatch', `declared ${declared} but the content is ${sniffed} (use --format to force)`, { stage: 'extract', source });
  }
  return declared === 'csv' ? 'csv' : sniffed;
}

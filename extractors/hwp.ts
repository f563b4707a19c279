import type { ExtractedDocument } from '../schemas/index.js';
import type { Extractor, SourceRef } from './extractor.js';
import { OLE2 } from './xlsx.js';

const SIGNATURE = Buffer.from('HWP Document File', 'latin1');
/** Directory entry names (UTF-16, NUL-terminated) of the two streams every HWP 5 document has. */
const STREAMS = ['FileHeader', 'DocInfo'].map((name) => Buffer.from(`${name}\0`, 'utf16le'));

/**
 * An OLE2 compound file holding a `FileHeader` stream that starts `HWP Document File` (HWP 5). The
 * word processor writes that 256-byte stream in the first sectors, well within the head; a writer
 * that puts small streams last (the `cfb` library does) leaves it past the head of a large document,
 * and then the directory, which comes first, still names `FileHeader` and `DocInfo`.
 */
export function detectHwp(head: Uint8Array): number {
  if (!OLE2.every((b, i) => head[i] === b)) return 0;
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  return b.includes(SIGNATURE) || STREAMS.every((name) => b.includes(name)) ? 0.95 : 0;
}

/** HWP 5 → extracted artifact; kordoc loads on the first document. */
export async function extractHwp(
  bytes: Uint8Array,
  ref: SourceRef,
  pipeline_version: string,
): Promise<ExtractedDocument> {
  return (await import('./hwp-reader.js')).readHwp(bytes, ref, pipeline_version, 'hwp');
}

export const hwpExtractor: Extractor = {
  format: 'hwp',
  extensions: ['hwp'],
  textual: false,
  detect: detectHwp,
  extract: extractHwp,
};

import type { ExtractedDocument } from '../schemas/index.js';
import type { Extractor, SourceRef } from './extractor.js';
import { OLE2 } from './xlsx.js';

const SIGNATURE = 'HWP Document File';

/**
 * An OLE2 compound file holding a `FileHeader` stream that starts `HWP Document File` (HWP 5). The
 * word processor writes that 256-byte stream in the first sectors, well within the head.
 */
export function detectHwp(head: Uint8Array): number {
  if (!OLE2.every((b, i) => head[i] === b)) return 0;
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  return text.includes(SIGNATURE) ? 0.95 : 0;
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

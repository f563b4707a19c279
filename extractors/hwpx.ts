import type { ExtractedDocument } from '../schemas/index.js';
import type { Extractor, SourceRef } from './extractor.js';

const MIMETYPE = 'application/hwp+zip';

/**
 * A ZIP whose first entry is `mimetype`, stored, saying `application/hwp+zip` (as HWPX, like ODF,
 * requires): certain enough to beat the generic ZIP an XLSX is detected by.
 */
export function detectHwpx(head: Uint8Array): number {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (b.length < 30 || b.readUInt32LE(0) !== 0x04034b50) return 0;
  const nameLength = b.readUInt16LE(26);
  const dataAt = 30 + nameLength + b.readUInt16LE(28);
  if (b.toString('latin1', 30, 30 + nameLength) !== 'mimetype') return 0;
  return b.toString('latin1', dataAt, dataAt + MIMETYPE.length) === MIMETYPE ? 0.95 : 0;
}

/** HWPX → extracted artifact; kordoc (and the ZIP guard) load on the first document. */
export async function extractHwpx(
  bytes: Uint8Array,
  ref: SourceRef,
  pipeline_version: string,
): Promise<ExtractedDocument> {
  return (await import('./hwp-reader.js')).readHwp(bytes, ref, pipeline_version, 'hwpx');
}

export const hwpxExtractor: Extractor = {
  format: 'hwpx',
  extensions: ['hwpx'],
  textual: false,
  detect: detectHwpx,
  extract: extractHwpx,
};

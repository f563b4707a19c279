import type { ExtractedDocument } from '../schemas/index.js';
import type { Extractor, SourceRef } from './extractor.js';

/** `%PDF-` within the first KB, as PDF readers allow (a preamble may come before it). */
function detectPdf(head: Uint8Array): number {
  return Buffer.from(head.subarray(0, 1024)).toString('latin1').includes('%PDF-') ? 1 : 0;
}

/** PDF → extracted artifact; pdf.js loads on the first PDF, so a text run never pays for it. */
export async function extractPdf(
  bytes: Uint8Array,
  ref: SourceRef,
  pipeline_version: string,
): Promise<ExtractedDocument> {
  return (await import('./pdf-reader.js')).readPdf(bytes, ref, pipeline_version);
}

export const pdfExtractor: Extractor = {
  format: 'pdf',
  extensions: ['pdf'],
  textual: false,
  detect: detectPdf,
  extract: extractPdf,
};

import { extractCsv } from '../extractors/csv.js';
import { extractText, type SourceRef } from '../extractors/text.js';
import type { ExtractedDocument } from '../schemas/extracted.js';
import type { NormalizedDocument } from '../schemas/normalized.js';
import type { SourceFormat } from '../schemas/source.js';
import { normalize } from '../transforms/index.js';
import { PIPELINE_VERSION } from './version.js';

/**
 * extract: bytes of a document in a detected format → the extracted artifact. The PDF and XLSX
 * readers (pdf.js, exceljs) load only when such a document comes: a text run starts faster.
 */
export async function extractStage(bytes: Uint8Array, ref: SourceRef, format: SourceFormat): Promise<ExtractedDocument> {
  switch (format) {
    case 'text': return extractText(bytes, ref, PIPELINE_VERSION);
    case 'csv': return extractCsv(bytes, ref, PIPELINE_VERSION);
    case 'pdf': return (await import('../extractors/pdf.js')).extractPdf(bytes, ref, PIPELINE_VERSION);
    case 'xlsx': return (await import('../extractors/xlsx.js')).extractXlsx(bytes, ref, PIPELINE_VERSION);
  }
}

/** transform: extracted artifact (and the hash of its bytes, the new artifact's input) → normalized artifact (pure). */
export const transformStage = (doc: ExtractedDocument, input_sha256: string): NormalizedDocument => ({ ...normalize(doc), input_sha256 });

export const STAGES = ['extract', 'transform', 'load', 'export'] as const;
export type Stage = (typeof STAGES)[number];

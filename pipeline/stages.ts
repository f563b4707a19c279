import { extractorFor, type SourceRef } from '../extractors/index.js';
import type { ExtractedDocument } from '../schemas/extracted.js';
import type { NormalizedDocument } from '../schemas/normalized.js';
import type { SourceFormat } from '../schemas/source.js';
import { normalize } from '../transforms/index.js';
import { PIPELINE_VERSION } from './version.js';

/**
 * extract: bytes of a document in a detected format → the extracted artifact, by that format's
 * registered extractor (the PDF and XLSX readers load only when such a document comes).
 */
export async function extractStage(
  bytes: Uint8Array, ref: SourceRef, format: SourceFormat,
): Promise<ExtractedDocument> {
  return extractorFor(format).extract(bytes, ref, PIPELINE_VERSION);
}

/** transform: extracted artifact (and the hash of its bytes, the new artifact's input) → normalized artifact (pure). */
export const transformStage = (doc: ExtractedDocument, input_sha256: string): NormalizedDocument => ({ ...normalize(doc), input_sha256 });

export const STAGES = ['extract', 'transform', 'load', 'export'] as const;
export type Stage = (typeof STAGES)[number];

import { extractText, type SourceRef } from '../extractors/index.js';
import { EtlError } from '../schemas/etl-error.js';
import type { ExtractedDocument } from '../schemas/extracted.js';
import type { NormalizedDocument } from '../schemas/normalized.js';
import type { SourceFormat } from '../schemas/source.js';
import { normalize } from '../transforms/index.js';
import { PIPELINE_VERSION } from './version.js';

/** extract: bytes of a document in a detected format → the extracted artifact. */
export function extractStage(bytes: Uint8Array, ref: SourceRef, format: SourceFormat): ExtractedDocument {
  if (format === 'text' || format === 'csv') return extractText(bytes, ref, PIPELINE_VERSION);
  throw new EtlError('unsupported_format', `${format} sources are not supported yet`, { stage: 'extract', source: ref.source_path });
}

/** transform: extracted artifact → normalized artifact (pure). */
export const transformStage = (doc: ExtractedDocument): NormalizedDocument => normalize(doc);

export const STAGES = ['extract', 'transform', 'load', 'export'] as const;
export type Stage = (typeof STAGES)[number];

import { createHash } from 'node:crypto';
import { extractorFor, type SourceRef } from '../extractors/index.js';
import type { ExtractedDocument } from '../schemas/index.js';
import type { NormalizedDocument } from '../schemas/index.js';
import type { SourceFormat } from '../schemas/index.js';
import { loadCatalog, type LoadedCatalog } from './metric-catalog.js';
import { PIPELINE_VERSION } from './version.js';

/**
 * extract: bytes of a document in a detected format → the extracted artifact, by that format's
 * registered extractor (the PDF and XLSX readers load only when such a document comes).
 */
export async function extractStage(
  bytes: Uint8Array,
  ref: SourceRef,
  format: SourceFormat,
): Promise<ExtractedDocument> {
  return extractorFor(format).extract(bytes, ref, PIPELINE_VERSION);
}

/**
 * What a normalized artifact is made from: the extracted artifact's bytes and the metric catalog
 * (a curated name or alias added to sources/metrics.csv makes every normalized artifact stale).
 */
export const transformInputHash = (extractedSha: string, catalog: LoadedCatalog = loadCatalog()): string =>
  createHash('sha256').update(`${extractedSha}:${catalog.sha256}`).digest('hex');

/**
 * transform: extracted artifact (and the hash of its bytes) → normalized artifact (pure but for
 * reading the catalog once). The transforms load on first use: a run that finds every document
 * unchanged, or only loads, never needs them.
 */
export async function transformStage(
  doc: ExtractedDocument,
  extractedSha: string,
  catalog: LoadedCatalog = loadCatalog(),
): Promise<NormalizedDocument> {
  const { normalize } = await import('../transforms/index.js');
  return { ...normalize(doc, catalog.metrics), input_sha256: transformInputHash(extractedSha, catalog) };
}

export const STAGES = ['extract', 'transform', 'load', 'export'] as const;
export type Stage = (typeof STAGES)[number];

import type { ExtractedDocument } from '../schemas/index.js';
import { buildExtracted } from './build-extracted.js';
import { decodeText, splitLines } from './decode.js';
import type { Extractor, SourceRef } from './extractor.js';

/** Text with tab-separated tables (UTF-8, UTF-16 or CP949; any line ending) → extracted artifact. */
export function extractText(bytes: Uint8Array, ref: SourceRef, pipeline_version: string): ExtractedDocument {
  const { text, encoding } = decodeText(bytes, ref.source_path);
  const lines = splitLines(text, ref.source_path).map((t) => ({ text: t, page: null }));
  return buildExtracted(ref, lines, { format: 'text', encoding, pipeline_version });
}

/**
 * Text claims no content of its own: it is what bytes no other format claims are read as (the
 * registry's fallback), and the decoder then says whether they are text at all.
 */
export const textExtractor: Extractor = {
  format: 'text',
  extensions: ['txt', 'text', 'md'],
  textual: true,
  detect: () => 0,
  extract: async (bytes, ref, version) => extractText(bytes, ref, version),
};

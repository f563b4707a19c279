import type { SourceFormat } from '../schemas/index.js';
import { csvExtractor } from './csv.js';
import type { Extractor } from './extractor.js';
import { hwpExtractor } from './hwp.js';
import { hwpxExtractor } from './hwpx.js';
import { pdfExtractor } from './pdf.js';
import { textExtractor } from './text.js';
import { xlsxExtractor } from './xlsx.js';

/**
 * Every format the pipeline reads, one line each; detection asks them all and, on equal
 * confidence, the earlier wins. A format here must also be in `SourceFormat` (tested).
 */
export const EXTRACTORS: readonly Extractor[] = [
  pdfExtractor,
  hwpxExtractor,
  hwpExtractor,
  xlsxExtractor,
  csvExtractor,
  textExtractor,
];

/** What content no extractor claims is read as: the text decoder then tells text from binary. */
export const FALLBACK_EXTRACTOR: Extractor = textExtractor;

/** The extractor of a format. */
export function extractorFor(format: SourceFormat): Extractor {
  const extractor = EXTRACTORS.find((e) => e.format === format);
  if (!extractor) throw new Error(`no extractor is registered for ${format}`);
  return extractor;
}

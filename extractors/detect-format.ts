import { EtlError } from '../schemas/index.js';
import type { SourceFormat } from '../schemas/index.js';
import { EXTRACTORS, FALLBACK_EXTRACTOR, extractorFor } from './registry.js';

/** How much of a document detection looks at: enough for CSV to show its shape. */
export const HEAD_BYTES = 65536;

/**
 * The format the bytes are, from their content: the registered extractor most confident about
 * them (`%PDF-`, a ZIP or OLE2 container, comma-separated text …), or the fallback, text.
 */
export function sniffFormat(bytes: Uint8Array): SourceFormat {
  const head = bytes.subarray(0, HEAD_BYTES);
  let best = FALLBACK_EXTRACTOR;
  let confidence = 0;
  for (const extractor of EXTRACTORS) {
    const c = extractor.detect(head);
    if (c > confidence) [best, confidence] = [extractor, c];
  }
  return best.format;
}

/** The format a file name declares, or null for an unknown extension. */
export function declaredFormat(path: string): SourceFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return (ext && EXTRACTORS.find((e) => e.extensions.includes(ext))?.format) || null;
}

/**
 * Content wins over names, but a contradiction is an error naming both, unless forced. Textual
 * formats do not contradict one another: a name saying CSV makes CSV of what is only plain text,
 * and content that is CSV stays CSV whatever the name.
 */
export function resolveFormat(
  bytes: Uint8Array,
  source: string,
  declared: SourceFormat | null,
  forced?: SourceFormat,
): SourceFormat {
  if (forced) return forced;
  const sniffed = sniffFormat(bytes);
  if (!declared || declared === sniffed) return sniffed;
  if (!extractorFor(declared).textual || !extractorFor(sniffed).textual) {
    const message = `declared ${declared} but the content is ${sniffed} (use --format to force)`;
    throw new EtlError('format_mismatch', message, { stage: 'extract', source });
  }
  return sniffed === FALLBACK_EXTRACTOR.format ? declared : sniffed;
}

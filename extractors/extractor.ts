import type { ExtractedDocument } from '../schemas/index.js';
import type { SourceFormat } from '../schemas/index.js';

/** What the caller knows about a document before reading it (registry entry or CLI flags). */
export interface SourceRef {
  readonly document_id: string;
  readonly publisher: string | null;
  readonly title?: string | undefined;
  readonly report_year?: number | undefined;
  readonly published_on?: string | null | undefined;
  readonly source_path: string;
  readonly source_sha256: string;
}

/**
 * One input format: how to recognise it and how to read it into the common line model. A new
 * format is a module defining one of these and a line in `registry.ts`.
 *
 * @example
 * export const pdfExtractor: Extractor = {
 *   format: 'pdf', extensions: ['pdf'], textual: false,
 *   detect: (head) => (latin1(head, 1024).includes('%PDF-') ? 1 : 0),
 *   extract: async (bytes, ref, version) => (await import('./pdf-reader.js')).readPdf(bytes, ref, version),
 * };
 */
export interface Extractor {
  readonly format: SourceFormat;
  /** File name extensions (lower case, no dot) that declare this format. */
  readonly extensions: readonly string[];
  /**
   * Content that is decoded text (text, CSV). Textual formats never contradict one another: a
   * `.csv` whose content is plain text is read as CSV, a `.txt` whose content is CSV as CSV.
   */
  readonly textual: boolean;
  /**
   * Confidence (0..1) that a document starting with `head` (its first `HEAD_BYTES`) is in this
   * format, from content only: the name's word is `extensions`', so the two can contradict.
   * Must be cheap and load nothing heavy: it runs for every format on every document.
   */
  detect(head: Uint8Array): number;
  /** Bytes → extracted artifact. A heavy reader (pdf.js, exceljs) is imported here, on first use. */
  extract(bytes: Uint8Array, ref: SourceRef, pipeline_version: string): Promise<ExtractedDocument>;
}

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import type { ExtractedDocument } from '../schemas/index.js';
import { EtlError } from '../schemas/index.js';
import { layoutLines, type PageItems, type TextItem } from './pdf-layout.js';
import { ruleSegments } from './pdf-rules.js';
import { buildExtracted } from './build-extracted.js';
import type { SourceRef } from './extractor.js';

const require = createRequire(import.meta.url);
/**
 * pdf.js in Node has no default CMap or standard-font location, and a CID font whose CMap cannot
 * be loaded loses its text without an error: point both at the copies pdfjs-dist ships.
 */
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
export const PDF_RESOURCES = {
  cMapUrl: `${join(PDFJS_DIR, 'cmaps')}/`,
  cMapPacked: true,
  standardFontDataUrl: `${join(PDFJS_DIR, 'standard_fonts')}/`,
} as const;

/** Pages larger than this are not a report summary; refuse them before reading their text. */
const MAX_PAGES = 2000;

function pdfError(e: unknown, source: string): EtlError {
  const name = (e as Error)?.name ?? '';
  const message = String((e as Error)?.message ?? e);
  if (name === 'PasswordException' || /password/i.test(message)) {
    return new EtlError('encrypted_input', 'PDF is encrypted (password protected)', {
      stage: 'extract',
      source,
      cause: e,
    });
  }
  return new EtlError('unreadable_input', `not a readable PDF: ${message.split('\n')[0]}`, {
    stage: 'extract',
    source,
    cause: e,
  });
}

/**
 * Positioned text and ruling lines of every page. pdf-parse v2 opens and checks the document (encryption,
 * damage, page count); its text output has no positions, so the items come from the pdf.js
 * document it loaded, with CMaps and standard fonts from pdfjs-dist.
 */
export async function readPdfItems(bytes: Uint8Array, source: string): Promise<PageItems[]> {
  const parser = new PDFParse({
    data: new Uint8Array(bytes),
    ...PDF_RESOURCES,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const info = await parser.getInfo();
    if (info.total > MAX_PAGES)
      throw new EtlError('unreadable_input', `PDF has ${info.total} pages (limit ${MAX_PAGES})`, {
        stage: 'extract',
        source,
      });
    // getInfo has loaded the pdf.js document; reuse it for the text items.
    const doc = await (
      parser as unknown as { load(): Promise<import('pdfjs-dist/types/src/display/api.js').PDFDocumentProxy> }
    ).load();
    const pages: PageItems[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str) continue;
        const [a, b, , , x, y] = it.transform as number[];
        items.push({ str: it.str, x: x!, y: y!, width: it.width, size: Math.hypot(a!, b!) || it.height || 1 });
      }
      // the page's drawing operators: its ruling lines draw the cells of ruled tables
      const rules = ruleSegments(await page.getOperatorList());
      pages.push({ page: n, items, rules });
      page.cleanup();
    }
    return pages;
  } catch (e) {
    throw e instanceof EtlError ? e : pdfError(e, source);
  } finally {
    await parser.destroy().catch(() => {});
  }
}

/** PDF → extracted artifact: lines rebuilt from text positions, then classified like text. */
export async function readPdf(bytes: Uint8Array, ref: SourceRef, pipeline_version: string): Promise<ExtractedDocument> {
  const pages = await readPdfItems(bytes, ref.source_path);
  const lines = layoutLines(pages);
  if (!lines.some((l) => l.text.trim())) {
    throw new EtlError(
      'unreadable_input',
      'PDF has no extractable text (scanned images, or fonts without a Unicode map)',
      { stage: 'extract', source: ref.source_path },
    );
  }
  return buildExtracted(ref, lines, { format: 'pdf', encoding: 'pdf', pipeline_version });
}

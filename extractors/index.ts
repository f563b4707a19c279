/**
 * The public face of extractors/: bytes → `ExtractedDocument`, for every registered format.
 * Nothing here loads pdf.js or exceljs: the PDF and XLSX readers load on their first document.
 */
export type { Extractor, SourceRef } from './extractor.js';
export { EXTRACTORS, FALLBACK_EXTRACTOR, extractorFor } from './registry.js';
export { HEAD_BYTES, declaredFormat, resolveFormat, sniffFormat } from './detect-format.js';
export { buildExtracted, groupTables, type PageLine } from './build-extracted.js';
export { extractText, textExtractor } from './text.js';
export { extractCsv, looksLikeCsv, csvExtractor } from './csv.js';
export { extractPdf, pdfExtractor } from './pdf.js';
export { extractXlsx, guardZip, xlsxExtractor } from './xlsx.js';
export { extractHwpx, hwpxExtractor } from './hwpx.js';
export { extractHwp, hwpExtractor } from './hwp.js';
export type { ZipLimits } from './zip-guard.js';
export { decodeText, splitLines, MAX_LINE_CHARS } from './decode.js';
export { classifyLines } from './classify-lines.js';
export * from './line-patterns.js';
export { layoutLines, type PageItems, type TextItem } from './pdf-layout.js';

export { extractText, buildExtracted, groupTables, type SourceRef, type PageLine } from './text.js';
export { decodeText, splitLines, MAX_LINE_CHARS } from './decode.js';
export { classifyLines } from './classify-lines.js';
export * from './line-patterns.js';
export { extractPdf, readPdfItems, PDF_RESOURCES } from './pdf.js';
export { layoutLines, type PageItems, type TextItem } from './pdf-layout.js';
export { extractXlsx, readXlsxLines } from './xlsx.js';
export { guardZip, XLSX_LIMITS, type ZipLimits } from './zip-guard.js';
export { extractCsv, looksLikeCsv } from './csv.js';

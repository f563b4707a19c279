export { extractText, buildExtracted, groupTables, type SourceRef, type PageLine } from './text.js';
export { decodeText, splitLines, MAX_LINE_CHARS } from './decode.js';
export { classifyLines } from './classify-lines.js';
export * from './line-patterns.js';

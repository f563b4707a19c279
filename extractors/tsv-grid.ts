import Papa from 'papaparse';

/**
 * Splits tab-separated lines into cells with papaparse. Quotes are not special (a cell may begin
 * with `"`), so fastMode; ragged rows stay ragged and every cell stays verbatim.
 */
export function splitTsvRows(lines: readonly string[]): string[][] {
  const result = Papa.parse<string[]>(lines.join('\n'), {
    delimiter: '\t',
    newline: '\n',
    fastMode: true,
    quoteChar: '\u0000',
    skipEmptyLines: false,
  });
  return result.data;
}

/**
 * The Korean language of reports, each rule defined once: number grammar, unit spellings,
 * total labels, years and dates, regions. Transforms and the warehouse import it from here only.
 */
export { parseCell, readAmount, outOfRangeAt, type Quantity, type CellValue } from './korean-number.js';
export { fullYear, YEAR_MARK, yearOf } from './years.js';
export { tokenizeNumbers, type NumberToken } from './number-tokens.js';
export { isPeriodLabel, resolveDate } from './dates.js';
export { UNITS, lookupUnit } from './units.js';
export { unitColumns } from './unit-columns.js';
export {
  REGIONS,
  REGION_ALIASES,
  readRegion,
  regionConflicts,
  resolveRegion,
  resolveRegionPath,
  sidoOfRegion,
} from './regions.js';
export { normalizeLabel, isTotalLabel, isSubtotalLabel, isCumulativeLabel, endsWithTotalWord } from './labels.js';
export { isQualifierWord } from './qualifiers.js';
export { memoize } from './memo.js';

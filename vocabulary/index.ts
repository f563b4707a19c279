/**
 * The Korean language of reports, each rule defined once: number grammar, unit spellings,
 * total labels, years and dates, regions. Transforms and the warehouse import it from here only.
 */
export { parseCell, readAmount, outOfRangeAt, MAX_AMOUNT, type Quantity, type CellValue } from './korean-number.js';
export { fullYear, writtenYear, yearOf, TWO_DIGIT_YEAR_AHEAD } from './years.js';
export { tokenizeNumbers, type NumberToken, type TokenClass, type DateParts, type DatePoint } from './number-tokens.js';
export { isPeriodLabel, resolveDate } from './dates.js';
export { UNITS, NO_UNIT, lookupUnit, type UnitDef } from './units.js';
export { unitColumns } from './unit-columns.js';
export {
  REGIONS, REGION_ALIASES, readRegion, regionConflicts, resolveRegion, resolveRegionPath, sidoOfRegion,
} from './regions.js';
export type { RegionDef } from './region-data.js';
export { normalizeLabel, isTotalLabel, isSubtotalLabel, isCumulativeLabel, endsWithTotalWord } from './labels.js';
export { qualifierAround, isQualifierWord } from './qualifiers.js';

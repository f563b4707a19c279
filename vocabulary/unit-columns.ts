import type { Fact } from '../schemas/index.js';
import { NO_UNIT, lookupUnit } from './units.js';

/** Unit columns of a fact from its unit spelling: `unit`, `base_unit`, `value_base`. */
export function unitColumns(
  value: number | null,
  unit_raw: string | null,
): Pick<Fact, 'unit_raw' | 'unit' | 'base_unit' | 'value_base'> {
  const def = unit_raw ? lookupUnit(unit_raw) : undefined;
  const { unit, base_unit, multiplier } = def ?? NO_UNIT;
  return {
    unit_raw: def ? unit_raw : null,
    unit,
    base_unit,
    value_base: value === null ? null : Number((value * multiplier).toPrecision(15)),
  };
}

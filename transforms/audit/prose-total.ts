import type { Fact, QualityCheck } from '../../schemas/index.js';
import { decimals, round12 } from './audit-helpers.js';

/** A prose total and the parts named beside it (on its line or in the bullets under it). */
export interface ProseTotalParts {
  readonly total: Fact;
  readonly parts: readonly Fact[];
}

/** Half a unit of a printed number's last digit in base units; counts printed whole are exact. */
const slackBase = (f: Fact): number => {
  const d = decimals(f.raw_text);
  if (d === 0 && f.base_unit === 'count') return 0;
  return 0.5 * 10 ** -d * (f.value ? Math.abs(f.value_base! / f.value) : 1);
};

/**
 * `482억원 달성(우선구매 370억원, 수의계약 112억원)`: a prose total against the sum of its parts, added in base
 * units (억원 and 백만원 parts add up) and shown in the total's unit, within the rounding of the printed digits.
 */
export function auditProseTotals(totals: readonly ProseTotalParts[]): QualityCheck[] {
  return totals.flatMap(({ total, parts }) => {
    if (total.value === null || total.value_base === null || parts.some((p) => p.value_base === null)) return [];
    const toUnit = total.value ? total.value / total.value_base : 1;
    const expectedBase = parts.reduce((s, p) => s + p.value_base!, 0);
    const expected = round12(expectedBase * toUnit);
    const tol = [total, ...parts].reduce((s, f) => s + slackBase(f), 0) * toUnit;
    const diff = round12(total.value - expected);
    const passed = Math.abs(diff) <= tol + 1e-9;
    const label = `${total.subject ?? ''} ${total.raw_text}`.trim();
    const listed = parts.map((p) => p.raw_text).join(' + ');
    return [
      {
        check_id: `prose:prose_total:${total.fact_id}`,
        table_id: null,
        kind: 'prose_total',
        label,
        expected,
        actual: total.value,
        passed,
        message: `line ${total.line_no}: ${total.raw_text} vs ${listed} = ${expected}${passed ? '' : ` — off by ${diff}`}`,
      } satisfies QualityCheck,
    ];
  });
}

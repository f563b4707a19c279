import type { Fact, QualityCheck } from '../../schemas/index.js';
import { groupBy } from './audit-helpers.js';
import { auditMagnitudes } from './magnitude.js';
import { auditProseTotals } from './prose-total.js';
import { auditRowIdentities } from './row-identity.js';
import { auditShares } from './share-of-count.js';

/**
 * The checks that read a fact's measure kind, so they run on the final facts: shares against their counts,
 * identities inside rows and implausible magnitudes per table, and prose totals against the parts named
 * beside them (`totals`: fact ids as the prose reader found them).
 */
export function auditFacts(
  facts: readonly Fact[],
  totals: ReadonlyArray<{ fact_id: string; part_ids: readonly string[] }>,
): QualityCheck[] {
  const checks: QualityCheck[] = [];
  const tables = groupBy(
    facts.filter((f) => f.table_id !== null),
    (f) => f.table_id!,
  );
  for (const [table_id, found] of tables) {
    checks.push(...auditShares(table_id, found), ...auditRowIdentities(table_id, found));
    checks.push(...auditMagnitudes(table_id, found));
  }
  const byId = new Map(facts.map((f) => [f.fact_id, f]));
  const prose = totals.flatMap(({ fact_id, part_ids }) => {
    const total = byId.get(fact_id);
    const parts = part_ids.map((id) => byId.get(id));
    return total && parts.every((p) => p !== undefined) ? [{ total, parts: parts as Fact[] }] : [];
  });
  return [...checks, ...auditProseTotals(prose)];
}

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TABLES, WAREHOUSE_TABLES, type ColumnType } from '../../schemas/index.js';
import { dimensionRows, documentRows } from '../../warehouse/index.js';
import { report2020 } from '../helpers.js';

/** The SQL types a zod field of each kind may be stored in. */
const STORES: Record<string, readonly ColumnType[]> = {
  string: ['VARCHAR', 'DATE', 'TIMESTAMP', 'TIMESTAMPTZ'],
  enum: ['VARCHAR'],
  literal: ['VARCHAR'],
  number: ['INTEGER', 'BIGINT', 'DOUBLE'],
  boolean: ['BOOLEAN'],
  array: ['VARCHAR[]'],
};

/** The zod kind under nullable/optional wrappers. */
function kindOf(schema: z.ZodType): string {
  let s = schema;
  while (s instanceof z.ZodNullable || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s.def.type;
}

describe('one declaration per warehouse table', () => {
  it.each(TABLES.map((t) => [t.name, t] as const))(
    '%s: every row field has a column and every column a field, of a fitting type',
    (_name, t) => {
      const fields = Object.keys(t.row.shape);
      expect(t.columns.map((c) => c.name).sort()).toEqual([...fields].sort());
      for (const c of t.columns) {
        expect(STORES[kindOf(t.row.shape[c.name] as z.ZodType)], `${t.name}.${c.name}`).toContain(c.type);
        expect(c.en, `${t.name}.${c.name} in English`).toMatch(/[a-z]{2}/i);
        expect(c.ko, `${t.name}.${c.name} in Korean`).toMatch(/[가-힣]/);
      }
    },
  );

  it('stores Korean and English in each comment', () => {
    const facts = WAREHOUSE_TABLES.facts;
    expect(facts.comment).toBe(
      '보고서의 모든 수치(표 칸과 본문), 단위 정규화 | Every number of the report, from table cells and prose, unit-normalized',
    );
    for (const t of TABLES) expect(t.ko, t.name).toMatch(/[가-힣]/);
  });

  it('per-document tables carry the document id and year, and the contract tables are all declared', () => {
    for (const t of TABLES.filter((x) => x.perDocument))
      expect(Object.keys(t.row.shape)).toEqual(expect.arrayContaining(['document_id', 'report_year']));
    expect(Object.keys(WAREHOUSE_TABLES)).toEqual(
      expect.arrayContaining([
        'documents',
        'source_lines',
        'sections',
        'report_tables',
        'table_cells',
        'facts',
        'units',
        'regions',
        'region_aliases',
        'region_members',
        'date_mentions',
        'quality_checks',
        'pipeline_runs',
      ]),
    );
  });

  it('the rows the loader appends for the bundled report and the dimensions are exactly the declared rows', () => {
    const all = { ...documentRows(report2020(), '2026-01-01T00:00:00Z', 'a'.repeat(64)), ...dimensionRows() };
    expect(Object.keys(all).sort()).toEqual(
      TABLES.filter((t) => t.name !== 'pipeline_runs')
        .map((t) => t.name)
        .sort(),
    );
    for (const [name, { rows, constants }] of Object.entries(all)) {
      const strict = WAREHOUSE_TABLES[name as keyof typeof WAREHOUSE_TABLES].row.strict();
      expect(rows.length, name).toBeGreaterThan(0);
      // Extra keys that are not columns (a region's aliases, say) would be silently lost: only declared ones may remain.
      for (const row of rows) {
        const result = strict.safeParse({ ...pick(row, Object.keys(strict.shape)), ...constants });
        expect(result.error?.issues ?? [], `${name}: ${JSON.stringify(row).slice(0, 200)}`).toEqual([]);
      }
    }
  });
});

const pick = (row: object, keys: readonly string[]) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => keys.includes(k)));

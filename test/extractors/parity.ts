import type { Fact, NormalizedDocument } from '../../schemas/normalized.js';

/** What a table fact says, independent of line numbers and raw spelling (`1,915,515` or `1915515`). */
const says = (doc: NormalizedDocument) => {
  const titles = new Map(doc.tables.map((t) => [t.table_id, t.title]));
  return (f: Fact) =>
    [
      titles.get(f.table_id!),
      f.row_labels.join('/'),
      f.col_labels.join('/'),
      f.value,
      f.unit_raw,
      f.value_base,
      f.period_year,
      f.region_code,
      f.is_total,
      f.qualifier,
    ].join(' | ');
};
export const tableFacts = (doc: NormalizedDocument): string[] =>
  doc.facts.filter((f) => f.origin === 'table').map(says(doc));

/** The outline: level, label and title of every section. */
export const outline = (doc: NormalizedDocument): string[] =>
  doc.sections.map((s) => `${s.level} ${s.label} ${s.title}`);

/** Every table's title, unit note and shape. */
export const tableShapes = (doc: NormalizedDocument): string[] =>
  doc.tables.map((t) => `${t.title} | ${t.unit_note} | ${t.header_row_count} | ${t.row_count}`);

/** Facts one side has and the other lacks, for a readable failure. */
export function difference(
  expected: readonly string[],
  actual: readonly string[],
): { missing: string[]; unexpected: string[] } {
  const a = new Set(actual);
  const e = new Set(expected);
  return { missing: expected.filter((x) => !a.has(x)), unexpected: actual.filter((x) => !e.has(x)) };
}

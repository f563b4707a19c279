import type { NormalizedDocument } from '../schemas/normalized.js';
import { REGIONS, REGION_ALIASES } from '../transforms/regions.js';
import { UNITS } from '../transforms/unit-vocabulary.js';
import type { Row } from './append-rows.js';

/** Rows of every per-document table for one normalized document. */
export function documentRows(doc: NormalizedDocument, loaded_at: string): Record<string, Row[]> {
  const d = doc.document;
  const base = { document_id: d.document_id, report_year: d.report_year };
  const each = <T extends object>(xs: readonly T[]) => xs.map((x) => ({ ...base, ...x }));
  return {
    documents: [{ ...d, pipeline_version: doc.pipeline_version, loaded_at }],
    source_lines: each(doc.lines),
    sections: each(doc.sections),
    report_tables: each(doc.tables),
    table_cells: each(doc.cells),
    facts: each(doc.facts),
    date_mentions: each(doc.date_mentions),
    quality_checks: each(doc.quality_checks),
    issues: each(doc.issues),
  };
}

/** Rows of the dimension tables (units, regions and their names, aliases and members). */
export function dimensionRows(): Record<string, Row[]> {
  return {
    units: [...UNITS.values()].map((u) => ({ ...u })),
    regions: REGIONS.map((r) => ({ ...r })),
    region_names: REGIONS.flatMap((r) => (r.former_names ?? []).map((f) => ({ region_code: r.region_code, ...f }))),
    region_aliases: [...REGION_ALIASES].map(([alias, region_code]) => ({ alias, region_code })),
    region_members: REGIONS.flatMap((r) => r.members.map((m) => ({ region_code: r.region_code, member_iso_3166_2: m }))),
  };
}

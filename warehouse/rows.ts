import type { NormalizedDocument } from '../schemas/normalized.js';
import { REGIONS, REGION_ALIASES } from '../transforms/regions.js';
import { UNITS } from '../transforms/unit-vocabulary.js';
import type { Row } from './append-rows.js';

export interface TableRows {
  readonly rows: readonly Row[];
  /** Values every row shares (the document's id and year). */
  readonly constants: Row;
}

/** Rows of every per-document table for one normalized document. */
export function documentRows(doc: NormalizedDocument, loaded_at: string, artifact_sha256: string | null = null): Record<string, TableRows> {
  const d = doc.document;
  const constants = { document_id: d.document_id, report_year: d.report_year };
  const of = (rows: readonly object[]): TableRows => ({ rows: rows as Row[], constants });
  return {
    documents: of([{ ...d, pipeline_version: doc.pipeline_version, loaded_at, artifact_sha256 }]),
    source_lines: of(doc.lines),
    sections: of(doc.sections),
    report_tables: of(doc.tables),
    table_cells: of(doc.cells),
    facts: of(doc.facts),
    date_mentions: of(doc.date_mentions),
    quality_checks: of(doc.quality_checks),
    issues: of(doc.issues),
  };
}

/** Rows of the dimension tables (units, regions and their names, aliases and members). */
export function dimensionRows(): Record<string, TableRows> {
  const of = (rows: readonly object[]): TableRows => ({ rows: rows as Row[], constants: {} });
  return {
    units: of([...UNITS.values()]),
    regions: of(REGIONS),
    region_names: of(REGIONS.flatMap((r) => (r.former_names ?? []).map((f) => ({ region_code: r.region_code, ...f })))),
    region_aliases: of([...REGION_ALIASES].map(([alias, region_code]) => ({ alias, region_code }))),
    region_members: of(REGIONS.flatMap((r) => r.members.map((m) => ({ region_code: r.region_code, member_iso_3166_2: m })))),
  };
}

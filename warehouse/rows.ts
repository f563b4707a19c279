import type { NormalizedDocument } from '../schemas/index.js';
import { REGIONS, REGION_ALIASES, UNITS } from '../vocabulary/index.js';
import type { WarehouseRow, WarehouseTableName } from '../schemas/index.js';

/** Rows of one table, without the columns every row shares. */
export interface TableRows<T extends WarehouseTableName = WarehouseTableName> {
  readonly rows: readonly Partial<WarehouseRow<T>>[];
  /** Values every row shares (the document's id and year). */
  readonly constants: Partial<WarehouseRow<T>>;
}

type RowsOf<T extends WarehouseTableName> = { [K in T]: TableRows<K> };
type PerDocumentTable =
  | 'documents'
  | 'source_lines'
  | 'sections'
  | 'report_tables'
  | 'table_cells'
  | 'facts'
  | 'date_mentions'
  | 'quality_checks'
  | 'issues'
  | 'document_metrics';
type DimensionTable = 'units' | 'regions' | 'region_names' | 'region_aliases' | 'region_members';

/** Where each per-document table's rows are in a normalized document (the `documents` row aside). */
export const DOCUMENT_TABLE_KEYS = {
  source_lines: 'lines',
  sections: 'sections',
  report_tables: 'tables',
  table_cells: 'cells',
  facts: 'facts',
  date_mentions: 'date_mentions',
  quality_checks: 'quality_checks',
  issues: 'issues',
  document_metrics: 'metrics',
} as const satisfies Record<Exclude<PerDocumentTable, 'documents'>, keyof NormalizedDocument>;

/** Rows of every per-document table for one normalized document. */
export function documentRows(
  doc: NormalizedDocument,
  loaded_at: string,
  artifact_sha256: string | null = null,
): RowsOf<PerDocumentTable> {
  const d = doc.document;
  const constants = { document_id: d.document_id, report_year: d.report_year };
  return {
    documents: { rows: [{ ...d, pipeline_version: doc.pipeline_version, loaded_at, artifact_sha256 }], constants },
    ...(Object.fromEntries(
      Object.entries(DOCUMENT_TABLE_KEYS).map(([table, key]) => [table, { rows: doc[key], constants }]),
    ) as unknown as RowsOf<Exclude<PerDocumentTable, 'documents'>>),
  };
}

/** Rows of the dimension tables (units, regions and their names, aliases and members). */
export function dimensionRows(): RowsOf<DimensionTable> {
  const constants = {};
  return {
    units: { rows: [...UNITS.values()], constants },
    regions: { rows: REGIONS, constants },
    region_names: {
      rows: REGIONS.flatMap((r) => (r.former_names ?? []).map((f) => ({ region_code: r.region_code, ...f }))),
      constants,
    },
    region_aliases: { rows: [...REGION_ALIASES].map(([alias, region_code]) => ({ alias, region_code })), constants },
    region_members: {
      rows: REGIONS.flatMap((r) => r.members.map((m) => ({ region_code: r.region_code, member_iso_3166_2: m }))),
      constants,
    },
  };
}

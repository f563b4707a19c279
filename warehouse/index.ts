export { openReadOnly, openWarehouse, type Warehouse } from './connect.js';
export { readOnlyQuery } from './read-only-query.js';
export { ensureSchema, startSchema } from './ddl.js';
export { loadDocument, loadedSources, recordRuns } from './load.js';
export { EXPORT_MANIFEST, exportParquet, exportedFingerprint, warehouseFingerprint } from './export-parquet.js';
export { DOCUMENT_TABLE_KEYS, documentRows, dimensionRows } from './rows.js';
export {
  query,
  qualityFindings,
  loadedDocuments,
  traceFact,
  loadedArtifacts,
  documentCounts,
  type Rows,
} from './queries.js';
export {
  searchOf,
  searchMetrics,
  searchFacts,
  metricById,
  metricSeries,
  documentList,
  metricsOnlyIn,
  restatedValues,
  relations,
  relationColumns,
  neighbourCells,
} from './analyst-queries.js';
export * as reportQueries from './report-queries.js';

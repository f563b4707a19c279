export { openWarehouse, type Warehouse } from './connect.js';
export { ensureSchema, VIEWS } from './ddl.js';
export { loadDocument, loadDimensions, recordRuns } from './load.js';
export { exportParquet } from './export-parquet.js';
export { documentRows, dimensionRows } from './rows.js';
export { query, qualityFindings, loadedDocuments, traceFact, isLoadedFrom, documentCounts, type Rows, type DocumentCounts } from './queries.js';

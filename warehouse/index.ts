export { openWarehouse, type Warehouse } from './connect.js';
export { ensureSchema, VIEWS } from './ddl.js';
export { loadDocument, loadDimensions, recordRuns } from './load.js';
export { exportParquet } from './export-parquet.js';
export { TABLES, tableSpec, type TableSpec, type ColumnSpec } from './table-specs.js';
export { documentRows, dimensionRows } from './rows.js';

export * from './source.js';
export * from './extracted.js';
export * from './normalized.js';
export * from './etl-error.js';
export * from './table-declaration.js';
export * from './warehouse-tables.js';
export * from './metric-catalog.js';

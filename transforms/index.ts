/** The transform stage's public face: `normalize`, and the table and audit steps tests call alone. */
export { normalize } from './normalize.js';
export { modelTable, columnPaths } from './tables/table-structure.js';
export { auditFormulas, auditTable } from './audit/quality.js';

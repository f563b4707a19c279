export { normalize } from './normalize.js';
export { modelTable, columnPaths } from './table-structure.js';
export { buildOutline } from './outline.js';
export { auditFormulas, auditTable } from './quality.js';

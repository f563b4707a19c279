export * from './source.js';
export * from './extracted.js';
export * from './normalized.js';
export * from './etl-error.js';

import { build } from 'rolldown';

/**
 * `npm run build`'s second step: the CLI and its worker as two bundles of the compiled modules
 * (dist/ from tsc) in dist/bin/, with zod and DuckDB's JavaScript API inside. Node 20 loads ES
 * modules file by file and parses every CommonJS file an ES module imports for its export names:
 * the ~200 files of this project and zod, and the ~60 of @duckdb/node-api, cost a run ~0.2 s
 * before any work (the worker pays for its own share). Other packages stay external (DuckDB's
 * native binding, and readers loaded only for their formats).
 */
await build({
  input: { 'kbiz-etl': 'dist/pipeline/cli.js', 'stage-worker': 'dist/pipeline/stage-worker.js' },
  platform: 'node',
  external: (id) =>
    !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^(zod|@duckdb\/node-api)(\/|$)/.test(id),
  output: { dir: 'dist/bin', format: 'esm', chunkFileNames: '[name]-[hash].js', cleanDir: true },
});

import { defineConfig } from 'rolldown';

/**
 * The CLI and its worker as two bundles of the compiled modules (dist/ from tsc), with zod inside:
 * Node 20 loads ESM file by file, and the ~200 files of this project and zod cost a run ~0.1 s
 * before any work, in the main thread and again in every worker. Other packages stay external
 * (DuckDB's native binding, and readers loaded only for their formats).
 */
export default defineConfig({
  input: { 'kbiz-etl': 'dist/pipeline/cli.js', 'stage-worker': 'dist/pipeline/stage-worker.js' },
  platform: 'node',
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^zod(\/|$)/.test(id),
  output: { dir: 'dist/bin', format: 'esm', chunkFileNames: '[name]-[hash].js' },
});

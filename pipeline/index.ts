/** The pipeline as a library: run it, or call the CLI, from another program. */
export { runPipeline, type RunOptions, type RunSummary } from './runner.js';
export { cli, HELP } from './cli.js';
export { STAGES, type Stage } from './stages.js';
export { loadRegistry, sha256 } from './registry.js';
export { PIPELINE_VERSION } from './version.js';

export { runPipeline, type RunOptions, type RunSummary } from './runner.js';
export { cli, HELP } from './cli.js';
export { extractStage, transformStage, STAGES, type Stage } from './stages.js';
export { loadRegistry, readRegistered, sha256, projectRoot } from './registry.js';
export { readArtifactWithHash, writeArtifact, artifactPath } from './artifacts.js';
export { PIPELINE_VERSION } from './version.js';
export { formatCsv, formatTable } from './format-rows.js';

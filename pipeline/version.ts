/** Stamped on every artifact and warehouse row: a change here invalidates cached artifacts. Kept equal to package.json's version (tested). */
export const PIPELINE_VERSION = '0.3.0';

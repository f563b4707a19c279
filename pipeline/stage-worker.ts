import { parentPort } from 'node:worker_threads';
import type { JobSpec } from './document-jobs.js';
import { prepareDocument, type StageContext } from './prepare-document.js';

/** Worker thread: extract and transform documents sent by the pool, one message each. */
parentPort?.on('message', async (msg: { id: number; job: JobSpec; ctx: StageContext }) => {
  parentPort!.postMessage({ id: msg.id, result: await prepareDocument(msg.job, msg.ctx) });
});

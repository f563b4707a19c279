import { parentPort } from 'node:worker_threads';
import type { JobSpec } from './document-jobs.js';
import { inRange, prepareDocument, type PreparedDocument, type StageContext } from './prepare-document.js';
import type { WorkerMessage } from './worker-pool.js';

/** Extract and transform as separate steps, so that each one's records can be posted as it ends. */
const steps = (ctx: StageContext): StageContext[] =>
  ctx.from === 'extract' && inRange('transform', ctx.from, ctx.to)
    ? [
        { ...ctx, to: 'extract' },
        { ...ctx, from: 'transform' },
      ]
    : [ctx];

/** The steps' results as one: transform's document, every record, changed if either step wrote. */
const merged = (parts: readonly PreparedDocument[]): PreparedDocument => ({
  ...parts.at(-1)!,
  changed: parts.some((p) => p.changed),
  records: parts.flatMap((p) => p.records),
  input_bytes: parts.reduce((n, p) => n + p.input_bytes, 0),
});

/**
 * Worker thread: extract and transform documents sent by the pool, one at a time. Each stage's
 * records go to the pool as soon as it ends: if this thread dies (out of memory, say), the pool
 * knows which stage it was in and keeps what had finished.
 */
parentPort?.on('message', async (msg: { job: JobSpec; ctx: StageContext }) => {
  const parts: PreparedDocument[] = [];
  for (const ctx of steps(msg.ctx)) {
    const part = await prepareDocument(msg.job, ctx);
    parts.push(part);
    if (!part.ok) break;
    parentPort!.postMessage({ type: 'stage', records: part.records } satisfies WorkerMessage);
  }
  parentPort!.postMessage({ type: 'done', result: merged(parts) } satisfies WorkerMessage);
});

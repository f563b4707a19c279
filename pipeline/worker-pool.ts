import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JobSpec } from './document-jobs.js';
import { prepareDocument, type PreparedDocument, type StageContext } from './prepare-document.js';

export interface Preparer {
  prepare(job: JobSpec, ctx: StageContext): Promise<PreparedDocument>;
  close(): Promise<void>;
}

/** In this thread: for one document, or where the compiled worker is not there (tests run the sources). */
export const inlinePreparer = (): Preparer => ({
  prepare: (job, ctx) => prepareDocument(job, ctx),
  close: async () => {},
});

/**
 * Extract and transform are CPU-bound JavaScript: to use more than one core they run on worker
 * threads. The pool hands each worker one document at a time.
 */
export function workerPreparer(size: number): Preparer {
  const script = fileURLToPath(new URL('./stage-worker.js', import.meta.url));
  if (size < 2 || !existsSync(script)) return inlinePreparer();
  const idle: Worker[] = [];
  const waiting: Array<(w: Worker) => void> = [];
  const all: Worker[] = [];
  let next = 0;
  const pending = new Map<number, { resolve: (r: PreparedDocument) => void; reject: (e: Error) => void; worker: Worker }>();
  const release = (w: Worker) => {
    const waiter = waiting.shift();
    if (waiter) waiter(w);
    else idle.push(w);
  };
  for (let i = 0; i < size; i++) {
    // A bounded heap keeps a long back-fill's memory flat; one document needs a few tens of MB.
    const w = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: 192 } });
    w.on('message', (msg: { id: number; result: PreparedDocument }) => {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      release(w);
      p?.resolve(msg.result);
    });
    w.on('error', (e) => {
      for (const [id, p] of pending) if (p.worker === w) { pending.delete(id); p.reject(e); }
    });
    all.push(w);
    idle.push(w);
  }
  const acquire = () => new Promise<Worker>((resolve) => {
    const w = idle.pop();
    if (w) resolve(w);
    else waiting.push(resolve);
  });
  return {
    async prepare(job, ctx) {
      const w = await acquire();
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: w });
        w.postMessage({ id, job, ctx });
      });
    },
    async close() {
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}

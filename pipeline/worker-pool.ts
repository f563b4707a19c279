import { existsSync, statSync } from 'node:fs';
import { availableParallelism, freemem, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JobSpec } from './document-jobs.js';
import { prepareDocument, type PreparedDocument, type StageContext } from './prepare-document.js';
import type { StageRecord } from './stage-timer.js';
import { STAGES, type Stage } from './stages.js';

export interface Preparer {
  prepare(job: JobSpec, ctx: StageContext): Promise<PreparedDocument>;
  close(): Promise<void>;
  /** Worker threads started so far, replacements included (0 inline). */
  workersStarted(): number;
}

/** In this thread: for one document, or where the compiled worker is not there (tests run the sources). */
export const inlinePreparer = (): Preparer => ({
  prepare: (job, ctx) => prepareDocument(job, ctx),
  close: async () => {},
  workersStarted: () => 0,
});

const MB = 2 ** 20;

/** Default of `--max-worker-mb`: a worker's heap unless its document is large; one report needs a few tens of MB. */
export const BASE_WORKER_MB = 192;

/**
 * Heap per MB of input. Measured on the bundled report repeated (extract + transform on a worker,
 * the least heap that passed): 0.05 MB of text → 16 MB, 0.5 MB → 64 MB, 1 MB → 80 MB, 4.9 MB → 352 MB,
 * about 70 MB per MB. 100 leaves the collector room: near the limit it thrashes (4.9 MB at 320 MB
 * ran 18 s before running out).
 */
const HEAP_PER_INPUT_MB = 100;

/**
 * The heap a document's worker gets: the base, or more for a large input (100 × its MB), never
 * above `maxMb` (`--max-worker-mb`) nor half the machine's memory.
 * @example workerHeapMb(5 * 2 ** 20, 1024) // 500: a 5 MB report
 */
export function workerHeapMb(inputBytes: number, maxMb: number): number {
  const wanted = Math.max(BASE_WORKER_MB, Math.ceil((HEAP_PER_INPUT_MB * inputBytes) / MB));
  return Math.max(1, Math.min(wanted, maxMb, Math.floor(totalmem() / MB / 2)));
}

/** Memory free for new workers (the container's limit where there is one). */
const availableMb = (): number =>
  (typeof process.availableMemory === 'function' ? process.availableMemory() : freemem()) / MB;

/**
 * How many documents to prepare at once: what was asked, but never more than the documents, the
 * cores (more threads only contend), or the workers that free memory holds at `maxMb` each (the
 * most one may take). Never fails: a request above this is lowered.
 */
export function poolSize(requested: number, documents: number, maxMb: number): number {
  return Math.max(1, Math.min(requested, documents, availableParallelism(), Math.floor(availableMb() / maxMb)));
}

/** The `--max-worker-mb` that should let this document through: what its size wants, and at least double. */
const suggestedMb = (inputBytes: number, heapMb: number): number =>
  Math.ceil(Math.max((HEAP_PER_INPUT_MB * inputBytes) / MB, 2 * heapMb) / 64) * 64;

/**
 * A document whose preparation could not finish (its worker died, or the pool failed to hand it
 * over): a failed result with a failed record for the stage it was in, so that it reaches the run
 * summary, the exit code and `pipeline_runs` like any other failure.
 */
export function failedPreparation(
  job: JobSpec,
  ctx: StageContext,
  message: string,
  done: readonly StageRecord[] = [],
  /** When the failed stage began. */
  started: { at: string; t0: number } = { at: new Date().toISOString(), t0: performance.now() },
): PreparedDocument {
  const last = done.at(-1);
  const stage: Stage = last ? (STAGES[STAGES.indexOf(last.stage) + 1] ?? last.stage) : ctx.from;
  const record: StageRecord = {
    stage,
    document_id: job.document_id,
    started_at: started.at,
    finished_at: new Date().toISOString(),
    status: 'failed',
    rows: 0,
    message,
    ms: performance.now() - started.t0,
  };
  const changed = done.some((r) => r.status === 'ok');
  return {
    document_id: job.document_id,
    source: job.source,
    ok: false,
    error: message,
    changed,
    records: [...done, record],
    input_bytes: 0,
    normalized: null,
  };
}

const inputBytes = (path: string): number => {
  try {
    return statSync(path).size;
  } catch {
    return 0; // the worker's read reports it
  }
};

/** What the worker posts: the records of each stage as it ends, then the document's result. */
export type WorkerMessage =
  | { readonly type: 'stage'; readonly records: StageRecord[] }
  | { readonly type: 'done'; readonly result: PreparedDocument };

interface Task {
  readonly job: JobSpec;
  readonly ctx: StageContext;
  readonly bytes: number;
  /** When the stage under way began: the task's start, then the end of each stage posted. */
  started: { at: string; t0: number };
  readonly records: StageRecord[];
  readonly resolve: (r: PreparedDocument) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly heapMb: number;
  task: Task | null;
  error: (Error & { code?: string }) | null;
}

/** Why a worker stopped, in one line that names the document and says what to do. */
function deathMessage(slot: Slot, task: Task, exitCode: number): string {
  const e = slot.error;
  const why =
    e?.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? `out of memory at ${slot.heapMb} MB: rerun with --max-worker-mb ${suggestedMb(task.bytes, slot.heapMb)}`
      : `worker died: ${e ? e.message : `exit code ${exitCode}`}`;
  return `${task.job.source}: ${why}`;
}

export interface PoolOptions {
  /** Workers at most (see `poolSize`). */
  readonly size: number;
  /** `--max-worker-mb`: the largest heap one worker may get. */
  readonly maxWorkerMb: number;
}

/**
 * Extract and transform are CPU-bound JavaScript: to use more than one core they run on worker
 * threads, started when a document needs one, each with a heap sized for its document
 * (`workerHeapMb`). A worker that dies (out of memory, a crash) fails only its document and is
 * replaced by a fresh one for the next.
 */
export function workerPreparer(opts: PoolOptions): Preparer {
  const script = fileURLToPath(new URL('./stage-worker.js', import.meta.url));
  if (opts.size < 2 || !existsSync(script)) return inlinePreparer();
  const slots = new Set<Slot>();
  const idle: Slot[] = [];
  const waiting: Array<() => void> = [];
  let free = opts.size;
  let started = 0;
  /** A token per worker: held from acquiring a worker until its document is settled. */
  const token = () =>
    new Promise<void>((resolve) => {
      if (free > 0) {
        free--;
        resolve();
      } else waiting.push(resolve);
    });
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  const settle = (slot: Slot, result: (t: Task) => PreparedDocument) => {
    const task = slot.task;
    if (!task) return;
    slot.task = null;
    release();
    task.resolve(result(task));
  };
  const spawn = (heapMb: number): Slot => {
    const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    const slot: Slot = { worker, heapMb, task: null, error: null };
    started++;
    slots.add(slot);
    slot.worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'stage' && slot.task) {
        slot.task.records.push(...msg.records);
        slot.task.started = { at: new Date().toISOString(), t0: performance.now() };
      } else if (msg.type === 'done') {
        idle.push(slot);
        settle(slot, () => msg.result);
      }
    });
    // 'error' comes first with the cause (ERR_WORKER_OUT_OF_MEMORY …), then 'exit'.
    slot.worker.on('error', (e) => {
      slot.error = e;
    });
    slot.worker.on('exit', (code) => {
      slots.delete(slot);
      if (idle.includes(slot)) idle.splice(idle.indexOf(slot), 1);
      settle(slot, (t) => failedPreparation(t.job, t.ctx, deathMessage(slot, t, code), t.records, t.started));
    });
    return slot;
  };
  const acquire = async (heapMb: number): Promise<Slot> => {
    await token();
    const i = idle.findIndex((s) => s.heapMb === heapMb);
    if (i >= 0) return idle.splice(i, 1)[0]!;
    // An idle worker of another heap size makes room: never more than `size` threads.
    const old = slots.size >= opts.size ? idle.shift() : undefined;
    if (old) {
      slots.delete(old);
      void old.worker.terminate();
    }
    return spawn(heapMb);
  };
  return {
    async prepare(job, ctx) {
      const bytes = inputBytes(job.source);
      const slot = await acquire(workerHeapMb(bytes, opts.maxWorkerMb));
      return new Promise((resolve) => {
        const started = { at: new Date().toISOString(), t0: performance.now() };
        slot.task = { job, ctx, bytes, started, records: [], resolve };
        slot.error = null;
        try {
          slot.worker.postMessage({ job, ctx });
        } catch (e) {
          idle.push(slot);
          const message = `${job.source}: ${(e as Error).message}`;
          settle(slot, (t) => failedPreparation(job, ctx, message, [], t.started));
        }
      });
    },
    async close() {
      await Promise.all([...slots].map((s) => s.worker.terminate()));
    },
    workersStarted: () => started,
  };
}

import type { Stage } from './stages.js';

/** One stage run of one document (or of the whole warehouse, for export): a `pipeline_runs` row. */
export interface StageRecord {
  readonly stage: Stage;
  /** Null for export, which covers the whole warehouse. */
  readonly document_id: string | null;
  readonly started_at: string;
  readonly finished_at: string;
  readonly status: 'ok' | 'skipped' | 'failed';
  readonly rows: number;
  readonly message: string | null;
  readonly ms: number;
}

/** What a stage's work reports: rows produced, or that its input was unchanged. */
export interface StageOutcome {
  readonly rows: number;
  readonly skipped?: boolean;
  /** A remark on a stage that ran (an artifact found corrupt and redone …), kept in `pipeline_runs.message`. */
  readonly message?: string | null;
}

/**
 * Runs one stage's work and hands its record to `record`, failed runs included; the error is
 * rethrown (as `wrap` makes it) for the caller to decide what a failure means.
 */
export async function timed(
  stage: Stage,
  document_id: string | null,
  now: () => Date,
  record: (r: StageRecord) => void,
  work: () => Promise<StageOutcome> | StageOutcome,
  wrap: (e: unknown) => Error = (e) => e as Error,
): Promise<void> {
  const t0 = performance.now();
  const started_at = now().toISOString();
  const done = (status: StageRecord['status'], rows: number, message: string | null) =>
    record({
      stage,
      document_id,
      started_at,
      finished_at: now().toISOString(),
      status,
      rows,
      message,
      ms: performance.now() - t0,
    });
  try {
    const r = await work();
    done(r.skipped ? 'skipped' : 'ok', r.rows, r.skipped ? 'unchanged' : (r.message ?? null));
  } catch (e) {
    const error = wrap(e);
    done('failed', 0, error.message);
    throw error;
  }
}

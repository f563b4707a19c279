import type { Stage } from './stages.js';

export interface RunRecord {
  readonly run_id: string;
  readonly stage: Stage;
  readonly document_id: string | null;
  readonly started_at: string;
  readonly finished_at: string;
  readonly status: 'ok' | 'skipped' | 'failed';
  readonly rows: number;
  readonly message: string | null;
}

/** Collects stage runs; the clock is passed in so that tests can fix it. */
export class RunLog {
  readonly records: RunRecord[] = [];
  constructor(readonly run_id: string, private readonly now: () => Date = () => new Date()) {}

  async time<T>(stage: Stage, document_id: string | null, work: () => Promise<{ value: T; rows: number; skipped?: boolean; message?: string }>): Promise<T> {
    const started = this.now().toISOString();
    try {
      const r = await work();
      this.records.push({ run_id: this.run_id, stage, document_id, started_at: started, finished_at: this.now().toISOString(), status: r.skipped ? 'skipped' : 'ok', rows: r.rows, message: r.message ?? null });
      return r.value;
    } catch (e) {
      this.records.push({ run_id: this.run_id, stage, document_id, started_at: started, finished_at: this.now().toISOString(), status: 'failed', rows: 0, message: (e as Error).message });
      throw e;
    }
  }
}

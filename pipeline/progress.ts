import { terminalText } from './format-rows.js';
import cliProgress from 'cli-progress';
import type { StageRecord } from './stage-timer.js';

export type RunEvent =
  | { readonly type: 'start'; readonly documents: number }
  | { readonly type: 'stage'; readonly record: StageRecord }
  | { readonly type: 'document'; readonly document_id: string; readonly ok: boolean; readonly error: string | null };

export interface Reporter {
  event(e: RunEvent): void;
  close(): void;
}

export const quietReporter = (): Reporter => ({ event: () => {}, close: () => {} });

/** One JSON object per event, for machines reading the output as it comes. */
export const jsonReporter = (write: (s: string) => void): Reporter => ({
  event: (e) =>
    write(JSON.stringify(e.type === 'stage' ? { ...e, record: { ...e.record, ms: Math.round(e.record.ms) } } : e)),
  close: () => {},
});

/** Plain lines (logs, pipes): one per stage run and one per failure. */
export const lineReporter = (write: (s: string) => void): Reporter => ({
  event(e) {
    if (e.type === 'stage') {
      const r = e.record;
      const what =
        r.status === 'skipped'
          ? 'skipped (unchanged)'
          : r.status === 'failed'
            ? `failed: ${terminalText(r.message ?? '')}`
            : `ok, ${r.rows} rows${r.message ? `; ${r.message}` : ''}`;
      write(`${r.document_id ?? '(all)'} ${r.stage} ${what} (${r.ms.toFixed(0)} ms)`);
    }
  },
  close: () => {},
});

/** On a terminal: a progress bar with documents done, rate and the stage under way; failures above it. */
export function ttyReporter(stream: NodeJS.WriteStream): Reporter {
  const bar = new cliProgress.SingleBar(
    {
      format: ' {bar} {value}/{total} documents | {rate} docs/s | {current}',
      hideCursor: true,
      clearOnComplete: true,
      stream,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  const t0 = performance.now();
  let done = 0;
  return {
    event(e) {
      if (e.type === 'start') bar.start(e.documents, 0, { rate: '0.0', current: 'starting' });
      else if (e.type === 'stage') bar.update({ current: `${e.record.stage} ${e.record.document_id ?? ''}` });
      else {
        done++;
        if (!e.ok) stream.write(`\r\x1b[KFAILED ${e.document_id}: ${terminalText(e.error ?? '')}\n`);
        bar.update(done, { rate: (done / ((performance.now() - t0) / 1000)).toFixed(1) });
      }
    },
    close: () => bar.stop(),
  };
}

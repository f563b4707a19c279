/** Why a stage stopped. Doubts about single lines or cells are `Issue`s in the artifact instead. */
export type EtlErrorCode =
  | 'empty_input'
  | 'binary_input'
  | 'unknown_encoding'
  | 'encrypted_input'
  | 'unreadable_input'
  | 'input_too_large'
  | 'line_too_long'
  | 'format_mismatch'
  | 'unsupported_format'
  | 'no_report_year'
  | 'registry_invalid'
  | 'catalog_invalid'
  | 'checksum_mismatch'
  | 'artifact_missing'
  | 'artifact_invalid'
  | 'warehouse_locked'
  | 'warehouse_failed'
  | 'stage_failed'
  | 'usage'
  | 'not_found';

/**
 * The pipeline's one error type: a stage that cannot proceed throws it, the CLI prints
 * `message` (which names the file, and the line where there is one) and exits non-zero.
 */
export class EtlError extends Error {
  readonly code: EtlErrorCode;
  readonly stage: string | null;
  readonly source: string | null;
  readonly line: number | null;

  constructor(
    code: EtlErrorCode,
    message: string,
    opts: { stage?: string; source?: string; line?: number; cause?: unknown } = {},
  ) {
    const where = opts.source ? `${opts.source}${opts.line ? `:${opts.line}` : ''}: ` : '';
    super(`${where}${message}`, { cause: opts.cause });
    this.name = 'EtlError';
    this.code = code;
    this.stage = opts.stage ?? null;
    this.source = opts.source ?? null;
    this.line = opts.line ?? null;
  }
}

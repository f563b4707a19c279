import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ROOT } from '../helpers.js';

/** Expected outputs live beside the other fixtures, one JSON Lines file per case and table. */
export const GOLDEN_DIR = join(ROOT, 'test', 'fixtures', 'golden');
export const ACCEPT = 'UPDATE_GOLDEN=1 npx vitest run test/golden';
/** Rows shown in a failure: enough to see the pattern of a change, short enough to read. */
const SHOWN = 40;

/** `UPDATE_GOLDEN=1` (any value but empty or 0) rewrites the expected files instead of comparing. */
export const updating = (): boolean => !['', '0', undefined].includes(process.env.UPDATE_GOLDEN);

/** One JSON object per row, `keys` in the order given (absent ones as null), so a row reads the same every time. */
export const toJsonl = (rows: readonly Record<string, unknown>[], keys: readonly string[]): string[] =>
  rows.map((r) => JSON.stringify(Object.fromEntries(keys.map((k) => [k, r[k] ?? null]))));

/** Lines `these` has more often than `those`, with their positions, so a changed row's `-` and `+` sit together. */
function onlyIn(these: readonly string[], those: readonly string[]): Array<{ at: number; line: string }> {
  const left = new Map<string, number>();
  for (const l of those) left.set(l, (left.get(l) ?? 0) + 1);
  const out: Array<{ at: number; line: string }> = [];
  these.forEach((line, at) => {
    const n = left.get(line) ?? 0;
    if (n > 0) left.set(line, n - 1);
    else out.push({ at, line });
  });
  return out;
}

/** How `actual` differs from the golden file, readably: `-` rows only in the file, `+` only in the output. */
export function describeDifference(file: string, expected: readonly string[], actual: readonly string[]): string {
  const missing = onlyIn(expected, actual).map((d) => ({ ...d, mark: '-' }));
  const unexpected = onlyIn(actual, expected).map((d) => ({ ...d, mark: '+' }));
  const head =
    `${file} differs from the output: ${missing.length} row(s) only in the file (-), ` +
    `${unexpected.length} only in the output (+)`;
  const accept =
    `If the change is intended, accept it with \`${ACCEPT}\` ` +
    `and review the diff of ${relative(ROOT, GOLDEN_DIR)}/ in git.`;
  if (missing.length + unexpected.length === 0) return `${file}: the same rows, in a different order.\n${accept}`;
  const rows = [...missing, ...unexpected].sort((a, b) => a.at - b.at || a.mark.localeCompare(b.mark));
  const shown = rows.slice(0, SHOWN).map((d) => `${d.mark} ${d.line}`);
  const more = rows.length > SHOWN ? [`… and ${rows.length - SHOWN} more differing row(s)`] : [];
  return [head, ...shown, ...more, accept].join('\n');
}

/** Compares `lines` with the golden file `name` (or rewrites it under UPDATE_GOLDEN); throws a readable diff. */
export function matchGolden(name: string, lines: readonly string[]): void {
  const path = join(GOLDEN_DIR, name);
  const text = lines.map((l) => `${l}\n`).join('');
  const file = relative(ROOT, path);
  if (updating()) {
    mkdirSync(dirname(path), { recursive: true });
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
    return;
  }
  if (!existsSync(path)) throw new Error(`${file}: no golden file yet; write it with \`${ACCEPT}\``);
  const expected = readFileSync(path, 'utf8');
  if (expected !== text) throw new Error(describeDifference(file, expected.split('\n').slice(0, -1), lines));
}

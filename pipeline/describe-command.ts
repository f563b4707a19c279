import { EtlError } from '../schemas/index.js';
import { relationColumns, relations } from '../warehouse/index.js';
import { outputFormat } from './analyst-format.js';
import { withWarehouse, type Flags, type Print } from './cli-commands.js';
import { formatJson, oneLine } from './format-rows.js';

/** A stored comment (`한국어 | English`) in its two languages; a comment in one language goes where its script says. */
export function splitComment(comment: unknown): { ko: string; en: string } {
  const text = typeof comment === 'string' ? comment : '';
  const at = text.indexOf(' | ');
  if (at >= 0) return { ko: text.slice(0, at), en: text.slice(at + 3) };
  return /[가-힣]/.test(text) ? { ko: text, en: '' } : { ko: '', en: text };
}

/** A name and its type or kind on one line, then the Korean and the English on their own lines. */
const entry = (head: string, d: { ko: string; en: string }) =>
  [head, ...[d.ko, d.en].filter(Boolean).map((t) => `  ${oneLine(t)}`)].join('\n');

/**
 * `describe [TABLE]`: the data dictionary as the warehouse holds it (its comments, so it says what
 * is there, whichever version made it): every table and view, or one table's or view's columns.
 */
export async function describeCommand(name: string | undefined, flags: Flags, print: Print): Promise<number> {
  const format = outputFormat('describe', flags);
  const { all, columns } = await withWarehouse(flags, async (conn) => ({
    all: await relations(conn),
    columns: name ? await relationColumns(conn, name) : [],
  }));
  if (!name) {
    const rows = all.map((r) => ({ name: r.name, kind: r.kind, ...splitComment(r.comment) }));
    const text = () => rows.map((r) => entry(`${oneLine(r.name)} (${r.kind})`, r)).join('\n');
    print(format === 'json' ? formatJson(rows) : text());
    return 0;
  }
  const relation = all.find((r) => r.name === name);
  if (!relation) {
    throw new EtlError('usage', `describe: no table or view ${oneLine(name)} (kbiz-etl describe lists them)`);
  }
  const rows = columns.map((c) => ({ name: c.name, type: c.type, ...splitComment(c.comment) }));
  if (format === 'json') print(formatJson(rows));
  else {
    const head = entry(`${oneLine(name)} (${relation.kind})`, splitComment(relation.comment));
    print([head, '', ...rows.map((c) => entry(`${oneLine(c.name)} ${oneLine(c.type)}`, c))].join('\n'));
  }
  return 0;
}

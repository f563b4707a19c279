import { StatementType, type DuckDBConnection } from '@duckdb/node-api';
import { EtlError } from '../schemas/index.js';
import type { Rows } from './queries.js';

/** Why each kind of statement is refused; anything not listed here and not a read is "not a query". */
const REFUSED: Partial<Record<StatementType, string>> = {
  [StatementType.COPY]: 'COPY writes files',
  [StatementType.EXPORT]: 'EXPORT writes files',
  [StatementType.COPY_DATABASE]: 'COPY DATABASE writes files',
  [StatementType.ATTACH]: 'ATTACH opens another database',
  [StatementType.DETACH]: 'DETACH closes a database',
  [StatementType.SET]: 'SET changes the configuration',
  [StatementType.VARIABLE_SET]: 'SET VARIABLE changes the session',
  [StatementType.PRAGMA]: 'PRAGMA changes the configuration',
  [StatementType.LOAD]: 'LOAD and INSTALL add extensions',
  [StatementType.EXTENSION]: 'LOAD and INSTALL add extensions',
  [StatementType.UPDATE_EXTENSIONS]: 'UPDATE EXTENSIONS adds extensions',
  [StatementType.INSERT]: 'INSERT changes the warehouse',
  [StatementType.UPDATE]: 'UPDATE changes the warehouse',
  [StatementType.DELETE]: 'DELETE changes the warehouse',
  [StatementType.MERGE_INTO]: 'MERGE changes the warehouse',
  [StatementType.CREATE]: 'CREATE changes the warehouse',
  [StatementType.CREATE_FUNC]: 'CREATE MACRO changes the warehouse',
  [StatementType.DROP]: 'DROP changes the warehouse',
  [StatementType.ALTER]: 'ALTER changes the warehouse',
  [StatementType.VACUUM]: 'VACUUM changes the warehouse',
  [StatementType.ANALYZE]: 'ANALYZE changes the warehouse',
  [StatementType.CALL]: 'CALL runs a procedure',
};

/** The same reasons, for statements refused by their first keyword. */
const KEYWORD_EFFECT: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(COPY|EXPORT)$/, 'writes files'],
  [/^ATTACH$/, 'opens another database'],
  [/^DETACH$/, 'closes a database'],
  [/^(SET|RESET)$/, 'changes the configuration'],
  [/^(INSTALL|LOAD|FORCE|UPDATE_EXTENSIONS)$/, 'adds extensions'],
  [/^(INSERT|UPDATE|DELETE|MERGE|CREATE|DROP|ALTER|TRUNCATE|COMMENT)$/, 'changes the warehouse'],
  [/^(VACUUM|ANALYZE|CHECKPOINT)$/, 'changes the warehouse'],
  [/^CALL$/, 'runs a procedure'],
];
const keywordRefusal = (keyword: string): string =>
  `${keyword} ${KEYWORD_EFFECT.find(([re]) => re.test(keyword))?.[1] ?? 'is not a read'}`;

/**
 * Table functions that change state although called from a SELECT (`FROM enable_logging(storage
 * = 'file', …)` writes log files; `query('…')` runs SQL text built at run time, past this check).
 */
const SIDE_EFFECT_FUNCTIONS = [
  'enable_logging',
  'disable_logging',
  'truncate_duckdb_logs',
  'enable_profiling',
  'disable_profiling',
  'checkpoint',
  'force_checkpoint',
  'enable_peg_parser',
  'disable_peg_parser',
  'json_execute_serialized_sql',
  'query',
];
const SIDE_EFFECT_CALL = new RegExp(`(?<![\\w$])(${SIDE_EFFECT_FUNCTIONS.join('|')})\\s*\\(`, 'i');

/**
 * The SQL without comments and string literals, quoted identifiers unquoted: what is left are the
 * words DuckDB reads as keywords and names (`"enable_logging"(…)` calls the function too).
 */
export function sqlWords(sql: string): string {
  const token = new RegExp(
    [
      /--[^\n]*/,
      /\/\*[\s\S]*?(?:\*\/|$)/, // comments
      /(?<![\w$])[eE]'(?:[^'\\]|\\[\s\S]|'')*(?:'|$)/,
      /'(?:[^']|'')*(?:'|$)/, // E'…' and '…' strings
      /(?<tag>\$\w*\$)[\s\S]*?(?:\k<tag>|$)/, // $$…$$ and $tag$…$tag$ strings
      /"(?<ident>(?:[^"]|"")*)(?:"|$)/, // quoted identifiers
    ]
      .map((re) => re.source)
      .join('|'),
    'g',
  );
  return sql.replace(token, (...args) => {
    const ident = (args.at(-1) as { ident?: string }).ident;
    return ident === undefined ? ' ' : ` ${ident.replace(/""/g, '"')} `;
  });
}

/** How a read begins; `PRAGMA` only with a pragma that reads. */
const READ_START = /^(?:select|with|from|values|table|describe|show|summarize|\()/i;
const READ_PRAGMAS = [
  'table_info',
  'show_tables',
  'show_tables_expanded',
  'show',
  'database_size',
  'database_list',
  'storage_info',
  'metadata_info',
  'version',
  'platform',
  'user_agent',
  'collations',
  'functions',
];
const READ_PRAGMA = new RegExp(`^pragma\\s+(?:${READ_PRAGMAS.join('|')})\\b`, 'i');

/**
 * The first keyword of each statement, checked before DuckDB prepares any: preparing alone has
 * effects for some statements (`EXPORT DATABASE 'dir'` creates the folder when it is planned).
 */
function refusalByKeyword(words: string): string | null {
  for (const text of words
    .split(';')
    .map((t) => t.trim())
    .filter(Boolean)) {
    const read = text.replace(/^explain\s+(?:\((?!\s*(?:select|with|from|values|table)\b)[^()]*\)\s*)?/i, '');
    if (read !== text && /\banaly[sz]e\b/i.test(text)) return 'EXPLAIN ANALYZE runs the statement';
    if (READ_START.test(read) || READ_PRAGMA.test(read)) continue;
    const keyword = (/^\w+/.exec(read)?.[0] ?? read.slice(0, 20)).toUpperCase();
    return keyword === 'PRAGMA' ? 'PRAGMA changes the configuration' : keywordRefusal(keyword);
  }
  return null;
}

/** Why the statements cannot run on a read-only session (null when every one is a read). */
function refusal(type: StatementType, words: string): string | null {
  if (type === StatementType.SELECT) return null;
  // EXPLAIN ANALYZE runs its statement; plain EXPLAIN only plans it.
  if (type === StatementType.EXPLAIN) {
    return /\banaly[sz]e\b/i.test(words) ? 'EXPLAIN ANALYZE runs the statement' : null;
  }
  return REFUSED[type] ?? `${StatementType[type] ?? 'this statement'} is not a query`;
}

/**
 * Runs analysts' SQL on a session from `openReadOnly`, accepting only reads: each statement is
 * prepared and its type checked before any of them runs; the last one's rows are returned.
 * A refused statement is an EtlError('usage') saying why, e.g.
 * "only read statements are allowed (COPY writes files)".
 */
export async function readOnlyQuery(conn: DuckDBConnection, sql: string): Promise<{ columns: string[]; rows: Rows }> {
  const words = sqlWords(sql);
  const call = SIDE_EFFECT_CALL.exec(words);
  const refuse = (why: string) => new EtlError('usage', `only read statements are allowed (${why})`);
  if (call) throw refuse(`${call[1]!.toLowerCase()}() changes state`);
  const byKeyword = refusalByKeyword(words);
  if (byKeyword) throw refuse(byKeyword);
  const extracted = await conn.extractStatements(sql);
  const prepared = [];
  for (let i = 0; i < extracted.count; i++) {
    const statement = await extracted.prepare(i);
    const why = refusal(statement.statementType, words);
    if (why) throw refuse(why);
    prepared.push(statement);
  }
  let result = { columns: [] as string[], rows: [] as Rows };
  for (const statement of prepared) {
    const reader = await statement.runAndReadAll();
    result = { columns: reader.columnNames(), rows: reader.getRowObjectsJson() as Rows };
  }
  return result;
}

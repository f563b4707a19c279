import { describe, expect, it } from 'vitest';
import { describeDifference, toJsonl } from './golden-files.js';

describe('golden files', () => {
  it('write each row with its keys in a fixed order, absent ones as null', () => {
    const rows = toJsonl([{ b: 2, a: 'x' }, { a: [1] }], ['a', 'b']);
    expect(rows).toEqual(['{"a":"x","b":2}', '{"a":[1],"b":null}']);
  });

  it('show a changed row as - then +, naming the file and how to accept the change', () => {
    expect(describeDifference('g.jsonl', ['a', 'b', 'c'], ['a', 'B', 'c', 'd'])).toMatchInlineSnapshot(`
      "g.jsonl differs from the output: 1 row(s) only in the file (-), 2 only in the output (+)
      - b
      + B
      + d
      If the change is intended, accept it with \`UPDATE_GOLDEN=1 npx vitest run test/golden\` and review the diff of test/fixtures/golden/ in git."
    `);
  });

  it('show at most 40 rows and count the rest', () => {
    const actual = Array.from({ length: 50 }, (_, i) => `r${i}`);
    const lines = describeDifference('g.jsonl', [], actual).split('\n');
    expect(lines).toHaveLength(1 + 40 + 2);
    expect(lines.at(-2)).toBe('… and 10 more differing row(s)');
  });

  it('tell a change of order from a change of rows', () => {
    const head = describeDifference('g.jsonl', ['a', 'b'], ['b', 'a']).split('\n')[0];
    expect(head).toBe('g.jsonl: the same rows, in a different order.');
  });
});

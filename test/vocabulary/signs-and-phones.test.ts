import { describe, expect, it } from 'vitest';
import { parseCell, tokenizeNumbers } from '../../vocabulary/index.js';

describe('numbers as press releases write them', () => {
  it('reads an explicit plus sign as a positive number (증감 columns)', () => {
    expect(parseCell('+4,165')).toMatchObject({
      kind: 'quantities',
      quantities: [{ raw: '+4,165', value: 4165, unit_raw: null }],
    });
    expect(parseCell('+0.5%p')).toMatchObject({ kind: 'quantities', quantities: [{ value: 0.5, unit_raw: '%p' }] });
    expect(parseCell('△4,165')).toMatchObject({ kind: 'quantities', quantities: [{ value: -4165 }] });
  });

  it('never takes a telephone number for quantities', () => {
    expect(tokenizeNumbers('☎ 044-202-7412, 대표 1588-1234').map((t) => [t.cls, t.quantity ?? null])).toEqual([
      ['name', null],
      ['name', null],
    ]);
    expect(tokenizeNumbers('02-2124-3114').every((t) => !t.quantity)).toBe(true);
  });
});

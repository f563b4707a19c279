import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipeline/index.js';
import { query } from '../../warehouse/index.js';
import { openWarehouse } from '../../warehouse/index.js';
import { ROOT, tempDir } from '../helpers.js';

const blocks = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());

describe('the README example queries', () => {
  const out = tempDir();
  beforeAll(async () => {
    await runPipeline({ out });
  });

  it('are there', () => expect(blocks.length).toBeGreaterThanOrEqual(4));

  it.each(blocks.map((b) => [b.split('\n')[0], b]))('%s', async (_first, sql) => {
    const wh = await openWarehouse(join(out, 'kbiz.duckdb'), { readOnly: true });
    try {
      const { rows } = await query(wh.conn, sql.replace(/;\s*$/, ''));
      expect(rows.length).toBeGreaterThan(0);
      if (sql.includes('KR-26')) {
        expect(rows.map((r) => r.region)).toContain('부산광역시');
        expect(rows.map((r) => r.region)).toContain('부산울산');
      }
      if (sql.includes('가입해지')) expect(rows.slice(0, 4).map((r) => [r.period_year, r.value])).toEqual([[2007, 4014], [2007, 4003], [2007, 1], [2007, 10]]);
    } finally {
      wh.close();
    }
  });
});

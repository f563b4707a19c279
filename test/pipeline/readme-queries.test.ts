import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipeline/index.js';
import { query } from '../../warehouse/index.js';
import { openWarehouse } from '../../warehouse/index.js';
import { ROOT, tempDir } from '../helpers.js';

const blocks = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```sql\n([\s\S]*?)```/g)].map((m) =>
  m[1]!.trim(),
);

describe('the README example queries', () => {
  const out = tempDir();
  beforeAll(async () => {
    await runPipeline({ out });
  });

  it('are there', () => expect(blocks.length).toBeGreaterThanOrEqual(6));

  it.each(blocks.map((b) => [b.split('\n')[0], b]))('%s', async (_first, sql) => {
    const wh = await openWarehouse(join(out, 'kbiz.duckdb'), { readOnly: true });
    try {
      const { rows } = await query(wh.conn, sql.replace(/;\s*$/, ''));
      expect(rows.length).toBeGreaterThan(0);
      if (sql.includes('KR-26')) {
        expect(rows.map((r) => r.region)).toContain('부산광역시');
        expect(rows.map((r) => r.region)).toContain('부산울산');
      }
      if (sql.includes("'yellow-umbrella.members'")) expect(rows).toEqual([{ period_year: 2020, members: 1384038 }]);
      if (sql.includes("'yellow-umbrella.benefit-payouts'"))
        expect(rows).toEqual([{ value: 7900, unit_raw: '억원', value_base: 790000000000 }]);
      if (sql.includes("'yellow-umbrella.premiums'")) {
        expect(rows.map((r) => r.period_year)).toEqual([
          2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020,
        ]);
        expect([rows[0]!.value, rows[13]!.value]).toEqual([30, 37857]);
      }
      if (sql.includes("kind = 'share'"))
        expect(rows).toContainEqual({
          share: '운용현황 › 계 › 노란우산 › 비중',
          share_of: '운용현황 › 총계 › 노란우산 › 금액',
        });
      if (sql.includes('NOT q.passed')) {
        const findings = rows
          .map((r) => [r.kind, Math.round(Number(r.expected) * 10) / 10, r.actual])
          .sort((a, b) => Number(a[2]) - Number(b[2]));
        expect(findings).toEqual([
          ['share_of_count', 10.8, 11.8],
          ['share_of_count', 43.2, 42.2],
          ['total_rows', 66795, 66774],
        ]);
      }
    } finally {
      wh.close();
    }
  });
});

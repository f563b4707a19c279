import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { titleText } from '../../extractors/build-extracted.js';
import { queryWarehouse, reportText, runCli, tempDir } from '../helpers.js';

describe('ad-hoc documents', () => {
  const dir = tempDir();

  it('record no publisher unless --publisher names one', async () => {
    const file = join(dir, 'report.txt');
    writeFileSync(file, reportText());
    expect((await runCli('run', '--input', file, '--out', join(dir, 'a'), '--quiet')).code).toBe(0);
    expect(await queryWarehouse(join(dir, 'a'), 'SELECT publisher, title FROM documents')).toEqual([
      { publisher: null, title: '2020년도 사업보고 요약' },
    ]);
    expect(
      (await runCli('run', '--input', file, '--out', join(dir, 'b'), '--publisher', '중소기업중앙회', '--quiet')).code,
    ).toBe(0);
    expect(await queryWarehouse(join(dir, 'b'), 'SELECT publisher FROM documents')).toEqual([
      { publisher: '중소기업중앙회' },
    ]);
  });

  it('take the title line without tabs or letter-spacing', async () => {
    expect(titleText('2 0 2 1 년 도   사 업 보 고   요 약')).toBe('2021년도 사업보고 요약');
    expect(titleText('2021년도\t사업보고 요약')).toBe('2021년도 사업보고 요약');
    expect(titleText('2020년도 사업보고 요약')).toBe('2020년도 사업보고 요약');
    const file = join(dir, 'spaced.txt');
    writeFileSync(file, reportText().replace('2020년도 사업보고 요약', '2 0 2 0 년 도   사 업 보 고   요 약'));
    expect((await runCli('run', '--input', file, '--out', join(dir, 'c'), '--quiet')).code).toBe(0);
    expect(await queryWarehouse(join(dir, 'c'), 'SELECT title, report_year FROM documents')).toEqual([
      { title: '2020년도 사업보고 요약', report_year: 2020 },
    ]);
  });
});

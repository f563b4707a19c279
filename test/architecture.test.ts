import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** The source folders, and which others each may import (DESIGN.md: stages side by side). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  schemas: [],
  vocabulary: ['schemas'],
  extractors: ['schemas', 'vocabulary'],
  transforms: ['schemas', 'vocabulary'],
  warehouse: ['schemas', 'vocabulary'],
  report: ['schemas', 'vocabulary'],
  pipeline: ['schemas', 'vocabulary', 'extractors', 'transforms', 'warehouse', 'report'],
  bench: ['schemas', 'vocabulary', 'extractors', 'transforms', 'warehouse', 'pipeline'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

const folders = Object.keys(MAY_IMPORT).filter((f) => {
  try {
    return readdirSync(join(ROOT, f)).length > 0;
  } catch {
    return false;
  }
});

/** Every relative import of every source file, as [file, folder of the file, imported path]. */
const imports = folders.flatMap((folder) =>
  sourceFiles(join(ROOT, folder)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm)].map(
      (m) => [relative(ROOT, file), folder, relative(ROOT, resolve(file, '..', m[1]!))] as const,
    ),
  ),
);

describe('architecture', () => {
  it('reads the source files', () => {
    expect(imports.length).toBeGreaterThan(100);
  });

  it('stages stand side by side: each folder imports only the folders it may', () => {
    const wrong = imports
      .filter(([, folder, target]) => {
        const to = target.split('/')[0]!;
        return to !== folder && !MAY_IMPORT[folder]!.includes(to);
      })
      .map(([file, , target]) => `${file} → ${target}`);
    expect(wrong).toEqual([]);
  });

  it('every folder is entered through its index.ts', () => {
    const wrong = imports
      .filter(([, folder, target]) => target.split('/')[0] !== folder && !/^[a-z]+\/index\.js$/.test(target))
      .map(([file, , target]) => `${file} → ${target}`);
    expect(wrong).toEqual([]);
  });

  it('SQL lives only in warehouse/', () => {
    const sql = /\b(SELECT\s+[\w*]|INSERT\s+INTO|DELETE\s+FROM|CREATE\s+(?:OR\s+REPLACE\s+)?(?:TABLE|VIEW)|COPY\s*\()/;
    const files = folders
      .filter((f) => f !== 'warehouse' && f !== 'bench')
      .flatMap((f) => sourceFiles(join(ROOT, f)))
      .filter((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .some((line) => !/^\s*(\*|\/\/)/.test(line) && sql.test(line)),
      );
    expect(files.map((f) => relative(ROOT, f))).toEqual([]);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NormalizedDocument } from '../../schemas/normalized.js';
import { normalize } from '../../transforms/index.js';
import { extract, queryWarehouse, report2020, reportText, runCli, tempDir } from '../helpers.js';

/** What must not change between spellings of one report: every fact's reading. */
const factView = (doc: NormalizedDocument) =>
  doc.facts.map((f) => [f.value, f.value_base, f.unit_raw, f.row_labels, f.col_labels, f.region_code, f.is_total]);

const FULL_WIDTH = '０１２３４５６７８９';
/** Digits and `,.()%~` typed on a full-width keyboard: `１，９１５，５１５건`, `（단위：억원）`. */
const fullWidth = (text: string): string =>
  text
    .replace(/[0-9]/g, (d) => FULL_WIDTH[Number(d)]!)
    .replace(/[,.()%~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const INVISIBLES = ['\u200b', '\ufeff', '\u2060', '\u00ad', '\u200c', '\u200d'];
/** An invisible character inside words (between two Hangul syllables) and numbers (between two digits). */
const withInvisibles = (text: string): string =>
  text
    .split('\n')
    .map((line, i) => {
      const inv = INVISIBLES[i % INVISIBLES.length]!;
      return line.replace(/([가-힣])(?=[가-힣])/g, `$1${inv}`).replace(/(\d)(?=\d)/g, `$1${inv}`);
    })
    .join('\n');

const VARIANTS: ReadonlyArray<[string, (t: string) => string]> = [
  ['decomposed Hangul (NFD)', (t) => t.normalize('NFD')],
  ['full-width digits and punctuation', fullWidth],
  ['zero-width and other invisible characters in labels and numbers', withInvisibles],
];

describe('Unicode spellings of the bundled report', () => {
  const original = report2020();
  const lines = reportText().split('\n').slice(0, -1);

  it.each(VARIANTS)('%s: the same facts, every line kept as written, one text_normalized issue', (_, variant) => {
    const text = variant(reportText());
    const written = text.split('\n').slice(0, -1);
    const changed = written.filter((l, i) => l !== lines[i]).length;
    expect(changed).toBeGreaterThan(500);
    const doc = normalize(extract(text, { document_id: 'kbiz-2020' }));
    expect(factView(doc)).toEqual(factView(original));
    expect(doc.facts.length).toBeGreaterThan(800);
    expect(doc.sections.map((s) => s.title)).toEqual(original.sections.map((s) => s.title));
    expect(doc.lines.map((l) => l.text)).toEqual(written);
    const notes = doc.issues.filter((i) => i.code === 'text_normalized');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toMatch(new RegExp(`^${changed} line\\(s\\) read in normalized form`));
  });

  it('keeps source_lines byte for byte as written (NFD in the warehouse)', async () => {
    const dir = tempDir();
    const input = join(dir, 'nfd.txt');
    const text = reportText().normalize('NFD');
    writeFileSync(input, text);
    const run = await runCli('run', '--input', input, '--year', '2020', '--out', join(dir, 'out'), '--quiet');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const rows = await queryWarehouse(join(dir, 'out'), 'SELECT text FROM source_lines ORDER BY line_no');
    expect(rows.map((r) => r.text)).toEqual(text.split('\n').slice(0, -1));
    const [issue] = await queryWarehouse(join(dir, 'out'), "SELECT message FROM issues WHERE code = 'text_normalized'");
    expect(issue?.message).toMatch(/^\d+ line\(s\) read in normalized form/);
  });
});

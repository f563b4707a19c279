import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedDocument } from '../../schemas/index.js';
import { ROOT, runCli, tempDir } from '../helpers.js';
import {
  type Expectation,
  type Floors,
  type Score,
  formatScorecard,
  formatTargets,
  raisedFloors,
  readExpectations,
  formatMisses,
  scoreDocument,
  writeFloors,
} from './score.js';

/**
 * Scores the pipeline on documents nobody here wrote (../shared/real-inputs) and on next-year variants of the
 * bundled report, against values written by hand from reading them (test/fixtures/real/README.md). Each score must
 * stay at or above the floor recorded in its expectation file: floors are what the pipeline achieved when they
 * were last measured, so parser work raises them and a regression fails here. `UPDATE_FLOORS=1` raises each floor
 * to today's score (never lowers one) in the expectation files.
 */
const REAL_INPUTS = resolve(ROOT, '..', 'shared', 'real-inputs');
const real = readExpectations(join(ROOT, 'test', 'fixtures', 'real'));
const next = readExpectations(join(ROOT, 'test', 'fixtures', 'next-year'));
const haveReal = existsSync(REAL_INPUTS);

/** Runs the CLI on every expectation's input (one run per report year) and returns each normalized artifact. */
async function runAll(expectations: readonly Expectation[]): Promise<Map<string, NormalizedDocument>> {
  const out = tempDir('kbiz-real-');
  const byYear = new Map<number, Expectation[]>();
  for (const e of expectations) byYear.set(e.run.year, [...(byYear.get(e.run.year) ?? []), e]);
  for (const [year, group] of byYear) {
    const inputs = group.flatMap((e) => ['--input', resolve(ROOT, e.input)]);
    const args = ['run', ...inputs, '--year', String(year), '--out', join(out, String(year)), '--quiet'];
    const { code, err } = await runCli(...args);
    if (code !== 0) throw new Error(`run failed for ${year}: ${err}`);
  }
  const docs = new Map<string, NormalizedDocument>();
  for (const year of byYear.keys()) {
    const dir = join(out, String(year), 'artifacts');
    for (const id of readdirSync(dir)) {
      const doc = JSON.parse(readFileSync(join(dir, id, 'normalized.json'), 'utf8')) as NormalizedDocument;
      docs.set(resolve(ROOT, doc.document.source_path), doc);
    }
  }
  return docs;
}

const SHARES = ['found', 'labeled', 'unit_base', 'year', 'right', 'regions', 'dates'] as const;
function expectFloors(score: Score, floors: Floors): void {
  for (const key of SHARES) {
    const floor = floors[key];
    if (floor !== undefined) expect(score[key] ?? 0, `${score.document}: ${key}`).toBeGreaterThanOrEqual(floor - 1e-9);
  }
  if (floors.flagged !== undefined) {
    expect(score.flagged ?? 0, `${score.document}: flagged`).toBeGreaterThanOrEqual(floors.flagged);
  }
  if (floors.false_alarms_max !== undefined) {
    expect(score.false_alarms ?? 0, `${score.document}: false alarms`).toBeLessThanOrEqual(floors.false_alarms_max);
  }
  if (floors.date_leaks_max !== undefined) {
    expect(score.date_leaks, `${score.document}: date leaks`).toBeLessThanOrEqual(floors.date_leaks_max);
  }
}

function scoreAll(expectations: readonly Expectation[], docs: Map<string, NormalizedDocument>): Score[] {
  return expectations.map((e) => {
    const doc = docs.get(resolve(ROOT, e.input));
    if (!doc) throw new Error(`no artifact for ${e.input}`);
    const score = scoreDocument(e, doc);
    if (process.env.SCORECARD_MISSES === '1') console.log(formatMisses(e, doc));
    if (process.env.UPDATE_FLOORS === '1') writeFloors(e, (e.floors = raisedFloors(e.floors, score)));
    return score;
  });
}

const group = (e: Expectation): 'budget' | 'kosis' | 'other' =>
  e.document.startsWith('중소벤처기업부') ? 'budget' : e.format === 'csv' ? 'kosis' : 'other';

describe.skipIf(!haveReal)('real documents (../shared/real-inputs)', () => {
  let scores: Score[] = [];
  beforeAll(async () => {
    scores = scoreAll(real, await runAll(real));
    console.log(
      `real documents:\n${formatScorecard(scores)}\n${formatTargets({
        budget: scores.filter((_, i) => group(real[i]!) === 'budget'),
        kosis: scores.filter((_, i) => group(real[i]!) === 'kosis'),
      })}`,
    );
  }, 180_000);
  it.each(real.map((e, i) => [e.document, i] as const))('%s scores at least its floors', (_, i) => {
    expect(real[i]!.facts.length).toBeGreaterThan(0);
    expectFloors(scores[i]!, real[i]!.floors);
  });
});
if (!haveReal) console.warn(`scorecard: ${REAL_INPUTS} is absent, so the real-document cases are skipped`);

describe('next-year variants of the bundled report', () => {
  let scores: Score[] = [];
  beforeAll(async () => {
    scores = scoreAll(next, await runAll(next));
    console.log(`next-year variants:\n${formatScorecard(scores)}\n${formatTargets({ next: scores })}`);
  }, 180_000);
  it.each(next.map((e, i) => [e.document, i] as const))('%s scores at least its floors', (_, i) => {
    expect(next[i]!.facts.length).toBeGreaterThan(0);
    expectFloors(scores[i]!, next[i]!.floors);
  });
  it('plants exactly two total mismatches', () => {
    expect(next.reduce((a, e) => a + e.findings.filter((f) => f.planted).length, 0)).toBe(2);
  });
});

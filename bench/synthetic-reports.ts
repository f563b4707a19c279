/**
 * Synthetic reports for the benchmark: the bundled report with other numbers, another year and
 * its chapters in another order, so every document is new work for every stage.
 */

/** A small deterministic PRNG (mulberry32): the same seed always gives the same report. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Replaces the digits of every number in table rows, keeping its shape (`22,363` → `58,107`). */
function varyNumbers(line: string, random: () => number): string {
  return line.replace(/\d/g, (d, i: number) =>
    i > 0 && /\d/.test(line[i - 1]!)
      ? String(Math.floor(random() * 10))
      : d === '0'
        ? '0'
        : String(1 + Math.floor(random() * 9)),
  );
}

/** Splits the body into chapters at lines like `II 중소기업 …` and shuffles all but the first. */
function shuffleChapters(lines: string[], random: () => number): string[] {
  const starts = lines.map((l, i) => (i > 45 && /^(II|III|IV|V)\s*\.?\s/.test(l) ? i : -1)).filter((i) => i >= 0);
  if (starts.length < 2) return lines;
  const head = lines.slice(0, starts[0]);
  const chapters = starts.map((s, k) => lines.slice(s, starts[k + 1] ?? lines.length));
  for (let i = chapters.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [chapters[i], chapters[j]] = [chapters[j]!, chapters[i]!];
  }
  return [...head, ...chapters.flat()];
}

export function syntheticReport(base: string, k: number): string {
  const random = rng(k + 1);
  const year = 2000 + (k % 40);
  const lines = base.split('\n').map((l) => (l.includes('\t') && !/\t\d{1,3}$/.test(l) ? varyNumbers(l, random) : l));
  return shuffleChapters(lines, random)
    .join('\n')
    .replace('2020년도 사업보고 요약', `${year}년도 사업보고 요약`)
    .replace(/^2021\. 2$/m, `${year + 1}. 2`);
}

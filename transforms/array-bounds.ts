/** Largest and smallest of many numbers: `Math.max(...xs)` overflows the call stack past ~100k values. */
export const maxOf = (xs: readonly number[], empty = -Infinity): number => xs.reduce((m, x) => (x > m ? x : m), empty);
export const minOf = (xs: readonly number[], empty = Infinity): number => xs.reduce((m, x) => (x < m ? x : m), empty);

/** Appends without spreading (a table of 400,000 cells would overflow the call stack). */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * Remembers a pure function of one string: labels repeat in every row of a table and across a
 * back-fill's documents, and each reading runs several regular expressions. The cache is emptied
 * when it reaches `max` entries, so a document of unique labels cannot grow it without bound.
 */
export function memoize<T>(f: (s: string) => T, max = 20_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string): T => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    if (cache.size >= max) cache.clear();
    const value = f(s);
    cache.set(s, value);
    return value;
  };
}

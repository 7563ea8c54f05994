// "Did you mean": the known names closest to a mistyped one, by edit distance.

/** Inputs longer than this are compared by their start only, so the work stays bounded. */
const MAX_LENGTH = 64;

/** The candidates within a small edit distance of `input`, nearest first (at most `limit`). */
export function nearest(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const word = input.slice(0, MAX_LENGTH).toLowerCase();
  const threshold = Math.max(2, Math.floor(word.length / 4));
  const scored: Array<[number, string]> = [];
  for (const candidate of candidates) {
    const d = distance(word, candidate.toLowerCase(), threshold);
    if (d <= threshold) scored.push([d, candidate]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  // Only the closest ones: a near miss is worth naming, a far one is noise.
  const best = scored[0]?.[0] ?? 0;
  return scored
    .filter(([d]) => d <= best + 1)
    .slice(0, limit)
    .map(([, candidate]) => candidate);
}

/** Levenshtein distance, giving up (returning cap + 1) once it exceeds `cap`. */
export function distance(a: string, b: string, cap = Infinity): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

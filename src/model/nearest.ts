/**
 * "Did you mean" helper for notFound messages: the candidates closest to an unknown id by edit distance
 * (case-insensitive Levenshtein), ties broken by candidate order.
 */

/** Characters of an unknown id compared against the candidates. */
export const NEAREST_QUERY_LENGTH = 64;

/**
 * Up to `count` candidates nearest to `query`.
 *
 * @param query the unknown id
 * @param candidates known ids
 * @param count how many to return (default 3)
 * @returns nearest candidates, closest first
 * @example nearestIds("marketGrowht", ["marketBase", "marketGrowth"], 1) // → ["marketGrowth"]
 */
export function nearestIds(query: string, candidates: readonly string[], count = 3): string[] {
  // Bounded work: a 32,767-character id is compared by its first characters only (ids are short).
  const q = query.slice(0, NEAREST_QUERY_LENGTH).toLowerCase();
  return candidates
    .map((candidate, index) => ({ candidate, index, distance: editDistance(q, candidate.toLowerCase()) }))
    .sort((x, y) => x.distance - y.distance || x.index - y.index)
    .slice(0, count)
    .map((entry) => entry.candidate);
}

/**
 * Levenshtein edit distance (insertions, deletions, substitutions each cost 1).
 *
 * @example editDistance("kitten", "sitting") // → 3
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

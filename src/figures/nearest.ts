/**
 * "Did you mean" suggestions for an unknown id: ids that extend what was typed come first (a user who types
 * `nvda_china_rev_fy2025` most likely wants one of its basis variants), otherwise the closest ids by
 * Levenshtein distance, ties broken by shared snake_case tokens, then alphabetically.
 */

/**
 * Up to `limit` known ids closest to `query`; empty when nothing is plausibly close.
 * @example nearestIds("nvda_china_rev_fy2025", ids) → ["nvda_china_rev_fy2025_hq", "nvda_china_rev_fy2025_billing"]
 */
export function nearestIds(query: string, ids: readonly string[], limit = 3): string[] {
  const typed = normaliseId(query);
  if (typed === "") return [];
  const extensions = ids
    .filter((id) => typed.length >= 3 && id.startsWith(typed) && id !== typed)
    .sort((a, b) => a.length - b.length || compareText(a, b));
  if (extensions.length > 0) return extensions.slice(0, limit);

  const typedTokens = new Set(typed.split("_").filter((token) => token !== ""));
  const threshold = Math.max(3, Math.floor(typed.length / 2));
  return ids
    .map((id) => ({ id, distance: editDistance(typed, id), shared: sharedTokens(typedTokens, id) }))
    .filter((candidate) => candidate.distance <= threshold || candidate.shared > 0)
    .sort((a, b) => a.distance - b.distance || b.shared - a.shared || compareText(a.id, b.id))
    .slice(0, limit)
    .map((candidate) => candidate.id);
}

/** Lower-case, trimmed, spaces and hyphens as underscores: the shape ids are written in. */
export function normaliseId(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/**
 * Levenshtein distance (insertions, deletions, substitutions each cost 1), two-row dynamic programme.
 * @example editDistance("kitten", "sitting") → 3
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function sharedTokens(tokens: ReadonlySet<string>, id: string): number {
  return id.split("_").filter((token) => tokens.has(token)).length;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

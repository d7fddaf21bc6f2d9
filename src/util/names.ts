/**
 * Column-name helpers for messages: the existing names closest to a
 * misspelled one.
 * @internal
 */

/** Levenshtein distance between two strings (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + cost);
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/**
 * Up to three of `names` that look like `name` (same letters in another
 * case, or a few edits away), closest first.
 */
export function closestNames(name: string, names: readonly string[]): string[] {
  const lower = name.toLowerCase();
  const limit = Math.max(2, Math.floor(name.length / 3));
  return names
    .map((n) => ({ n, d: n.toLowerCase() === lower ? 0 : distance(lower, n.toLowerCase()) }))
    .filter((x) => x.d <= limit)
    .sort((x, y) => x.d - y.d)
    .slice(0, 3)
    .map((x) => x.n);
}

/** `no column "nme"; did you mean "name"? (columns: …)`-style text. */
export function unknownColumn(name: string, names: readonly string[], where: string): string {
  const near = closestNames(name, names);
  const hint = near.length > 0 ? `; did you mean ${near.map((n) => JSON.stringify(n)).join(" or ")}?` : "";
  const shown =
    names.length > 20
      ? [...names.slice(0, 20).map((n) => JSON.stringify(n)), "…"]
      : names.map((n) => JSON.stringify(n));
  return `${where}: no column ${JSON.stringify(name)}${hint} (columns: ${shown.join(", ") || "none"})`;
}

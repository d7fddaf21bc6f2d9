/**
 * Naive references for the hash kernels: a JS Map keyed by a string
 * rendering of each value (String(bigint) for int64), nulls as "null".
 */
export function keyOf(v: unknown): string {
  if (v === null) return "null";
  if (v instanceof Uint8Array) return `bytes:${Array.from(v).join(",")}`;
  // String(-0) is "0", so -0 and 0 share a key; NaN renders "NaN"
  return `${typeof v}:${String(v)}`;
}

/** Values as the kernels return them: -0 reads back as 0. */
export const canon = (v: unknown): unknown => (v === 0 ? 0 : v);

/** Order: numbers (NaN after), bigints, booleans, strings by UTF-8 bytes; null last. */
export function naiveCompare(a: unknown, b: unknown): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  if (typeof a === "string") return Buffer.compare(Buffer.from(a), Buffer.from(b as string));
  if (typeof a === "boolean") return Number(a) - Number(b);
  if (typeof a === "number" && (Number.isNaN(a) || Number.isNaN(b as number))) {
    return (Number.isNaN(a) ? 1 : 0) - (Number.isNaN(b as number) ? 1 : 0);
  }
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

export function naiveFactorize(
  values: unknown[],
  nulls: "exclude" | "code" = "exclude",
  sort = false,
): { codes: number[]; uniques: unknown[] } {
  const map = new Map<string, number>();
  let uniques: unknown[] = [];
  let codes = values.map((v) => {
    if (v === null && nulls === "exclude") return -1;
    const k = keyOf(v);
    let c = map.get(k);
    if (c === undefined) {
      c = uniques.length;
      map.set(k, c);
      uniques.push(canon(v));
    }
    return c;
  });
  if (sort) {
    const order = uniques.map((_, j) => j).sort((a, b) => naiveCompare(uniques[a], uniques[b]));
    const rank: number[] = [];
    order.forEach((j, r) => {
      rank[j] = r;
    });
    uniques = order.map((j) => uniques[j]);
    codes = codes.map((c) => (c < 0 ? c : (rank[c] as number)));
  }
  return { codes, uniques };
}

export function naiveCounts(values: unknown[], dropna: boolean): { values: unknown[]; counts: number[] } {
  const f = naiveFactorize(values, dropna ? "exclude" : "code");
  const counts = f.uniques.map(() => 0);
  for (const c of f.codes) if (c >= 0) counts[c]++;
  return { values: f.uniques, counts };
}

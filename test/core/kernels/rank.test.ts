import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { type RankMethod, rank } from "../../../src/core/kernels/rank.js";
import { columnArb, compareValues, isMissing, layout } from "./sort-arbitraries.js";

// pandas DataFrame.rank documentation example: Number_legs = [4, 2, 4, 8, NaN]
const legs = () => column([4, 2, 4, 8, Number.NaN]);

describe("rank", () => {
  it("rank(col) matches the pandas doc example (default_rank, max_rank, NA_bottom, pct_rank)", () => {
    expect(rank(legs()).toArray()).toEqual([2.5, 1, 2.5, 4, null]);
    expect(rank(legs(), { method: "max" }).toArray()).toEqual([3, 1, 3, 4, null]);
    expect(rank(legs(), { nullsPosition: "bottom" }).toArray()).toEqual([2.5, 1, 2.5, 4, 5]);
    expect(rank(legs(), { pct: true }).toArray()).toEqual([0.625, 0.25, 0.625, 1, null]);
    expect(rank(legs()).dtype.kind).toBe("float64");
  });

  it("rank(col, {method}) min, first, dense by hand on the same data", () => {
    // sorted: 2 (row 1), 4 (rows 0, 2), 8 (row 3)
    expect(rank(legs(), { method: "min" }).toArray()).toEqual([2, 1, 2, 4, null]);
    expect(rank(legs(), { method: "first" }).toArray()).toEqual([2, 1, 3, 4, null]);
    expect(rank(legs(), { method: "dense" }).toArray()).toEqual([2, 1, 2, 3, null]);
  });

  it("rank(col, {descending}) ranks the largest first; 'first' keeps order of appearance", () => {
    expect(rank(legs(), { descending: true }).toArray()).toEqual([2.5, 4, 2.5, 1, null]);
    expect(rank(legs(), { descending: true, method: "first" }).toArray()).toEqual([2, 4, 3, 1, null]);
  });

  it("rank(col, {nullsPosition: 'top'}) gives missing values the lowest ranks, whatever the direction", () => {
    const c = column([4, null, 2, Number.NaN]);
    // two missing tied at ranks 1-2 -> 1.5; then 2 -> 3, 4 -> 4
    expect(rank(c, { nullsPosition: "top" }).toArray()).toEqual([4, 1.5, 3, 1.5]);
    expect(rank(c, { nullsPosition: "top", descending: true }).toArray()).toEqual([3, 1.5, 4, 1.5]);
    expect(rank(c, { nullsPosition: "top", method: "first" }).toArray()).toEqual([4, 1, 3, 2]);
    expect(rank(c, { nullsPosition: "bottom", method: "dense" }).toArray()).toEqual([2, 3, 1, 3]);
  });

  it("rank(col, {pct}) divides by the ranked count, or by the largest dense rank", () => {
    // keep: 4 ranked values; dense: 3 distinct values
    expect(rank(legs(), { method: "dense", pct: true }).toArray()).toEqual([2 / 3, 1 / 3, 2 / 3, 1, null]);
    // bottom: all 5 rows ranked
    expect(rank(legs(), { nullsPosition: "bottom", pct: true }).toArray()).toEqual([0.5, 0.2, 0.5, 0.8, 1]);
    // bottom + dense: NaN group is the 4th distinct value
    expect(rank(legs(), { nullsPosition: "bottom", method: "dense", pct: true }).toArray()).toEqual([
      0.5, 0.25, 0.5, 0.75, 1,
    ]);
  });

  it("rank(strings, int64, bool) ranks by value", () => {
    expect(rank(column(["b", "a", "b", "😀", "\uFFFF"])).toArray()).toEqual([2.5, 1, 2.5, 5, 4]);
    expect(rank(column([2n ** 60n + 1n, 2n ** 60n, 2n ** 60n + 1n])).toArray()).toEqual([2.5, 1, 2.5]);
    expect(rank(column([true, false, true]), { method: "min" }).toArray()).toEqual([2, 1, 2]);
    expect(rank(column(["z", "a", null], "dictionary<int8, utf8>")).toArray()).toEqual([2, 1, null]);
  });

  it("rank(empty) and rank(all null)", () => {
    expect(rank(column([], "int32")).toArray()).toEqual([]);
    expect(rank(column([null, null], "int32")).toArray()).toEqual([null, null]);
    expect(rank(column([null, null], "int32"), { nullsPosition: "top" }).toArray()).toEqual([1.5, 1.5]);
  });

  it("rank(col, options) equals a naive counting reference on random dtypes, nulls, slices, chunks", () => {
    const methods: RankMethod[] = ["average", "min", "max", "dense", "first"];
    const nullOpts = ["keep", "top", "bottom"] as const;
    fc.assert(
      fc.property(
        columnArb(120),
        fc.constantFrom(...methods),
        fc.constantFrom(...nullOpts),
        fc.boolean(),
        fc.boolean(),
        ([kind, values, how], method, nullsPosition, descending, pct) => {
          const got = rank(layout(kind, values, how), { method, nullsPosition, descending, pct }).toArray();
          expect(got).toEqual(naiveRank(values, method, nullsPosition, descending, pct));
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it("rank(col, bad options) throws an OptionError naming the option", () => {
    expect(() => rank(legs(), { method: "median" as RankMethod })).toThrow(OptionError);
    expect(() => rank(legs(), { method: "median" as RankMethod })).toThrow(/invalid method: "median"/);
    expect(() => rank(legs(), { nullsPosition: "first" as "top" })).toThrow(/invalid nullsPosition: "first"/);
    expect(() => rank(legs(), { pct: 1 as unknown as boolean })).toThrow(/invalid pct: 1/);
  });
});

/** Rank by counting: O(n^2), straight from the definitions in pandas' docs. */
function naiveRank(
  values: unknown[],
  method: RankMethod,
  nulls: "keep" | "top" | "bottom",
  descending: boolean,
  pct: boolean,
): (number | null)[] {
  const n = values.length;
  const keyed = values.map((v, i) => ({ v, i })).filter((x) => !isMissing(x.v));
  const m = keyed.length;
  const mc = n - m;
  const cmp = (a: unknown, b: unknown) => (descending ? -compareValues(a, b) : compareValues(a, b));
  const shift = nulls === "top" ? mc : 0;
  const distinctSorted: unknown[] = [];
  for (const { v } of [...keyed].sort((a, b) => cmp(a.v, b.v))) {
    const last = distinctSorted[distinctSorted.length - 1];
    if (distinctSorted.length === 0 || cmp(last, v) !== 0) distinctSorted.push(v);
  }
  const denseShift = nulls === "top" && mc > 0 ? 1 : 0;
  const out: (number | null)[] = values.map((v, i) => {
    if (isMissing(v)) return null;
    let less = 0;
    let equal = 0;
    let equalBefore = 0;
    for (const x of keyed) {
      const c = cmp(x.v, v);
      if (c < 0) less++;
      else if (c === 0) {
        equal++;
        if (x.i < i) equalBefore++;
      }
    }
    switch (method) {
      case "average":
        return shift + less + (equal + 1) / 2;
      case "min":
        return shift + less + 1;
      case "max":
        return shift + less + equal;
      case "first":
        return shift + less + equalBefore + 1;
      default:
        return denseShift + distinctSorted.findIndex((d) => cmp(d, v) === 0) + 1;
    }
  });
  let distinct = distinctSorted.length;
  if (nulls !== "keep" && mc > 0) {
    distinct++;
    const start = nulls === "top" ? 0 : m;
    let seen = 0;
    values.forEach((v, i) => {
      if (!isMissing(v)) return;
      seen++;
      out[i] =
        method === "average"
          ? start + (mc + 1) / 2
          : method === "min"
            ? start + 1
            : method === "max"
              ? start + mc
              : method === "first"
                ? start + seen
                : nulls === "top"
                  ? 1
                  : distinctSorted.length + 1;
    });
  }
  if (!pct) return out;
  const d = method === "dense" ? distinct : nulls === "keep" ? m : n;
  return out.map((r) => (r === null ? null : r / d));
}

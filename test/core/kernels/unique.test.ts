import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { mode, nunique, unique, valueCounts } from "../../../src/core/kernels/unique.js";
import { naiveCompare, naiveCounts, naiveFactorize } from "./hash-naive.js";
import { columnArb, compareValues, layout } from "./sort-arbitraries.js";

describe("unique / nunique", () => {
  it("unique(col) keeps the order of appearance (pd.unique(pd.Series([2, 1, 3, 3])))", () => {
    expect(unique(column([2, 1, 3, 3])).toArray()).toEqual([2, 1, 3]);
  });
  it("unique(col) includes the null once (pd.Series(['b', None, 'a', 'b', None]).unique())", () => {
    expect(unique(column(["b", null, "a", "b", null])).toArray()).toEqual(["b", null, "a"]);
  });
  it("nunique(col, {dropna}) counts the null only when asked (pandas Series.nunique: [1, 3, 5, 7, 7] → 4)", () => {
    expect(nunique(column([1, 3, 5, 7, 7]))).toBe(4);
    expect(nunique(column([4, 5, 4, null]))).toBe(2);
    expect(nunique(column([4, 5, 4, null]), { dropna: false })).toBe(3);
    expect(nunique(column([]))).toBe(0);
  });
});

describe("valueCounts", () => {
  it("valueCounts(col) orders by count, ties by first appearance (pandas doc: [3, 1, 2, 3, 4, nan])", () => {
    const { values, counts } = valueCounts(column([3, 1, 2, 3, 4, null]));
    expect(values.toArray()).toEqual([3, 1, 2, 4]);
    expect(counts.toArray()).toEqual([2n, 1n, 1n, 1n]);
    expect(counts.dtype.kind).toBe("int64");
  });
  it("valueCounts(col, {normalize: true}) gives float64 proportions (pandas doc: 0.4, 0.2, 0.2, 0.2)", () => {
    const { values, counts } = valueCounts(column([3, 1, 2, 3, 4, null]), { normalize: true });
    expect(values.toArray()).toEqual([3, 1, 2, 4]);
    expect(counts.toArray()).toEqual([0.4, 0.2, 0.2, 0.2]);
    expect(counts.dtype.kind).toBe("float64");
  });
  it("valueCounts(col, {dropna: false}) counts nulls (pandas doc: NaN 1 among 3.0 2, 1.0 1, 2.0 1, 4.0 1)", () => {
    const { values, counts } = valueCounts(column([3, 1, 2, 3, 4, null]), { dropna: false });
    expect(values.toArray()).toEqual([3, 1, 2, 4, null]);
    expect(counts.toArray()).toEqual([2n, 1n, 1n, 1n, 1n]);
  });
  it("valueCounts(col, {ascending: true}) and {sort: false}", () => {
    const c = column(["a", "b", "b", "c", "c", "c"]);
    expect(valueCounts(c, { ascending: true }).values.toArray()).toEqual(["a", "b", "c"]);
    expect(valueCounts(column(["x", "y", "y"]), { sort: false }).values.toArray()).toEqual(["x", "y"]);
  });
  it("valueCounts(col, {sort: 'yes'}) names the bad option", () => {
    expect(() => valueCounts(column([1]), { sort: "yes" as never })).toThrow(OptionError);
    expect(() => valueCounts(column([1]), { sort: "yes" as never })).toThrow(/invalid sort: "yes"/);
  });
});

describe("mode", () => {
  it("mode(col) returns all most frequent values sorted (pandas doc: [2, 4, 2, 2, 4, None] → [2])", () => {
    expect(mode(column([2, 4, 2, 2, 4, null])).toArray()).toEqual([2]);
  });
  it("mode(col) returns ties sorted (pandas doc: [2, 4, 8, 2, 4, None] → [2, 4])", () => {
    expect(mode(column([2, 4, 8, 2, 4, null])).toArray()).toEqual([2, 4]);
  });
  it("mode(col, {dropna: false}) includes the null when tied (pandas doc: [2, 4, 8, None, 4, None] → [4, NaN])", () => {
    expect(mode(column([2, 4, 8, null, 4, null]), { dropna: false }).toArray()).toEqual([4, null]);
    expect(mode(column([2, 4, 8, null, 4, null])).toArray()).toEqual([4]);
  });
  it("mode(empty) is empty; strings sort by bytes", () => {
    expect(mode(column([], "utf8")).toArray()).toEqual([]);
    expect(mode(column(["b", "a", "b", "a"])).toArray()).toEqual(["a", "b"]);
  });
});

describe("properties vs naive references", () => {
  it("unique, nunique, valueCounts, mode match a Map of rendered values", () => {
    fc.assert(
      fc.property(columnArb(40), fc.boolean(), ([kind, values, how], dropna) => {
        const col = layout(kind, values, how);
        const vals = col.toArray();
        expect(unique(col).toArray()).toEqual(naiveFactorize(vals, "code").uniques);
        const ref = naiveCounts(vals, dropna);
        expect(nunique(col, { dropna })).toBe(ref.values.length);
        // valueCounts of a categorical starts from category order (the sorted distinct
        // values: no category is unobserved here), the null last, as pandas
        const start = kind.startsWith("dictionary")
          ? ref.values
              .map((_, j) => j)
              .sort((a, b) => {
                const [x, y] = [ref.values[a], ref.values[b]];
                return x === null ? 1 : y === null ? -1 : compareValues(x, y);
              })
          : ref.values.map((_, j) => j);
        const order = start.sort((a, b) => (ref.counts[b] as number) - (ref.counts[a] as number));
        const vc = valueCounts(col, { dropna });
        expect(vc.values.toArray()).toEqual(order.map((j) => ref.values[j]));
        expect(vc.counts.toArray()).toEqual(order.map((j) => BigInt(ref.counts[j] as number)));
        const best = Math.max(0, ...ref.counts);
        const modes = ref.values.filter((_, j) => best > 0 && ref.counts[j] === best).sort(naiveCompare);
        expect(mode(col, { dropna }).toArray()).toEqual(modes);
      }),
      { seed: 11, numRuns: 250 },
    );
  });
});

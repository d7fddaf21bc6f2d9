import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { dictionary, int8, int16, int64, uint8, utf8 } from "../../../src/core/dtype.js";
import { DTypeError, OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { cast } from "../../../src/core/kernels/cast.js";
import {
  categorical,
  categoryCodes,
  categoryCounts,
  codeDType,
  dictionaryOf,
  recode,
  unifyDictionaries,
} from "../../../src/core/kernels/categorical.js";
import { eq, ge, gt, le, lt, ne } from "../../../src/core/kernels/compare.js";
import { argmax, argmin, max, min } from "../../../src/core/kernels/reduce.js";
import { argsort } from "../../../src/core/kernels/sort.js";
import { valueCounts } from "../../../src/core/kernels/unique.js";

/** Two chunks with different dictionaries: ["x", "y", null] over [x, y] and ["z", "x"] over [z, x]. */
function twoDictionaries(ordered = false) {
  const a = categorical(["x", "y", null], { categories: ["x", "y"], ordered });
  const b = categorical(["z", "x"], { categories: ["z", "x"], ordered });
  return new Column(a.dtype, [...a.chunks, ...b.chunks]);
}

describe("astype('category') / cast to dictionary", () => {
  it("cast(utf8, 'category') sorts the categories, as pandas (pd.Series(list('bacb')).astype('category'))", () => {
    const c = cast(column(["b", "a", "c", "b", null]), "category");
    expect(dictionaryOf(c as never).toArray()).toEqual(["a", "b", "c"]);
    expect(c.toArray()).toEqual(["b", "a", "c", "b", null]);
    expect((c.dtype as { ordered: boolean }).ordered).toBe(false);
  });
  it("cast(numbers, 'category') sorts by value before writing text ([10, 9, 100] → 9, 10, 100)", () => {
    const c = cast(column([10, 9, 100, 9], "int32"), "category");
    expect(dictionaryOf(c as never).toArray()).toEqual(["9", "10", "100"]);
  });
  it("cast(multi-chunk utf8, 'category') shares one sorted dictionary across chunks", () => {
    const s = new Column(utf8, [...column(["q", "b"]).chunks, ...column(["a", null]).chunks]);
    const c = cast(s, "category");
    expect(c.chunks.length).toBe(2);
    expect(c.chunks[0]?.dictionary).toBe(c.chunks[1]?.dictionary);
    expect(c.chunks[0]?.dictionary?.toArray()).toEqual(["a", "b", "q"]);
    expect(c.toArray()).toEqual(["q", "b", "a", null]);
  });
  it("cast(dictionary, dictionary<int8>) keeps the categories as they are", () => {
    const c = categorical(["b", "a"], { categories: ["b", "a"] });
    const d = cast(c, dictionary(int8));
    expect(d.chunks[0]?.dictionary?.toArray()).toEqual(["b", "a"]);
    expect(d.toArray()).toEqual(["b", "a"]);
  });
});

describe("categorical(values, {categories, ordered})", () => {
  it("categorical(values) infers sorted categories, unordered (pd.Categorical(['a','b','c','a','b','c']))", () => {
    const c = categorical(["a", "b", "c", "a", "b", "c"]);
    expect(dictionaryOf(c).toArray()).toEqual(["a", "b", "c"]);
    expect(c.dtype.ordered).toBe(false);
    expect(c.dtype.index).toEqual({ kind: "int32" });
  });
  it("categorical(values, {categories, ordered: true}) keeps the given order; min is the first (pandas doc: c.min() == 'c')", () => {
    const c = categorical(["a", "b", "c", "a", "b", "c"], { categories: ["c", "b", "a"], ordered: true });
    expect(dictionaryOf(c).toArray()).toEqual(["c", "b", "a"]);
    expect(c.dtype.ordered).toBe(true);
    expect(min(c)).toBe("c");
    expect(max(c)).toBe("a");
  });
  it("categorical(values, {categories}) makes values outside the categories null (pandas: NaN)", () => {
    const c = categorical(["a", "b", "c", "d", null], { categories: ["a", "b", "c"] });
    expect(c.toArray()).toEqual(["a", "b", "c", null, null]);
    expect(c.nullCount).toBe(2);
    // codes by hand: a=0, b=1, c=2
    expect(categoryCodes(c).toArray()).toEqual([0, 1, 2, -1, -1]);
  });
  it("categorical(column) accepts string, dictionary and numeric columns", () => {
    expect(categorical(column(["x", "y"], "large_utf8"), { categories: ["y"] }).toArray()).toEqual([
      null,
      "y",
    ]);
    const d = twoDictionaries();
    const c = categorical(d, { categories: ["z", "y"], ordered: true });
    expect(c.toArray()).toEqual([null, "y", null, "z", null]);
    expect(c.chunks[0]?.dictionary).toBe(c.chunks[1]?.dictionary);
    expect(categorical(column([3, 1, 3], "int32")).toArray()).toEqual(["3", "1", "3"]);
    expect(dictionaryOf(categorical(column([3, 1, 3], "int32"))).toArray()).toEqual(["1", "3"]);
    expect(categorical(d, { ordered: true }).dtype.ordered).toBe(true);
  });
  it("categorical(values, {categories}) with a repeated or null category raises an OptionError naming it", () => {
    expect(() => categorical(["a"], { categories: ["a", "b", "a"] })).toThrow(OptionError);
    expect(() => categorical(["a"], { categories: ["a", "b", "a"] })).toThrow(/"a" is repeated/);
    expect(() => categorical(["a"], { categories: ["a", null as never] })).toThrow(
      /cannot be null \(position 1\)/,
    );
    expect(() => categorical(["a"], { categories: [1 as never] })).toThrow(
      /must be strings, got 1 at position 0/,
    );
    expect(() => categorical(["a"], { ordered: "yes" as never })).toThrow(/invalid ordered: "yes"/);
    expect(() => categorical(["a"], { sorted: true } as never)).toThrow(/unknown option "sorted"/);
    expect(() => categorical(3 as never)).toThrow(DTypeError);
  });
});

describe("categoryCodes(col)", () => {
  it("categoryCodes(col) gives -1 for nulls, in pandas' code dtype (pd.Series(['a', 'b', nan], dtype='category').cat.codes)", () => {
    const c = cast(column(["a", "b", null]), "category");
    const codes = categoryCodes(c as never);
    expect(codes.dtype).toEqual({ kind: "int8" });
    expect(codes.toArray()).toEqual([0, 1, -1]);
  });
  it("codeDType(k) follows pandas' coerce_indexer_dtype (int8 below 127 categories, int16 below 32767)", () => {
    expect(codeDType(0)).toEqual(int8);
    expect(codeDType(126)).toEqual(int8);
    expect(codeDType(127)).toEqual(int16);
    expect(codeDType(32766)).toEqual(int16);
    expect(codeDType(32767).kind).toBe("int32");
  });
  it("categoryCodes(col) views int8 codes without nulls, and reads 64-bit and unsigned codes", () => {
    const c = cast(column(["b", "a"]), dictionary(int8));
    const codes = categoryCodes(c as never);
    expect(codes.chunks[0]?.values).toBe(c.chunks[0]?.values);
    expect(codes.toArray()).toEqual([1, 0]);
    expect(categoryCodes(cast(column(["b", null, "a"]), dictionary(int64)) as never).toArray()).toEqual([
      1, -1, 0,
    ]);
    expect(categoryCodes(cast(column(["b", null, "a"]), dictionary(uint8)) as never).toArray()).toEqual([
      1, -1, 0,
    ]);
    // 200 categories: int16 codes
    const many = cast(
      column(Array.from({ length: 200 }, (_, i) => `v${String(i).padStart(3, "0")}`)),
      "category",
    );
    const mc = categoryCodes(many as never);
    expect(mc.dtype).toEqual(int16);
    expect(mc.get(199)).toBe(199);
  });
  it("categoryCodes(col) of chunks with different dictionaries unifies them first (first appearance: x, y, z)", () => {
    expect(categoryCodes(twoDictionaries()).toArray()).toEqual([0, 1, -1, 2, 0]);
  });
});

describe("recode(col, categories, remap, ordered)", () => {
  it("recode(col, names, null) shares the codes (a rename)", () => {
    const c = categorical(["a", "b", null, "a"]);
    const r = recode(c, ["A", "B"], null, false);
    expect(r.chunks[0]?.values).toBe(c.chunks[0]?.values);
    expect(r.toArray()).toEqual(["A", "B", null, "A"]);
  });
  it("recode(col, categories, remap) maps codes and makes -1 null, on a slice at an odd offset", () => {
    const c = categorical(["c", "a", "b", null, "c", "a"], { categories: ["a", "b", "c"] }).slice(1);
    // new categories [c, a]: a(0) → 1, b(1) → dropped, c(2) → 0
    const r = recode(c, ["c", "a"], Int32Array.from([1, -1, 0]), true);
    expect(r.toArray()).toEqual(["a", null, null, "c", "a"]);
    expect(r.nullCount).toBe(2);
    expect(r.dtype.ordered).toBe(true);
  });
  it("recode(col, 200 categories) widens int8 codes to int16", () => {
    const c = cast(column(["a", "b"]), dictionary(int8)) as Column<never>;
    const cats = ["a", "b", ...Array.from({ length: 198 }, (_, i) => `n${i}`)];
    const r = recode(c as never, cats, null, false);
    expect(r.dtype.index).toEqual(int16);
    expect(r.toArray()).toEqual(["a", "b"]);
  });
  it("recode(col, categories, remap) equals remapping decoded strings (random codes, nulls, slices, chunks, index dtypes)", () => {
    const arb = fc.record({
      k: fc.integer({ min: 1, max: 8 }),
      rows: fc.array(fc.option(fc.nat(7), { nil: null, freq: 4 }), { maxLength: 60 }),
      keep: fc.array(fc.integer({ min: -1, max: 9 }), { minLength: 8, maxLength: 8 }),
      index: fc.constantFrom("int8", "int16", "int32", "int64", "uint8", "uint32"),
      how: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(arb, ({ k, rows, keep, index, how }) => {
        const cats = Array.from({ length: k }, (_, i) => `c${i}`);
        const values = rows.map((r) => (r === null ? null : (cats[r % k] as string)));
        let col = cast(
          categorical(values, { categories: cats }),
          `dictionary<${index}, utf8>`,
        ) as Column<never>;
        if (how === 1 && values.length > 2) col = col.slice(2) as never;
        if (how === 2 && values.length > 2) {
          const h = values.length >> 1;
          col = new Column(col.dtype, [...col.slice(0, h).chunks, ...col.slice(h).chunks]) as never;
        }
        const decoded = col.toArray() as (string | null)[];
        // remap: old code j → keep[j] (clamped into the new categories, -1 drops)
        const next = Array.from({ length: 10 }, (_, i) => `n${i}`);
        const remap = Int32Array.from(cats, (_, j) => keep[j] as number);
        const r = recode(col as never, next, remap, false);
        const expected = decoded.map((v) => {
          if (v === null) return null;
          const to = remap[cats.indexOf(v)] as number;
          return to < 0 ? null : next[to];
        });
        expect(r.toArray()).toEqual(expected);
        expect(r.nullCount).toBe(expected.filter((v) => v === null).length);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
  it("recode(col) of 1e5 rows equals the decoded reference", () => {
    const n = 100_000;
    const cats = ["p", "q", "r", "s", "t"];
    const values = Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : (cats[(i * 7) % 5] as string)));
    const col = categorical(values, { categories: cats });
    const r = recode(col, ["t", "p"], Int32Array.from([1, -1, -1, -1, 0]), false);
    const want = values.map((v) => (v === "p" || v === "t" ? v : null));
    expect(r.toArray()).toEqual(want);
  });
});

describe("unifyDictionaries(col) and categoryCounts(col)", () => {
  it("unifyDictionaries(col) merges dictionaries in order of first appearance; a shared one is kept", () => {
    const u = unifyDictionaries(twoDictionaries());
    expect(dictionaryOf(u).toArray()).toEqual(["x", "y", "z"]);
    expect(u.toArray()).toEqual(["x", "y", null, "z", "x"]);
    const one = categorical(["a"]);
    expect(unifyDictionaries(one)).toBe(one);
  });
  it("categoryCounts(col, withNull) counts rows per category, unobserved ones 0, nulls last", () => {
    const c = categorical(["a", null, "c", "c"], { categories: ["a", "b", "c"] });
    expect(Array.from(categoryCounts(c, false))).toEqual([1, 0, 2]);
    expect(Array.from(categoryCounts(c, true))).toEqual([1, 0, 2, 1]);
    expect(Array.from(categoryCounts(c.slice(1) as never, false))).toEqual([0, 0, 2]);
  });
});

describe("valueCounts(categorical)", () => {
  it("valueCounts(col) lists unobserved categories with 0, ties in category order (pandas user guide: c 2, a 1, b 1, d 0)", () => {
    const c = categorical(["a", "b", "c", "c"], { categories: ["c", "a", "b", "d"] });
    const { values, counts } = valueCounts(c);
    expect(values.toArray()).toEqual(["c", "a", "b", "d"]);
    expect(counts.toArray()).toEqual([2n, 1n, 1n, 0n]);
    // the values stay a categorical over the same categories
    expect(values.dtype).toEqual(c.dtype);
    expect(values.chunks[0]?.dictionary).toBe(c.chunks[0]?.dictionary);
  });
  it("valueCounts(col, {sort: false, dropna: false, normalize, ascending}) follow category order; the null after the categories", () => {
    const c = categorical(["b", null, "b", "a", null, null], { categories: ["b", "a", "z"] });
    expect(valueCounts(c, { sort: false }).values.toArray()).toEqual(["b", "a", "z"]);
    expect(valueCounts(c, { sort: false }).counts.toArray()).toEqual([2n, 1n, 0n]);
    const withNull = valueCounts(c, { dropna: false });
    // counts b 2, a 1, z 0, null 3 → null 3, b 2, a 1, z 0
    expect(withNull.values.toArray()).toEqual([null, "b", "a", "z"]);
    expect(withNull.counts.toArray()).toEqual([3n, 2n, 1n, 0n]);
    // proportions of the 3 non-null rows
    expect(valueCounts(c, { normalize: true }).counts.toArray()).toEqual([2 / 3, 1 / 3, 0]);
    expect(valueCounts(c, { ascending: true }).values.toArray()).toEqual(["z", "a", "b"]);
  });
  it("valueCounts(col) of chunks with different dictionaries counts over the unified categories", () => {
    const { values, counts } = valueCounts(twoDictionaries());
    expect(values.toArray()).toEqual(["x", "y", "z"]);
    expect(counts.toArray()).toEqual([2n, 1n, 1n]);
  });
});

describe("sorting, min/max and comparisons by category order", () => {
  it("argsort(categorical) follows category order, ordered or not (pandas Categorical.argsort)", () => {
    // pd.Categorical(['b', 'b', 'a', 'c'], categories=['c', 'b', 'a'], ordered=True).argsort() → [3, 0, 1, 2]
    const o = categorical(["b", "b", "a", "c"], { categories: ["c", "b", "a"], ordered: true });
    expect(Array.from(argsort(o))).toEqual([3, 0, 1, 2]);
    const u = categorical(["b", "b", "a", "c", null], { categories: ["c", "b", "a"] });
    expect(Array.from(argsort(u))).toEqual([3, 0, 1, 2, 4]);
    expect(Array.from(argsort(u, { descending: true }))).toEqual([2, 0, 1, 3, 4]);
  });
  it("min/max(unordered categorical) raise a DTypeError naming the op and asOrdered()", () => {
    const u = categorical(["a", "b"]);
    expect(() => min(u)).toThrow(/Categorical is not ordered for operation min.*asOrdered\(\)/);
    expect(() => max(u)).toThrow(/operation max/);
    expect(argmax(u)).toBe(1);
  });
  it("min/argmin of chunks with different dictionaries follow the unified category order", () => {
    // unified categories x < y < z (first appearance): min x (row 0), max z (row 3)
    const d = twoDictionaries(true);
    expect(min(d)).toBe("x");
    expect(max(d)).toBe("z");
    expect(argmin(d)).toBe(0);
    expect(argmax(d)).toBe(3);
    expect(min(categorical([null, null], { categories: ["a"], ordered: true }))).toBeNull();
  });
  it("lt/le/gt/ge(ordered categorical, string) compare category positions (pandas user guide: cat > 2)", () => {
    // pd.Series([1, 2, 3]).astype(CategoricalDtype([3, 2, 1], ordered=True)) > 2 → [False, False, True]
    const cat = categorical(["1", "2", "3", null], { categories: ["3", "2", "1"], ordered: true });
    expect(gt(cat, "2").toArray()).toEqual([true, false, false, null]);
    expect(ge(cat, "2").toArray()).toEqual([true, true, false, null]);
    expect(lt(cat, "2").toArray()).toEqual([false, false, true, null]);
    expect(le(cat, "2").toArray()).toEqual([false, true, true, null]);
    // scalar first: "2" < cat ⇔ cat > "2"
    expect(lt("2", cat).toArray()).toEqual([true, false, false, null]);
    expect(eq(cat, "2").toArray()).toEqual([false, true, false, null]);
    expect(ne(cat, "9").toArray()).toEqual([true, true, true, null]);
  });
  it("gt(ordered, ordered) compares codes when the categories match (pandas user guide: cat > cat_base)", () => {
    const cat = categorical(["1", "2", "3"], { categories: ["3", "2", "1"], ordered: true });
    const base = categorical(["2", "2", "2"], { categories: ["3", "2", "1"], ordered: true });
    expect(gt(cat, base).toArray()).toEqual([true, false, false]);
    expect(eq(cat, base).toArray()).toEqual([false, true, false]);
    // cat_base2 has other categories: TypeError in pandas
    const base2 = categorical(["2", "2", "2"], { ordered: true });
    expect(() => gt(cat, base2)).toThrow(/categories are the same, in the same order/);
  });
  it("ordering comparisons with an unordered categorical, a non-category or a plain column raise a DTypeError", () => {
    const u = categorical(["a", "b"]);
    expect(() => lt(u, "a")).toThrow(/lt: unordered categoricals can only compare equality/);
    expect(() => ge(u, u)).toThrow(/unordered/);
    const o = categorical(["a", "b"], { ordered: true });
    expect(() => lt(o, "q")).toThrow(/"q" is not among the categories/);
    expect(() => lt(o, column(["a", "b"]))).toThrow(/compares only with one of its categories.*utf8/);
    expect(() => lt(o, 1)).toThrow(DTypeError);
    expect(lt(o, null).toArray()).toEqual([null, null]);
  });
});

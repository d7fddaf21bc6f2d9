import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { dictionary, int8, utf8 } from "../../../src/core/dtype.js";
import { DTypeError, OptionError, ShapeError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { factorize } from "../../../src/core/kernels/factorize.js";
import { factorizeMany } from "../../../src/core/kernels/factorize-many.js";
import { hashBytes } from "../../../src/core/kernels/hash.js";
import { naiveFactorize } from "./hash-naive.js";
import { columnArb, KINDS, layout, valuesOf } from "./sort-arbitraries.js";

const arr = (a: Int32Array) => Array.from(a);

describe("factorize: pandas.factorize documentation examples", () => {
  it("factorize(col) codes in order of appearance (['b','b','a','c','b'])", () => {
    const { codes, uniques } = factorize(column(["b", "b", "a", "c", "b"]));
    expect(arr(codes)).toEqual([0, 0, 1, 2, 0]);
    expect(uniques.toArray()).toEqual(["b", "a", "c"]);
  });
  it("factorize(col, {sort: true}) sorts the uniques", () => {
    const { codes, uniques } = factorize(column(["b", "b", "a", "c", "b"]), { sort: true });
    expect(arr(codes)).toEqual([1, 1, 0, 2, 1]);
    expect(uniques.toArray()).toEqual(["a", "b", "c"]);
  });
  it("factorize(col) marks a missing value with -1 (['b', None, 'a', 'c', 'b'])", () => {
    const { codes, uniques } = factorize(column(["b", null, "a", "c", "b"]));
    expect(arr(codes)).toEqual([0, -1, 1, 2, 0]);
    expect(uniques.toArray()).toEqual(["b", "a", "c"]);
  });
  it("factorize(col, {nulls: 'code'}) gives the null a code ([1, 2, 1, NaN] with use_na_sentinel=False)", () => {
    // pandas: codes [0, 1, 0, 2], uniques [1., 2., nan]; here the missing value is a null
    const { codes, uniques } = factorize(column([1, 2, 1, null]), { nulls: "code" });
    expect(arr(codes)).toEqual([0, 1, 0, 2]);
    expect(uniques.toArray()).toEqual([1, 2, null]);
  });
  it("factorize(categorical) keeps a dictionary of the used categories (pd.Categorical(['a','a','c']))", () => {
    const cat = column(["a", "a", "c"], dictionary(int8, utf8));
    const { codes, uniques } = factorize(cat);
    expect(arr(codes)).toEqual([0, 0, 1]);
    expect(uniques.dtype.kind).toBe("dictionary");
    expect(uniques.toArray()).toEqual(["a", "c"]);
  });
});

describe("factorize: hand computations", () => {
  it("factorize(float64) treats NaN as one value and -0 as 0", () => {
    const { codes, uniques } = factorize(column([NaN, -0, 0, NaN, 1.5]));
    expect(arr(codes)).toEqual([0, 1, 1, 0, 2]);
    expect(uniques.toArray()).toEqual([NaN, 0, 1.5]);
  });
  it("factorize(int64) keeps values beyond 2^53 apart", () => {
    const big = 2n ** 53n;
    const { codes, uniques } = factorize(column([big, big + 1n, big, -1n], "int64"), { sort: true });
    expect(arr(codes)).toEqual([1, 2, 1, 0]);
    expect(uniques.toArray()).toEqual([-1n, big, big + 1n]);
  });
  it("factorize(col, {nulls: 'code', sort: true}) puts the null code last", () => {
    const { codes, uniques } = factorize(column(["b", null, "a"]), { nulls: "code", sort: true });
    expect(arr(codes)).toEqual([1, 2, 0]);
    expect(uniques.toArray()).toEqual(["a", "b", null]);
  });
  it("factorize(dictionary chunks with different dictionaries) unifies by string", () => {
    const a = column(["x", "y"], "category");
    const b = column(["y", "z", "x"], "category");
    const col = new Column(a.dtype, [...a.chunks, ...b.chunks]);
    const { codes, uniques } = factorize(col);
    expect(arr(codes)).toEqual([0, 1, 1, 2, 0]);
    expect(uniques.toArray()).toEqual(["x", "y", "z"]);
  });
  it("factorize(utf8) tells apart short strings that share their first and last four bytes", () => {
    // strings of 0..9 bytes are keyed by (length, first 4 bytes, last 4 bytes);
    // these differ only in the middle, in length, or by a trailing NUL
    const values = [
      "abcd",
      "abcXd",
      "abcYd",
      "aXcd",
      "abcd\u0000",
      "abc",
      "ab",
      "",
      "a",
      "abcdefgh",
      "abcdXfgh",
      "abcdefghi",
      "abcdefgXi",
      "ébcd",
      "abcXd",
      "abc",
      "",
    ];
    const { codes, uniques } = factorize(column(values));
    // first appearance order, written out by hand: the repeats are "abcXd" (1), "abc" (5), "" (7)
    expect(Array.from(codes)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 1, 5, 7]);
    expect(uniques.toArray()).toEqual(values.slice(0, 14));
  });

  it("factorize(col) returns codes the caller owns (cache not shared)", () => {
    const col = column([1, 2, 1]);
    const first = factorize(col);
    first.codes[0] = 99;
    expect(arr(factorize(col).codes)).toEqual([0, 1, 0]);
  });
  it("factorize(int32) over a wide range uses the hash table and grows it", () => {
    const v = Int32Array.from({ length: 5000 }, (_, i) => (i % 1000) * 1_000_003 - 2 ** 30);
    const { codes, uniques } = factorize(column(v));
    expect(uniques.length).toBe(1000);
    expect(codes[1000]).toBe(0);
    expect(codes[4999]).toBe(999);
  });
  it("hashBytes(dv, bytes, start, end) is MurmurHash3_x86_32 with seed 0", () => {
    // published reference values: "" → 0, "hello" → 0x248bfa47, "hello, world" → 0x149bbb7f
    const b = new TextEncoder().encode("hello, world");
    const dv = new DataView(b.buffer);
    expect(hashBytes(dv, b, 0, 0)).toBe(0);
    expect(hashBytes(dv, b, 0, 5) >>> 0).toBe(0x248bfa47);
    expect(hashBytes(dv, b, 0, 12) >>> 0).toBe(0x149bbb7f);
  });
  it("hashBytes(dv, bytes, start, end) depends on the bytes only, not their position", () => {
    const b = new TextEncoder().encode("xxhello worldhello world");
    const dv = new DataView(b.buffer);
    expect(hashBytes(dv, b, 2, 13)).toBe(hashBytes(dv, b, 13, 24));
    expect(hashBytes(dv, b, 2, 13)).not.toBe(hashBytes(dv, b, 2, 12));
  });
  it("hashBytes spreads 20000 distinct keys over distinct low 16 bits mostly (a sanity check of the mix)", () => {
    const enc = new TextEncoder();
    const slots = new Set<number>();
    for (let i = 0; i < 20000; i++) {
      const b = enc.encode(`id${i}`);
      slots.add(hashBytes(new DataView(b.buffer), b, 0, b.length) & 0xffff);
    }
    // 20000 balls in 65536 bins: about 65536 * (1 - e^(-20000/65536)) ≈ 17260 distinct expected
    expect(slots.size).toBeGreaterThan(16800);
  });
});

describe("factorizeMany", () => {
  it("factorizeMany([a, b]) codes key tuples in order of appearance", () => {
    const { codes, uniques } = factorizeMany([column(["a", "b", "a", "a"]), column([1, 2, 1, 3], "int32")]);
    expect(arr(codes)).toEqual([0, 1, 0, 2]);
    expect(uniques[0]?.toArray()).toEqual(["a", "b", "a"]);
    expect(uniques[1]?.toArray()).toEqual([1, 2, 3]);
  });
  it("factorizeMany([a, b], {sort: true}) orders tuples lexicographically", () => {
    const { codes, uniques } = factorizeMany([column(["b", "a", "b", "a"]), column([2, 9, 1, 9], "int32")], {
      sort: true,
    });
    // tuples: (a,9) < (b,1) < (b,2)
    expect(arr(codes)).toEqual([2, 0, 1, 0]);
    expect(uniques[0]?.toArray()).toEqual(["a", "b", "b"]);
    expect(uniques[1]?.toArray()).toEqual([9, 1, 2]);
  });
  it("factorizeMany(cols) gives -1 to rows with a null key unless nulls: 'code'", () => {
    const cols = [column(["a", null, "a"]), column([1, 1, null])];
    expect(arr(factorizeMany(cols).codes)).toEqual([0, -1, -1]);
    expect(arr(factorizeMany(cols, { nulls: "code" }).codes)).toEqual([0, 1, 2]);
  });
  it("factorizeMany(cols) with a large code product pairs codes in a 64-bit table", () => {
    const n = 70000;
    const a = column(Int32Array.from({ length: n }, (_, i) => i));
    const b = column(Int32Array.from({ length: n }, (_, i) => i % 7));
    const c = column(Int32Array.from({ length: n }, (_, i) => (i * 7) % n));
    const { codes } = factorizeMany([a, b, c]);
    expect(codes[n - 1]).toBe(n - 1);
  });
  it("factorizeMany(cols) rejects unequal lengths and empty input", () => {
    expect(() => factorizeMany([column([1, 2]), column([1])])).toThrow(ShapeError);
    expect(() => factorizeMany([column([1, 2]), column([1])])).toThrow(/cols\[1\] has length 1/);
    expect(() => factorizeMany([])).toThrow(ShapeError);
  });
});

describe("factorize: errors", () => {
  it("factorize(col, {nulls: 'drop'}) names the bad option", () => {
    expect(() => factorize(column([1]), { nulls: "drop" as never })).toThrow(OptionError);
    expect(() => factorize(column([1]), { nulls: "drop" as never })).toThrow(/invalid nulls: "drop"/);
    expect(() => factorize(column([1]), { sort: 1 as never })).toThrow(/invalid sort: 1/);
  });
  it("factorize([1, 2]) rejects a non-column", () => {
    expect(() => factorize([1, 2] as never)).toThrow(DTypeError);
  });
});

describe("factorize: properties vs a Map keyed by rendered values", () => {
  const opts = fc.record({ nulls: fc.constantFrom("exclude", "code"), sort: fc.boolean() });
  it("factorize(col, options) matches the naive reference for every dtype and layout", () => {
    fc.assert(
      fc.property(columnArb(40), opts, ([kind, values, how], o) => {
        const col = layout(kind, values, how);
        const ref = naiveFactorize(col.toArray(), o.nulls as "exclude" | "code", o.sort);
        const got = factorize(col, o as never);
        expect(arr(got.codes)).toEqual(ref.codes);
        expect(got.uniques.toArray()).toEqual(ref.uniques);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
  it("factorizeMany(cols, options) matches factorizing rendered tuples", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.constantFrom(...KINDS),
        fc.integer({ min: 0, max: 30 }),
        opts,
        fc.integer({ min: 0, max: 2 }),
        (k1, k2, n, o, how) => {
          const v1 = fc.sample(valuesOf(k1, n, n), { seed: n, numRuns: 1 })[0] as unknown[];
          const v2 = fc.sample(valuesOf(k2, n, n), { seed: n + 1, numRuns: 1 })[0] as unknown[];
          const c1 = layout(k1, v1, how);
          const c2 = layout(k2, v2, 2 - how);
          const a = c1.toArray();
          const b = c2.toArray();
          const tuples = a.map((x, i) =>
            o.nulls === "exclude" && (x === null || b[i] === null)
              ? null
              : JSON.stringify([String(x), typeof x, String(b[i]), typeof b[i]]),
          );
          const got = factorizeMany([c1, c2], o as never);
          if (!o.sort) expect(arr(got.codes)).toEqual(naiveFactorize(tuples).codes);
          // every row's code points at its own tuple
          got.codes.forEach((c, i) => {
            if (c < 0) return;
            expect(
              Object.is(got.uniques[0]?.get(c), a[i] === 0 ? 0 : a[i]) ||
                String(got.uniques[0]?.get(c)) === String(a[i]),
            ).toBe(true);
            expect(String(got.uniques[1]?.get(c))).toBe(String(b[i]));
          });
        },
      ),
      { seed: 7, numRuns: 150 },
    );
  });
  it("factorize(col) of 1e5 random int32 and utf8 values matches the reference", () => {
    const rnd = fc.sample(fc.integer({ min: -50000, max: 50000 }), { seed: 3, numRuns: 100000 });
    const ints = column(Int32Array.from(rnd));
    expect(arr(factorize(ints).codes)).toEqual(naiveFactorize(ints.toArray()).codes);
    const strs = column(rnd.map((x) => (x % 3 === 0 ? null : `k${x % 5000}`)));
    const ref = naiveFactorize(strs.toArray(), "code", true);
    const got = factorize(strs, { nulls: "code", sort: true });
    expect(arr(got.codes)).toEqual(ref.codes);
    expect(got.uniques.toArray()).toEqual(ref.uniques);
  });
});

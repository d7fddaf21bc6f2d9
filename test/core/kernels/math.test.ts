import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { DTypeError, OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import {
  acos,
  asin,
  atan,
  ceil,
  clip,
  cos,
  exp,
  expm1,
  floor,
  log,
  log1p,
  log2,
  log10,
  round,
  sign,
  sin,
  sqrt,
  tan,
  trunc,
} from "../../../src/core/kernels/math.js";

const FNS = { sqrt, exp, expm1, log, log1p, log2, log10, sin, cos, tan, asin, acos, atan } as const;

describe("math: float functions", () => {
  it("sqrt(col) of [4, null, 2.25, -1] is [2, null, 1.5, NaN]; int input gives float64", () => {
    expect(sqrt(column([4, null, 2.25, -1])).toArray()).toEqual([2, null, 1.5, NaN]);
    const r = sqrt(column([9, 16], "int32"));
    expect([r.dtype.kind, ...r.toArray()]).toEqual(["float64", 3, 4]);
  });
  it("log(col): log(0) is -Infinity and log(-1) NaN (NumPy); log2, log10, log1p, expm1 at exact points", () => {
    expect(log(column([1, 0, -1, Math.E])).toArray()).toEqual([0, -Infinity, NaN, 1]);
    expect(log2(column([8, 1, 0.5])).toArray()).toEqual([3, 0, -1]);
    expect(log10(column([1000, 0.01], "float64")).toArray()).toEqual([3, -2]);
    expect(log1p(column([0, -1])).toArray()).toEqual([0, -Infinity]);
    expect(expm1(column([0])).toArray()).toEqual([0]);
    expect(exp(column([0, 1])).toArray()).toEqual([1, Math.E]);
  });
  it("float32 input stays float32 (rounded results); int64 and bool compute in float64", () => {
    const r = sqrt(column([2], "float32"));
    expect([r.dtype.kind, r.get(0)]).toEqual(["float32", Math.fround(Math.SQRT2)]);
    expect(exp(column([0n, 2n ** 60n], "int64")).toArray()).toEqual([1, Infinity]);
    expect(cos(column([true, false])).dtype.kind).toBe("float64");
  });
  it("each function matches Math.* over random values, nulls, slices and chunks", () => {
    const cell = fc.oneof(fc.constant(null), fc.double({ min: -10, max: 10, noNaN: true }));
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(FNS) as (keyof typeof FNS)[])),
        fc.constantFrom("float64", "float32", "int32", "int8"),
        fc.array(cell, { maxLength: 40 }),
        fc.integer({ min: 0, max: 3 }),
        (name, kind, raw, skip) => {
          const vals = kind.startsWith("int")
            ? raw.map((v) => (v === null ? null : Math.trunc(v) + 0)) // + 0 turns -0 into 0, as int storage does
            : kind === "float32"
              ? raw.map((v) => (v === null ? null : Math.fround(v)))
              : raw;
          const full = column(vals, kind).slice(skip);
          const k = full.length >> 1;
          const col = new Column(full.dtype, [...full.slice(0, k).chunks, ...full.slice(k).chunks]);
          const f = Math[name] as (x: number) => number;
          const want = vals
            .slice(skip)
            .map((v) => (v === null ? null : kind === "float32" ? Math.fround(f(v)) : f(v)));
          expect(FNS[name](col).toArray()).toEqual(want);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
  it("trigonometric inverses: asin(2) is NaN, acos(1) is 0, atan(Infinity) is pi/2; sin/tan of 0", () => {
    expect(asin(column([0, 2])).toArray()).toEqual([0, NaN]);
    expect(acos(column([1])).toArray()).toEqual([0]);
    expect(atan(column([Infinity])).toArray()).toEqual([Math.PI / 2]);
    expect(sin(column([0])).toArray()).toEqual([0]);
    expect(tan(column([0])).toArray()).toEqual([0]);
  });
});

describe("math: round, floor, ceil, trunc", () => {
  it("round(col) is half to even: np.round([0.5, 1.5, 2.5]) == [0, 2, 2] (NumPy docs)", () => {
    expect(round(column([0.5, 1.5, 2.5])).toArray()).toEqual([0, 2, 2]);
    expect(round(column([-0.5, -1.5, -2.5, 3.7, null])).toArray()).toEqual([-0, -2, -2, 4, null]);
  });
  it("round(col, decimals): np.round([.5, 1.5, 2.5, 3.5, 4.5]) and np.round([1, 2, 3, 11], decimals=1) (NumPy docs)", () => {
    expect(round(column([0.5, 1.5, 2.5, 3.5, 4.5])).toArray()).toEqual([0, 2, 2, 4, 4]);
    expect(round(column([1, 2, 3, 11]), 1).toArray()).toEqual([1, 2, 3, 11]);
    expect(round(column([0.123, 0.456]), 2).toArray()).toEqual([0.12, 0.46]);
    // NumPy docs: np.round([1, 2, 3, 11], decimals=-1) == [0, 0, 0, 10]
    expect(round(column([1, 2, 3, 11], "int32"), -1).toArray()).toEqual([0, 0, 0, 10]);
    expect(round(column([1, 2, 3, 11]), -1).toArray()).toEqual([0, 0, 0, 10]);
    expect(round(column([1250.0, 1350.0]), -2).toArray()).toEqual([1200, 1400]);
  });
  it("round(int col, -k) keeps the dtype and rounds ties to the even multiple, exactly for int64", () => {
    const r = round(column([15, 25, -15, -25, 14, null], "int16"), -1);
    expect([r.dtype.kind, ...r.toArray()]).toEqual(["int16", 20, 20, -20, -20, 10, null]);
    const big = 2n ** 62n + 15n; // …904 + 15 = …919 → …920
    expect(round(column([big, -big, 5n], "int64"), -1).toArray()).toEqual([big + 1n, -big - 1n, 0n]);
    // …615 rounds up to …620 = 2^64 + 4, which wraps to 4 (as integer overflow does)
    expect(round(column([2n ** 64n - 1n], "uint64"), -1).toArray()).toEqual([4n]);
    expect(round(column([7, 8], "uint8"), 2).toArray()).toEqual([7, 8]);
    expect(round(column([123n], "int64"), -30).toArray()).toEqual([0n]);
  });
  it("floor, ceil, trunc of floats; integers keep their dtype and values", () => {
    expect(floor(column([-1.5, 1.5, null])).toArray()).toEqual([-2, 1, null]);
    expect(ceil(column([-1.5, 1.5])).toArray()).toEqual([-1, 2]);
    expect(trunc(column([-1.7, 1.7])).toArray()).toEqual([-1, 1]);
    const i = floor(column([2n ** 62n + 1n, null], "int64"));
    expect([i.dtype.kind, ...i.toArray()]).toEqual(["int64", 2n ** 62n + 1n, null]);
    expect(ceil(column([1.5], "float32")).dtype.kind).toBe("float32");
  });
  it("round(col, 1.5) throws an OptionError naming decimals", () => {
    expect(() => round(column([1]), 1.5)).toThrowError(OptionError);
    expect(() => round(column([1]), 1.5)).toThrowError(/invalid decimals: 1.5/);
  });
});

describe("math: sign, clip", () => {
  it("sign(col) keeps the dtype: -1, 0, 1 and NaN for NaN", () => {
    const r = sign(column([-5, 0, 3, null], "int16"));
    expect([r.dtype.kind, ...r.toArray()]).toEqual(["int16", -1, 0, 1, null]);
    expect(sign(column([-2.5, NaN, -0, 7])).toArray()).toEqual([-1, NaN, 0, 1]);
    expect(sign(column([-(2n ** 62n), 0n, 2n ** 62n], "int64")).toArray()).toEqual([-1n, 0n, 1n]);
    expect(sign(column([2n ** 63n, 0n], "uint64")).toArray()).toEqual([1n, 0n]);
    expect(() => sign(column([true]))).toThrowError(/sign does not support dtype bool/);
  });
  it("clip(a, 1, 8) of arange(10) is [1, 1, 2, …, 8, 8] (NumPy docs); lower > upper gives upper", () => {
    const a = column([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], "int32");
    expect(clip(a, 1, 8).toArray()).toEqual([1, 1, 2, 3, 4, 5, 6, 7, 8, 8]);
    expect(clip(a, 8, 1).toArray()).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(clip(a, 3).toArray()).toEqual([3, 3, 3, 3, 4, 5, 6, 7, 8, 9]);
  });
  it("clip keeps the dtype, nulls and NaN; int64 bounds are exact", () => {
    expect(clip(column([-1.5, null, 2.5, NaN]), null, 1).toArray()).toEqual([-1.5, null, 1, NaN]);
    const big = column([-(2n ** 62n), 5n, 2n ** 62n + 1n], "int64");
    expect(clip(big, -10n, 2n ** 62n).toArray()).toEqual([-10n, 5n, 2n ** 62n]);
    expect(clip(column([1, 200], "uint8"), -5, 1000).toArray()).toEqual([1, 200]);
    expect(clip(column([2n ** 63n + 5n, 3n], "uint64"), 4n, 2n ** 63n).toArray()).toEqual([2n ** 63n, 4n]);
  });
  it("clip with bad bounds throws an OptionError naming the bound", () => {
    const a = column([1, 2], "int8");
    expect(() => clip(a, 1.5)).toThrowError(/invalid lower: 1.5/);
    expect(() => clip(a, 200)).toThrowError(/invalid lower: 200 \(out of range for a int8 column\)/);
    expect(() => clip(column([1]), Number.NaN)).toThrowError(OptionError);
    expect(() => clip(a, "1" as unknown as number)).toThrowError(/invalid lower: "1"/);
  });
});

describe("math: error paths", () => {
  it("non-numeric dtypes throw a DTypeError naming the dtype", () => {
    expect(() => sqrt(column(["a"]))).toThrowError(DTypeError);
    expect(() => sqrt(column(["a"]))).toThrowError(/sqrt does not support dtype utf8/);
    expect(() => round(column([1n], "timestamp[s]"))).toThrowError(/timestamp\[s\]/);
    expect(() => clip(column(["a"], "category"), 1)).toThrowError(/dictionary/);
    expect(() => floor(3 as unknown as Column)).toThrowError(/floor expects a Column/);
  });
});

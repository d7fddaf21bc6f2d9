import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { CastError, DTypeError, OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { categorical } from "../../../src/core/kernels/categorical.js";
import {
  all,
  any,
  argmax,
  argmin,
  count,
  first,
  kurt,
  last,
  max,
  mean,
  median,
  min,
  prod,
  quantile,
  skew,
  std,
  sum,
  variance,
} from "../../../src/core/kernels/reduce.js";

/** A column split into chunks of the given lengths. */
function chunked(values: unknown[], dtype: string, sizes: number[]): Column {
  const parts: Column[] = [];
  let at = 0;
  for (const n of sizes) {
    parts.push(column(values.slice(at, at + n), dtype));
    at += n;
  }
  return new Column(
    parts[0]!.dtype,
    parts.flatMap((p) => p.chunks),
  );
}

describe("sum", () => {
  it("sum(col) of int32 skips nulls and returns a number", () => {
    expect(sum(column([1, 2, null, 4], "int32"))).toBe(7);
  });
  it("sum(col) of an empty or all-null column is 0; minCount makes it null (pandas min_count)", () => {
    expect(sum(column([], "float64"))).toBe(0);
    expect(sum(column([null, null], "int32"))).toBe(0);
    expect(sum(column([null, null], "int32"), { minCount: 1 })).toBeNull();
    expect(sum(column([1, null], "int32"), { minCount: 2 })).toBeNull();
    expect(sum(column([1, 2], "int32"), { minCount: 2 })).toBe(3);
  });
  it("sum(col, {skipna: false}) gives null for a null and NaN for a NaN", () => {
    expect(sum(column([1, null, 2]), { skipna: false })).toBeNull();
    expect(sum(column([1, Number.NaN, 2]), { skipna: false })).toBeNaN();
    expect(sum(column([1, Number.NaN, 2]))).toBe(3);
  });
  it("sum(col) is compensated: [0.1, 0.2, 0.3] gives 0.6 where naive addition gives 0.6000000000000001", () => {
    // exact sum of the three doubles is 0.6000000000000000055…, nearest double 0.6
    expect(0.1 + 0.2 + 0.3).toBe(0.6000000000000001);
    expect(sum(column([0.1, 0.2, 0.3]))).toBe(0.6);
  });
  it("sum(col) of [0.1]*10 is 1 (exact sum 1.0000000000000000555 rounds to 1)", () => {
    expect(sum(column(new Array(10).fill(0.1)))).toBe(1);
  });
  it("sum(col) of [1e100, 1, -1e100] is 1 (NumPy's pairwise sum gives 0; we keep the compensation)", () => {
    expect(sum(column([1e100, 1, -1e100]))).toBe(1);
  });
  it("sum(col) handles infinities: +Inf stays, +Inf + -Inf is NaN", () => {
    expect(sum(column([1, Number.POSITIVE_INFINITY, 2]))).toBe(Number.POSITIVE_INFINITY);
    expect(sum(column([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]))).toBeNaN();
  });
  it("sum(col) of int64 is an exact bigint beyond 2^53", () => {
    // 2^62 + (2^62 - 1) - 5 = 2^63 - 6
    expect(sum(column([2n ** 62n, 2n ** 62n - 1n, -5n]))).toBe(9223372036854775802n);
    expect(sum(column([2n ** 53n, 1n, 1n]))).toBe(9007199254740994n);
  });
  it("sum(col) of int64 that overflows int64 throws a CastError naming the total (pandas wraps)", () => {
    expect(() => sum(column([2n ** 62n, 2n ** 62n]))).toThrow(CastError);
    expect(() => sum(column([2n ** 62n, 2n ** 62n]))).toThrow(/9223372036854775808.*int64/);
  });
  it("sum(col) of uint64 is exact up to 2^64 - 1", () => {
    expect(sum(column([2n ** 63n, 2n ** 63n - 1n], "uint64"))).toBe(2n ** 64n - 1n);
    expect(() => sum(column([2n ** 63n, 2n ** 63n], "uint64"))).toThrow(CastError);
  });
  it("sum(col) of int32 returns a bigint when the exact total passes 2^53", () => {
    // 2^23 values of 2^31 - 1: total (2^31 - 1) * 2^23 = 2^54 - 2^23 > 2^53
    const n = 2 ** 23;
    const big = new Int32Array(n).fill(2147483647);
    expect(sum(column(big))).toBe(2147483647n * BigInt(n));
    expect(sum(column(big.subarray(0, 1000)))).toBe(2147483647 * 1000);
  });
  it("sum(col) of float32, uint8 and int16 converts per block and stays exact for integers", () => {
    // 0.1 as float32 is 0.100000001490116…; summed in float64
    expect(sum(column([0.1, 0.1], "float32"))).toBe(2 * Math.fround(0.1));
    expect(sum(column([255, 255, 255], "uint8"))).toBe(765);
    expect(mean(column([-32768, 32767], "int16"))).toBe(-0.5);
    expect(sum(column(new Uint32Array(70000).fill(4294967295)))).toBe(4294967295 * 70000);
  });
  it("sum(col) of bool counts true values", () => {
    expect(sum(column([true, false, true, null]))).toBe(2);
  });
  it("sum(col) of duration is a bigint", () => {
    expect(sum(column([1n, 2n, null], "duration[ms]" as never))).toBe(3n);
  });
  it("sum(col) reduces multi-chunk and sliced columns in place", () => {
    const c = chunked([1, 2, 3, null, 5, 6, 7], "int16", [3, 1, 3]);
    expect(c.chunks.length).toBe(3);
    expect(sum(c)).toBe(24);
    expect(sum(c.slice(2, 6))).toBe(14);
    const f = chunked([0.5, 0.25, 1, 2, Number.NaN], "float64", [2, 3]);
    expect(sum(f)).toBe(3.75);
    expect(sum(f.slice(1))).toBe(3.25);
  });
});

describe("prod", () => {
  it("prod(col) multiplies valid values; empty gives 1", () => {
    expect(prod(column([2, 3, null, 4], "int8"))).toBe(24);
    expect(prod(column([], "int32"))).toBe(1);
    expect(prod(column([1.5, 2, Number.NaN]))).toBe(3);
  });
  it("prod(col) of int64 is exact beyond 2^53 and throws a CastError past int64", () => {
    expect(prod(column([2n ** 31n, 2n ** 31n]))).toBe(2n ** 62n);
    expect(prod(column([3n ** 20n, 3n ** 19n, -1n]))).toBe(-(3n ** 39n));
    expect(() => prod(column([2n ** 32n, 2n ** 32n]))).toThrow(CastError);
    expect(prod(column([2n ** 62n, 2n ** 62n, 0n]))).toBe(0n);
  });
  it("prod(col) of int32 returns a bigint beyond 2^53 and throws past int64", () => {
    expect(prod(column([65536, 65536, 65536, 1024], "int32"))).toBe(2n ** 58n);
    expect(() => prod(column([65536, 65536, 65536, 65536], "int32"))).toThrow(CastError);
  });
});

describe("mean / variance / std", () => {
  it("mean(col) skips nulls and NaN", () => {
    expect(mean(column([1, 2, null, 4]))).toBe(7 / 3);
    expect(mean(column([1, Number.NaN, 3]))).toBe(2);
    expect(mean(column([], "float64"))).toBeNull();
    expect(mean(column([2n ** 60n, 2n ** 60n]))).toBe(2 ** 60);
  });
  it("variance(col, {ddof}) matches pandas' DataFrame.var example (age, height)", () => {
    // pandas docs: age var 352.916667, ddof=0 264.687500; height var 0.056367, ddof=0 0.042275
    // hand: mean age 37.75, Σd² = 16.75² + 12.75² + 24.25² + 5.25² = 1058.75
    expect(variance(column([21, 25, 62, 43]))).toBe(1058.75 / 3);
    expect(variance(column([21, 25, 62, 43]), { ddof: 0 })).toBe(264.6875);
    expect(variance(column([1.61, 1.87, 1.49, 2.01]))).toBeCloseTo(0.056367, 6);
    expect(variance(column([1.61, 1.87, 1.49, 2.01]), { ddof: 0 })).toBeCloseTo(0.042275, 6);
  });
  it("std(col, {ddof}) matches pandas' DataFrame.std example", () => {
    // pandas docs: age std 18.786076, ddof=0 16.269219; height 0.237417, ddof=0 0.205609
    expect(std(column([21, 25, 62, 43], "int32"))).toBeCloseTo(18.786076, 6);
    expect(std(column([21, 25, 62, 43], "int64"), { ddof: 0 })).toBeCloseTo(16.269219, 6);
    expect(std(column([1.61, 1.87, 1.49, 2.01]))).toBeCloseTo(0.237417, 6);
    expect(std(column([1.61, 1.87, 1.49, 2.01]), { ddof: 0 })).toBeCloseTo(0.205609, 6);
  });
  it("variance(col) is null when n <= ddof", () => {
    expect(variance(column([5]))).toBeNull();
    expect(variance(column([5]), { ddof: 0 })).toBe(0);
    expect(std(column([null, null], "int32"))).toBeNull();
  });
  it("variance(col) is stable for a large offset (naive Σx² − n·mean² fails)", () => {
    // 1e9 + [4, 7, 13, 16]: variance 30 exactly (Welford's classic example)
    expect(variance(column([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]))).toBe(30);
  });
});

describe("skew / kurt", () => {
  it("skew(col) matches pandas' examples: [1, 2, 3] → 0, [1, 2, 1] → 1.732051, [2, 3, 3] → -1.732051", () => {
    expect(skew(column([1, 2, 3]))).toBe(0);
    // hand: mean 4/3, m2 = 2/3, m3 = 2/9; 3·√2/1 · (2/9)/(2/3)^1.5 = √3
    expect(skew(column([1, 2, 1]))).toBeCloseTo(Math.sqrt(3), 12);
    expect(skew(column([2, 3, 3], "int32"))).toBeCloseTo(-Math.sqrt(3), 12);
  });
  it("skew(col) is null below 3 values and 0 for constant values", () => {
    expect(skew(column([1, 2]))).toBeNull();
    expect(skew(column([4, 4, 4, 4]))).toBe(0);
  });
  it("kurt(col) matches pandas' example [1, 2, 2, 3] → 1.5", () => {
    // hand: d = -1, 0, 0, 1; m2 = 2, m4 = 2; 4·5·3·2/(2·1·4) − 3·9/(2·1) = 15 − 13.5
    expect(kurt(column([1, 2, 2, 3]))).toBe(1.5);
    expect(kurt(column([1, 2, 3]))).toBeNull();
  });
  it("kurt(col) of a symmetric 5-point sample, by hand", () => {
    // x = 1..5: d = -2..2, m2 = 10, m4 = 34; 5·6·4·34/(3·2·100) − 3·16/(3·2) = 6.8 − 8 = -1.2
    expect(kurt(column([1, 2, 3, 4, 5]))).toBeCloseTo(-1.2, 12);
  });
});

describe("min / max / argmin / argmax", () => {
  it("min(col) and max(col) skip nulls and NaN and keep the dtype's JS type", () => {
    expect(min(column([3, null, 1, Number.NaN]))).toBe(1);
    expect(max(column([3, null, 1, Number.NaN]))).toBe(3);
    expect(max(column([2n ** 60n, -1n, null]))).toBe(2n ** 60n);
    expect(min(column([2n ** 63n - 1n, 2n ** 63n], "uint64"))).toBe(2n ** 63n - 1n);
    expect(max(column([1n, 2n ** 64n - 1n], "uint64"))).toBe(2n ** 64n - 1n);
    expect(min(column([true, false, null]))).toBe(false);
    expect(max(column([false, null]))).toBe(false);
  });
  it("min(col, {skipna: false}) gives NaN for a NaN and null for a null", () => {
    expect(min(column([1, Number.NaN]), { skipna: false })).toBeNaN();
    expect(min(column([1, null]), { skipna: false })).toBeNull();
    expect(argmin(column([1, Number.NaN]), { skipna: false })).toBeNull();
  });
  it("min(col) of strings compares Unicode code points (UTF-8 bytes), as Python", () => {
    expect(min(column(["pear", "apple", null]))).toBe("apple");
    // U+FF21 (fullwidth A) < U+1F600 (emoji) in code points, but not in UTF-16 units
    expect(min(column(["\u{1F600}", "\uFF21"]))).toBe("\uFF21");
    expect(max(column(["a", "ab", ""]))).toBe("ab");
  });
  it("min(col) of a dictionary follows category order; unordered ones raise a DTypeError (pandas TypeError)", () => {
    const c = column(["b", "a", "c", null], "category");
    expect(() => min(c)).toThrow(DTypeError);
    expect(() => max(c)).toThrow(/not ordered for operation max.*asOrdered\(\)/);
    // argmin is by category order, ordered or not (pandas' Categorical.argmin on the codes)
    expect(argmin(c)).toBe(1);
    // categories c < b < a (pd.Categorical(list("bac"), categories=list("cba"), ordered=True))
    const o = categorical(["b", "a", "c", null], { categories: ["c", "b", "a"], ordered: true });
    expect(min(o)).toBe("c");
    expect(max(o)).toBe("a");
    expect(argmin(o)).toBe(2);
    expect(argmax(o)).toBe(1);
  });
  it("min(col) of dates and timestamps keeps their values", () => {
    expect(min(column([3, 1, 2], "date"))).toBe(1);
    expect(max(column([5n, -(2n ** 62n)], "timestamp[ns]"))).toBe(5n);
  });
  it("argmin(col) and argmax(col) return the first position; null when nothing is valid", () => {
    expect(argmin(column([3, 1, null, 1]))).toBe(1);
    expect(argmax(column(["b", "c", "c", "a"]))).toBe(1);
    expect(argmax(column([null, null], "int32"))).toBeNull();
    expect(argmin(column([], "float64"))).toBeNull();
    expect(argmin(column([Number.NaN, Number.NaN]))).toBeNull();
  });
  it("argmin(col) counts positions across chunks and slices", () => {
    const c = chunked([5, 4, 9, 1, 7, 1], "int32", [2, 2, 2]);
    expect(argmin(c)).toBe(3);
    expect(argmin(c.slice(4))).toBe(1);
    const w = chunked([5n, 4n, 9n, -1n, 7n], "int64", [2, 3]);
    expect(argmax(w)).toBe(2);
    expect(argmin(w.slice(1))).toBe(2);
  });
});

describe("median / quantile", () => {
  it("quantile(col, q) matches pandas' Series.quantile example", () => {
    expect(quantile(column([1, 2, 3, 4]), 0.5)).toBe(2.5);
    expect(quantile(column([1, 2, 3, 4]), [0.25, 0.5, 0.75])).toEqual([1.75, 2.5, 3.25]);
  });
  it("quantile(col, q) skips nulls and NaN (pandas' doc: [None, 0, 25, 50, 75, 100, nan])", () => {
    const c = column([null, 0, 25, 50, 75, 100, Number.NaN]);
    expect(quantile(c, [0, 0.25, 0.5, 0.75, 1])).toEqual([0, 25, 50, 75, 100]);
  });
  it("quantile(col, q, {interpolation}) follows NumPy's definitions, by hand", () => {
    // sorted [1, 2, 3, 4], q = 0.4: h = 1.2 → x[1] = 2, x[2] = 3
    const c = column([4, 1, 3, 2], "int32");
    expect(quantile(c, 0.4, { interpolation: "linear" })).toBeCloseTo(2.2, 14);
    expect(quantile(c, 0.4, { interpolation: "lower" })).toBe(2);
    expect(quantile(c, 0.4, { interpolation: "higher" })).toBe(3);
    expect(quantile(c, 0.4, { interpolation: "midpoint" })).toBe(2.5);
    expect(quantile(c, 0.4, { interpolation: "nearest" })).toBe(2);
    // h = 1.5 and 0.5: nearest rounds halves to even (NumPy's around)
    expect(quantile(c, 0.5, { interpolation: "nearest" })).toBe(3);
    expect(quantile(c, 1 / 6, { interpolation: "nearest" })).toBe(1);
    // whole h (n = 5, q = 0.25: h = 1): midpoint takes the value itself
    expect(quantile(column([5, 1, 4, 2, 3]), 0.25, { interpolation: "midpoint" })).toBe(2);
  });
  it("quantile(col, q) of an empty column is null", () => {
    expect(quantile(column([], "float64"), 0.5)).toBeNull();
    expect(quantile(column([null], "float64"), [0.1, 0.9])).toEqual([null, null]);
  });
  it("median(col) takes the middle value or the mean of the two middle values", () => {
    expect(median(column([5, 1, null, 4, 2]))).toBe(3);
    expect(median(column([5, 1, 4]))).toBe(4);
    expect(median(column([1, 2, 3, 4]), { interpolation: "lower" })).toBe(2);
    expect(median(column([3, Number.NaN]), { skipna: false })).toBeNaN();
    expect(median(column([], "int32"))).toBeNull();
  });
});

describe("count / any / all / first / last", () => {
  it("count(col) excludes nulls and NaN", () => {
    expect(count(column([1, null, Number.NaN, 4]))).toBe(2);
    expect(count(column(["a", null]))).toBe(1);
  });
  it("any(col) and all(col) with skipna and Kleene nulls", () => {
    expect(any(column([false, null, true]))).toBe(true);
    expect(any(column([false, null]), { skipna: false })).toBeNull();
    expect(any(column([], "bool"))).toBe(false);
    expect(all(column([], "bool"))).toBe(true);
    expect(all(column([1, 2, null], "int32"))).toBe(true);
    expect(all(column([1, 0], "int32"))).toBe(false);
    expect(all(column([true, null]), { skipna: false })).toBeNull();
    expect(all(column([false, null]), { skipna: false })).toBe(false);
    expect(any(column([0, Number.NaN]))).toBe(false);
    expect(any(column([0, Number.NaN]), { skipna: false })).toBe(true);
  });
  it("first(col) and last(col) take the first/last valid value", () => {
    expect(first(column([null, Number.NaN, 3, 4]))).toBe(3);
    expect(first(column([null, "b"]), { skipna: false })).toBeNull();
    expect(last(column([1n, 2n, null]))).toBe(2n);
    expect(last(column([1n, 2n, null]), { skipna: false })).toBeNull();
    expect(first(column([], "int32"))).toBeNull();
    const c = chunked([null, null, 7, 8, null], "int8", [2, 1, 2]);
    expect(first(c)).toBe(7);
    expect(last(c)).toBe(8);
  });
});

describe("errors", () => {
  it("reductions reject unsupported dtypes with a DTypeError naming the reducer and dtype", () => {
    expect(() => sum(column(["a"]))).toThrow(DTypeError);
    expect(() => sum(column(["a"]))).toThrow(/sum does not support dtype utf8/);
    expect(() => mean(column([1], "date"))).toThrow(/mean does not support dtype date/);
    expect(() => quantile(column(["a"]), 0.5)).toThrow(/quantile does not support dtype utf8/);
    expect(() => sum([1, 2] as never)).toThrow(/sum expects a Column/);
  });
  it("bad option values and unknown option names raise an OptionError naming the option", () => {
    expect(() => quantile(column([1]), 0.5, { interpolation: "sideways" as never })).toThrow(OptionError);
    expect(() => quantile(column([1]), 0.5, { interpolation: "sideways" as never })).toThrow(
      'invalid interpolation: "sideways" (expected one of linear, lower, higher, midpoint, nearest)',
    );
    expect(() => quantile(column([1]), 1.5)).toThrow(/invalid q: 1.5/);
    expect(() => quantile(column([1]), [0.5, Number.NaN])).toThrow(/invalid q: NaN/);
    expect(() => variance(column([1]), { ddof: -1 })).toThrow(/invalid ddof: -1/);
    expect(() => sum(column([1]), { minCount: 0.5 })).toThrow(/invalid minCount: 0.5/);
    expect(() => sum(column([1]), { skipna: "no" as never })).toThrow(/invalid skipna: "no"/);
    expect(() => sum(column([1]), { skipNa: false } as never)).toThrow(/unknown option for sum: "skipNa"/);
    expect(() => mean(column([1]), { ddof: 1 } as never)).toThrow(/unknown option for mean: "ddof"/);
  });
});

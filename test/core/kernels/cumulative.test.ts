import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { CastError, DTypeError, OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { cummax, cummin, cumprod, cumsum } from "../../../src/core/kernels/cumulative.js";
import { sum } from "../../../src/core/kernels/reduce.js";
import { numericCase } from "./reduce-arbitraries.js";

describe("cumulative (pandas' Series.cumsum/cumprod/cummin/cummax examples)", () => {
  // pandas docs: s = [2, NaN, 5, -1, 0]
  const s = column([2, Number.NaN, 5, -1, 0]);
  it("cumsum(col) leaves NaN in place and skips it", () => {
    expect(cumsum(s).toArray()).toEqual([2, Number.NaN, 7, 6, 6]);
  });
  it("cumsum(col, {skipna: false}) propagates NaN", () => {
    expect(cumsum(s, { skipna: false }).toArray()).toEqual([
      2,
      Number.NaN,
      Number.NaN,
      Number.NaN,
      Number.NaN,
    ]);
  });
  it("cumprod(col) as pandas: [2, NaN, 10, -10, -0]", () => {
    expect(cumprod(s).toArray()).toEqual([2, Number.NaN, 10, -10, -0]);
  });
  it("cummin(col) and cummax(col) as pandas", () => {
    expect(cummin(s).toArray()).toEqual([2, Number.NaN, 2, -1, -1]);
    expect(cummax(s).toArray()).toEqual([2, Number.NaN, 5, 5, 5]);
    expect(cummax(s, { skipna: false }).toArray()).toEqual([
      2,
      Number.NaN,
      Number.NaN,
      Number.NaN,
      Number.NaN,
    ]);
  });
  it("nulls stay null and are skipped; with skipna false everything after the first null is null", () => {
    expect(cumsum(column([2, null, 5], "int32")).toArray()).toEqual([2n, null, 7n]);
    expect(cumsum(column([2, null, 5]), { skipna: false }).toArray()).toEqual([2, null, null]);
    expect(cummin(column([3, null, 1, 2], "int16")).toArray()).toEqual([3, null, 1, 1]);
  });
});

describe("cumulative dtypes and exactness", () => {
  it("cumsum(col) widens integers to int64 (uint to uint64) as NumPy, and keeps float32", () => {
    expect(cumsum(column([1, 2], "int8")).dtype.kind).toBe("int64");
    expect(cumsum(column([1, 2], "uint32")).dtype.kind).toBe("uint64");
    expect(cumsum(column([true, true, false])).toArray()).toEqual([1n, 2n, 2n]);
    expect(cumsum(column([0.5, 0.25], "float32")).dtype.kind).toBe("float32");
    expect(cummin(column([5, 3], "uint8")).dtype.kind).toBe("uint8");
  });
  it("cumsum(col) of int64 is exact beyond 2^53 and throws a CastError naming the row on overflow", () => {
    expect(cumsum(column([2n ** 62n, 2n ** 62n - 1n, -5n])).toArray()).toEqual([
      2n ** 62n,
      2n ** 63n - 1n,
      2n ** 63n - 6n,
    ]);
    expect(() => cumsum(column([1n, 2n ** 63n - 1n]))).toThrow(CastError);
    expect(() => cumsum(column([1n, 2n ** 63n - 1n]))).toThrow(/overflows int64 at row 1/);
    expect(cumsum(column([2n ** 64n - 1n, 0n], "uint64")).toArray()).toEqual([
      2n ** 64n - 1n,
      2n ** 64n - 1n,
    ]);
  });
  it("cumsum(col) of int32 stays exact past 2^53 (carried into the high word)", () => {
    // 2^23 values of 2^31 − 1: the last total is (2^31 − 1)·2^23
    const n = 2 ** 23;
    const c = cumsum(column(new Int32Array(n).fill(2147483647)));
    expect(c.get(n - 1)).toBe(2147483647n * BigInt(n));
    expect(c.get(4194304)).toBe(2147483647n * 4194305n);
  });
  it("cumsum(col) of floats is compensated: its last value equals sum(col)", () => {
    const c = column([0.1, 0.2, 0.3, 1e100, 1, -1e100]);
    const out = cumsum(c).toArray() as number[];
    expect(out[2]).toBe(0.6);
    expect(out[5]).toBe(sum(c));
    expect(out[5]).toBe(1.6);
  });
  it("cummin/cummax(col) of int64 and timestamps compare exactly", () => {
    expect(cummin(column([3n, -(2n ** 62n), 5n, null])).toArray()).toEqual([
      3n,
      -(2n ** 62n),
      -(2n ** 62n),
      null,
    ]);
    expect(cummax(column([1n, 2n ** 63n + 1n, 2n ** 63n], "uint64")).toArray()).toEqual([
      1n,
      2n ** 63n + 1n,
      2n ** 63n + 1n,
    ]);
    const t = cummax(column([5n, 3n, 9n], "timestamp[ms]"));
    expect(t.dtype).toEqual({ kind: "timestamp", unit: "ms", tz: null });
    expect(t.toArray()).toEqual([5n, 5n, 9n]);
  });
  it("cumprod(col) of integers is exact while within 2^53 and throws past it", () => {
    expect(cumprod(column([2, 3, null, -4], "int32")).toArray()).toEqual([2n, 6n, null, -24n]);
    expect(() => cumprod(column([2 ** 30, 2 ** 30], "int32"))).toThrow(/cumprod exceeds 2\^53 at row 1/);
  });
  it("cumulative kernels work across chunks and slices", () => {
    const a = column([1, 2, null], "int32");
    const b = column([9, 4, 5, 6], "int32").slice(1);
    const c = new Column(a.dtype, [...a.chunks, ...b.chunks]);
    expect(cumsum(c).toArray()).toEqual([1n, 3n, null, 7n, 12n, 18n]);
    expect(cummax(c.slice(1)).toArray()).toEqual([2, null, 4, 5, 6]);
    expect(cumsum(c, { skipna: false }).toArray()).toEqual([1n, 3n, null, null, null, null]);
  });
  it("cumulative kernels reject bad dtypes and options", () => {
    expect(() => cumsum(column(["a"]))).toThrow(DTypeError);
    expect(() => cumsum(column(["a"]))).toThrow(/cumsum does not support dtype utf8/);
    expect(() => cummin(column([true]))).toThrow(/cummin does not support dtype bool/);
    expect(() => cumsum(column([1]), { skipna: 1 } as never)).toThrow(OptionError);
    expect(() => cumsum(column([1]), { skipNA: true } as never)).toThrow(
      /unknown option for cumsum: "skipNA"/,
    );
  });
});

describe("cumulative against naive references (property)", () => {
  it("cumsum/cummin/cummax(col, {skipna}) match a running reference", () => {
    fc.assert(
      fc.property(
        numericCase(["int8", "int16", "int32", "uint8", "uint32", "float64", "float32"]),
        fc.boolean(),
        (c, skipna) => {
          const arr = c.col.toArray() as (number | null)[];
          const float = c.dtype.startsWith("float");
          let s = 0;
          let lo: number | null = null;
          let hi: number | null = null;
          let dead = false;
          const refSum: unknown[] = [];
          const refMin: unknown[] = [];
          const refMax: unknown[] = [];
          for (const v of arr) {
            if (v === null || dead) {
              if (!skipna) dead = true;
              refSum.push(null);
              refMin.push(null);
              refMax.push(null);
              continue;
            }
            if (Number.isNaN(v)) {
              refSum.push(Number.NaN);
              refMin.push(Number.NaN);
              refMax.push(Number.NaN);
              if (!skipna) {
                s = Number.NaN;
                lo = Number.NaN;
                hi = Number.NaN;
              }
              continue;
            }
            s += v;
            lo = lo === null || v < lo ? v : lo;
            hi = hi === null || v > hi ? v : hi;
            refSum.push(float ? s : BigInt(s));
            refMin.push(lo);
            refMax.push(hi);
          }
          const got = cumsum(c.col, { skipna }).toArray();
          if (float) {
            got.forEach((g, i) => {
              const r = refSum[i] as number | null;
              if (r === null || Number.isNaN(r)) expect(g, c.how).toEqual(r);
              else expect(Math.abs((g as number) - r), c.how).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(r)));
            });
          } else expect(got, c.how).toEqual(refSum);
          expect(cummin(c.col, { skipna }).toArray(), c.how).toEqual(refMin);
          expect(cummax(c.col, { skipna }).toArray(), c.how).toEqual(refMax);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});

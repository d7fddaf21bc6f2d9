import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { column } from "../../../src/core/from-values.js";
import { count, max, mean, min, quantile, std } from "../../../src/core/kernels/reduce.js";
import { describeNumeric } from "../../../src/core/kernels/reduce-describe.js";
import { numericCase } from "./reduce-arbitraries.js";

const num = (v: unknown) => (v === null ? null : Number(v));

describe("describeNumeric", () => {
  it("describeNumeric(col, qs) on pandas' Series.describe example [1, 2, 3]", () => {
    // pandas: count 3, mean 2, std 1, min 1, 25% 1.5, 50% 2, 75% 2.5, max 3
    expect(describeNumeric(column([1, 2, 3]), [0.25, 0.5, 0.75])).toEqual({
      count: 3,
      mean: 2,
      std: 1,
      min: 1,
      max: 3,
      quantiles: [1.5, 2, 2.5],
    });
  });

  it("describeNumeric skips nulls and NaN; an empty or all-missing column gives count 0 and nulls", () => {
    // valid values 4, 8: mean 6, std √8, quartiles 5, 6, 7
    const d = describeNumeric(column([4, null, Number.NaN, 8]), [0.25, 0.5, 0.75]);
    expect(d).toEqual({ count: 2, mean: 6, std: Math.sqrt(8), min: 4, max: 8, quantiles: [5, 6, 7] });
    const e = describeNumeric(column([null, Number.NaN], "float64"), [0.5]);
    expect(e).toEqual({ count: 0, mean: null, std: null, min: null, max: null, quantiles: [null] });
    expect(describeNumeric(column([7], "int32"), [0.5]).std).toBeNull();
  });

  it("describeNumeric(col) equals count, mean, std, min, max and quantile computed one by one", () => {
    fc.assert(
      fc.property(
        numericCase(["int8", "int32", "int64", "uint32", "uint64", "float32", "float64"]),
        fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        ({ col, how }, raw) => {
          const qs = [...raw].sort((a, b) => a - b);
          const d = describeNumeric(col, qs);
          expect(d.count, how).toBe(count(col));
          if (d.count === 0) return;
          // toBe-level equality: the same operations in the same order
          expect(d.mean, how).toBe(mean(col));
          expect(d.std, how).toBe(std(col));
          expect(d.min, how).toBe(num(min(col)));
          expect(d.max, how).toBe(num(max(col)));
          expect(d.quantiles, how).toEqual(quantile(col, qs));
        },
      ),
      { seed: 11, numRuns: 400 },
    );
  });

  it("describeNumeric(int32 column) gives the exactly rounded mean when the sum passes 2^53", () => {
    // 2^22 + 3 values: all 2^31 - 1 but three 1s; the sum exceeds 2^53, where doubles step by 2 and more
    const n = 2 ** 22 + 3;
    const a = new Int32Array(n).fill(2147483647);
    a[5] = 1;
    a[n - 1] = 1;
    a[n >> 1] = 1;
    const exact = 2147483647n * BigInt(n - 3) + 3n;
    const d = describeNumeric(column(a), [0.5]);
    expect(d.mean).toBe(Number(exact) / n);
    expect(d.min).toBe(1);
    expect(d.max).toBe(2147483647);
    expect(d.quantiles).toEqual([2147483647]);
  });
});

import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { DTypeError, ShapeError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { mean, sum, variance } from "../../../src/core/kernels/reduce.js";
import { REDUCERS, reduceByCodes, reduceRolling } from "../../../src/core/kernels/reducers.js";

describe("reducer registry", () => {
  it("REDUCERS names accepted dtypes, result dtype and implementation for every reducer", () => {
    for (const [name, spec] of Object.entries(REDUCERS)) {
      expect(spec.accepts.size, name).toBeGreaterThan(0);
      expect(typeof spec.reduce, name).toBe("function");
    }
    expect(REDUCERS.sum.result(column([1], "int8").dtype).kind).toBe("int64");
    expect(REDUCERS.sum.result(column([1], "uint16").dtype).kind).toBe("uint64");
    expect(REDUCERS.mean.result(column([1], "int32").dtype).kind).toBe("float64");
    expect(REDUCERS.min.result(column(["a"]).dtype).kind).toBe("utf8");
    expect(REDUCERS.any.result(column([1]).dtype).kind).toBe("bool");
    expect(REDUCERS.median.init).toBeNull();
  });
});

describe("accumulator protocol (init / add / remove / value)", () => {
  const x = column([1, 2, 3, 4, 5]);

  it("reduceRolling(sum|mean|var, col, 3) slides add/remove over a window, by hand", () => {
    // windows ending at each row: [1] [1,2] [1,2,3] [2,3,4] [3,4,5]
    expect(reduceRolling("sum", x, 3)).toEqual([1, 3, 6, 9, 12]);
    expect(reduceRolling("mean", x, 3)).toEqual([1, 1.5, 2, 3, 4]);
    // sample variance of [1], [1,2], [1,2,3], [2,3,4], [3,4,5]: null, 0.5, 1, 1, 1
    const v = reduceRolling("var", x, 3);
    expect(v[0]).toBeNull();
    expect(v.slice(1)).toEqual([0.5, 1, 1, 1]);
    expect(reduceRolling("count", x, 2)).toEqual([1, 2, 2, 2, 2]);
  });

  it("reduceRolling skips nulls: a window of only nulls gives null", () => {
    const c = column([1, null, null, 4, 6]);
    // window 2: [1] [1,∅] [∅,∅] [∅,4] [4,6]
    expect(reduceRolling("sum", c, 2)).toEqual([1, 1, null, 4, 10]);
    expect(reduceRolling("mean", c, 2)).toEqual([1, 1, null, 4, 5]);
  });

  it("reduceRolling(skew|kurt) agrees with the whole-column formula on each window", () => {
    const c = column([2, 8, 0, 4, 1, 9, 9, 0]);
    const k = reduceRolling("kurt", c, 5);
    const s = reduceRolling("skew", c, 4);
    // window of 4 ending at row 3: [2, 8, 0, 4]: mean 3.5, d = -1.5 4.5 -3.5 0.5,
    // m2 = 35, m3 = 45; G1 = 4·√3/2 · 45/35^1.5
    expect(s[3]).toBeCloseTo(((4 * Math.sqrt(3)) / 2) * (45 / 35 ** 1.5), 12);
    // window of 5 ending at row 4: [2, 8, 0, 4, 1]: mean 3, d = -1 5 -3 1 -2,
    // m2 = 40, m4 = 1 + 625 + 81 + 1 + 16 = 724; G2 = 5·6·4·724/(3·2·1600) − 3·16/6
    expect(k[4]).toBeCloseTo((5 * 6 * 4 * 724) / (3 * 2 * 1600) - 8, 12);
    expect(k[2]).toBeNull();
  });

  it("reduceByCodes(sum|mean|var|min|max|first|last, col, codes) accumulates per group, by hand", () => {
    const v = column([1, 2, 3, 4, 5, null, 10]);
    const codes = new Int32Array([0, 1, 0, 1, 2, 2, -1]);
    // group 0: [1, 3]; group 1: [2, 4]; group 2: [5] (the null is skipped); row 6 dropped
    expect(reduceByCodes("sum", v, codes, 3)).toEqual([4, 6, 5]);
    expect(reduceByCodes("mean", v, codes, 3)).toEqual([2, 3, 5]);
    expect(reduceByCodes("var", v, codes, 3)).toEqual([2, 2, null]);
    expect(reduceByCodes("var", v, codes, 3, { ddof: 0 })).toEqual([1, 1, 0]);
    expect(reduceByCodes("min", v, codes, 3)).toEqual([1, 2, 5]);
    expect(reduceByCodes("max", v, codes, 3)).toEqual([3, 4, 5]);
    expect(reduceByCodes("first", v, codes, 3)).toEqual([1, 2, 5]);
    expect(reduceByCodes("last", v, codes, 3)).toEqual([3, 4, 5]);
    expect(reduceByCodes("count", v, codes, 4)).toEqual([2, 2, 1, 0]);
    expect(reduceByCodes("sum", v, codes, 4, { minCount: 1 })).toEqual([4, 6, 5, null]);
    expect(reduceByCodes("prod", v, codes, 3)).toEqual([3, 8, 5]);
    expect(reduceByCodes("any", column([0, 1, 0], "int32"), new Int32Array([0, 0, 1]), 2)).toEqual([1, 0]);
  });

  it("one group holding every row gives the whole-column result", () => {
    const v = column([0.1, 0.7, null, 2.5, 1e-3, 3]);
    const one = new Int32Array(v.length);
    expect(reduceByCodes("sum", v, one, 1)[0]).toBe(sum(v));
    expect(reduceByCodes("mean", v, one, 1)[0]).toBeCloseTo(mean(v) as number, 15);
    expect(reduceByCodes("var", v, one, 1)[0]).toBeCloseTo(variance(v) as number, 14);
  });

  it("accumulators work on multi-chunk columns", () => {
    const a = column([1, 2, 3]);
    const b = column([4, 5]);
    const c = new Column(a.dtype, [...a.chunks, ...b.chunks]);
    expect(reduceRolling("sum", c, 2)).toEqual([1, 3, 5, 7, 9]);
  });

  it("non-invertible reducers refuse to slide, and wrong shapes or dtypes raise", () => {
    expect(() => reduceRolling("min", column([1, 2]), 2)).toThrow(/min is not invertible/);
    expect(() =>
      REDUCERS.max.init?.(1, { skipna: true, ddof: 1, minCount: 0, interpolation: "linear" }).remove(0, 1),
    ).toThrow(/not invertible/);
    expect(() => reduceByCodes("sum", column([1, 2]), new Int32Array(3), 1)).toThrow(ShapeError);
    expect(() => reduceByCodes("sum", column(["a"]), new Int32Array(1), 1)).toThrow(DTypeError);
    expect(() => reduceByCodes("median", column([1]), new Int32Array(1), 1)).toThrow(
      /median has no accumulator/,
    );
  });
});

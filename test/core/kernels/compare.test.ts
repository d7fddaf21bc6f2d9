import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate } from "../../../scripts/gen-compare-loops.js";
import { Column } from "../../../src/core/column.js";
import { DTypeError, ShapeError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { cast } from "../../../src/core/kernels/cast.js";
import { eq, ge, gt, le, lt, ne } from "../../../src/core/kernels/compare.js";

const OPS = { eq, ne, lt, le, gt, ge };
type OpName = keyof typeof OPS;

/** Naive reference: JS comparison of the values, null in → null out, NaN false except ne. */
function ref(op: OpName, x: unknown, y: unknown): boolean | null {
  if (x === null || y === null) return null;
  if (typeof x === "bigint" || typeof y === "bigint") {
    // exact: compare bigints, or a bigint with a number through its exact value
    const bx = typeof x === "bigint" ? x : null;
    const by = typeof y === "bigint" ? y : null;
    if (Number.isNaN(x as number) || Number.isNaN(y as number)) return op === "ne";
    const c = bigCmp(bx ?? (x as number), by ?? (y as number));
    return { eq: c === 0, ne: c !== 0, lt: c < 0, le: c <= 0, gt: c > 0, ge: c >= 0 }[op];
  }
  const a = x as number;
  const b = y as number;
  return { eq: a === b, ne: a !== b, lt: a < b, le: a <= b, gt: a > b, ge: a >= b }[op];
}

/** Three-way compare of bigint/number exactly (numbers here are integers or ±inf or fractions). */
function bigCmp(x: bigint | number, y: bigint | number): number {
  const toBig = (v: bigint | number): [bigint, number] => {
    if (typeof v === "bigint") return [v, 0];
    if (!Number.isFinite(v)) return [v > 0 ? 2n ** 80n : -(2n ** 80n), 0];
    const f = Math.floor(v);
    return [BigInt(f), v - f];
  };
  const [xi, xf] = toBig(x);
  const [yi, yf] = toBig(y);
  if (xi !== yi) return xi < yi ? -1 : 1;
  return xf === yf ? 0 : xf < yf ? -1 : 1;
}

describe("compare", () => {
  it("eq(col, NaN) is false everywhere, ne true, as np.array([1, np.nan]) == np.nan → [False, False]", () => {
    const c = column([1, Number.NaN]);
    expect(eq(c, Number.NaN).toArray()).toEqual([false, false]);
    expect(ne(c, Number.NaN).toArray()).toEqual([true, true]);
    expect(lt(c, Number.NaN).toArray()).toEqual([false, false]);
    expect(ge(c, c).toArray()).toEqual([true, false]);
  });

  it("gt(col, scalar) with nulls gives null (pandas: pd.array([1, None, 3], 'Int64') > 2 → [False, <NA>, True])", () => {
    const c = column([1, null, 3], "int64");
    expect(gt(c, 2).toArray()).toEqual([false, null, true]);
    expect(gt(c, 2n).toArray()).toEqual([false, null, true]);
    expect(gt(2, c).toArray()).toEqual([true, null, false]);
    expect(eq(c, null).toArray()).toEqual([null, null, null]);
  });

  it("lt(int64, float64) is exact beyond 2^53 (2^53 + 1 > 2^53 although float64(2^53 + 1) == 2^53)", () => {
    const big = column([2n ** 53n + 1n, -(2n ** 63n), 2n ** 63n - 1n], "int64");
    expect(gt(big, 2 ** 53).toArray()).toEqual([true, false, true]);
    expect(eq(big, 2 ** 53).toArray()).toEqual([false, false, false]);
    expect(lt(big, column([2 ** 53 + 2, -(2 ** 63), 2 ** 63]))).toBeInstanceOf(Column);
    expect(lt(big, column([2 ** 53 + 2, -(2 ** 63), 2 ** 63])).toArray()).toEqual([true, false, true]);
    expect(eq(big, column([2 ** 53 + 2, -(2 ** 63), 2 ** 63])).toArray()).toEqual([false, true, false]);
    // 2^53 + 1 against 2^53 + 0.5 is not representable; 9007199254740993 > 9007199254740992.5 → compare with fractions
    expect(gt(column([5n], "int64"), 4.5).toArray()).toEqual([true]);
    expect(le(column([5n], "int64"), 5.5).toArray()).toEqual([true]);
  });

  it("compare(uint64, int64) orders mixed signedness exactly", () => {
    const u = column([2n ** 64n - 1n, 0n, 5n], "uint64");
    const s = column([-1n, -1n, 5n], "int64");
    expect(gt(u, s).toArray()).toEqual([true, true, false]);
    expect(eq(u, s).toArray()).toEqual([false, false, true]);
    expect(gt(u, -1).toArray()).toEqual([true, true, true]);
    expect(lt(column([1, 2], "int32"), 2n ** 62n).toArray()).toEqual([true, true]);
  });

  it("compare(utf8, ...) orders by code point, like Python str comparison", () => {
    // Python: "Z" < "a" < "é" < "😀"; "ab" < "b"; "" < "a"; "\uffff" < "😀" (code points, not UTF-16 units)
    const a = column(["Z", "a", "é", "ab", "", "\uffff"]);
    const b = column(["a", "é", "😀", "b", "a", "😀"]);
    expect(lt(a, b).toArray()).toEqual([true, true, true, true, true, true]);
    expect(lt(column(["b", "a", null]), "b").toArray()).toEqual([false, true, null]);
    const large = cast(column(["x", "y"]), "large_utf8");
    expect(eq(large, column(["x", "z"])).toArray()).toEqual([true, false]);
  });

  it("compare(dictionary, string) goes through the values", () => {
    const d = cast(column(["b", "a", null, "c", "a"]), "dictionary<int8, utf8>");
    expect(eq(d, "a").toArray()).toEqual([false, true, null, false, true]);
    expect(ne(d, "zz").toArray()).toEqual([true, true, null, true, true]);
    // ordering comparisons need an ordered categorical (pandas raises TypeError): see categorical.test.ts
    expect(() => gt(d, "a")).toThrow(/gt: unordered categoricals can only compare equality/);
    expect(gt(cast(d, "dictionary<int8, utf8, ordered>"), "a").toArray()).toEqual([
      true,
      false,
      null,
      true,
      false,
    ]);
    expect(eq(d, column(["b", "b", "x", "c", "q"])).toArray()).toEqual([true, false, null, true, false]);
    const d64 = cast(column(["p", "q"]), "dictionary<int64, utf8>");
    expect(eq(d64, "q").toArray()).toEqual([false, true]);
  });

  it("compare(timestamp, ...) across units, with dates and ISO text", () => {
    const ms = column([1500n, 1000n, null], "timestamp[ms]");
    const s = column([1n, 1n, 1n], "timestamp[s]");
    expect(gt(ms, s).toArray()).toEqual([true, false, null]);
    expect(eq(ms, s).toArray()).toEqual([false, true, null]);
    expect(lt(ms, "1970-01-01T00:00:01.2").toArray()).toEqual([false, true, null]);
    const days = column([0, 1], "date");
    expect(eq(column([0n, 86400000n], "timestamp[ms]"), days).toArray()).toEqual([true, true]);
    expect(ge(days, "1970-01-02").toArray()).toEqual([false, true]);
    expect(lt(column([1n, 3n], "duration[s]"), column([2000n, 2000n], "duration[ms]")).toArray()).toEqual([
      true,
      false,
    ]);
  });

  it("compare(bool, ...) orders false < true, against bools and numbers", () => {
    const a = column([false, false, true, true, null]);
    const b = column([false, true, false, true, true]);
    expect(lt(a, b).toArray()).toEqual([false, true, false, false, null]);
    expect(le(a, b).toArray()).toEqual([true, true, false, true, null]);
    expect(eq(a, true).toArray()).toEqual([false, false, true, true, null]);
    expect(gt(a, 0.5).toArray()).toEqual([false, false, true, true, null]);
    expect(ne(a.slice(1), b.slice(1)).toArray()).toEqual([true, true, false, null]);
  });

  it("compare(a, b) errors name the lengths or both dtypes", () => {
    expect(() => eq(column([1, 2]), column([1]))).toThrow(ShapeError);
    expect(() => eq(column([1, 2]), column([1]))).toThrow(/2 and 1/);
    expect(() => lt(column([1], "int32"), column(["a"]))).toThrow(DTypeError);
    expect(() => lt(column([1], "int32"), column(["a"]))).toThrow(/int32.*utf8/);
    expect(() => eq(column([1]), "a")).toThrow(/float64 with utf8/);
    expect(() => eq(1, 2)).toThrow(DTypeError);
  });

  it("compare(col, scalar) and compare(col, col) match a naive reference over dtypes, slices, chunks, nulls", () => {
    const dtypes = [
      "int8",
      "int16",
      "int32",
      "uint8",
      "uint16",
      "uint32",
      "float32",
      "float64",
      "int64",
      "uint64",
    ];
    const valueArb = (d: string): fc.Arbitrary<number | bigint | null> => {
      const ranges: Record<string, [number, number]> = {
        int8: [-128, 127],
        int16: [-32768, 32767],
        int32: [-(2 ** 31), 2 ** 31 - 1],
        uint8: [0, 255],
        uint16: [0, 65535],
        uint32: [0, 2 ** 32 - 1],
      };
      let v: fc.Arbitrary<number | bigint>;
      if (d === "int64") v = fc.oneof(fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n), fc.bigInt(-5n, 5n));
      else if (d === "uint64") v = fc.oneof(fc.bigInt(0n, 2n ** 64n - 1n), fc.bigInt(0n, 5n));
      else if (d === "float32")
        v = fc.oneof(fc.float({ noDefaultInfinity: false }), fc.integer({ min: -5, max: 5 }));
      else if (d === "float64")
        v = fc.oneof(fc.double(), fc.integer({ min: -5, max: 5 }), fc.constant(2 ** 63));
      else {
        const [lo, hi] = ranges[d] as [number, number];
        v = fc.oneof(
          fc.integer({ min: lo, max: hi }),
          fc.integer({ min: -5, max: 5 }).filter((x) => x >= lo),
        );
      }
      return fc.option(v, { freq: 5, nil: null });
    };
    const colArb = fc.constantFrom(...dtypes).chain((d) =>
      fc.record({
        d: fc.constant(d),
        xs: fc.array(valueArb(d), { maxLength: 40 }),
        cut: fc.nat(),
        off: fc.nat(3),
      }),
    );
    const build = (d: string, xs: (number | bigint | null)[], cut: number, off: number) => {
      const full = [...Array(off).fill(null), ...xs];
      const k = full.length === 0 ? 0 : cut % (full.length + 1);
      const c1 = column(full.slice(0, k), d);
      const c2 = column(full.slice(k), d);
      return new Column(c1.dtype, [...c1.chunks, ...c2.chunks]).slice(off);
    };
    fc.assert(
      fc.property(colArb, colArb, fc.constantFrom(...(Object.keys(OPS) as OpName[])), (A, B, op) => {
        const a = build(A.d, A.xs, A.cut, A.off);
        const n = Math.min(A.xs.length, B.xs.length);
        const b = build(B.d, B.xs.slice(0, n), B.cut, B.off);
        const a2 = a.slice(0, n);
        const got = OPS[op](a2, b).toArray();
        const want = a2.toArray().map((x, i) => ref(op, x, b.get(i)));
        expect(got).toEqual(want);
        const s = B.xs.find((x) => x !== null) ?? 1;
        const sv = typeof s === "number" && B.d === "float32" ? Math.fround(s) : s;
        expect(OPS[op](a, sv).toArray()).toEqual(a.toArray().map((x) => ref(op, x, sv)));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it("gt(col, scalar) at 1e5 rows and odd lengths matches the reference", () => {
    for (const n of [0, 1, 7, 9, 100_001]) {
      const xs = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 10);
      const got = gt(column(xs), 1).toArray();
      expect(got).toEqual(Array.from(xs, (x) => x > 1));
    }
  });

  it("compare-loops.ts equals the output of scripts/gen-compare-loops.ts", () => {
    const file = readFileSync(new URL("../../../src/core/kernels/compare-loops.ts", import.meta.url), "utf8");
    expect(file).toBe(generate());
  });
});

describe("compare: 64-bit columns against one scalar (direct word loop)", () => {
  // Values straddle the word boundaries: the sign bit, 2^32 carries, 2^53 and the extremes.
  const signed = [
    -(2n ** 63n),
    -(2n ** 32n) - 1n,
    -(2n ** 32n),
    -1n,
    0n,
    1n,
    2n ** 31n,
    2n ** 32n - 1n,
    2n ** 32n,
    2n ** 53n + 1n,
    2n ** 63n - 1n,
  ];
  const unsigned = [0n, 1n, 2n ** 31n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 63n, 2n ** 64n - 1n];
  const ops = { eq, ne, lt, le, gt, ge } as const;
  const ref: Record<keyof typeof ops, (x: bigint, s: bigint) => boolean> = {
    eq: (x, s) => x === s,
    ne: (x, s) => x !== s,
    lt: (x, s) => x < s,
    le: (x, s) => x <= s,
    gt: (x, s) => x > s,
    ge: (x, s) => x >= s,
  };
  for (const [kind, values] of [
    ["int64", signed],
    ["uint64", unsigned],
  ] as const) {
    it(`every op on ${kind} against each of its own values as a bigint scalar matches BigInt comparison`, () => {
      const col = column([...values, null], kind);
      for (const [name, f] of Object.entries(ops) as [keyof typeof ops, typeof eq][]) {
        for (const s of values) {
          const expected = [...values.map((x) => ref[name](x, s)), null];
          expect(f(col, s).toArray(), `${name} ${kind} ${s}`).toEqual(expected);
        }
      }
    });
  }
  it("int64 against an integral number scalar (the `col > 5` case) and a fractional one", () => {
    const col = column([-3n, 5n, 6n, 2n ** 60n], "int64");
    expect(gt(col, 5).toArray()).toEqual([false, false, true, true]);
    expect(le(col, -3).toArray()).toEqual([true, false, false, false]);
    expect(gt(col, 5.5).toArray()).toEqual([false, false, true, true]);
    // a number scalar on an unsigned column, negative: every value is greater
    expect(gt(column([0n, 7n], "uint64"), -1).toArray()).toEqual([true, true]);
  });
});

describe("compare: 64-bit columns against fractional and extreme number scalars", () => {
  it("x < 2.5 means x <= 2 and x > -2.5 means x >= -2, for int64 and uint64 (hand-checked)", () => {
    const s = column([-3n, -2n, 2n, 3n, null], "int64");
    expect(lt(s, 2.5).toArray()).toEqual([true, true, true, false, null]);
    expect(le(s, 2.5).toArray()).toEqual([true, true, true, false, null]);
    expect(gt(s, -2.5).toArray()).toEqual([false, true, true, true, null]);
    expect(ge(s, -2.5).toArray()).toEqual([false, true, true, true, null]);
    expect(eq(s, 2.5).toArray()).toEqual([false, false, false, false, null]);
    expect(ne(s, 2.5).toArray()).toEqual([true, true, true, true, null]);
    const u = column([0n, 2n, 3n, 2n ** 64n - 1n], "uint64");
    expect(lt(u, 2.5).toArray()).toEqual([true, true, false, false]);
    expect(gt(u, -0.5).toArray()).toEqual([true, true, true, true]);
  });
  it("NaN and infinities against int64: NaN compares false (ne true), infinities bound everything", () => {
    const s = column([-(2n ** 63n), 0n, 2n ** 63n - 1n], "int64");
    expect(gt(s, Number.NaN).toArray()).toEqual([false, false, false]);
    expect(ne(s, Number.NaN).toArray()).toEqual([true, true, true]);
    expect(lt(s, Number.POSITIVE_INFINITY).toArray()).toEqual([true, true, true]);
    expect(gt(s, Number.NEGATIVE_INFINITY).toArray()).toEqual([true, true, true]);
  });
});

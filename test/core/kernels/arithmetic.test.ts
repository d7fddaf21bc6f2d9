import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate } from "../../../scripts/gen-arithmetic.js";
import { Column } from "../../../src/core/column.js";
import type { DType } from "../../../src/core/dtype.js";
import { CastError, DTypeError, OptionError, ShapeError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { abs, add, div, floorDiv, mod, mul, neg, pow, sub } from "../../../src/core/kernels/arithmetic.js";

const kinds = (c: Column) => c.dtype.kind;
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

describe("arithmetic: Python/pandas sign rules (documented examples)", () => {
  it("mod(a, b) takes the divisor's sign: -7 % 3 == 2, 7 % -3 == -2 (Python, pandas Series.mod)", () => {
    const a = column([-7, 7, -7, 7], "int32");
    const b = column([3, -3, -3, 3], "int32");
    expect(mod(a, b).toArray()).toEqual([2, -2, -1, 1]);
    expect(mod(column([-7, 7, -7, 7]), column([3, -3, -3, 3])).toArray()).toEqual([2, -2, -1, 1]);
  });
  it("floorDiv(a, b) rounds toward -inf: 7 // -2 == -4, -7 // 2 == -4, 7 // 2 == 3", () => {
    const a = column([7, -7, 7, -7], "int64");
    const b = column([-2, 2, 2, -2], "int64");
    expect(floorDiv(a, b).toArray()).toEqual([-4n, -4n, 3n, 3n]);
    expect(floorDiv(column([7, -7, 7.5]), column([-2, 2, 2])).toArray()).toEqual([-4, -4, 3]);
  });
  it("floorDiv(1, 0.1) is 9 and mod(1, 0.1) is about 0.1, as Python's divmod", () => {
    expect(floorDiv(column([1]), 0.1).toArray()).toEqual([9]);
    // 1 - 9 * 0.1 in exact arithmetic of the double nearest 0.1 (Python prints 0.09999999999999995)
    expect(mod(column([1]), 0.1).toArray()).toEqual([0.09999999999999995]);
  });
  it("mod(-7.5, 2) is 0.5 and mod(6, -3) is -0 (sign of the divisor)", () => {
    expect(mod(column([-7.5]), 2).toArray()).toEqual([0.5]);
    expect(Object.is(mod(column([6]), -3).get(0), -0)).toBe(true);
  });
  it("floats: x // 0 is ±inf or NaN and x % 0 is NaN (NumPy), x / 0 is ±inf", () => {
    expect(floorDiv(column([1, -1, 0]), 0).toArray()).toEqual([Infinity, -Infinity, NaN]);
    expect(mod(column([1, -1]), 0).toArray()).toEqual([NaN, NaN]);
    expect(div(column([1, -1, 0]), 0).toArray()).toEqual([Infinity, -Infinity, NaN]);
  });
  it("floorDiv/mod of integers by zero give null and keep the dtype", () => {
    const r = floorDiv(column([5, 0, -5, 6], "int16"), column([0, 0, 2, 3], "int16"));
    expect(kinds(r)).toBe("int16");
    expect(r.toArray()).toEqual([null, null, -3, 2]);
    expect(mod(column([5, 6], "uint32"), 0).toArray()).toEqual([null, null]);
    expect(mod(7, column([0n, 4n], "int64")).toArray()).toEqual([null, 3n]);
    expect(floorDiv(column([2n ** 60n, 1n], "uint64"), column([0n, 1n], "uint64")).toArray()).toEqual([
      null,
      1n,
    ]);
  });
});

describe("arithmetic: result dtypes", () => {
  it("add(col, col) promotes (int8 + int32 → int32, int32 + float32 → float64, bool + bool → int8)", () => {
    expect(kinds(add(column([1], "int8"), column([1], "int32")))).toBe("int32");
    expect(kinds(add(column([1], "int32"), column([1], "float32")))).toBe("float64");
    expect(kinds(add(column([1], "uint8"), column([1], "int8")))).toBe("int16");
    const bb = add(column([true, true, false]), column([true, false, false]));
    expect([kinds(bb), ...bb.toArray()]).toEqual(["int8", 2, 1, 0]);
    expect(add(column([true, false]), column([10, 20], "int32")).toArray()).toEqual([11, 20]);
  });
  it("add(col, number) keeps the integer dtype when the number is an integer that fits (NEP 50)", () => {
    expect(kinds(add(column([1], "int8"), 1))).toBe("int8");
    expect(kinds(add(column([1], "int8"), 1000))).toBe("float64");
    expect(kinds(add(column([1], "int8"), 1.5))).toBe("float64");
    expect(kinds(add(column([1], "uint8"), -1))).toBe("float64");
    expect(kinds(add(column([1n], "int64"), 2 ** 62))).toBe("int64");
    expect(kinds(sub(3, column([1], "uint16")))).toBe("uint16");
    expect(kinds(add(column([true]), 1))).toBe("int8");
  });
  it("add(col, bigint) is weak too: fits → column dtype, else promotes with int64", () => {
    expect(kinds(add(column([1], "int32"), 5n))).toBe("int32");
    expect(add(column([1], "int32"), 2n ** 40n).toArray()).toEqual([2n ** 40n + 1n]);
    expect(add(column([5n], "uint64"), -1n).toArray()).toEqual([4n]); // uint64 ⊕ int64 → int64
    expect(kinds(add(column([1], "float32"), 3n))).toBe("float32");
  });
  it("float32 stays float32 and rounds a number scalar to float32 first", () => {
    const x = Math.fround(0.2);
    const r = add(column([x], "float32"), 0.1);
    expect(kinds(r)).toBe("float32");
    expect(r.toArray()).toEqual([Math.fround(x + Math.fround(0.1))]);
    expect(kinds(div(column([1], "float32"), column([3], "float32")))).toBe("float32");
  });
  it("div(int, int) is float64 true division", () => {
    const r = div(column([7, -7, 1], "int32"), column([2, 2, 3], "int32"));
    expect(kinds(r)).toBe("float64");
    expect(r.toArray()).toEqual([3.5, -3.5, 1 / 3]);
    expect(div(column([2n ** 53n], "int64"), 2).toArray()).toEqual([2 ** 52]);
  });
  it("a null scalar gives all nulls with the weak dtype", () => {
    const r = add(column([1, 2], "int16"), null);
    expect([kinds(r), ...r.toArray()]).toEqual(["int16", null, null]);
    expect(kinds(div(null, column([1], "int8")))).toBe("float64");
  });
});

describe("arithmetic: overflow", () => {
  it("integers wrap as NumPy: int8 127 + 1 = -128, uint8 0 - 1 = 255, int32 65536 * 65536 = 0", () => {
    expect(add(column([127], "int8"), 1).toArray()).toEqual([-128]);
    expect(sub(column([0], "uint8"), 1).toArray()).toEqual([255]);
    expect(mul(column([65536], "int32"), column([65536], "int32")).toArray()).toEqual([0]);
    expect(mul(column([4294967295], "uint32"), 4294967295).toArray()).toEqual([1]);
    expect(add(column([I64_MAX], "int64"), 1n).toArray()).toEqual([I64_MIN]);
    expect(floorDiv(column([I64_MIN], "int64"), -1).toArray()).toEqual([I64_MIN]);
    expect(neg(column([-128], "int8")).toArray()).toEqual([-128]);
    expect(abs(column([I64_MIN], "int64")).toArray()).toEqual([I64_MIN]);
  });
  it("add(a, b, {checked: true}) throws a CastError naming the row", () => {
    const a = column([1, 2, 2147483647], "int32");
    expect(() => add(a, 1, { checked: true })).toThrowError(CastError);
    expect(() => add(a, 1, { checked: true })).toThrowError(/at row 2/);
    expect(() => mul(column([2n ** 32n, 2n ** 31n], "int64"), 2n ** 31n, { checked: true })).toThrowError(
      /overflows int64 at row 0/,
    );
    expect(() => sub(column([0n], "uint64"), 1n, { checked: true })).toThrowError(CastError);
    expect(() => pow(column([3], "int8"), 5, { checked: true })).toThrowError(/row 0/);
    expect(() => neg(column([0, -128], "int8"), { checked: true })).toThrowError(/row 1/);
    expect(() => abs(column([I64_MIN], "int64"), { checked: true })).toThrowError(CastError);
    expect(() => floorDiv(column([I64_MIN], "int64"), -1, { checked: true })).toThrowError(CastError);
  });
  it("checked ignores overflow under nulls and accepts results at the limits", () => {
    const a = column([2147483647, null, -2147483647], "int32");
    expect(add(a, column([0, 5, -1], "int32"), { checked: true }).toArray()).toEqual([
      2147483647,
      null,
      -2147483648,
    ]);
    const big = column([I64_MAX, null], "int64");
    expect(mul(big, 1n, { checked: true }).toArray()).toEqual([I64_MAX, null]);
    expect(mul(column([-(2n ** 62n)], "int64"), 2n, { checked: true }).toArray()).toEqual([I64_MIN]);
  });
});

describe("arithmetic: int64 beyond 2^53 is exact", () => {
  const vals = [2n ** 62n + 1n, -(2n ** 62n) - 3n, 2n ** 53n + 1n, -1n, I64_MAX, 12345678901234567n];
  const other = [3n, -7n, 2n ** 40n + 5n, 2n ** 53n + 1n, -2n, -98765432109n];
  const wrap = (v: bigint) => BigInt.asIntN(64, v);
  const fdiv = (x: bigint, y: bigint) => (x % y !== 0n && x < 0n !== y < 0n ? x / y - 1n : x / y);
  it("add, sub, mul, floorDiv, mod match BigInt arithmetic", () => {
    const a = column(vals, "int64");
    const b = column(other, "int64");
    expect(add(a, b).toArray()).toEqual(vals.map((x, i) => wrap(x + other[i]!)));
    expect(sub(a, b).toArray()).toEqual(vals.map((x, i) => wrap(x - other[i]!)));
    expect(mul(a, b).toArray()).toEqual(vals.map((x, i) => wrap(x * other[i]!)));
    expect(floorDiv(a, b).toArray()).toEqual(vals.map((x, i) => fdiv(x, other[i]!)));
    expect(mod(a, b).toArray()).toEqual(vals.map((x, i) => x - fdiv(x, other[i]!) * other[i]!));
  });
  it("add((2n**62n) + 1n, 1n) and pow(3n, 39n) are exact; neg and abs too", () => {
    expect(add(column([2n ** 62n + 1n], "int64"), 1n).toArray()).toEqual([2n ** 62n + 2n]);
    expect(pow(column([3n, -3n], "int64"), 39n).toArray()).toEqual([3n ** 39n, -(3n ** 39n)]);
    expect(pow(column([3n], "int64"), 41n).toArray()).toEqual([wrap(3n ** 41n)]);
    expect(neg(column([2n ** 62n + 1n], "int64")).toArray()).toEqual([-(2n ** 62n) - 1n]);
    expect(abs(column([-(2n ** 62n) - 1n], "int64")).toArray()).toEqual([2n ** 62n + 1n]);
  });
  it("uint64 keeps values above 2^63", () => {
    const u = column([2n ** 64n - 1n, 2n ** 63n + 7n], "uint64");
    expect(add(u, 1n).toArray()).toEqual([0n, 2n ** 63n + 8n]);
    expect(mod(u, 10n).toArray()).toEqual([(2n ** 64n - 1n) % 10n, (2n ** 63n + 7n) % 10n]);
    expect(floorDiv(u, 2n ** 33n + 1n).toArray()).toEqual([
      (2n ** 64n - 1n) / (2n ** 33n + 1n),
      (2n ** 63n + 7n) / (2n ** 33n + 1n),
    ]);
  });
  it("uint64 with a signed column computes in int64 and throws for values above 2^63 - 1", () => {
    expect(add(column([5n], "uint64"), column([-1], "int8")).toArray()).toEqual([4n]);
    expect(() => add(column([2n ** 63n], "uint64"), column([1], "int8"))).toThrowError(
      /row 0 does not fit int64/,
    );
  });
});

describe("arithmetic: pow", () => {
  it("pow(int, negative int) throws a CastError naming the row (NumPy raises too)", () => {
    expect(() => pow(column([2, 3], "int32"), column([1, -1], "int32"))).toThrowError(CastError);
    expect(() => pow(column([2, 3], "int32"), column([1, -1], "int32"))).toThrowError(/exponent -1 at row 1/);
    expect(() => pow(column([2], "int64"), -2)).toThrowError(/negative integer powers/);
  });
  it("pow skips negative exponents under nulls; floats follow Math.pow", () => {
    const e = column([2, null], "int32");
    expect(pow(column([3, 3], "int32"), e).toArray()).toEqual([9, null]);
    expect(pow(column([2.0, 4.0, -8]), column([-1, 0.5, 1 / 3])).toArray()).toEqual([0.5, 2, NaN]);
    expect(pow(2, column([0, 10, 31], "int32")).toArray()).toEqual([1, 1024, -2147483648]);
    expect(pow(column([2], "uint8"), 8).toArray()).toEqual([0]);
  });
});

describe("arithmetic: nulls, NaN, chunks, slices", () => {
  it("nulls propagate (validity AND) and NaN stays NaN", () => {
    const a = column([1, null, NaN, 4]);
    const b = column([null, 2, 3, 4]);
    expect(add(a, b).toArray()).toEqual([null, null, NaN, 8]);
    expect(mul(a, 2).nullCount).toBe(1);
  });
  it("add(a, b) aligns differently chunked and sliced operands without changing values", () => {
    const c1 = column([1, 2, 3], "int32");
    const c2 = column([4, null, 6, 7], "int32");
    const a = new Column(c1.dtype, [c1.chunks[0]!, c2.chunks[0]!]); // chunks of 3 and 4
    const b = column([0, 10, 20, 30, 40, 50, 60, 70, 80], "int32").slice(2); // one chunk, offset 2
    const r = add(a, b);
    expect(r.toArray()).toEqual([21, 32, 43, 54, null, 76, 87]);
    expect(r.chunks.length).toBe(1);
    expect(sub(a.slice(1, 6), b.slice(2)).toArray()).toEqual([2 - 40, 3 - 50, 4 - 60, null, 6 - 80]);
  });
  it("neg(col) keeps the dtype and makes -0 of 0.0; bool becomes int8", () => {
    expect(Object.is(neg(column([0])).get(0), -0)).toBe(true);
    expect(neg(column([1], "uint8")).toArray()).toEqual([255]);
    expect(neg(column([true, false, null])).toArray()).toEqual([-1, 0, null]);
    expect(abs(column([-3, null], "int16")).toArray()).toEqual([3, null]);
  });
});

describe("arithmetic: temporal", () => {
  const ts = column([0n, 1000n, null], "timestamp[s]");
  it("sub(timestamp, timestamp) is a duration in the finer unit", () => {
    const r = sub(ts, column([500n, 0n, 1n], "timestamp[ms]"));
    expect(r.dtype).toEqual({ kind: "duration", unit: "ms" });
    expect(r.toArray()).toEqual([-500n, 1000000n, null]);
  });
  it("add(timestamp, duration) and add(duration, timestamp) are timestamps; zones are kept", () => {
    const d = column([1n, 2n, 3n], "duration[ns]");
    const r = add(ts, d);
    expect(r.dtype).toEqual({ kind: "timestamp", unit: "ns", tz: null });
    expect(r.toArray()).toEqual([1n, 1000000000002n, null]);
    const utc = column([10n], "timestamp[ms, UTC]");
    expect(add(column([5n], "duration[ms]"), utc).dtype).toEqual({
      kind: "timestamp",
      unit: "ms",
      tz: "UTC",
    });
    expect(sub(utc, column([3n], "duration[s]")).toArray()).toEqual([10n - 3000n]);
  });
  it("duration ± duration, duration * integer, duration / duration", () => {
    const a = column([5n, 6n], "duration[s]");
    expect(add(a, column([1n, 1n], "duration[ms]")).toArray()).toEqual([5001n, 6001n]);
    expect(mul(a, 3).toArray()).toEqual([15n, 18n]);
    expect(mul(column([2, 3], "int8"), a).dtype).toEqual({ kind: "duration", unit: "s" });
    expect(div(a, column([2000n, 3n], "duration[ms]")).toArray()).toEqual([2.5, 2000]);
    expect(neg(a).toArray()).toEqual([-5n, -6n]);
  });
  it("other temporal mixes throw a DTypeError naming both dtypes", () => {
    expect(() => add(ts, ts)).toThrowError(/add does not support timestamp\[s\] and timestamp\[s\]/);
    expect(() => sub(ts, column([1n, 2n, 3n], "timestamp[s, UTC]"))).toThrowError(/time zones differ/);
    expect(() => mul(column([1n], "duration[s]"), 1.5)).toThrowError(DTypeError);
    expect(() => add(ts, 1)).toThrowError(/timestamp\[s\] and number 1/);
    expect(() => add(column([1], "date"), column([1n], "duration[s]"))).toThrowError(DTypeError);
    expect(() => neg(ts)).toThrowError(/neg does not support dtype timestamp/);
  });
  it("converting to a finer unit throws a CastError naming the row when it overflows", () => {
    const big = column([0n, 2n ** 62n], "timestamp[s]");
    expect(() => sub(big, column([0n, 0n], "timestamp[ns]"))).toThrowError(/row 1 overflows int64/);
  });
});

describe("arithmetic: error paths", () => {
  it("add(a, b) with different lengths throws a ShapeError naming both lengths", () => {
    expect(() => add(column([1, 2]), column([1, 2, 3]))).toThrowError(ShapeError);
    expect(() => add(column([1, 2]), column([1, 2, 3]))).toThrowError(/2 and 3/);
  });
  it("strings, dictionaries and two scalars throw a DTypeError naming the culprit", () => {
    expect(() => add(column(["a"]), 1)).toThrowError(/add does not support dtype utf8/);
    expect(() => mul(column(["a"], "category"), 1)).toThrowError(/dictionary<int32, utf8>/);
    expect(() => sub(column([1]), "x")).toThrowError(/string operand "x"/);
    expect(() => add(1, 2)).toThrowError(DTypeError);
    expect(() => add(column([1]), {} as unknown as number)).toThrowError(DTypeError);
  });
  it("a bad checked option throws an OptionError", () => {
    expect(() => add(column([1]), 1, { checked: "yes" as unknown as boolean })).toThrowError(OptionError);
    expect(() => add(column([1]), 1, { checked: "yes" as unknown as boolean })).toThrowError(
      /invalid checked/,
    );
  });
});

// ---------------------------------------------------------------------------
// Property tests against a naive reference

const INT_BITS: Record<string, [number, boolean]> = {
  int8: [8, true],
  int16: [16, true],
  int32: [32, true],
  int64: [64, true],
  uint8: [8, false],
  uint16: [16, false],
  uint32: [32, false],
  uint64: [64, false],
};
const KINDS = [
  "int8",
  "int16",
  "int32",
  "int64",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "float32",
  "float64",
];

function valueArb(kind: string): fc.Arbitrary<number | bigint> {
  if (kind === "float64") return fc.integer({ min: -400, max: 400 }).map((k) => k / 4);
  if (kind === "float32") return fc.integer({ min: -400, max: 400 }).map((k) => k / 4);
  const [bits, signed] = INT_BITS[kind]!;
  const min = signed ? -(2n ** BigInt(bits - 1)) : 0n;
  const max = signed ? 2n ** BigInt(bits - 1) - 1n : 2n ** BigInt(bits) - 1n;
  const v = fc.oneof(fc.bigInt({ min, max }), fc.bigInt({ min: min < -9n ? -9n : min, max: 9n }));
  return bits === 64 ? v : v.map(Number);
}

interface Case {
  kind: string;
  a: (number | bigint | null)[];
  b: (number | bigint | null)[];
  skip: number;
  split: number;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    n: fc.oneof(fc.constantFrom(0, 1, 7, 33), fc.integer({ min: 0, max: 70 })),
    skip: fc.integer({ min: 0, max: 9 }),
    split: fc.double({ min: 0, max: 1, noNaN: true }),
    nulls: fc.constantFrom(0, 0.2),
  })
  .chain(({ kind, n, skip, split, nulls }) => {
    const cell = fc.oneof(
      { weight: nulls > 0 ? 1 : 0, arbitrary: fc.constant(null) },
      { weight: 4, arbitrary: valueArb(kind) },
    );
    const arr = fc.array(cell, { minLength: n + skip, maxLength: n + skip });
    return fc.record({
      kind: fc.constant(kind),
      a: arr,
      b: arr,
      skip: fc.constant(skip),
      split: fc.constant(split),
    });
  });

/** A column of `values` (after `skip` leading rows sliced off), split into two chunks. */
function build(kind: string, values: (number | bigint | null)[], skip: number, split: number): Column {
  const full = column(values, kind).slice(skip);
  const k = Math.floor(full.length * split);
  const parts = [full.slice(0, k), full.slice(k)].flatMap((c) => c.chunks);
  return new Column(full.dtype as DType, parts);
}

const norm = (x: unknown) => (Object.is(x, -0) ? 0 : x);

function refInt(op: string, kind: string, x: bigint, y: bigint): bigint | null {
  const [bits, signed] = INT_BITS[kind]!;
  const wrap = (v: bigint) => (signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v));
  const fdiv = (p: bigint, q: bigint) => (p % q !== 0n && p < 0n !== q < 0n ? p / q - 1n : p / q);
  switch (op) {
    case "add":
      return wrap(x + y);
    case "sub":
      return wrap(x - y);
    case "mul":
      return wrap(x * y);
    case "floorDiv":
      return y === 0n ? null : wrap(fdiv(x, y));
    case "mod":
      return y === 0n ? null : x - fdiv(x, y) * y;
    default:
      return wrap(x ** (y < 0n ? 0n : y % 70n));
  }
}

function refFloat(op: string, f32: boolean, x: number, y: number): number {
  const r = (v: number) => (f32 ? Math.fround(v) : v);
  switch (op) {
    case "add":
      return r(x + y);
    case "sub":
      return r(x - y);
    case "mul":
      return r(x * y);
    case "div":
      return r(x / y);
    case "floorDiv":
      return y === 0 ? r(x / y) : r(Math.floor(x / y));
    default:
      return y === 0 ? Number.NaN : r(x - y * Math.floor(x / y));
  }
}

const KERNELS = { add, sub, mul, div, floorDiv, mod, pow } as const;

describe("arithmetic: property tests against a naive reference", () => {
  for (const op of ["add", "sub", "mul", "div", "floorDiv", "mod", "pow"] as const) {
    it(`${op}(a, b) matches the reference over random dtypes, lengths, nulls, slices and chunks`, () => {
      fc.assert(
        fc.property(caseArb, ({ kind, a, b, skip, split }) => {
          const isFloat = kind.startsWith("float");
          if (op === "pow") {
            // keep exponents small and non-negative
            b = b.map((v) =>
              v === null ? null : typeof v === "bigint" ? (v < 0n ? -v : v) % 70n : Math.abs(v) % 9,
            );
            if (isFloat) return;
          }
          const ca = build(kind, a, skip, split);
          const cb = build(kind, b, skip, 1 - split);
          const got = KERNELS[op](ca, cb).toArray().map(norm);
          const want = a.slice(skip).map((x, i) => {
            const y = b[skip + i]!;
            if (x === null || y === null) return null;
            if (isFloat) return norm(refFloat(op, kind === "float32", Number(x), Number(y)));
            if (op === "div") return norm(Number(x) / Number(y));
            const r = refInt(op, kind, BigInt(x), BigInt(y));
            return r === null ? null : INT_BITS[kind]![0] === 64 ? r : Number(r);
          });
          expect(got).toEqual(want);
        }),
        { seed: 42, numRuns: 150 },
      );
    });
  }

  it("add(a, scalar) and sub(scalar, a) match the reference with weak scalars", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: -5, max: 5 }), ({ kind, a, skip, split }, s) => {
        if (kind.startsWith("uint") && s < 0) s = -s;
        const ca = build(kind, a, skip, split);
        const wide = INT_BITS[kind]?.[0] === 64;
        const sc = wide ? BigInt(s) : s;
        const r1 = add(ca, sc);
        const r2 = sub(sc, ca);
        expect(r1.dtype.kind).toBe(kind);
        const ref = (op: string, x: number | bigint, y: number | bigint) =>
          kind.startsWith("float")
            ? refFloat(op, kind === "float32", Number(x), Number(y))
            : ((v) => (wide ? v : Number(v)))(refInt(op, kind, BigInt(x), BigInt(y)) as bigint);
        const live = a.slice(skip);
        expect(r1.toArray()).toEqual(live.map((x) => (x === null ? null : ref("add", x, s))));
        expect(r2.toArray()).toEqual(live.map((x) => (x === null ? null : ref("sub", s, x))));
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it("add(a, b) and mul(a, b) on 1e5 rows with nulls match the reference (int64 and float64)", () => {
    const n = 100_001;
    const xs: (bigint | null)[] = [];
    const ys: (bigint | null)[] = [];
    let s = 12345;
    const rnd = () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s;
    };
    for (let i = 0; i < n; i++) {
      xs.push(rnd() % 11 === 0 ? null : (BigInt(rnd()) << 32n) - BigInt(rnd()) * 1000n);
      ys.push(rnd() % 13 === 0 ? null : BigInt(rnd()) - 2n ** 30n);
    }
    const a = build("int64", xs, 0, 0.37);
    const b = build("int64", ys, 0, 0.61);
    const wrap = (v: bigint) => BigInt.asIntN(64, v);
    expect(add(a, b).toArray()).toEqual(
      xs.map((x, i) => (x === null || ys[i] === null ? null : wrap(x + ys[i]!))),
    );
    expect(mul(a, b).toArray()).toEqual(
      xs.map((x, i) => (x === null || ys[i] === null ? null : wrap(x * ys[i]!))),
    );
    const fa = build(
      "float64",
      xs.map((x) => (x === null ? null : Number(x % 100000n) / 8)),
      1,
      0.5,
    );
    const fb = build(
      "float64",
      ys.map((y) => (y === null ? null : Number(y % 1000n) / 4)),
      1,
      0.25,
    );
    const want = xs.slice(1).map((x, i) => {
      const y = ys[i + 1];
      return x === null || y === null || y === undefined
        ? null
        : Number(x % 100000n) / 8 + Number(y % 1000n) / 4;
    });
    expect(add(fa, fb).toArray()).toEqual(want);
  });
});

describe("scripts/gen-arithmetic.ts", () => {
  it("generate() reproduces the checked-in loop files (regenerating changes nothing)", () => {
    const root = join(import.meta.dirname, "../../..");
    for (const [path, text] of generate()) expect(readFileSync(join(root, path), "utf8"), path).toBe(text);
  });
});

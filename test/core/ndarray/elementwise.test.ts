import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DType, parseDType } from "../../../src/core/dtype.js";
import { CastError, DTypeError, OptionError, ShapeError } from "../../../src/core/errors.js";
import { arange, ndarray } from "../../../src/core/ndarray/create.js";
import type { NDArray } from "../../../src/core/ndarray/ndarray.js";
import { promote } from "../../../src/core/promotion.js";
import { broadcastRef, type Ref, randomArray, refFlat, shapeArb, transposeRef } from "./reference.js";

describe("binary ops broadcast (NumPy broadcasting page examples)", () => {
  it("a (4, 3) + b (3,) adds b to every row", () => {
    const a = ndarray([
      [0.0, 0.0, 0.0],
      [10.0, 10.0, 10.0],
      [20.0, 20.0, 20.0],
      [30.0, 30.0, 30.0],
    ]);
    const b = ndarray([1.0, 2.0, 3.0]);
    expect(a.add(b).toArray()).toEqual([
      [1, 2, 3],
      [11, 12, 13],
      [21, 22, 23],
      [31, 32, 33],
    ]);
  });
  it("a[:, newaxis] + b is the outer sum", () => {
    const a = ndarray([0.0, 10.0, 20.0, 30.0]);
    const b = ndarray([1.0, 2.0, 3.0]);
    expect(a.expandDims(1).add(b).toArray()).toEqual([
      [1, 2, 3],
      [11, 12, 13],
      [21, 22, 23],
      [31, 32, 33],
    ]);
  });
  it("a * 2.0 multiplies every element by the scalar", () => {
    expect(ndarray([1.0, 2.0, 3.0]).mul(2.0).toArray()).toEqual([2, 4, 6]);
  });
  it("shapes (8, 1, 6, 1) and (7, 1, 5) give (8, 7, 6, 5)", () => {
    const a = arange(48).reshape([8, 1, 6, 1]);
    const b = arange(35).reshape([7, 1, 5]);
    const c = a.add(b);
    expect(c.shape).toEqual([8, 7, 6, 5]);
    // hand: c[i, j, k, l] = a[i, 0, k, 0] + b[j, 0, l] = 6i + k + 5j + l
    expect(c.get(3, 4, 5, 2)).toBe(6 * 3 + 5 + 5 * 4 + 2);
  });
  it("(3,) with (4,) throws a ShapeError naming both shapes", () => {
    expect(() => ndarray([1, 2, 3]).add(ndarray([1, 2, 3, 4]))).toThrow(ShapeError);
    expect(() => ndarray([1, 2, 3]).add(ndarray([1, 2, 3, 4]))).toThrow(
      "cannot broadcast shapes [3] and [4]",
    );
    expect(() => ndarray([[1], [2]]).mul(arange(96).reshape([8, 4, 3]))).toThrow(/\[2, 1\] and \[8, 4, 3\]/);
  });
});

describe("binary op semantics and dtypes", () => {
  it("floorDiv([1, 2, 3, 4], 2.5) is [0, 0, 1, 1] (np.floor_divide)", () => {
    expect(ndarray([1, 2, 3, 4]).floorDiv(2.5).toArray()).toEqual([0, 0, 1, 1]);
  });
  it("mod follows the divisor's sign: remainder([4, 7], [2, 3]) and Python's -7 % 2 = 1, 7 % -2 = -1", () => {
    expect(
      ndarray([4, 7], { dtype: "int32" })
        .mod(ndarray([2, 3], { dtype: "int32" }))
        .toArray(),
    ).toEqual([0, 1]);
    expect(arange(7, undefined, 1, "int64").mod(5).toArray()).toEqual([0n, 1n, 2n, 3n, 4n, 0n, 1n]);
    expect(
      ndarray([-7, 7], { dtype: "int16" })
        .mod(ndarray([2, -2], { dtype: "int16" }))
        .toArray(),
    ).toEqual([1, -1]);
    expect(
      ndarray([-7, 7])
        .mod(ndarray([2, -2]))
        .toArray(),
    ).toEqual([1, -1]);
    expect(ndarray([-7, 7], { dtype: "int32" }).floorDiv(2).toArray()).toEqual([-4, 3]);
  });
  it("integer x // 0 and x % 0 give 0 (NumPy); float x % 0 is NaN and x // 0 is x / 0", () => {
    expect(ndarray([5, -5], { dtype: "int32" }).floorDiv(0).toArray()).toEqual([0, 0]);
    expect(ndarray([5, -5], { dtype: "int8" }).mod(0).toArray()).toEqual([0, 0]);
    expect(ndarray([5, -5]).mod(0).toArray()).toEqual([Number.NaN, Number.NaN]);
    expect(ndarray([5, -5]).floorDiv(0).toArray()).toEqual([
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ]);
  });
  it("pow: arange(6) ** 3 and arange(6) ** [1, 2, 3, 3, 2, 1] (np.power)", () => {
    const x = arange(6, undefined, 1, "int32");
    expect(x.pow(3).toArray()).toEqual([0, 1, 8, 27, 64, 125]);
    expect(x.pow(3).dtype.kind).toBe("int32");
    expect(x.pow(ndarray([1.0, 2.0, 3.0, 3.0, 2.0, 1.0])).toArray()).toEqual([0, 1, 8, 27, 16, 5]);
    expect(() => x.pow(-1)).toThrow(/negative integer powers/);
    expect(
      ndarray([1, -1])
        .pow(ndarray([Number.NaN, Number.POSITIVE_INFINITY]))
        .toArray(),
    ).toEqual([1, 1]);
  });
  it("div of integers gives float64; of float32 keeps float32", () => {
    const r = ndarray([1, 2, 3], { dtype: "int32" }).div(2);
    expect(r.dtype.kind).toBe("float64");
    expect(r.toArray()).toEqual([0.5, 1, 1.5]);
    expect(ndarray([1, 2], { dtype: "float32" }).div(4).dtype.kind).toBe("float32");
  });
  it("integer arithmetic wraps as NumPy (int8 100 + 100 = -56; int32 2^31-1 + 1; imul)", () => {
    expect(ndarray([100], { dtype: "int8" }).add(100).toArray()).toEqual([-56]);
    expect(ndarray([2147483647], { dtype: "int32" }).add(1).toArray()).toEqual([-2147483648]);
    expect(ndarray([65536], { dtype: "int32" }).mul(65536).toArray()).toEqual([0]);
    expect(ndarray([0], { dtype: "uint8" }).sub(1).toArray()).toEqual([255]);
  });
  it("result dtypes follow promote(): int32 + float32 → float64, uint8 + int8 → int16", () => {
    const i32 = ndarray([1], { dtype: "int32" });
    expect(i32.add(ndarray([1], { dtype: "float32" })).dtype.kind).toBe("float64");
    expect(
      ndarray([1], { dtype: "uint8" })
        .add(ndarray([-1], { dtype: "int8" }))
        .toArray(),
    ).toEqual([0]);
    expect(ndarray([1], { dtype: "uint8" }).add(ndarray([-1], { dtype: "int8" })).dtype.kind).toBe("int16");
  });
  it("scalars are weak (NEP 50): int8 + 1 stays int8, int8 + 1.5 is float64, out-of-range scalars throw", () => {
    const a = ndarray([1, 2], { dtype: "int8" });
    expect(a.add(1).dtype.kind).toBe("int8");
    expect(a.add(1.5).dtype.kind).toBe("float64");
    expect(a.add(1.5).toArray()).toEqual([2.5, 3.5]);
    expect(() => a.add(300)).toThrow(CastError);
    expect(() => a.add(300)).toThrow(/300/);
    expect(ndarray([1], { dtype: "float32" }).add(1).dtype.kind).toBe("float32");
  });
  it("comparisons give bool arrays; NaN compares unequal", () => {
    const a = ndarray([1, Number.NaN, 3]);
    const r = a.lt(2);
    expect(r.dtype.kind).toBe("bool");
    expect(r.toArray()).toEqual([true, false, false]);
    expect(a.eq(a).toArray()).toEqual([true, false, true]);
    expect(a.ne(a).toArray()).toEqual([false, true, false]);
    expect(
      ndarray([1, 2, 3], { dtype: "int32" })
        .ge(ndarray([[2], [3]]))
        .toArray(),
    ).toEqual([
      [false, true, true],
      [false, false, true],
    ]);
  });
  it("bool arithmetic is refused; bool compares", () => {
    const t = ndarray([true, false]);
    expect(() => t.add(t)).toThrow(DTypeError);
    expect(() => t.add(t)).toThrow(/bool/);
    expect(t.eq(true).toArray()).toEqual([true, false]);
    expect(t.add(ndarray([1, 1], { dtype: "int32" })).toArray()).toEqual([2, 1]);
  });
  it("int64 and uint64 arithmetic is exact beyond 2^53 (words, no float)", () => {
    const big = ndarray([2n ** 60n + 1n, -(2n ** 62n), 7n]);
    expect(big.add(ndarray([1n, -1n, -8n])).toArray()).toEqual([2n ** 60n + 2n, -(2n ** 62n) - 1n, -1n]);
    expect(big.sub(2n ** 60n).toArray()).toEqual([1n, -(2n ** 62n) - 2n ** 60n, 7n - 2n ** 60n]);
    expect(big.mul(3).toArray()).toEqual([3n * 2n ** 60n + 3n, BigInt.asIntN(64, -3n * 2n ** 62n), 21n]);
    expect(big.gt(7n).toArray()).toEqual([true, false, false]);
    expect(big.neg().toArray()).toEqual([-(2n ** 60n) - 1n, 2n ** 62n, -7n]);
    expect(
      ndarray([3n, 2n])
        .pow(ndarray([40n, 63n]))
        .toArray(),
    ).toEqual([BigInt.asIntN(64, 3n ** 40n), BigInt.asIntN(64, 2n ** 63n)]);
    const u = ndarray([2n ** 64n - 1n, 5n], { dtype: "uint64" });
    expect(u.add(1n).toArray()).toEqual([0n, 6n]);
    expect(u.gt(ndarray([1n, 6n], { dtype: "uint64" })).toArray()).toEqual([true, false]);
    expect(ndarray([-7n, 7n]).floorDiv(2n).toArray()).toEqual([-4n, 3n]);
    // beyond 2^53: Python's floor rules, checked against BigInt by hand:
    // (2^60 + 1) // 3 = 384307168202282325 r 2; -(2^62) // 7 = -658812288346769701 (rounds toward -inf), r 3
    expect(
      ndarray([2n ** 60n + 1n, -(2n ** 62n)])
        .floorDiv(ndarray([3n, 7n]))
        .toArray(),
    ).toEqual([384307168202282325n, -658812288346769701n]);
    expect(
      ndarray([2n ** 60n + 1n, -(2n ** 62n)])
        .mod(ndarray([3n, 7n]))
        .toArray(),
    ).toEqual([2n, 3n]);
    // a zero divisor gives 0, as NumPy's integer loops
    expect(
      ndarray([2n ** 60n])
        .floorDiv(0n)
        .toArray(),
    ).toEqual([0n]);
  });
  it("uint64 with int64 promotes to int64, checked", () => {
    const u = ndarray([2n ** 63n], { dtype: "uint64" });
    expect(() => u.add(ndarray([1n]))).toThrow(CastError);
  });
  it("an unknown op throws an OptionError listing the ops", () => {
    // @ts-expect-error unknown op on purpose
    expect(() => ndarray([1]).map("cube")).toThrow(OptionError);
  });
});

describe("unary ops", () => {
  it("round is half to even: round([0.5, 1.5, 2.5, 3.5, 4.5]) and round([0.37, 1.64]) (np.round)", () => {
    expect(ndarray([0.5, 1.5, 2.5, 3.5, 4.5]).map("round").toArray()).toEqual([0, 2, 2, 4, 4]);
    expect(ndarray([0.37, 1.64]).map("round").toArray()).toEqual([0, 2]);
  });
  it("sqrt of int32 gives float64; of float32 keeps float32", () => {
    expect(ndarray([4, 9], { dtype: "int32" }).sqrt().toArray()).toEqual([2, 3]);
    expect(ndarray([4, 9], { dtype: "int32" }).sqrt().dtype.kind).toBe("float64");
    expect(ndarray([4], { dtype: "float32" }).sqrt().dtype.kind).toBe("float32");
  });
  it("neg, abs, sign keep the dtype; abs(int8 -128) wraps to -128 as NumPy", () => {
    const a = ndarray([-128, -3, 0, 5], { dtype: "int8" });
    expect(a.abs().toArray()).toEqual([-128, 3, 0, 5]);
    expect(a.neg().toArray()).toEqual([-128, 3, 0, -5]);
    expect(a.map("sign").toArray()).toEqual([-1, -1, 0, 1]);
    expect(
      ndarray([-(2n ** 62n), 3n])
        .abs()
        .toArray(),
    ).toEqual([2n ** 62n, 3n]);
    expect(
      ndarray([-(2n ** 62n), 0n, 3n])
        .map("sign")
        .toArray(),
    ).toEqual([-1n, 0n, 1n]);
  });
  it("floor/ceil/trunc keep integer arrays; log/exp/sin follow Math", () => {
    expect(ndarray([3], { dtype: "int16" }).map("floor").dtype.kind).toBe("int16");
    expect(ndarray([-1.5, 1.5]).map("trunc").toArray()).toEqual([-1, 1]);
    expect(ndarray([1, Math.E]).log().toArray()).toEqual([0, 1]);
    expect(ndarray([0]).exp().toArray()).toEqual([1]);
  });
  it("unary ops on bool throw a DTypeError", () => {
    expect(() => ndarray([true]).neg()).toThrow(DTypeError);
  });
});

// ---- property tests against a naive reference ----

const INT_RANGE: Record<string, [number, number]> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  uint8: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 4294967295],
};

function wrap(v: number, kind: string): number {
  if (kind === "int64") return v; // test values stay far from 2^63
  const r = INT_RANGE[kind];
  if (r === undefined) return kind === "float32" ? Math.fround(v) : v;
  const m = r[1] - r[0] + 1;
  return ((((v - r[0]) % m) + m) % m) + r[0];
}

const isInt = (kind: string) => INT_RANGE[kind] !== undefined || kind === "int64";
const zero = (v: unknown) => (v === 0 ? 0 : v);

function refOp(op: string, x: number, y: number, kind: string): number | boolean {
  const int = isInt(kind);
  switch (op) {
    case "add":
      return wrap(x + y, kind);
    case "sub":
      return wrap(x - y, kind);
    case "mul":
      return wrap(x * y, kind);
    case "floorDiv":
      return y === 0 ? (int ? 0 : x / y) : wrap(Math.floor(x / y), kind);
    case "mod":
      return y === 0 ? (int ? 0 : Number.NaN) : wrap(x - y * Math.floor(x / y), kind);
    case "lt":
      return x < y;
    case "eq":
      return x === y;
    default:
      return x >= y;
  }
}

/** A shape that broadcasts with `s`: a suffix of it, some dims set to 1, maybe new leading dims. */
const compatibleShape = (s: number[]) =>
  fc
    .record({
      drop: fc.integer({ min: 0, max: s.length }),
      ones: fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }),
      lead: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: Math.max(0, 4 - s.length) }),
      swap: fc.boolean(),
    })
    .map(({ drop, ones, lead, swap }) => ({
      shape: [...(drop === 0 ? lead : []), ...s.slice(drop).map((d, i) => (ones[drop + i] ? 1 : d))],
      swap,
    }));

describe("binary ops on random shapes, dtypes and views match a nested-loop reference", () => {
  it.each(["add", "sub", "mul", "floorDiv", "mod", "lt", "eq", "ge"])("%s", (op) => {
    const prop = fc.property(
      randomArray().chain((a) =>
        compatibleShape(a.shape).chain(({ shape, swap }) =>
          randomArray({ shape: fc.constant(shape) }).map((b) => ({ a, b, swap })),
        ),
      ),
      fc.boolean(),
      ({ a, b, swap }, transposeFirst) => {
        let x: NDArray = a.arr;
        let xr: Ref = a.ref;
        if (transposeFirst && x.ndim > 1) {
          // transpose, then a transposed copy back: same values, strided layout
          x = x.transpose().copy().transpose();
          xr = transposeRef(transposeRef(xr, [...xr.shape.keys()].reverse()), [...xr.shape.keys()].reverse());
        }
        const [l, r, lr, rr] = swap ? [b.arr, x, b.ref, xr] : [x, b.arr, xr, b.ref];
        const out = (l as unknown as Record<string, (o: NDArray) => NDArray>)[op]!.call(l, r);
        const shape = out.shape.slice();
        const kind = (promote(l.dtype, r.dtype) as DType).kind;
        const L = broadcastRef(lr, shape);
        const R = broadcastRef(rr, shape);
        const expected = refFlat({ shape, at: (i) => refOp(op, L.at(i), R.at(i), kind) as number });
        const got = (out.reshape([-1]).toArray() as unknown[]).map((v) =>
          typeof v === "bigint" ? Number(v) : v,
        );
        expect(got.map(zero)).toEqual(expected.map(zero));
        const want = ["lt", "eq", "ge"].includes(op) ? "bool" : kind;
        expect(out.dtype).toEqual(parseDType(want));
      },
    );
    fc.assert(prop, { seed: 42, numRuns: 150 });
  });

  it("int64 add/mul/lt on random shapes match BigInt arithmetic", () => {
    fc.assert(
      fc.property(shapeArb(3, 4), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (shape, seed) => {
        const size = shape.reduce((p, q) => p * q, 1);
        const vals = Array.from({ length: size }, (_, i) => BigInt.asIntN(64, seed * BigInt(i + 1) + 12345n));
        const a = ndarray(BigInt64Array.from(vals), { shape });
        const other = seed >> 3n;
        expect(a.add(other).reshape([-1]).toArray()).toEqual(vals.map((v) => BigInt.asIntN(64, v + other)));
        expect(a.mul(a).reshape([-1]).toArray()).toEqual(vals.map((v) => BigInt.asIntN(64, v * v)));
        expect(a.lt(other).reshape([-1]).toArray()).toEqual(vals.map((v) => v < other));
        expect(a.transpose().sub(1n).transpose().reshape([-1]).toArray()).toEqual(
          vals.map((v) => BigInt.asIntN(64, v - 1n)),
        );
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it("a 1e5-element broadcast add matches the reference", () => {
    const a = arange(100000).reshape([1000, 100]);
    const b = arange(100, undefined, 1, "int32");
    const c = a.add(b.mul(-1)).reshape([-1]).toArray() as number[];
    expect(c.every((v, i) => v === i - (i % 100))).toBe(true);
  });
});

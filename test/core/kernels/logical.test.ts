import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { bool } from "../../../src/core/dtype.js";
import { DTypeError, ShapeError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { and, not, or, xor } from "../../../src/core/kernels/logical.js";

type B = boolean | null;
// Kleene truth tables (Arrow and_kleene/or_kleene, pandas nullable boolean docs), rows a, columns b = [T, F, null].
const VALS: B[] = [true, false, null];
const AND: B[][] = [
  [true, false, null],
  [false, false, false],
  [null, false, null],
];
const OR: B[][] = [
  [true, true, true],
  [true, false, null],
  [true, null, null],
];
const XOR: B[][] = [
  [false, true, null],
  [true, false, null],
  [null, null, null],
];

const refAnd = (a: B, b: B) => AND[VALS.indexOf(a)]![VALS.indexOf(b)]!;
const refOr = (a: B, b: B) => OR[VALS.indexOf(a)]![VALS.indexOf(b)]!;
const refXor = (a: B, b: B) => XOR[VALS.indexOf(a)]![VALS.indexOf(b)]!;

describe("logical", () => {
  it("and/or/xor(a, b) follow the Kleene truth tables, column against column and scalar", () => {
    const a = column(
      VALS.flatMap((x) => VALS.map(() => x)),
      bool,
    );
    const b = column(
      VALS.flatMap(() => VALS),
      bool,
    );
    expect(and(a, b).toArray()).toEqual(AND.flat());
    expect(or(a, b).toArray()).toEqual(OR.flat());
    expect(xor(a, b).toArray()).toEqual(XOR.flat());
    for (const s of VALS) {
      const col = column(VALS, bool);
      expect(and(col, s).toArray()).toEqual(VALS.map((x) => refAnd(x, s)));
      expect(or(s, col).toArray()).toEqual(VALS.map((x) => refOr(s, x)));
      expect(xor(col, s).toArray()).toEqual(VALS.map((x) => refXor(x, s)));
    }
  });

  it("not(a) negates and keeps nulls", () => {
    expect(not(column([true, false, null], bool)).toArray()).toEqual([false, true, null]);
    expect(not(column([], bool)).toArray()).toEqual([]);
  });

  it("and/or/xor/not match the truth tables over random lengths, offsets, chunks and nulls", () => {
    const arr = fc.array(fc.constantFrom<B>(true, false, null), { maxLength: 200 });
    fc.assert(
      fc.property(arr, arr, fc.nat(9), fc.nat(9), fc.nat(), (xs, ys, oa, ob, cut) => {
        const n = Math.min(xs.length, ys.length);
        const mk = (v: B[], off: number) => {
          const full = [...Array(off).fill(true), ...v.slice(0, n)];
          const k = full.length === 0 ? 0 : cut % (full.length + 1);
          const c1 = column(full.slice(0, k), bool);
          const c2 = column(full.slice(k), bool);
          return new Column(c1.dtype, [...c1.chunks, ...c2.chunks]).slice(off);
        };
        const a = mk(xs, oa);
        const b = mk(ys, ob);
        const av = xs.slice(0, n);
        const bv = ys.slice(0, n);
        expect(and(a, b).toArray()).toEqual(av.map((x, i) => refAnd(x, bv[i]!)));
        expect(or(a, b).toArray()).toEqual(av.map((x, i) => refOr(x, bv[i]!)));
        expect(xor(a, b).toArray()).toEqual(av.map((x, i) => refXor(x, bv[i]!)));
        expect(not(a).toArray()).toEqual(av.map((x) => (x === null ? null : !x)));
        expect(and(a, b).nullCount).toBe(av.filter((x, i) => refAnd(x, bv[i]!) === null).length);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("and(a, b) on 1e5 rows equals the reference", () => {
    const n = 100_001;
    const xs = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? null : i % 3 === 0));
    const ys = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : i % 2 === 0));
    const got = and(column(xs, bool), column(ys, bool)).toArray();
    expect(got).toEqual(xs.map((x, i) => refAnd(x, ys[i]!)));
  });

  it("and(a, b) errors name the dtype or the lengths", () => {
    expect(() => and(column([1, 2]) as never, true)).toThrow(DTypeError);
    expect(() => and(column([1, 2]) as never, true)).toThrow(/float64/);
    expect(() => or(column([true], bool), column([true, false], bool))).toThrow(ShapeError);
    expect(() => xor(true, false)).toThrow(DTypeError);
    expect(() => and(column([true], bool), 1 as never)).toThrow(/got 1/);
  });
});

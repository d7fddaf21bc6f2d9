import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bigintWords,
  compareWords,
  floorDivModWords,
  mulOverflowsSigned,
  mulOverflowsUnsigned,
  mulWords,
  powWords,
  signedIsSafe,
  signedToNumber,
  udivmodWords,
  unsignedIsSafe,
  unsignedToNumber,
  wordsToBigInt,
  writeNumber,
} from "../../src/core/int64.js";

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const edge = fc.constantFrom(
  0n,
  1n,
  -1n,
  I64_MIN,
  I64_MAX,
  2n ** 53n + 1n,
  -(2n ** 32n),
  2n ** 32n - 1n,
  3n,
  -7n,
);
const i64 = fc.oneof(edge, fc.bigInt({ min: I64_MIN, max: I64_MAX }), fc.bigInt({ min: -1000n, max: 1000n }));
const pair = (v: bigint) => {
  const w = bigintWords(v);
  return [w[0] as number, w[1] as number] as const;
};
const fdiv = (a: bigint, b: bigint) => (a % b !== 0n && a < 0n !== b < 0n ? a / b - 1n : a / b);

describe("int64 word helpers", () => {
  it("signedToNumber, signedIsSafe, unsignedIsSafe, writeNumber round-trip safe integers", () => {
    const w = new Int32Array(2);
    for (const v of [0, 1, -1, 2 ** 53 - 1, -(2 ** 53 - 1), 4294967296, -4294967297]) {
      writeNumber(w, 0, v);
      expect(signedToNumber(w[0]!, w[1]!)).toBe(v);
      expect(signedIsSafe(w[0]!, w[1]!)).toBe(true);
    }
    expect(signedIsSafe(...pair(2n ** 53n))).toBe(false);
    expect(signedIsSafe(...pair(-(2n ** 53n)))).toBe(false);
    expect(unsignedIsSafe(pair(2n ** 53n)[1])).toBe(false);
    expect(unsignedToNumber(...pair(-1n))).toBe(2 ** 64);
  });
  it("mulWords(a, b) is the low 64 bits of the product; mulOverflows* tell when it is not exact", () => {
    fc.assert(
      fc.property(i64, i64, (a, b) => {
        const o = new Int32Array(2);
        mulWords(o, 0, ...pair(a), ...pair(b));
        expect(wordsToBigInt(o[0]!, o[1]!, true)).toBe(BigInt.asIntN(64, a * b));
        expect(mulOverflowsSigned(...pair(a), ...pair(b), o[1]!)).toBe(BigInt.asIntN(64, a * b) !== a * b);
        const ua = BigInt.asUintN(64, a);
        const ub = BigInt.asUintN(64, b);
        expect(mulOverflowsUnsigned(...pair(a), ...pair(b), o[1]!)).toBe(ua * ub >= 2n ** 64n);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
  it("floorDivModWords follows Python's floor division and modulo, signed and unsigned", () => {
    fc.assert(
      fc.property(i64, i64, (a, b) => {
        if (b === 0n) return;
        const q = new Int32Array(2);
        const r = new Int32Array(2);
        const over = floorDivModWords(q, r, 0, ...pair(a), ...pair(b), true);
        const eq = fdiv(a, b);
        expect([wordsToBigInt(q[0]!, q[1]!, true), wordsToBigInt(r[0]!, r[1]!, true), over]).toEqual([
          BigInt.asIntN(64, eq),
          a - eq * b,
          eq > I64_MAX,
        ]);
        const ua = BigInt.asUintN(64, a);
        const ub = BigInt.asUintN(64, b);
        floorDivModWords(q, r, 0, ...pair(a), ...pair(b), false);
        expect([wordsToBigInt(q[0]!, q[1]!, false), wordsToBigInt(r[0]!, r[1]!, false)]).toEqual([
          ua / ub,
          ua % ub,
        ]);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
  it("floorDivModWords(7, -2) is (-4, -1) and int64 min // -1 reports overflow", () => {
    const q = new Int32Array(2);
    const r = new Int32Array(2);
    floorDivModWords(q, r, 0, ...pair(7n), ...pair(-2n), true);
    expect([wordsToBigInt(q[0]!, q[1]!, true), wordsToBigInt(r[0]!, r[1]!, true)]).toEqual([-4n, -1n]);
    expect(floorDivModWords(q, r, 0, ...pair(I64_MIN), ...pair(-1n), true)).toBe(true);
    expect(wordsToBigInt(q[0]!, q[1]!, true)).toBe(I64_MIN);
  });
  it("udivmodWords divides by small and large divisors", () => {
    const t = new Int32Array(4);
    for (const [n, d] of [
      [2n ** 64n - 1n, 10n],
      [2n ** 64n - 1n, 2n ** 63n + 1n],
      [2n ** 63n, 2n ** 21n + 3n],
      [12345n, 2n ** 40n],
    ] as const) {
      udivmodWords(t, 0, t, 1, ...pair(n), ...pair(d));
      expect([wordsToBigInt(t[0]!, t[1]!, false), wordsToBigInt(t[2]!, t[3]!, false)]).toEqual([
        n / d,
        n % d,
      ]);
    }
  });
  it("powWords(a, e) wraps like NumPy and reports overflow when checked", () => {
    fc.assert(
      fc.property(i64, fc.integer({ min: 0, max: 70 }), (a, e) => {
        const o = new Int32Array(2);
        const t = new Int32Array(4);
        const exact = a ** BigInt(e);
        const over = powWords(o, 0, ...pair(a), e, 0, true, true, t);
        expect(wordsToBigInt(o[0]!, o[1]!, true)).toBe(BigInt.asIntN(64, exact));
        expect(over).toBe(BigInt.asIntN(64, exact) !== exact);
      }),
      { seed: 3, numRuns: 1000 },
    );
  });
  it("compareWords orders signed and unsigned pairs", () => {
    expect(Math.sign(compareWords(...pair(-1n), ...pair(1n), true))).toBe(-1);
    expect(Math.sign(compareWords(...pair(-1n), ...pair(1n), false))).toBe(1);
    expect(compareWords(...pair(2n ** 40n), ...pair(2n ** 40n), true)).toBe(0);
  });
});

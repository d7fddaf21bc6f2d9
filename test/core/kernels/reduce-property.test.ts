import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CastError } from "../../../src/core/errors.js";
import {
  all,
  any,
  argmax,
  argmin,
  count,
  first,
  last,
  max,
  mean,
  median,
  min,
  prod,
  quantile,
  std,
  sum,
  variance,
} from "../../../src/core/kernels/reduce.js";
import { arbValue, build, type Case, numericCase } from "./reduce-arbitraries.js";

const RUNS = { seed: 42, numRuns: 200 };
const isFloatName = (d: string) => d === "float32" || d === "float64";
const is64 = (d: string) => d === "int64" || d === "uint64";

/** Valid values (not null, not NaN) as the reference sees them. */
function valid(c: Case): (number | bigint | boolean)[] {
  return (c.col.toArray() as (number | bigint | boolean | null)[]).filter(
    (v): v is number | bigint | boolean => v !== null && !(typeof v === "number" && Number.isNaN(v)),
  );
}
const asBig = (v: number | bigint | boolean) => (typeof v === "boolean" ? (v ? 1n : 0n) : BigInt(v));
const asNum = (v: number | bigint | boolean) => Number(v);

/** Reference: naive compensated-free sum with a tolerance from Σ|x|. */
function closeTo(actual: number, expected: number, scale: number, n: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  return Math.abs(actual - expected) <= 4 * Number.EPSILON * (n + 1) * scale;
}

describe("reductions against naive references (property)", () => {
  it("sum(col) equals the BigInt sum for integers (CastError past 64 bits) and the float sum within rounding", () => {
    fc.assert(
      fc.property(numericCase(), (c) => {
        const vs = valid(c);
        if (isFloatName(c.dtype)) {
          const ref = vs.reduce<number>((s, v) => s + asNum(v), 0);
          const scale = vs.reduce<number>((s, v) => s + Math.abs(asNum(v)), 0);
          expect(closeTo(sum(c.col) as number, ref, scale, vs.length), c.how).toBe(true);
          return;
        }
        const ref = vs.reduce<bigint>((s, v) => s + asBig(v), 0n);
        if (is64(c.dtype)) {
          const lo = c.dtype === "uint64" ? 0n : -(2n ** 63n);
          const hi = c.dtype === "uint64" ? 2n ** 64n - 1n : 2n ** 63n - 1n;
          if (ref < lo || ref > hi) expect(() => sum(c.col), c.how).toThrow(CastError);
          else expect(sum(c.col), c.how).toBe(ref);
        } else expect(sum(c.col), c.how).toBe(Number(ref));
      }),
      RUNS,
    );
  });

  it("sum/mean/count/any/all/first/last(col, {skipna: false}) follow nulls and NaN", () => {
    fc.assert(
      fc.property(numericCase(), (c) => {
        const arr = c.col.toArray() as (number | bigint | boolean | null)[];
        const hasNull = arr.includes(null);
        const hasNaN = arr.some((v) => typeof v === "number" && Number.isNaN(v));
        if (hasNull) expect(sum(c.col, { skipna: false }), c.how).toBeNull();
        else if (hasNaN) expect(sum(c.col, { skipna: false }), c.how).toBeNaN();
        const vs = valid(c);
        expect(count(c.col), c.how).toBe(vs.length);
        expect(any(c.col), c.how).toBe(vs.some((v) => asNum(v) !== 0));
        expect(all(c.col), c.how).toBe(vs.every((v) => asNum(v) !== 0));
        expect(first(c.col), c.how).toEqual(vs.length ? vs[0] : null);
        expect(last(c.col), c.how).toEqual(vs.length ? vs[vs.length - 1] : null);
        expect(first(c.col, { skipna: false }), c.how).toEqual(arr.length ? arr[0] : null);
        if (!hasNull && !hasNaN && vs.length > 0 && !is64(c.dtype)) {
          const ref = vs.reduce<number>((s, v) => s + asNum(v), 0) / vs.length;
          const scale = vs.reduce<number>((s, v) => s + Math.abs(asNum(v)), 0) / vs.length;
          expect(closeTo(mean(c.col, { skipna: false }) as number, ref, scale, vs.length), c.how).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("min/max/argmin/argmax(col) equal a naive scan (first occurrence)", () => {
    fc.assert(
      fc.property(numericCase(), (c) => {
        const arr = c.col.toArray() as (number | bigint | boolean | null)[];
        let lo = -1;
        let hi = -1;
        arr.forEach((v, i) => {
          if (v === null || (typeof v === "number" && Number.isNaN(v))) return;
          if (lo < 0 || v < (arr[lo] as typeof v)) lo = i;
          if (hi < 0 || v > (arr[hi] as typeof v)) hi = i;
        });
        expect(argmin(c.col), c.how).toBe(lo < 0 ? null : lo);
        expect(argmax(c.col), c.how).toBe(hi < 0 ? null : hi);
        expect(min(c.col), c.how).toEqual(lo < 0 ? null : arr[lo]);
        expect(max(c.col), c.how).toEqual(hi < 0 ? null : arr[hi]);
      }),
      RUNS,
    );
  });

  it("variance/std(col, {ddof}) match a naive two-pass computation", () => {
    fc.assert(
      fc.property(numericCase(), fc.integer({ min: 0, max: 2 }), (c, ddof) => {
        const vs = valid(c).map(asNum);
        const n = vs.length;
        const v = variance(c.col, { ddof });
        if (n <= ddof) {
          expect(v, c.how).toBeNull();
          return;
        }
        const m = vs.reduce((s, x) => s + x, 0) / n;
        const ref = vs.reduce((s, x) => s + (x - m) ** 2, 0) / (n - ddof);
        const scale = vs.reduce((s, x) => s + x * x, 0) / (n - ddof);
        expect(closeTo(v as number, ref, scale, n), `${c.how}: ${v} vs ${ref}`).toBe(true);
        expect(std(c.col, { ddof }), c.how).toBe(Math.sqrt(v as number));
      }),
      RUNS,
    );
  });

  it("quantile/median(col) equal the formula on the sorted valid values", () => {
    const how = ["linear", "lower", "higher", "midpoint", "nearest"] as const;
    fc.assert(
      fc.property(
        numericCase(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...how),
        (c, qs, interpolation) => {
          const xs = valid(c)
            .map(asNum)
            .sort((a, b) => a - b);
          const n = xs.length;
          const ref = qs.map((q) => {
            if (n === 0) return null;
            const h = (n - 1) * ((q * 100) / 100);
            const lo = Math.floor(h);
            const g = h - lo;
            const a = xs[lo] as number;
            const b = xs[Math.min(lo + 1, n - 1)] as number;
            const lerp = (t: number) => (t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t);
            switch (interpolation) {
              case "lower":
                return a;
              case "higher":
                return xs[Math.ceil(h)] as number;
              case "nearest": {
                const r = Math.round(h);
                return xs[r - h === 0.5 && r % 2 !== 0 ? r - 1 : r] as number;
              }
              case "midpoint":
                return g === 0 ? a : lerp(0.5);
              default:
                return g === 0 ? a : lerp(g);
            }
          });
          // -0 and 0 sort as equals; compare them as equal
          const z = (x: number | null) => (x === null ? x : x + 0);
          expect(quantile(c.col, qs, { interpolation }).map(z), c.how).toEqual(ref.map(z));
          const med =
            n === 0
              ? null
              : n % 2
                ? xs[(n - 1) / 2]
                : ((xs[n / 2 - 1] as number) + (xs[n / 2] as number)) / 2;
          expect(z(median(c.col)), c.how).toBe(z(med as number | null));
        },
      ),
      RUNS,
    );
  });

  it("prod(col) of small integers equals the BigInt product", () => {
    fc.assert(
      fc.property(numericCase(["int8", "int16", "uint8", "bool"]), (c) => {
        const ref = valid(c).reduce<bigint>((p, v) => p * asBig(v), 1n);
        const safe = ref >= -(2n ** 53n) + 1n && ref <= 2n ** 53n - 1n;
        const fits = c.dtype.startsWith("u") ? ref <= 2n ** 64n - 1n : ref >= -(2n ** 63n) && ref < 2n ** 63n;
        if (!fits) expect(() => prod(c.col), c.how).toThrow(CastError);
        else expect(prod(c.col), c.how).toBe(safe ? Number(ref) : ref);
      }),
      RUNS,
    );
  });

  it("reductions over 1e5 rows in 3 chunks with nulls match the references", () => {
    const rng = fc.sample(fc.tuple(arbValue("int64"), arbValue("float64"), fc.nat(9)), {
      seed: 7,
      numRuns: 100_000,
    });
    const ints = rng.map(([b, , k]) => (k === 0 ? null : (b as bigint) / 4n));
    const floats = rng.map(([, f, k]) => (k === 0 ? null : (f as number)));
    for (const [values, dtype] of [
      [ints, "int64"],
      [floats, "float64"],
    ] as const) {
      const c = build(
        values as unknown[],
        dtype,
        [1n, 2n].map((x) => (dtype === "int64" ? x : Number(x))),
        [33_333, 66_666],
      );
      expect(c.col.chunks.length).toBe(3);
      const vs = valid(c);
      if (dtype === "int64") {
        const ref = vs.reduce<bigint>((s, v) => s + asBig(v), 0n);
        if (ref >= -(2n ** 63n) && ref < 2n ** 63n) expect(sum(c.col)).toBe(ref);
        // bigint: no Math.min
        expect(min(c.col)).toBe([...vs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0]);
      } else {
        const xs = vs.map(asNum);
        const ref = xs.reduce((s, x) => s + x, 0);
        const scale = xs.reduce((s, x) => s + Math.abs(x), 0);
        expect(closeTo(sum(c.col) as number, ref, scale, xs.length)).toBe(true);
        const sorted = [...xs].sort((a, b) => a - b);
        expect(quantile(c.col, 0.3, { interpolation: "lower" })).toBe(
          sorted[Math.floor((xs.length - 1) * 0.3)],
        );
        expect(count(c.col)).toBe(xs.length);
      }
    }
  });
});

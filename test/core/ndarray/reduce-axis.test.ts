import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IndexError, ShapeError } from "../../../src/core/errors.js";
import { arange, ndarray, zeros } from "../../../src/core/ndarray/create.js";
import type { NDArray } from "../../../src/core/ndarray/ndarray.js";
import { allIndices, type Ref, randomArray } from "./reference.js";

const num = (a: NDArray) => {
  const v = a.toArray();
  const f = (x: unknown): unknown => (Array.isArray(x) ? x.map(f) : typeof x === "bigint" ? Number(x) : x);
  return f(v);
};

describe("sum({axis, keepdims}) (np.sum examples)", () => {
  it("sum([0.5, 1.5]) is 2.0", () => {
    expect(ndarray([0.5, 1.5]).sum().toArray()).toBe(2);
  });
  it("sum([[0, 1], [0, 5]]) is 6; axis 0 → [0, 6]; axis 1 → [1, 5]", () => {
    const a = ndarray(
      [
        [0, 1],
        [0, 5],
      ],
      { dtype: "int32" },
    );
    expect(a.sum().toArray()).toBe(6n);
    expect(a.sum().dtype.kind).toBe("int64");
    expect(a.sum({ axis: 0 }).toArray()).toEqual([0n, 6n]);
    expect(a.sum({ axis: 1 }).toArray()).toEqual([1n, 5n]);
    expect(a.sum({ axis: -1, keepdims: true }).toArray()).toEqual([[1n], [5n]]);
    expect(a.sum({ axis: [0, 1], keepdims: true }).shape).toEqual([1, 1]);
  });
  it("sum of uint8 is uint64, of float32 stays float32; empty sum is 0", () => {
    expect(ndarray([200, 100], { dtype: "uint8" }).sum().toArray()).toBe(300n);
    expect(ndarray([200, 100], { dtype: "uint8" }).sum().dtype.kind).toBe("uint64");
    expect(ndarray([1, 2], { dtype: "float32" }).sum().dtype.kind).toBe("float32");
    expect(zeros([0, 3]).sum({ axis: 0 }).toArray()).toEqual([0, 0, 0]);
  });
  it("int32 sums are exact beyond 2^53 (3e6 × (2^31 − 1), by hand)", () => {
    const n = 3_000_000;
    const a = ndarray(new Int32Array(n).fill(2147483647));
    expect(a.sum().toArray()).toBe(BigInt(n) * 2147483647n);
    expect(ndarray(new Int32Array(n).fill(-2147483648)).sum().toArray()).toBe(BigInt(n) * -2147483648n);
    // the same values folded across runs (axis 0 of [n, 2])
    const b = ndarray(new Int32Array(2 * n).fill(2147483647), { shape: [n, 2] });
    expect(b.sum({ axis: 0 }).toArray()).toEqual([BigInt(n) * 2147483647n, BigInt(n) * 2147483647n]);
  });
  it("int64 sums are exact on words and wrap modulo 2^64 as NumPy", () => {
    const a = ndarray([2n ** 62n, 2n ** 62n, 1n, -3n]);
    expect(a.sum().toArray()).toBe(BigInt.asIntN(64, 2n ** 63n - 2n));
    expect(
      ndarray([2n ** 53n + 1n, 1n])
        .sum()
        .toArray(),
    ).toBe(2n ** 53n + 2n);
  });
  it("float sums are compensated/pairwise: sum of 1e6 × 0.1 is within 1e-9 of 1e5", () => {
    const a = ndarray(new Float64Array(1_000_000).fill(0.1));
    expect(Math.abs((a.sum().toArray() as number) - 100000)).toBeLessThan(1e-9);
    expect(Math.abs((a.reshape([1000, 1000]).sum({ axis: 0 }).get(3) as number) - 100)).toBeLessThan(1e-12);
    // folding across rows is Neumaier-compensated: the exact sum (by hand) is 1
    // (NumPy's naive column accumulation gives 0 here)
    expect(
      ndarray([
        [1e100, 3],
        [1, 4],
        [-1e100, 5],
      ])
        .sum({ axis: 0 })
        .toArray(),
    ).toEqual([1, 12]);
  });
  it("NaN propagates", () => {
    expect(ndarray([1, Number.NaN]).sum().toArray()).toBeNaN();
  });
  it("an axis out of range throws naming the axis and ndim", () => {
    expect(() => arange(4).reshape([2, 2]).sum({ axis: 2 })).toThrow(IndexError);
    expect(() => arange(4).reshape([2, 2]).sum({ axis: 2 })).toThrow(
      "axis 2 is out of bounds for an array of dimension 2",
    );
  });
});

describe("mean, var, std, prod (NumPy examples)", () => {
  const a = ndarray([
    [1, 2],
    [3, 4],
  ]);
  it("mean(a) 2.5; axis 0 → [2, 3]; axis 1 → [1.5, 3.5]", () => {
    expect(a.mean().toArray()).toBe(2.5);
    expect(a.mean({ axis: 0 }).toArray()).toEqual([2, 3]);
    expect(a.mean({ axis: 1 }).toArray()).toEqual([1.5, 3.5]);
    expect(a.astype("int32").mean({ axis: 1 }).toArray()).toEqual([1.5, 3.5]);
  });
  it("std(a) 1.1180339887498949; axis 0 → [1, 1]; axis 1 → [0.5, 0.5]; var(a) 1.25", () => {
    expect(a.std().toArray()).toBeCloseTo(1.1180339887498949, 15);
    expect(a.std({ axis: 0 }).toArray()).toEqual([1, 1]);
    expect(a.std({ axis: 1 }).toArray()).toEqual([0.5, 0.5]);
    expect(a.var().toArray()).toBe(1.25);
    expect(a.var({ axis: 1 }).toArray()).toEqual([0.25, 0.25]);
    // ddof 1 by hand: squared deviations 2.25+0.25+0.25+2.25 = 5, / 3
    expect(a.var({ ddof: 1 }).toArray()).toBeCloseTo(5 / 3, 15);
  });
  it("prod([1, 2]) 2; prod([[1, 2], [3, 4]]) 24; axis 1 → [2, 12]", () => {
    expect(ndarray([1, 2]).prod().toArray()).toBe(2);
    expect(a.prod().toArray()).toBe(24);
    expect(a.prod({ axis: 1 }).toArray()).toEqual([2, 12]);
    expect(
      ndarray([2n ** 40n, 2n ** 30n])
        .prod()
        .toArray(),
    ).toBe(BigInt.asIntN(64, 2n ** 70n));
    expect(ndarray([3, 5], { dtype: "int32" }).prod().toArray()).toBe(15n);
  });
});

describe("min, max, argmin, argmax, any, all (NumPy examples)", () => {
  it("min(arange(4).reshape(2, 2)) 0; axis 0 → [0, 1]; axis 1 → [0, 2]; NaN propagates", () => {
    const a = arange(4, undefined, 1, "int32").reshape([2, 2]);
    expect(a.min().toArray()).toBe(0);
    expect(a.min({ axis: 0 }).toArray()).toEqual([0, 1]);
    expect(a.min({ axis: 1 }).toArray()).toEqual([0, 2]);
    expect(a.max({ axis: 1 }).dtype.kind).toBe("int32");
    expect(ndarray([0, 1, Number.NaN, 3, 4]).min().toArray()).toBeNaN();
    expect(ndarray([Number.NaN, 1]).max().toArray()).toBeNaN();
    expect(
      ndarray([-(2n ** 62n), 5n, 2n ** 62n])
        .max()
        .toArray(),
    ).toBe(2n ** 62n);
    expect(
      ndarray([2n ** 64n - 1n, 5n], { dtype: "uint64" })
        .min()
        .toArray(),
    ).toBe(5n);
  });
  it("min of an empty axis throws (no identity)", () => {
    expect(() => zeros([0, 2]).min({ axis: 0 })).toThrow(ShapeError);
    expect(() => zeros([0]).max()).toThrow(/zero-size array to reduction operation max/);
  });
  it("argmax(arange(6).reshape(2, 3) + 10) 5; axis 0 → [1, 1, 1]; axis 1 → [2, 2]; first occurrence wins", () => {
    const a = arange(6).reshape([2, 3]).add(10);
    expect(a.argmax().toArray()).toBe(5);
    expect(a.argmax({ axis: 0 }).toArray()).toEqual([1, 1, 1]);
    expect(a.argmax({ axis: 1 }).toArray()).toEqual([2, 2]);
    expect(ndarray([0, 5, 2, 3, 4, 5]).argmax().toArray()).toBe(1);
    expect(ndarray([3, Number.NaN, 1]).argmin().toArray()).toBe(1);
    expect(
      ndarray([5n, -(2n ** 60n), 3n])
        .argmin()
        .toArray(),
    ).toBe(1);
    expect(a.argmin({ axis: 1, keepdims: true }).shape).toEqual([2, 1]);
    expect(() => zeros([2, 0]).argmax({ axis: 1 })).toThrow(/empty sequence/);
  });
  it("any/all: np.any([[True, False], [True, True]]) True; axis 0 of [[T, F, T], [F, F, F]] → [T, F, T]", () => {
    expect(
      ndarray([
        [true, false],
        [true, true],
      ])
        .any()
        .toArray(),
    ).toBe(true);
    expect(
      ndarray([
        [true, false],
        [true, true],
      ])
        .all()
        .toArray(),
    ).toBe(false);
    expect(
      ndarray([
        [true, false, true],
        [false, false, false],
      ])
        .any({ axis: 0 })
        .toArray(),
    ).toEqual([true, false, true]);
    expect(
      ndarray([
        [true, false],
        [true, true],
      ])
        .all({ axis: 0 })
        .toArray(),
    ).toEqual([true, false]);
    expect(ndarray([-1, 0, 5]).any().toArray()).toBe(true);
    expect(ndarray([-1, 4, 5]).all().toArray()).toBe(true);
    expect(ndarray([1.0, Number.NaN]).all().toArray()).toBe(true);
    expect(
      ndarray([[Number.NaN], [Number.POSITIVE_INFINITY]])
        .any({ axis: 1, keepdims: true })
        .toArray(),
    ).toEqual([[true], [true]]);
    expect(zeros([0]).all().toArray()).toBe(true);
  });
});

/** Naive reduction over a reference: group the index tuples by their kept coordinates. */
function refReduce(r: Ref, axes: number[], f: (xs: number[]) => number): Map<string, number> {
  const groups = new Map<string, number[]>();
  for (const idx of allIndices(r.shape)) {
    const key = idx.filter((_, i) => !axes.includes(i)).join(",");
    const g = groups.get(key) ?? [];
    groups.set(key, g);
    g.push(r.at(idx));
  }
  const out = new Map<string, number>();
  for (const [k, xs] of groups) out.set(k, f(xs));
  return out;
}

describe("reductions on random shapes, dtypes, axes and transposes match a naive reference", () => {
  const kinds = {
    sum: (xs: number[]) => xs.reduce((p, q) => p + q, 0),
    max: (xs: number[]) => Math.max(...xs),
    min: (xs: number[]) => Math.min(...xs),
    mean: (xs: number[]) => xs.reduce((p, q) => p + q, 0) / xs.length,
  };
  it.each(Object.keys(kinds))("%s", (kind) => {
    fc.assert(
      fc.property(
        randomArray(),
        fc.integer(),
        fc.boolean(),
        fc.boolean(),
        ({ arr, ref }, seed, keepdims, tr) => {
          let a: NDArray = arr;
          let r: Ref = ref;
          if (tr) {
            const perm = [...a.shape.keys()].reverse();
            a = a.transpose(perm);
            r = { shape: perm.map((p) => ref.shape[p] as number), at: (idx) => ref.at([...idx].reverse()) };
          }
          const axes = [...a.shape.keys()].filter((i) => (seed >>> i) & 1);
          const count = axes.reduce((p, i) => p * (a.shape[i] as number), 1);
          const f = kinds[kind as keyof typeof kinds];
          const call = (o: object) =>
            (a as unknown as Record<string, (o: object) => NDArray>)[kind]!.call(a, o);
          const outSize = a.shape.filter((_, i) => !axes.includes(i)).reduce((p, q) => p * q, 1);
          if ((kind === "min" || kind === "max") && count === 0) {
            if (outSize > 0) expect(() => call({ axis: axes })).toThrow(ShapeError);
            return;
          }
          const got = call({ axis: axes, keepdims });
          const want = refReduce(r, axes, f);
          const kept = [...a.shape.keys()].filter((i) => !axes.includes(i));
          expect(got.shape).toEqual(
            keepdims ? a.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : kept.map((i) => a.shape[i]),
          );
          const flat = num(got.reshape([-1])) as number[];
          const keys = allIndices(kept.map((i) => a.shape[i] as number)).map((k) => k.join(","));
          const expected = keys.map((k) => want.get(k) ?? (kind === "sum" ? 0 : Number.NaN));
          if (kind === "mean") {
            flat.forEach((v, i) => {
              if (count === 0) expect(v).toBeNaN();
              else expect(v).toBeCloseTo(expected[i] as number, 5);
            });
          } else expect(flat).toEqual(expected);
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../src/core/column.js";
import { DTypeError, OptionError } from "../../src/core/errors.js";
import { column } from "../../src/core/from-values.js";
import { DataFrame } from "../../src/frame/frame.js";
import { corr, cov } from "../../src/frame/verbs/corr.js";

const rows = (df: DataFrame) => df.index.toColumn().toArray();
const matrixOf = (df: DataFrame) => df.columns.map((c) => df.get(c).toArray() as (number | null)[]);

describe("cov(df)", () => {
  it("cov(df) reproduces pandas' DataFrame.cov example (dogs, cats)", () => {
    // pandas: dogs 0.666667 -1.000000 / cats -1.000000 1.666667
    const df = new DataFrame({ dogs: [1, 0, 2, 1], cats: [2, 3, 0, 1] });
    const c = cov(df);
    expect(c.columns).toEqual(["dogs", "cats"]);
    expect(rows(c)).toEqual(["dogs", "cats"]);
    expect(c.get("dogs").dtype.kind).toBe("float64");
    expect(matrixOf(c)).toEqual([
      [2 / 3, -1],
      [-1, 5 / 3],
    ]);
  });

  it("cov(df) reproduces pandas' 'deers, goats' example", () => {
    // pandas (older docs): deers 1.000000 -1.166667 / goats -1.166667 2.916667
    const df = new DataFrame({ deers: [2, 0, 2, 2], goats: [3, 4, 0, 2] });
    const m = matrixOf(cov(df));
    expect(m[0]?.[0]).toBeCloseTo(1, 12);
    expect(m[0]?.[1]).toBeCloseTo(-3.5 / 3, 12);
    expect(m[1]?.[1]).toBeCloseTo(8.75 / 3, 12);
  });

  it("cov(df, {ddof, minPeriods}) uses the pairwise-complete rows (hand computation)", () => {
    // x, y complete on rows 0, 1, 3: x 1 2 6 (mean 3), y 2 4 3 (mean 3) → Σdxdy = 2·1 + 1·(−1)·… by hand:
    // dx = −2, −1, 3; dy = −1, 1, 0 → Σ = 2 − 1 + 0 = 1
    const df = new DataFrame({ x: [1, 2, null, 6], y: [2, 4, 5, Number.NaN] as number[] });
    const fixed = new DataFrame({ x: [1, 2, null, 6], y: [2, 4, 5, 3] });
    expect(df.get("y").toArray()[3]).toBeNaN();
    const c = matrixOf(cov(fixed));
    expect(c[0]?.[1]).toBe(1 / 2);
    expect(matrixOf(cov(fixed, { ddof: 0 }))[0]?.[1]).toBe(1 / 3);
    // x alone: 1 2 6 → Σd² = 4 + 1 + 9 = 14
    expect(c[0]?.[0]).toBe(7);
    // NaN is missing too: x, y complete on rows 0, 1 only: dx = −½, ½; dy = −1, 1 → Σ = 1
    expect(matrixOf(cov(df))[0]?.[1]).toBe(1);
    expect(matrixOf(cov(df, { minPeriods: 3 }))[0]).toEqual([7, null]);
    // n ≤ ddof gives null
    expect(matrixOf(cov(df, { ddof: 2 }))[0]).toEqual([14, null]);
  });
});

describe("corr(df)", () => {
  it("corr(df, {minPeriods}) reproduces pandas' DataFrame.corr example (dogs, cats with NaN)", () => {
    // pandas: df.corr(min_periods=3) → dogs 1.0 NaN / cats NaN 1.0
    const df = new DataFrame({ dogs: [1, 2, null, 4], cats: [1, null, 3, 4] });
    expect(matrixOf(corr(df, { minPeriods: 3 }))).toEqual([
      [1, null],
      [null, 1],
    ]);
    // with the default minPeriods the two complete rows (1, 1), (4, 4) correlate perfectly
    expect(matrixOf(corr(df))).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it("corr(df) pearson matches a hand computation (A 8 5 2 1, B 3 4 5 9: −0.841685)", () => {
    // dA = 4, 1, −2, −3; dB = −2.25, −1.25, −0.25, 3.75; Σ dAdB = −21, ΣdA² = 30, ΣdB² = 20.75
    const df = new DataFrame({ A: [8, 5, 2, 1], B: [3, 4, 5, 9] });
    const m = matrixOf(corr(df));
    expect(m[0]?.[1]).toBeCloseTo(-21 / Math.sqrt(30 * 20.75), 14);
    expect(m[0]?.[1]).toBeCloseTo(-0.841685, 6);
    expect(m[1]?.[0]).toBe(m[0]?.[1]);
    expect(m[0]?.[0]).toBe(1);
  });

  it("corr(df, {method: 'spearman'}) is Pearson on average ranks (hand computation with ties)", () => {
    const df = new DataFrame({ A: [8, 5, 2, 1], B: [3, 4, 5, 9] });
    expect(matrixOf(corr(df, { method: "spearman" }))[0]?.[1]).toBe(-1);
    // x ranks 1, 2.5, 2.5, 4; y ranks 1, 3, 2, 4 → Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5 → 3/√10
    const t = new DataFrame({ x: [1, 2, 2, 3], y: [10, 30, 20, 40] });
    expect(matrixOf(corr(t, { method: "spearman" }))[0]?.[1]).toBeCloseTo(3 / Math.sqrt(10), 14);
  });

  it("corr(df, {method: 'spearman'}) ranks each pair over its complete rows, as pandas", () => {
    // complete rows 0, 1, 3, 4: x 1 2 4 5 → ranks 1 2 3 4; y 5 6 8 1 → ranks 2 3 4 1
    // dx = −1.5 −0.5 0.5 1.5; dy = −0.5 0.5 1.5 −1.5 → Σdxdy = −1, Σdx² = Σdy² = 5 → −0.2
    const df = new DataFrame({ x: [1, 2, null, 4, 5], y: [5, 6, 7, 8, 1] });
    const m = matrixOf(corr(df, { method: "spearman" }));
    expect(m[0]?.[1]).toBeCloseTo(-0.2, 14);
    expect(m[0]?.[0]).toBe(1);
    expect(m[1]?.[1]).toBe(1);
  });

  it("corr(df) gives null for a constant column (pandas: NaN), and reads bool and int64 as numbers", () => {
    const df = new DataFrame({
      k: [2, 2, 2],
      b: [true, false, true],
      l: column([10n, 0n, 10n], "int64"),
      i: new Int8Array([1, 2, 3]),
    });
    const m = matrixOf(corr(df));
    expect(m[0]).toEqual([null, null, null, null]);
    expect(m[1]?.[2]).toBeCloseTo(1, 14); // b and l are the same pattern (means 2/3 and 20/3 round)
    expect(m[1]?.[3]).toBe(0); // b: 1 0 1 against 1 2 3 → Σdxdy = 0
  });

  it("corr(df) and cov(df) raise a DTypeError naming a non-numeric column unless numericOnly", () => {
    const df = new DataFrame({ a: [1, 2, 3], pet: ["dog", "cat", "dog"], b: [3, 1, 2] });
    expect(() => corr(df)).toThrow(DTypeError);
    expect(() => corr(df)).toThrow(/corr: column "pet" has dtype utf8, not a number; pass numericOnly: true/);
    expect(() => cov(df)).toThrow(/cov: column "pet"/);
    const c = corr(df, { numericOnly: true });
    expect(c.columns).toEqual(["a", "b"]);
    expect(rows(c)).toEqual(["a", "b"]);
    expect(cov(df, { numericOnly: true }).columns).toEqual(["a", "b"]);
  });

  it("corr(df) and cov(df) on frames without numeric columns or rows", () => {
    expect(corr(new DataFrame({})).shape).toEqual([0, 0]);
    const empty = new DataFrame({ a: new Float64Array(0), b: new Float64Array(0) });
    expect(matrixOf(corr(empty))).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(matrixOf(cov(empty))).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it("corr(df, options) and cov(df, options) reject bad keywords and options", () => {
    const df = new DataFrame({ a: [1, 2] });
    expect(() => corr(df, { method: "kendall" as never })).toThrow(OptionError);
    expect(() => corr(df, { method: "kendall" as never })).toThrow(
      /invalid method: "kendall" \(expected one of pearson, spearman\)/,
    );
    expect(() => corr(df, { minPeriods: -1 })).toThrow(/invalid minPeriods: -1/);
    expect(() => corr(df, { ddof: 1 } as never)).toThrow(/unknown option for corr: "ddof"/);
    expect(() => cov(df, { method: "pearson" } as never)).toThrow(/unknown option for cov: "method"/);
    expect(() => cov(df, { ddof: 0.5 })).toThrow(/invalid ddof: 0.5/);
    expect(() => cov(df, { numericOnly: 1 } as never)).toThrow(/invalid numericOnly: 1/);
  });
});

describe("corr/cov — property: equal a naive pairwise implementation", () => {
  /** Naive pairwise-complete covariance and Pearson correlation from plain arrays. */
  function naive(x: (number | null)[], y: (number | null)[], ddof: number) {
    const px: number[] = [];
    const py: number[] = [];
    x.forEach((v, i) => {
      const w = y[i];
      if (v !== null && w !== null && w !== undefined) {
        px.push(v);
        py.push(w);
      }
    });
    const n = px.length;
    if (n === 0) return { cov: null, corr: null };
    const mx = px.reduce((a, b) => a + b, 0) / n;
    const my = py.reduce((a, b) => a + b, 0) / n;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
      sxy += ((px[i] as number) - mx) * ((py[i] as number) - my);
      sxx += ((px[i] as number) - mx) ** 2;
      syy += ((py[i] as number) - my) ** 2;
    }
    return {
      cov: n > ddof ? sxy / (n - ddof) : null,
      corr: sxx * syy > 0 ? sxy / Math.sqrt(sxx * syy) : null,
    };
  }

  it("cov(df) and corr(df) over random columns with nulls, slices and chunks", () => {
    const value = fc.option(fc.integer({ min: -50, max: 50 }), { nil: null, freq: 4 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value), { minLength: 0, maxLength: 30 }),
        fc.nat(4),
        fc.nat(2),
        (pairs, cut, ddof) => {
          const xs = pairs.map((p) => p[0]);
          const ys = pairs.map((p) => p[1]);
          const k = Math.min(cut, xs.length);
          const xi = column(xs, "int32");
          // x as two chunks; y as a float64 slice of a longer column
          const x = new Column(xi.dtype, [...xi.slice(0, k).chunks, ...xi.slice(k).chunks]);
          const y = column([7, ...ys], "float64").slice(1);
          const df = new DataFrame({ x, y });
          const want = naive(xs, ys, ddof);
          const c = cov(df, { ddof }).get("y").toArray()[0] as number | null;
          const r = corr(df).get("y").toArray()[0] as number | null;
          if (want.cov === null) expect(c).toBe(null);
          else expect(c).toBeCloseTo(want.cov, 9);
          if (want.corr === null) expect(r).toBe(null);
          else expect(r).toBeCloseTo(Math.max(-1, Math.min(1, want.corr)), 9);
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });
});

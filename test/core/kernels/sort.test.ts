import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { OptionError, ShapeError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { argsort, sortColumn } from "../../../src/core/kernels/sort.js";
import { columnArb, KINDS, layout, naiveArgsort, valuesOf } from "./sort-arbitraries.js";

const perm = (a: Int32Array) => Array.from(a);

describe("argsort", () => {
  it("argsort(col) puts NaN and null last in their original order (pandas sort_values)", () => {
    // hand: values 3, NaN, 1, null, 2 -> 1 (2), 2 (4), 3 (0), then NaN (1), null (3)
    expect(perm(argsort(column([3, Number.NaN, 1, null, 2])))).toEqual([2, 4, 0, 1, 3]);
  });

  it("argsort(col, {descending}) keeps missing values last, regardless of direction", () => {
    expect(perm(argsort(column([3, Number.NaN, 1, null, 2]), { descending: true }))).toEqual([0, 4, 2, 1, 3]);
  });

  it("argsort(col, {nullsPosition: 'first'}) puts missing values first", () => {
    expect(perm(argsort(column([3, null, 1, Number.NaN]), { nullsPosition: "first" }))).toEqual([1, 3, 2, 0]);
    expect(
      perm(argsort(column([3, null, 1, Number.NaN]), { nullsPosition: "first", descending: true })),
    ).toEqual([1, 3, 0, 2]);
  });

  it("argsort(col) is stable: equal keys keep their order, also descending", () => {
    const c = column([2, 1, 2, 1, 2], "int32");
    expect(perm(argsort(c))).toEqual([1, 3, 0, 2, 4]);
    expect(perm(argsort(c, { descending: true }))).toEqual([0, 2, 4, 1, 3]);
  });

  it("argsort(col) treats -0 and +0 as equal (stable between them)", () => {
    expect(perm(argsort(column([0, -0, -1, 0])))).toEqual([2, 0, 1, 3]);
    expect(perm(argsort(column([0, -0, -1], "float32")))).toEqual([2, 0, 1]);
  });

  it("argsort([a, b], {descending: [false, true]}) sorts by a, then b descending", () => {
    const a = column(["b", "a", "b", "a", "a"]);
    const b = column([1, 2, 3, 4, 2], "int32");
    // a = "a" rows 1, 3, 4 with b 2, 4, 2 -> desc: 3 (4), 1 (2), 4 (2); then "b" rows 0 (1), 2 (3) -> 2, 0
    expect(perm(argsort([a, b], { descending: [false, true] }))).toEqual([3, 1, 4, 2, 0]);
    expect(perm(argsort([a, b], { descending: [true, false] }))).toEqual([0, 2, 1, 4, 3]);
  });

  it("argsort(utf8) orders by code point, not UTF-16 code unit", () => {
    // U+FFFF < U+1F600 by code point; in UTF-16 "\uD83D" < "\uFFFF"
    const c = column(["😀", "\uFFFF", "a", "", "é"]);
    expect(sortColumn(c).toArray()).toEqual(["", "a", "é", "\uFFFF", "😀"]);
    expect(sortColumn(column(["😀", "\uFFFF"], "large_utf8")).toArray()).toEqual(["\uFFFF", "😀"]);
  });

  it("argsort(dictionary) sorts by the values, not by the codes", () => {
    const c = column(["pear", "apple", null, "fig", "apple"], "dictionary<int8, utf8>");
    expect(perm(argsort(c))).toEqual([1, 4, 3, 0, 2]);
    const s = sortColumn(c, { descending: true });
    expect(s.toArray()).toEqual(["pear", "fig", "apple", "apple", null]);
    expect(s.chunks[0]?.dictionary).toBe(c.chunks[0]?.dictionary);
  });

  it("argsort(int64) is exact beyond 2^53", () => {
    const big = 2n ** 60n;
    const c = column([big + 1n, big, -(2n ** 63n), 2n ** 63n - 1n, -1n, 0n], "int64");
    expect(sortColumn(c).toArray()).toEqual([-(2n ** 63n), -1n, 0n, big, big + 1n, 2n ** 63n - 1n]);
    const u = column([2n ** 63n + 1n, 2n ** 63n, 1n, 2n ** 64n - 1n], "uint64");
    expect(sortColumn(u).toArray()).toEqual([1n, 2n ** 63n, 2n ** 63n + 1n, 2n ** 64n - 1n]);
  });

  it("argsort(bool, timestamp, date) orders false < true and times as integers", () => {
    expect(sortColumn(column([true, null, false, true])).toArray()).toEqual([false, true, true, null]);
    expect(sortColumn(column([5n, -3n, 0n], "timestamp[ms]")).toArray()).toEqual([-3n, 0n, 5n]);
    expect(sortColumn(column([3, -700000, 0], "date"), { descending: true }).toArray()).toEqual([
      3, 0, -700000,
    ]);
  });

  it("argsort(col) of lengths 0 and 1", () => {
    expect(perm(argsort(column([], "float64")))).toEqual([]);
    expect(perm(argsort(column([null], "int32")))).toEqual([0]);
  });

  it("argsort(col) sorts 1e5 random float64 and int32 like the reference", () => {
    let s = 7;
    const rnd = () => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return s / 4294967296;
    };
    const f = Array.from({ length: 1e5 }, () => (rnd() < 0.01 ? null : Math.round(rnd() * 2e4) / 4 - 2e3));
    const i = Array.from({ length: 1e5 }, () => (rnd() < 0.01 ? null : (rnd() * 4294967296) | 0));
    for (const [vals, kind] of [
      [f, "float64"],
      [i, "int32"],
    ] as const) {
      for (const descending of [false, true]) {
        expect(perm(argsort(column(vals, kind), { descending }))).toEqual(
          naiveArgsort([vals], [descending], false),
        );
      }
    }
  });

  it("argsort(float64 without nulls) orders ±inf, keeps ±0 stable and puts NaN last", () => {
    // hand-sorted: -inf(4) < -1(7) < -0(2) = 0(3) < 1(1) < inf(5), then NaN(0), NaN(6)
    const x = column([Number.NaN, 1, -0, 0, -Infinity, Infinity, Number.NaN, -1]);
    expect(perm(argsort(x))).toEqual([4, 7, 2, 3, 1, 5, 0, 6]);
    expect(perm(argsort(x, { descending: true }))).toEqual([5, 1, 2, 3, 7, 4, 0, 6]);
  });

  it("argsort(col) sorts skewed keys whose top digits hold most rows (MSD buckets split again)", () => {
    // 400k rows: doubles in [1, 2) share their exponent bits and most of
    // their high word; ints bunched in a narrow band of a wide range; both
    // with many ties, so stability is checked inside big buckets.
    let s = 11;
    const rnd = () => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return s / 4294967296;
    };
    const n = 400_000;
    const f = Array.from({ length: n }, () => (rnd() < 0.001 ? 1e9 : 1 + Math.floor(rnd() * 5e4) / 5e4));
    const i = Array.from({ length: n }, () => (rnd() < 0.001 ? -2e9 : 1e9 + Math.floor(rnd() * 3e5)));
    for (const [vals, kind] of [
      [f, "float64"],
      [i, "int32"],
    ] as const) {
      expect(perm(argsort(column(vals, kind)))).toEqual(naiveArgsort([vals], [false], false));
    }
  });

  it("argsort(col, options) equals a stable comparator sort for random dtypes, nulls, slices, chunks", () => {
    fc.assert(
      fc.property(columnArb(), fc.boolean(), fc.boolean(), ([kind, values, how], descending, first) => {
        const col = layout(kind, values, how);
        const got = argsort(col, { descending, nullsPosition: first ? "first" : "last" });
        expect(perm(got)).toEqual(naiveArgsort([values], [descending], first));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it("argsort(col) equals the reference on longer random columns (radix path for every dtype)", () => {
    fc.assert(
      fc.property(columnArb(400), fc.boolean(), ([kind, values, how], descending) => {
        const col = layout(kind, values, how);
        expect(perm(argsort(col, { descending }))).toEqual(naiveArgsort([values], [descending], false));
      }),
      { seed: 7, numRuns: 80 },
    );
  });

  it("argsort([k1, k2, k3], {descending: [...]}) equals the reference on random multi-key input", () => {
    const arb = fc.integer({ min: 0, max: 90 }).chain((n) =>
      fc.tuple(
        fc.array(fc.tuple(fc.constantFrom(...KINDS), fc.integer({ min: 0, max: 2 }), fc.boolean()), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.constant(n),
        fc.boolean(),
      ),
    );
    fc.assert(
      fc.property(
        arb.chain(([specs, n, first]) =>
          fc.tuple(
            fc.constant(specs),
            fc.tuple(...specs.map(([kind]) => valuesOf(kind, n, n))),
            fc.constant(first),
          ),
        ),
        ([specs, values, first]) => {
          const cols = specs.map(([kind, how], k) => layout(kind, values[k] as unknown[], how));
          const desc = specs.map(([, , d]) => d);
          const got = argsort(cols, { descending: desc, nullsPosition: first ? "first" : "last" });
          expect(perm(got)).toEqual(naiveArgsort(values as unknown[][], desc, first));
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it("argsort([category, value]) with few categories and buckets past the insertion-sort size equals the reference", () => {
    // the bucketed two-key path: first key ≤ 65536 distinct values, buckets of
    // hundreds of rows, second key doubles (ties by high word), ints and int64
    const cases = fc.tuple(
      fc.integer({ min: 1, max: 12 }),
      fc.constantFrom("float64", "int32", "int64", "uint8"),
      fc.boolean(),
      fc.boolean(),
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    );
    fc.assert(
      fc.property(cases, ([levels, kind, d0, d1, seed]) => {
        const n = 3000;
        let s = seed;
        const rnd = () => {
          s = (s * 48271) % 2147483647;
          return s / 2147483647;
        };
        const cat = Array.from({ length: n }, () => Math.floor(rnd() * levels) - 3);
        const val: unknown[] = Array.from({ length: n }, () => {
          // a few repeated values so that stability is visible
          const x = rnd() < 0.2 ? 1.5 : rnd() * 2000 - 1000;
          if (kind === "float64") return x;
          if (kind === "int64") return BigInt(Math.round(x)) * 3000000000n;
          return kind === "uint8" ? Math.abs(Math.round(x)) % 256 : Math.round(x);
        });
        const got = argsort([column(cat, "int32"), column(val, kind)], { descending: [d0, d1] });
        expect(perm(got)).toEqual(naiveArgsort([cat, val], [d0, d1], false));
      }),
      { seed: 5, numRuns: 40 },
    );
  });

  it("argsort(keys) with keys of different lengths throws a ShapeError naming both", () => {
    expect(() => argsort([column([1, 2]), column([1])])).toThrow(ShapeError);
    expect(() => argsort([column([1, 2]), column([1])])).toThrow(/key 1 has length 1 but key 0 has length 2/);
  });

  it("argsort(col, bad options) throws an OptionError naming the option", () => {
    const c = column([1, 2]);
    expect(() => argsort(c, { nullsPosition: "middle" as "first" })).toThrow(OptionError);
    expect(() => argsort(c, { nullsPosition: "middle" as "first" })).toThrow(
      /invalid nullsPosition: "middle"/,
    );
    expect(() => argsort([c, c], { descending: [true] })).toThrow(/1 flags for 2 sort keys/);
    expect(() => argsort(c, { descending: "yes" as unknown as boolean })).toThrow(
      /invalid descending: "yes"/,
    );
    expect(() => argsort([])).toThrow(OptionError);
  });
});

describe("sortColumn", () => {
  it("sortColumn(col, {descending}) sorts values and keeps missing last", () => {
    expect(sortColumn(column([2, null, Number.NaN, -1]), { descending: true }).toArray()).toEqual([
      2,
      -1,
      null,
      Number.NaN,
    ]);
  });

  it("sortColumn(multi-chunk col) gives one chunk with fresh buffers", () => {
    const a = column([3, 1], "int32");
    const b = column([2, 0], "int32");
    const c = new Column(a.dtype, [...a.chunks, ...b.chunks]);
    const s = sortColumn(c);
    expect(s.toArray()).toEqual([0, 1, 2, 3]);
    expect(s.chunks.length).toBe(1);
  });
});

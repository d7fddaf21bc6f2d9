import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { CastError, DTypeError, ShapeError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { cast } from "../../../src/core/kernels/cast.js";
import { concat } from "../../../src/core/kernels/concat.js";

describe("concat", () => {
  it("concat(cols) of one dtype keeps the inputs' chunks (zero-copy)", () => {
    const a = column([1, 2], "int32");
    const b = column([3, null], "int32");
    const c = concat([a, b]);
    expect(c.toArray()).toEqual([1, 2, 3, null]);
    expect(c.chunks[0]).toBe(a.chunks[0]);
    expect(c.chunks[1]).toBe(b.chunks[0]);
  });

  it("concat(cols) promotes as pd.concat: int32 + float64 → float64, int8 + uint8 → int16, utf8 + large_utf8 → large_utf8", () => {
    const c = concat([column([1, 2], "int32"), column([0.5, null])]);
    expect(c.dtype.kind).toBe("float64");
    expect(c.toArray()).toEqual([1, 2, 0.5, null]);
    expect(concat([column([-1], "int8"), column([255], "uint8")]).toArray()).toEqual([-1, 255]);
    expect(concat([column([-1], "int8"), column([255], "uint8")]).dtype.kind).toBe("int16");
    const s = concat([column(["a"]), cast(column(["b"]), "large_utf8")]);
    expect(s.dtype.kind).toBe("large_utf8");
    expect(s.toArray()).toEqual(["a", "b"]);
    const t = concat([column([1n], "timestamp[s]"), column([1500n], "timestamp[ms]")]);
    expect(t.toArray()).toEqual([1000n, 1500n]);
  });

  it("concat(cols) unifies different dictionaries and remaps codes", () => {
    const a = cast(column(["x", "y", null]), "dictionary<int8, utf8>");
    const b = cast(column(["z", "x"]), "dictionary<int16, utf8>");
    const c = concat([a, b.slice(0)]);
    expect(c.dtype).toMatchObject({ kind: "dictionary", index: { kind: "int16" } });
    expect(c.toArray()).toEqual(["x", "y", null, "z", "x"]);
    expect(c.chunks[0]!.dictionary).toBe(c.chunks[1]!.dictionary);
    expect(c.chunks[0]!.dictionary!.toArray()).toEqual(["x", "y", "z"]);
    expect(c.rechunk().toArray()).toEqual(["x", "y", null, "z", "x"]);
    // dictionary + utf8 → utf8
    expect(concat([a, column(["q"])]).toArray()).toEqual(["x", "y", null, "q"]);
  });

  it("concat(cols) errors: empty list, incomparable dtypes, values that do not fit", () => {
    expect(() => concat([])).toThrow(ShapeError);
    expect(() => concat([column([1]), column(["a"])])).toThrow(DTypeError);
    expect(() => concat([column([1]), column(["a"])])).toThrow(/float64 and utf8/);
    expect(() => concat([column([1n], "int64"), column([2n ** 63n], "uint64")])).toThrow(CastError);
    expect(() => concat([column([1n], "int64"), column([2n ** 63n], "uint64")])).toThrow(
      /9223372036854775808 at row 0/,
    );
    const big = cast(column(Array.from({ length: 100 }, (_, i) => `a${i}`)), "dictionary<int8, utf8>");
    const big2 = cast(column(Array.from({ length: 100 }, (_, i) => `b${i}`)), "dictionary<int8, utf8>");
    expect(() => concat([big, big2])).toThrow(/more than 128 values/);
  });

  it("concat(cols) equals the concatenated values for random dtypes, slices and chunks", () => {
    const kinds = ["int8", "int32", "uint16", "float64", "int64", "utf8", "bool"] as const;
    const valArb = (k: string): fc.Arbitrary<unknown> =>
      k === "utf8"
        ? fc.string({ maxLength: 3 })
        : k === "bool"
          ? fc.boolean()
          : k === "int64"
            ? fc.bigInt(-1000n, 1000n)
            : k === "uint16"
              ? fc.integer({ min: 0, max: 1000 })
              : fc.integer({ min: -100, max: 100 });
    const part = fc.constantFrom(...kinds).chain((k) =>
      fc.record({
        k: fc.constant(k),
        xs: fc.array(fc.option(valArb(k), { nil: null }), { maxLength: 9 }),
        off: fc.nat(2),
      }),
    );
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), (parts) => {
        const text = parts.some((p) => p.k === "utf8");
        const mixed = new Set(parts.map((p) => p.k)).size > 1;
        const cols = parts.map((p) =>
          new Column(
            column([...Array(p.off).fill(null), ...p.xs], p.k).dtype,
            column([...Array(p.off).fill(null), ...p.xs], p.k).chunks,
          ).slice(p.off),
        );
        if (text && mixed) {
          expect(() => concat(cols)).toThrow(DTypeError);
          return;
        }
        const got = concat(cols).toArray();
        const bigTarget = parts.some((p) => p.k === "int64") && !parts.some((p) => p.k === "float64");
        const norm = (x: unknown) =>
          x === null
            ? null
            : typeof x === "boolean" && mixed
              ? bigTarget
                ? BigInt(x)
                : Number(x)
              : bigTarget && typeof x === "number"
                ? BigInt(x)
                : !bigTarget && typeof x === "bigint"
                  ? Number(x)
                  : x;
        expect(got).toEqual(parts.flatMap((p) => p.xs).map(norm));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { DTypeError, ShapeError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { filter, maskToIndices, truePositions } from "../../../src/core/kernels/filter.js";
import { columnArb, layout } from "./sort-arbitraries.js";

describe("filter", () => {
  it("filter(col, booleans | bytes | bool Column) keeps the rows where the mask is true", () => {
    const c = column([1, 2, 3, 4], "int32");
    expect(filter(c, [true, false, true, false]).toArray()).toEqual([1, 3]);
    expect(filter(c, new Uint8Array([0, 7, 0, 1])).toArray()).toEqual([2, 4]);
    expect(filter(c, column([false, true, true, false])).toArray()).toEqual([2, 3]);
  });

  it("filter(col, mask with nulls) drops the rows where the mask is null", () => {
    expect(filter(column(["a", "b", "c"]), column([true, null, true])).toArray()).toEqual(["a", "c"]);
  });

  it("filter(col, all true) returns col; all false an empty column of the same dtype", () => {
    const c = column([1n, 2n], "int64");
    expect(filter(c, [true, true])).toBe(c);
    const e = filter(c, [false, false]);
    expect(e.length).toBe(0);
    expect(e.dtype.kind).toBe("int64");
  });

  it("filter(multi-chunk col) filters chunk by chunk and keeps the chunking", () => {
    const a = column(["x", "y", "z"]);
    const b = column(["u", "v"]);
    const c = new Column(a.dtype, [...a.chunks, ...b.chunks]);
    const f = filter(c, [true, false, true, false, true]);
    expect(f.toArray()).toEqual(["x", "z", "v"]);
    expect(f.chunks.length).toBe(2);
  });

  it("filter(col, sliced mask) reads the mask at a non-byte-aligned offset", () => {
    const bits = Array.from({ length: 40 }, (_, i) => i % 3 === 0);
    const mask = column(bits).slice(5) as Column<{ kind: "bool" }>;
    const c = column(
      Array.from({ length: 35 }, (_, i) => i),
      "int32",
    );
    // kept: i + 5 divisible by 3 -> i = 1, 4, 7, ...
    expect(filter(c, mask).toArray()).toEqual(Array.from({ length: 12 }, (_, k) => 1 + 3 * k));
  });

  it("maskToIndices(bits, offset) skips zero bytes and copies full ones", () => {
    const bits = new Uint8Array([0xff, 0x00, 0x81, 0x01]);
    expect(Array.from(maskToIndices(bits, 0, 26, 11))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 16, 23, 24]);
    // offset 3: bits 3..7 -> 0..4, bit 16 -> 13; bit 23 -> 20 is past the end
    expect(Array.from(maskToIndices(bits, 3, 20, 6))).toEqual([0, 1, 2, 3, 4, 13]);
  });

  it("filter(col, mask) equals a naive filter on random dtypes, nulls, slices, chunks", () => {
    fc.assert(
      fc.property(
        columnArb(120).chain(([kind, values, how]) =>
          fc.tuple(
            fc.constant(kind),
            fc.constant(values),
            fc.constant(how),
            fc.array(fc.option(fc.boolean(), { freq: 6, nil: null }), {
              minLength: values.length,
              maxLength: values.length,
            }),
            fc.integer({ min: 0, max: 2 }),
          ),
        ),
        ([kind, values, how, mask, maskHow]) => {
          const col = layout(kind, values, how);
          const want = values.filter((_, i) => mask[i] === true);
          expect(filter(col, layout("bool", mask, maskHow) as Column<{ kind: "bool" }>).toArray()).toEqual(
            want,
          );
          const plain = mask.map((m) => m === true);
          expect(filter(col, plain).toArray()).toEqual(want);
          expect(filter(col, Uint8Array.from(plain, Number)).toArray()).toEqual(want);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it("truePositions(mask) lists the true rows; nulls and false are skipped, across slices and chunks", () => {
    // 20 rows: true at 0, 3, 9 (byte 1), 16..19 (the tail); null at 5
    const vals: (boolean | null)[] = Array.from({ length: 20 }, (_, i) =>
      [0, 3, 9, 16, 17, 18, 19].includes(i),
    );
    vals[5] = null;
    expect([...truePositions(column(vals) as Column<{ kind: "bool" }>)]).toEqual([0, 3, 9, 16, 17, 18, 19]);
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.boolean(), { freq: 4, nil: null }), { maxLength: 80 }),
        fc.integer({ min: 0, max: 2 }),
        (mask, how) => {
          const want = mask.flatMap((m, i) => (m === true ? [i] : []));
          expect([...truePositions(layout("bool", mask, how) as Column<{ kind: "bool" }>)]).toEqual(want);
        },
      ),
      { seed: 7, numRuns: 400 },
    );
  });

  it("filter(col, mask of another length) throws a ShapeError naming both lengths", () => {
    const c = column([1, 2, 3]);
    expect(() => filter(c, [true])).toThrow(ShapeError);
    expect(() => filter(c, [true])).toThrow("mask of length 1 does not match column of length 3");
    expect(() => filter(c, new Uint8Array(4))).toThrow(/mask of length 4/);
  });

  it("filter(col, non-boolean mask) throws a DTypeError naming the dtype or value", () => {
    const c = column([1, 2]);
    expect(() => filter(c, column([1, 0], "int8") as unknown as Column<{ kind: "bool" }>)).toThrow(
      DTypeError,
    );
    expect(() => filter(c, column([1, 0], "int8") as unknown as Column<{ kind: "bool" }>)).toThrow(
      /invalid mask dtype: int8/,
    );
    expect(() => filter(c, [true, 1 as unknown as boolean])).toThrow(/invalid mask value 1 at position 1/);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DTypeError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { isin } from "../../../src/core/kernels/isin.js";
import { keyOf } from "./hash-naive.js";
import { columnArb, layout } from "./sort-arbitraries.js";

describe("isin", () => {
  it("isin(col, values) (pandas doc: llama/cow/beetle/hippo isin ['cow', 'llama'])", () => {
    const s = column(["llama", "cow", "llama", "beetle", "llama", "hippo"]);
    expect(isin(s, ["cow", "llama"]).toArray()).toEqual([true, true, true, false, true, false]);
    expect(isin(s, column(["llama"])).toArray()).toEqual([true, false, true, false, true, false]);
  });
  it("isin(col, values) matches nulls only when values hold a null, and NaN matches NaN", () => {
    expect(isin(column([1, null, 3]), [3]).toArray()).toEqual([false, false, true]);
    expect(isin(column([1, null, 3]), [3, null]).toArray()).toEqual([false, true, true]);
    expect(isin(column([NaN, 1]), [NaN]).toArray()).toEqual([true, false]);
  });
  it("isin(int32, values) ignores values the dtype cannot hold and compares numbers with bigints", () => {
    const c = column([1, 2, 3], "int32");
    expect(isin(c, [1.5, "2", 3n, 2 ** 40]).toArray()).toEqual([false, false, true]);
    expect(isin(column([2n ** 60n, 1n], "int64"), [2n ** 60n]).toArray()).toEqual([true, false]);
  });
  it("isin(dictionary, values) tests each dictionary entry", () => {
    const c = column(["a", "b", null, "a"], "category");
    expect(isin(c, ["a"]).toArray()).toEqual([true, false, false, true]);
    expect(isin(c, column(["b", null], "category")).toArray()).toEqual([false, true, true, false]);
  });
  it("isin(timestamp, [Date]) converts Dates to the unit", () => {
    const c = column([new Date(0), new Date(1000)], "timestamp[us]");
    expect(isin(c, [new Date(1000)]).toArray()).toEqual([false, true]);
  });
  it("isin(timestamp[ms], timestamp[us] column) refuses raw counts in different units", () => {
    const c = column([new Date(0)], "timestamp[ms]");
    expect(() => isin(c, column([new Date(0)], "timestamp[us]"))).toThrow(DTypeError);
    expect(() => isin(c, column([new Date(0)], "timestamp[us]"))).toThrow(/timestamp\[us\]/);
  });
  it("isin(col, 3) rejects a non-array set; isin('x', []) a non-column", () => {
    expect(() => isin(column([1]), 3 as never)).toThrow(/values must be a Column or an array, got 3/);
    expect(() => isin("x" as never, [])).toThrow(DTypeError);
  });
  it("isin(col, values) matches a Set of rendered values", () => {
    fc.assert(
      fc.property(columnArb(40), fc.integer({ min: 0, max: 100 }), ([kind, values, how], seed) => {
        const col = layout(kind, values, how);
        const vals = col.toArray();
        const set = vals.filter((_, i) => (i * 7 + seed) % 3 === 0);
        const keys = new Set(set.map(keyOf));
        const got = isin(col, layout(kind, set, 0));
        expect(got.toArray()).toEqual(vals.map((v) => keys.has(keyOf(v))));
        expect(got.nullCount).toBe(0);
      }),
      { seed: 5, numRuns: 200 },
    );
  });
});

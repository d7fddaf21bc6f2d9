import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { CastError, OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import {
  dropNull,
  fillNaN,
  fillNull,
  isNaNColumn,
  isNull,
  notNull,
} from "../../../src/core/kernels/missing.js";

/** [1, null, null, null, 5, null] in two chunks cut inside the run of nulls. */
function chunked(): Column {
  const full = column([1, null, null, null, 5, null], "int32");
  return new Column(full.dtype, [...full.slice(0, 2).chunks, ...full.slice(2).chunks]);
}

describe("missing data kernels", () => {
  it("isNull/notNull(col) mark nulls only; NaN is a value", () => {
    const x = column([1, null, Number.NaN]);
    expect(isNull(x).toArray()).toEqual([false, true, false]);
    expect(notNull(x).toArray()).toEqual([true, false, true]);
    expect(isNull(x).nullCount).toBe(0);
    expect(isNull(chunked()).toArray()).toEqual([false, true, true, true, false, true]);
  });

  it("isNaN(col) marks NaN, keeps nulls null, and is all false for integers", () => {
    expect(isNaNColumn(column([Number.NaN, 1, null])).toArray()).toEqual([true, false, null]);
    expect(isNaNColumn(column([1, null], "int32")).toArray()).toEqual([false, null]);
    expect(isNaNColumn(column([Number.NaN], "float32")).toArray()).toEqual([true]);
  });

  it("fillNull(col, value) fills every null and keeps the dtype", () => {
    const r = fillNull(chunked(), 0);
    expect(r.dtype).toEqual({ kind: "int32" });
    expect(r.toArray()).toEqual([1, 0, 0, 0, 5, 0]);
    expect(fillNull(column(["a", null]), "z").toArray()).toEqual(["a", "z"]);
    expect(fillNull(column([null, 2n]), 7n).toArray()).toEqual([7n, 2n]);
  });

  it("fillNull(col, value, {limit}) fills the first `limit` nulls of the column, as pandas fillna(value, limit)", () => {
    // nulls at rows 1, 2, 3, 5: the first two are filled
    expect(fillNull(chunked(), 0, { limit: 2 }).toArray()).toEqual([1, 0, 0, null, 5, null]);
  });

  it("fillNull(col, {method: 'forward'|'backward'}) carries the nearest valid value, limit per run", () => {
    const x = chunked();
    expect(fillNull(x, { method: "forward" }).toArray()).toEqual([1, 1, 1, 1, 5, 5]);
    expect(fillNull(x, { method: "forward", limit: 1 }).toArray()).toEqual([1, 1, null, null, 5, 5]);
    expect(fillNull(x, { method: "backward" }).toArray()).toEqual([1, 5, 5, 5, 5, null]);
    expect(fillNull(x, { method: "backward", limit: 2 }).toArray()).toEqual([1, null, 5, 5, 5, null]);
    expect(fillNull(column([null, "b", null]), { method: "forward" }).toArray()).toEqual([null, "b", "b"]);
  });

  it("fillNull rejects a value that does not fit, a null value and bad options, naming them", () => {
    expect(() => fillNull(column([1, null], "int8"), 1000)).toThrow(CastError);
    expect(() => fillNull(column([1, null], "int8"), 1000)).toThrow(
      /1000 does not fit the column's dtype int8/,
    );
    expect(() => fillNull(column([1, null]), null)).toThrow(OptionError);
    expect(() => fillNull(column([1, null]), { method: "sideways" })).toThrow(
      new OptionError('invalid method: "sideways" (expected one of forward, backward)'),
    );
    expect(() => fillNull(column([1, null]), { limit: 1 })).toThrow(/need a method/);
    expect(() => fillNull(column([1, null]), 0, { limit: -1 })).toThrow(/invalid limit/);
    expect(() => fillNull(column([1, null]), { method: "forward", lim: 1 } as never)).toThrow(
      /unknown option/,
    );
  });

  it("dropNull(col) keeps the valid values in order", () => {
    expect(dropNull(chunked()).toArray()).toEqual([1, 5]);
    const x = column([1, 2]);
    expect(dropNull(x)).toBe(x);
  });

  it("fillNaN(col, value) replaces NaN only and leaves nulls", () => {
    expect(fillNaN(column([Number.NaN, null, 2]), -1).toArray()).toEqual([-1, null, 2]);
    const f32 = fillNaN(column([Number.NaN, 0.5], "float32"), 1);
    expect(f32.dtype).toEqual({ kind: "float32" });
    expect(f32.toArray()).toEqual([1, 0.5]);
    const ints = column([1, null], "int32");
    expect(fillNaN(ints, 0)).toBe(ints);
    expect(() => fillNaN(ints, "0" as never)).toThrow(OptionError);
  });
});

import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { CastError, DTypeError, OptionError, ShapeError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import {
  arange,
  fromColumn,
  full,
  ndarray,
  ones,
  toColumn,
  zeros,
} from "../../../src/core/ndarray/create.js";

describe("ndarray(data, {shape, dtype})", () => {
  it("wraps a TypedArray without copying", () => {
    const buf = new Float64Array([1, 2, 3, 4, 5, 6]);
    const a = ndarray(buf, { shape: [2, 3] });
    expect(a.data).toBe(buf);
    expect(a.shape).toEqual([2, 3]);
    expect(a.strides).toEqual([3, 1]);
    expect(a.size).toBe(6);
    expect(a.ndim).toBe(2);
    expect(a.isContiguous).toBe(true);
    expect(a.get(1, 2)).toBe(6);
  });
  it("infers the shape from nested arrays and the dtype from the values", () => {
    expect(
      ndarray([
        [1, 2],
        [3, 4],
      ]).dtype.kind,
    ).toBe("float64");
    expect(ndarray([1n, 2n]).dtype.kind).toBe("int64");
    expect(ndarray([true, false]).dtype.kind).toBe("bool");
    expect(ndarray(3).shape).toEqual([]);
    expect(ndarray([]).shape).toEqual([0]);
  });
  it("bool arrays store one byte per element in a Uint8Array", () => {
    const b = ndarray([true, false, true]);
    expect(b.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(b.data as Uint8Array)).toEqual([1, 0, 1]);
    expect(b.get(0)).toBe(true);
  });
  it("int64 values read as bigint; uint64 keeps values above 2^63", () => {
    const u = ndarray([2n ** 64n - 1n], { dtype: "uint64" });
    expect(u.get(0)).toBe(2n ** 64n - 1n);
    expect(ndarray([1, 2], { dtype: "int64" }).toArray()).toEqual([1n, 2n]);
  });
  it("rejects ragged input, mixed kinds, values that do not fit, and non-numeric dtypes", () => {
    expect(() => ndarray([[1, 2], [3]])).toThrow(ShapeError);
    expect(() => ndarray([[1, 2], [3]])).toThrow(/\[1\]/);
    expect(() => ndarray([1, true] as never)).toThrow(DTypeError);
    expect(() => ndarray([300], { dtype: "int8" })).toThrow(CastError);
    expect(() => ndarray([1.5], { dtype: "int32" })).toThrow(/1.5/);
    expect(() => ndarray([1], { dtype: "utf8" })).toThrow(/cannot hold dtype utf8/);
    expect(() => ndarray([1, 2, 3], { shape: [2, 2] })).toThrow(ShapeError);
  });
});

describe("zeros, ones, full, arange", () => {
  it("zeros/ones/full fill the shape", () => {
    expect(zeros([2, 2], "int32").toArray()).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(ones(2, "bool").toArray()).toEqual([true, true]);
    expect(full([2], 2n ** 60n).toArray()).toEqual([2n ** 60n, 2n ** 60n]);
    expect(full([1, 2], 1.5).toArray()).toEqual([[1.5, 1.5]]);
    expect(() => zeros([-1])).toThrow(ShapeError);
  });
  it("arange(3) is [0, 1, 2]; arange(3, 7) is [3, 4, 5, 6]; arange(3, 7, 2) is [3, 5] (np.arange)", () => {
    expect(arange(3).toArray()).toEqual([0, 1, 2]);
    expect(arange(3, 7).toArray()).toEqual([3, 4, 5, 6]);
    expect(arange(3, 7, 2).toArray()).toEqual([3, 5]);
    expect(arange(0, 5, 1, "int64").toArray()).toEqual([0n, 1n, 2n, 3n, 4n]);
    expect(() => arange(0, 1, 0)).toThrow(/step/);
  });
});

describe("fromColumn(col) and toColumn(arr)", () => {
  it("a one-chunk column without nulls becomes a 1-d array over the same buffer", () => {
    const c = column(new Float64Array([1, 2, 3, 4]));
    const a = fromColumn(c);
    const v = c.chunks[0]!.values;
    expect(a.data.buffer).toBe(v.buffer);
    expect(a.data.byteOffset).toBe(v.byteOffset);
    expect(a.shape).toEqual([4]);
    expect(a.toArray()).toEqual([1, 2, 3, 4]);
  });
  it("a sliced column keeps its buffer and byte offset", () => {
    const c = column(new Int32Array([1, 2, 3, 4, 5])).slice(2);
    const a = fromColumn(c);
    expect(a.data.buffer).toBe(c.chunks[0]!.values.buffer);
    expect(a.data.byteOffset + a.offset * 4).toBe(c.chunks[0]!.values.byteOffset);
    expect(a.toArray()).toEqual([3, 4, 5]);
  });
  it("a multi-chunk column is combined (copied); a bool column unpacks to bytes", () => {
    const c1 = column([1, 2], "int16");
    const c2 = column([3], "int16");
    const multi = new Column(c1.dtype, [c1.chunks[0]!, c2.chunks[0]!]);
    expect(fromColumn(multi).toArray()).toEqual([1, 2, 3]);
    expect(fromColumn(column([true, false, true])).toArray()).toEqual([true, false, true]);
  });
  it("a column with nulls throws naming its null count; floats may ask for NaN", () => {
    const c = column([1, null, null], "float64");
    expect(() => fromColumn(c)).toThrow(DTypeError);
    expect(() => fromColumn(c)).toThrow(/2 nulls.*fillNull/);
    expect(fromColumn(c, { nulls: "nan" }).toArray()).toEqual([1, Number.NaN, Number.NaN]);
    expect(() => fromColumn(column([1, null], "int32"), { nulls: "nan" })).toThrow(/1 null/);
    expect(() => fromColumn(c, { nulls: "zero" as never })).toThrow(OptionError);
    expect(() => fromColumn(column(["a"]) as never)).toThrow(/utf8/);
  });
  it("toColumn of a contiguous 1-d array shares the buffer; strided arrays copy; other ranks throw", () => {
    const a = arange(6, undefined, 1, "int32");
    const col = toColumn(a.isel([{ start: 1, stop: 4 }]));
    expect(col.chunks[0]!.values.buffer).toBe(a.data.buffer);
    expect(col.chunks[0]!.values.byteOffset).toBe(4);
    expect(col.toArray()).toEqual([1, 2, 3]);
    expect(toColumn(a.isel([{ step: -2 }])).toArray()).toEqual([5, 3, 1]);
    expect(toColumn(ndarray([true, false])).toArray()).toEqual([true, false]);
    expect(() => toColumn(a.reshape([2, 3]))).toThrow("toColumn() needs a 1-d array, got shape [2, 3]");
  });
});

describe("astype, toString", () => {
  it("astype converts with checks; unsafe wraps", () => {
    expect(ndarray([1.5, -2]).astype("int32", { unsafe: true }).toArray()).toEqual([1, -2]);
    expect(() => ndarray([Number.NaN]).astype("int32")).toThrow(CastError);
    expect(() => ndarray([2n ** 60n + 1n]).astype("float64")).toThrow(/2\^53/);
    expect(ndarray([0, 2, Number.NaN]).astype("bool").toArray()).toEqual([false, true, true]);
  });
  it("toString shows dtype, shape and rows", () => {
    expect(
      ndarray(
        [
          [1, 2],
          [3, 4],
        ],
        { dtype: "int32" },
      ).toString(),
    ).toBe("NDArray<int32> shape=[2, 2]\n[[1, 2],\n [3, 4]]");
    expect(arange(2000).toString()).toContain("[0, 1, 2, ..., 1997, 1998, 1999]");
  });
});

import { describe, expect, it } from "vitest";
import {
  binary,
  bool,
  date,
  dictionary,
  duration,
  float32,
  float64,
  int8,
  int16,
  int32,
  int64,
  timestamp,
  uint8,
  uint16,
  uint32,
  uint64,
  utf8,
} from "../../src/core/dtype.js";
import { CastError, DTypeError } from "../../src/core/errors.js";
import { column, dtypeOfTypedArray, inferDType } from "../../src/core/from-values.js";

describe("inferDType(values)", () => {
  it("inferDType follows its documented rules", () => {
    expect(inferDType([1, 2.5])).toBe(float64); // a JS number is a double
    expect(inferDType([1, 2, 3])).toBe(float64); // even when whole
    expect(inferDType([1n, null])).toBe(int64);
    expect(inferDType([true, undefined, false])).toBe(bool);
    expect(inferDType(["a"])).toBe(utf8);
    expect(inferDType([new Date(0)])).toEqual(timestamp("ms"));
    expect(inferDType([new Uint8Array(2)])).toBe(binary);
    expect(inferDType([null, undefined])).toBe(float64);
    expect(inferDType([])).toBe(float64);
    expect(inferDType([null, Number.NaN])).toBe(float64);
  });

  it("inferDType(mixed kinds) raises a DTypeError naming both positions", () => {
    expect(() => inferDType([1, null, "a"])).toThrow(DTypeError);
    expect(() => inferDType([1, null, "a"])).toThrow(
      'mixed values: 1 (float64) at position 0 and "a" (utf8) at position 2',
    );
    expect(() => inferDType([null, true, 3n])).toThrow("at position 1 and 3n (int64) at position 2");
  });

  it("inferDType(unsupported value) raises a DTypeError naming value and position", () => {
    expect(() => inferDType([1, { a: 1 }])).toThrow("cannot infer a dtype for [object Object] at position 1");
    expect(() => inferDType([Symbol.iterator])).toThrow(DTypeError);
  });
});

describe("column(values, dtype?)", () => {
  it("column(TypedArray) uses the array as the column's buffer (zero-copy)", () => {
    const cases: [ArrayBufferView & ArrayLike<unknown>, string][] = [
      [new Float64Array([0.5, 1]), "float64"],
      [new Float32Array([0.5]), "float32"],
      [new Int8Array([1]), "int8"],
      [new Int16Array([1]), "int16"],
      [new Int32Array([1]), "int32"],
      [new Uint8Array([1]), "uint8"],
      [new Uint16Array([1]), "uint16"],
      [new Uint32Array([1]), "uint32"],
      [new BigInt64Array([1n]), "int64"],
      [new BigUint64Array([1n]), "uint64"],
    ];
    for (const [a, kind] of cases) {
      const col = column(a);
      expect(col.dtype.kind).toBe(kind);
      expect(col.chunks[0]?.values).toBe(a);
    }
  });

  it("column(TypedArray, matching dtype) is zero-copy, also for a subarray view", () => {
    const buf = new Float64Array([1, 2, 3, 4, 5]);
    const view = buf.subarray(1, 4);
    const col = column(view, float64);
    expect(col.chunks[0]?.values.buffer).toBe(buf.buffer);
    expect(col.chunks[0]?.values.byteOffset).toBe(8);
    expect(col.toArray()).toEqual([2, 3, 4]);
    // same storage, another dtype: int32 days are a date column; int64 counts are timestamps
    const days = new Int32Array([0, 1]);
    expect(column(days, date).chunks[0]?.values).toBe(days);
    const ns = new BigInt64Array([1n]);
    expect(column(ns, timestamp("ns", "UTC")).chunks[0]?.values).toBe(ns);
    expect(column(ns, "duration[ns]").dtype).toEqual(duration("ns"));
  });

  it("column(TypedArray, other dtype) copies through a checked builder", () => {
    const a = new Float64Array([1, 2]);
    const col = column(a, int32);
    expect(col.chunks[0]?.values).not.toBe(a);
    expect(col.toArray()).toEqual([1, 2]);
    expect(() => column(new Float64Array([1, 2.5]), int8)).toThrow(
      "cannot store 2.5 at row 1 in a column of dtype int8",
    );
    expect(() => column(new Int32Array([0, 300]), uint8)).toThrow(CastError);
  });

  it("column(values) infers the dtype and keeps nulls and NaN apart", () => {
    const col = column([1.5, null, Number.NaN, undefined]);
    expect(col.dtype).toBe(float64);
    expect(col.toArray()).toEqual([1.5, null, Number.NaN, null]);
    expect(col.nullCount).toBe(2);
  });

  it("column(values, name) parses the dtype name", () => {
    expect(column([1, 2], "int16").dtype).toBe(int16);
    expect(column(["a", "b", "a"], "category").toArray()).toEqual(["a", "b", "a"]);
    expect(() => column([1], "int33")).toThrow('unknown dtype: "int33"');
  });

  it("column(numbers, integer dtype) checks each value and names the row", () => {
    expect(column([1, 2, null], uint16).toArray()).toEqual([1, 2, null]);
    expect(() => column([1, 300], int8)).toThrow("cannot store 300 at row 1 in a column of dtype int8");
    expect(() => column([1.5], int32)).toThrow(CastError);
    expect(() => column([-1], uint32)).toThrow("cannot store -1 at row 0");
    expect(() => column([-1n], uint64)).toThrow("cannot store -1n at row 0");
  });

  it("column(numbers or bigints, int64) is exact beyond 2^53", () => {
    expect(column([2n ** 60n + 1n, 1], int64).toArray()).toEqual([1152921504606846977n, 1n]);
    expect(column([2 ** 60], int64).toArray()).toEqual([1152921504606846976n]);
  });

  it("column(non-strings, utf8) raises a CastError naming the row", () => {
    expect(() => column(["a", 1], utf8)).toThrow("cannot store 1 at row 1 in a column of dtype utf8");
    expect(() => column(["a", 1], "large_utf8")).toThrow("at row 1");
  });

  it("column(Dates, timestamp(unit)) converts to each unit", () => {
    // 2021-01-01T00:00:00.123Z = 1609459200123 ms since the epoch
    const d = new Date(Date.UTC(2021, 0, 1, 0, 0, 0, 123));
    expect(d.getTime()).toBe(1609459200123);
    expect(column([d, null], timestamp("ms")).toArray()).toEqual([1609459200123n, null]);
    expect(column([d], timestamp("us")).toArray()).toEqual([1609459200123000n]);
    expect(column([d], timestamp("ns", "UTC")).toArray()).toEqual([1609459200123000000n]);
    const whole = new Date(Date.UTC(2021, 0, 1));
    expect(column([whole], timestamp("s")).toArray()).toEqual([1609459200n]);
    // 123 ms is not a whole number of seconds
    expect(() => column([d], timestamp("s"))).toThrow(CastError);
    expect(() => column([d], timestamp("s"))).toThrow("row 0");
    // inferred: timestamp[ms]
    expect(column([d]).dtype).toEqual(timestamp("ms"));
  });

  it("column(numbers, timestamp(unit)) reads numbers as milliseconds; bigints as the unit", () => {
    expect(column([1500], timestamp("us")).toArray()).toEqual([1500000n]);
    expect(column([1.5], timestamp("ns")).toArray()).toEqual([1500000n]);
    expect(column([7n], timestamp("s")).toArray()).toEqual([7n]);
    expect(() => column([Number.NaN], timestamp("ms"))).toThrow("invalid time NaN at row 0");
    // Date of an invalid time
    expect(() => column([new Date(Number.NaN)], timestamp("ms"))).toThrow(CastError);
  });

  it("column(Dates, date) gives days since the epoch", () => {
    // 1970-01-02 is day 1; 1969-12-31T12:00Z floors to day -1
    expect(column([new Date(Date.UTC(1970, 0, 2)), new Date(-12 * 3600 * 1000)], date).toArray()).toEqual([
      1, -1,
    ]);
  });

  it("column(values, bool | binary | dictionary) builds those dtypes", () => {
    expect(column([true, null, false], bool).toArray()).toEqual([true, null, false]);
    const bytes = new Uint8Array([1, 2]);
    expect(column([bytes, null]).toArray()).toEqual([bytes, null]);
    expect(column(["x", null, "x"], dictionary(int8)).toArray()).toEqual(["x", null, "x"]);
    // a Uint8Array given a bool dtype is not a bitmap: it is copied and checked
    expect(() => column(new Uint8Array([1]), bool)).toThrow(CastError);
  });

  it("column(float64 values, float32) rounds to float32", () => {
    expect(column([0.1], float32).get(0)).toBe(Math.fround(0.1));
  });

  it("dtypeOfTypedArray(x) names the TypedArray's dtype or undefined", () => {
    expect(dtypeOfTypedArray(new Uint32Array(1))).toBe(uint32);
    expect(dtypeOfTypedArray([1])).toBeUndefined();
    expect(dtypeOfTypedArray(new DataView(new ArrayBuffer(1)))).toBeUndefined();
  });
});

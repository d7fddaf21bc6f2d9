import { describe, expectTypeOf, it } from "vitest";
import type { ColumnBuilder } from "../../src/core/builder.js";
import type { StorageOf } from "../../src/core/chunk.js";
import type { Column } from "../../src/core/column.js";
import type {
  Binary,
  Bool,
  DateDay,
  Dictionary,
  Duration,
  Float32,
  Float64,
  Int8,
  Int32,
  Int64,
  LargeUtf8,
  Timestamp,
  UInt16,
  UInt64,
  Utf8,
  ValueOf,
} from "../../src/core/dtype.js";
import { int64, timestamp } from "../../src/core/dtype.js";
import { column } from "../../src/core/from-values.js";

describe("ValueOf<T>", () => {
  it("ValueOf maps each dtype to the JS type one value reads as", () => {
    expectTypeOf<ValueOf<Int64>>().toEqualTypeOf<bigint>();
    expectTypeOf<ValueOf<UInt64>>().toEqualTypeOf<bigint>();
    expectTypeOf<ValueOf<Float64>>().toEqualTypeOf<number>();
    expectTypeOf<ValueOf<Float32>>().toEqualTypeOf<number>();
    expectTypeOf<ValueOf<Int8>>().toEqualTypeOf<number>();
    expectTypeOf<ValueOf<UInt16>>().toEqualTypeOf<number>();
    expectTypeOf<ValueOf<Bool>>().toEqualTypeOf<boolean>();
    expectTypeOf<ValueOf<Utf8>>().toEqualTypeOf<string>();
    expectTypeOf<ValueOf<LargeUtf8>>().toEqualTypeOf<string>();
    expectTypeOf<ValueOf<Binary>>().toEqualTypeOf<Uint8Array>();
    expectTypeOf<ValueOf<DateDay>>().toEqualTypeOf<number>();
    expectTypeOf<ValueOf<Timestamp<"ms">>>().toEqualTypeOf<bigint>();
    expectTypeOf<ValueOf<Duration>>().toEqualTypeOf<bigint>();
    expectTypeOf<ValueOf<Dictionary>>().toEqualTypeOf<string>();
  });
});

describe("Column<T>", () => {
  it("Column<Int32>.get() returns number | null and Column<Int64>.get() bigint | null", () => {
    expectTypeOf<Column<Int32>["get"]>().returns.toEqualTypeOf<number | null>();
    expectTypeOf<Column<Int64>["get"]>().returns.toEqualTypeOf<bigint | null>();
    expectTypeOf<Column<Utf8>["toArray"]>().returns.toEqualTypeOf<(string | null)[]>();
    expectTypeOf<ReturnType<Column<Bool>[typeof Symbol.iterator]>>().toEqualTypeOf<
      IterableIterator<boolean | null>
    >();
  });

  it("column(values, dtype) carries the dtype's type", () => {
    expectTypeOf(column([1n], int64)).toEqualTypeOf<Column<Int64>>();
    expectTypeOf(timestamp("ms").unit).toEqualTypeOf<"ms">();
    expectTypeOf(timestamp().unit).toEqualTypeOf<"ns">();
  });

  it("StorageOf<T> is the values TypedArray", () => {
    expectTypeOf<StorageOf<Int64>>().toEqualTypeOf<BigInt64Array>();
    expectTypeOf<StorageOf<Timestamp>>().toEqualTypeOf<BigInt64Array>();
    expectTypeOf<StorageOf<DateDay>>().toEqualTypeOf<Int32Array>();
    expectTypeOf<StorageOf<Bool>>().toEqualTypeOf<Uint8Array>();
    expectTypeOf<StorageOf<Float32>>().toEqualTypeOf<Float32Array>();
  });

  it("ColumnBuilder<Int64>.append takes bigint and rejects strings at compile time", () => {
    expectTypeOf<ColumnBuilder<Int64>["append"]>().parameter(0).toEqualTypeOf<bigint | null | undefined>();
    const b = {} as ColumnBuilder<Int32>;
    // @ts-expect-error a string is not an int32 value
    expectTypeOf(b.append).toBeCallableWith("1");
  });
});

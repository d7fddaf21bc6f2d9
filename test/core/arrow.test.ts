import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { columnFromArrow, columnToArrow, dtypeFromArrow, dtypeToArrow } from "../../src/core/arrow.js";
import type { Chunk } from "../../src/core/chunk.js";
import { Column } from "../../src/core/column.js";
import {
  binary,
  bool,
  type DType,
  date,
  dictionary,
  dtypeToString,
  duration,
  float32,
  float64,
  int8,
  int16,
  int32,
  int64,
  largeUtf8,
  timestamp,
  uint8,
  uint16,
  uint32,
  uint64,
  utf8,
} from "../../src/core/dtype.js";
import { DTypeError } from "../../src/core/errors.js";
import { column } from "../../src/core/from-values.js";

const U = arrow.TimeUnit;

/** Naive LSB-first bitmap of booleans, as the Arrow format spec describes validity bitmaps. */
function bitmapOf(bits: boolean[]): Uint8Array {
  const out = new Uint8Array(Math.ceil(bits.length / 64) * 8 || 8);
  bits.forEach((b, i) => {
    if (b) out[i >> 3] = (out[i >> 3] as number) | (1 << (i % 8));
  });
  return out;
}

// Every dtype with the Arrow type the Arrow spec/apache-arrow name for it.
const TYPE_CASES: [DType, () => arrow.DataType, string][] = [
  [bool, () => new arrow.Bool(), "Bool"],
  [int8, () => new arrow.Int8(), "Int8"],
  [int16, () => new arrow.Int16(), "Int16"],
  [int32, () => new arrow.Int32(), "Int32"],
  [int64, () => new arrow.Int64(), "Int64"],
  [uint8, () => new arrow.Uint8(), "Uint8"],
  [uint16, () => new arrow.Uint16(), "Uint16"],
  [uint32, () => new arrow.Uint32(), "Uint32"],
  [uint64, () => new arrow.Uint64(), "Uint64"],
  [float32, () => new arrow.Float32(), "Float32"],
  [float64, () => new arrow.Float64(), "Float64"],
  [utf8, () => new arrow.Utf8(), "Utf8"],
  [largeUtf8, () => new arrow.LargeUtf8(), "LargeUtf8"],
  [binary, () => new arrow.Binary(), "Binary"],
  [date, () => new arrow.DateDay(), "Date32<DAY>"],
  // naive timestamps: the IPC reader gives a null time zone
  [timestamp("s"), () => new arrow.Timestamp(U.SECOND, null), "Timestamp<SECOND>"],
  [timestamp("ms"), () => new arrow.Timestamp(U.MILLISECOND, null), "Timestamp<MILLISECOND>"],
  [timestamp("us"), () => new arrow.Timestamp(U.MICROSECOND, null), "Timestamp<MICROSECOND>"],
  [timestamp("ns"), () => new arrow.Timestamp(U.NANOSECOND, null), "Timestamp<NANOSECOND>"],
  [
    timestamp("ms", "America/New_York"),
    () => new arrow.Timestamp(U.MILLISECOND, "America/New_York"),
    "Timestamp<MILLISECOND, America/New_York>",
  ],
  [timestamp("ns", "UTC"), () => new arrow.Timestamp(U.NANOSECOND, "UTC"), "Timestamp<NANOSECOND, UTC>"],
  [duration("s"), () => new arrow.Duration(U.SECOND), "Duration<SECOND>"],
  [duration("ms"), () => new arrow.Duration(U.MILLISECOND), "Duration<MILLISECOND>"],
  [duration("us"), () => new arrow.Duration(U.MICROSECOND), "Duration<MICROSECOND>"],
  [duration("ns"), () => new arrow.Duration(U.NANOSECOND), "Duration<NANOSECOND>"],
  [
    dictionary(int8),
    () => new arrow.Dictionary(new arrow.Utf8(), new arrow.Int8()),
    "Dictionary<Int8, Utf8>",
  ],
  [
    dictionary(int16, largeUtf8),
    () => new arrow.Dictionary(new arrow.LargeUtf8(), new arrow.Int16()),
    "Dictionary<Int16, LargeUtf8>",
  ],
  [
    dictionary(int32),
    () => new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32()),
    "Dictionary<Int32, Utf8>",
  ],
  [
    dictionary(int64),
    () => new arrow.Dictionary(new arrow.Utf8(), new arrow.Int64() as never),
    "Dictionary<Int64, Utf8>",
  ],
  [
    dictionary(uint8),
    () => new arrow.Dictionary(new arrow.Utf8(), new arrow.Uint8()),
    "Dictionary<Uint8, Utf8>",
  ],
  [
    dictionary(uint16),
    () => new arrow.Dictionary(new arrow.Utf8(), new arrow.Uint16()),
    "Dictionary<Uint16, Utf8>",
  ],
  [
    dictionary(uint32),
    () => new arrow.Dictionary(new arrow.Utf8(), new arrow.Uint32()),
    "Dictionary<Uint32, Utf8>",
  ],
  [
    dictionary(uint64, utf8, true),
    () => new arrow.Dictionary(new arrow.Utf8(), new arrow.Uint64() as never, null, true),
    "Dictionary<Uint64, Utf8>",
  ],
];

describe("dtypeToArrow / dtypeFromArrow", () => {
  it.each(TYPE_CASES)(
    "dtypeToArrow(%o) is the matching apache-arrow type and round-trips",
    (d, make, name) => {
      const expected = make();
      const t = dtypeToArrow(d);
      expect(String(t)).toBe(name);
      expect(t.typeId).toBe(expected.typeId);
      if (d.kind === "dictionary") {
        // compareTypes also compares dictionary ids, which every new Dictionary type draws afresh
        const a = t as arrow.Dictionary;
        const b = expected as arrow.Dictionary;
        expect(arrow.util.compareTypes(a.indices, b.indices)).toBe(true);
        expect(arrow.util.compareTypes(a.dictionary, b.dictionary)).toBe(true);
        expect(a.isOrdered).toBe(d.ordered);
      } else expect(arrow.util.compareTypes(t, expected)).toBe(true);
      if (d.kind === "timestamp") expect((t as arrow.Timestamp).timezone ?? null).toBe(d.tz);
      expect(dtypeFromArrow(expected)).toEqual(d);
      expect(dtypeFromArrow(t)).toEqual(d);
    },
  );

  it.each([
    [() => new arrow.Float16(), "Float16"],
    [() => new arrow.DateMillisecond(), "Date64<MILLISECOND>"],
    [() => new arrow.Struct([new arrow.Field("x", new arrow.Int32())]), "Struct<{x:Int32}>"],
    [() => new arrow.Null(), "Null"],
    [() => new arrow.Dictionary(new arrow.Int32(), new arrow.Int8()), "Dictionary<Int8, Int32>"],
  ])("dtypeFromArrow(%#) raises a DTypeError naming an unsupported Arrow type", (make, name) => {
    const t = make();
    expect(() => dtypeFromArrow(t)).toThrow(DTypeError);
    expect(() => dtypeFromArrow(t)).toThrow(name);
  });
});

// ---------------------------------------------------------------------------
// Zero-copy conversion for every dtype

interface Case {
  dtype: DType;
  /** Expected JS values (what Column.get returns), 12 of them, with nulls. */
  values: unknown[];
  /** Build the Arrow vector for `values` (with nulls where `values` has null). */
  vector: () => arrow.Vector;
}

const valid12 = [true, true, false, true, true, true, false, true, true, true, true, false];
const mask = <T>(xs: T[]): (T | null)[] => xs.map((x, i) => (valid12[i] ? x : null));

/** makeData for a 64-bit type from bigints, nulls per valid12. */
function bigData(type: arrow.DataType, xs: bigint[]): arrow.Vector {
  const data = arrow.makeData({
    type: type as arrow.Int64,
    length: xs.length,
    nullBitmap: bitmapOf(valid12),
    data: BigInt64Array.from(xs) as unknown as arrow.Int64["TArray"],
  });
  return new arrow.Vector([data]);
}

const ints = [1, -2, 3, -4, 5, 100, 7, -128, 127, 0, 42, 9];
const uints = [1, 2, 3, 4, 5, 100, 7, 128, 255, 0, 42, 9];
const words = ["a", "bb", "", "ccc", "é", "😀", "x", "hello world", "z", "a", "bb", "q"];
const big = [1n, -2n, 2n ** 60n + 1n, -(2n ** 62n), 5n, 6n, 7n, 8n, 9n, 10n, 2n ** 63n - 1n, 12n];
const ubig = [1n, 2n, 2n ** 64n - 1n, 2n ** 53n + 1n, 5n, 6n, 7n, 8n, 9n, 10n, 11n, 12n];
const days = [0, 1, -1, 19000, 365, 18262, 2, 3, 4, 5, 6, 7];
// Temporal values: whole seconds scaled to the unit plus a sub-unit remainder, so ns values pass
// 2^53 (1700000000 s = 1.7e18 ns) while Arrow's own get() (which converts to ms numbers) stays safe.
const seconds = [0, 1, -1, 1700000000, 86400, -86400, 2, 3, 951782400, 5, 6, 7];
const FACTOR = { s: 1n, ms: 1000n, us: 1000000n, ns: 1000000000n } as const;
const inUnit = (u: keyof typeof FACTOR) =>
  seconds.map((x, i) => BigInt(x) * FACTOR[u] + (u === "s" ? 0n : BigInt(i * 7)));
const cats = ["lo", "hi", "mid", "hi", "lo", "lo", "mid", "hi", "hi", "lo", "mid", "lo"];

function dictCase(d: DType & { kind: "dictionary" }, indexType: () => arrow.DataType, large = false): Case {
  return {
    dtype: d,
    values: mask(cats),
    vector: () =>
      arrow.vectorFromArray(
        mask(cats),
        new arrow.Dictionary(large ? new arrow.LargeUtf8() : new arrow.Utf8(), indexType() as arrow.Int32),
      ),
  };
}

/** apache-arrow's vectorFromArray cannot build 64-bit dictionary codes: makeData them. */
function dict64Case(
  d: DType,
  indexType: () => arrow.DataType,
  Codes: BigInt64ArrayConstructor | BigUint64ArrayConstructor,
): Case {
  const dict = ["lo", "mid", "hi"];
  return {
    dtype: d,
    values: mask(cats),
    vector: () => {
      const data = arrow.makeData({
        type: new arrow.Dictionary(new arrow.Utf8(), indexType() as arrow.Int32),
        length: cats.length,
        nullBitmap: bitmapOf(valid12),
        data: Codes.from(cats.map((c) => BigInt(dict.indexOf(c)))) as unknown as Int32Array,
        dictionary: arrow.vectorFromArray(dict, new arrow.Utf8()),
      });
      return new arrow.Vector([data]);
    },
  };
}

const CASES: Case[] = [
  {
    dtype: bool,
    values: mask([true, false, true, true, false, false, true, true, false, true, false, true]),
    vector: () =>
      arrow.vectorFromArray(
        mask([true, false, true, true, false, false, true, true, false, true, false, true]),
        new arrow.Bool(),
      ),
  },
  { dtype: int8, values: mask(ints), vector: () => arrow.vectorFromArray(mask(ints), new arrow.Int8()) },
  { dtype: int16, values: mask(ints), vector: () => arrow.vectorFromArray(mask(ints), new arrow.Int16()) },
  { dtype: int32, values: mask(ints), vector: () => arrow.vectorFromArray(mask(ints), new arrow.Int32()) },
  { dtype: int64, values: mask(big), vector: () => arrow.vectorFromArray(mask(big), new arrow.Int64()) },
  { dtype: uint8, values: mask(uints), vector: () => arrow.vectorFromArray(mask(uints), new arrow.Uint8()) },
  {
    dtype: uint16,
    values: mask(uints),
    vector: () => arrow.vectorFromArray(mask(uints), new arrow.Uint16()),
  },
  {
    dtype: uint32,
    values: mask(uints),
    vector: () => arrow.vectorFromArray(mask(uints), new arrow.Uint32()),
  },
  { dtype: uint64, values: mask(ubig), vector: () => arrow.vectorFromArray(mask(ubig), new arrow.Uint64()) },
  {
    dtype: float32,
    values: mask([0.5, -1.25, 3, Number.NaN, 2 ** 100, 0, 2.5, 8, -0.125, 4, 5, 6]),
    vector: () =>
      arrow.vectorFromArray(
        mask([0.5, -1.25, 3, Number.NaN, 2 ** 100, 0, 2.5, 8, -0.125, 4, 5, 6]),
        new arrow.Float32(),
      ),
  },
  {
    dtype: float64,
    values: mask([0.1, -1e300, 3, Number.NaN, Infinity, 0, 2.5, 8, -0.125, 4, 5, 6]),
    vector: () =>
      arrow.vectorFromArray(
        mask([0.1, -1e300, 3, Number.NaN, Infinity, 0, 2.5, 8, -0.125, 4, 5, 6]),
        new arrow.Float64(),
      ),
  },
  { dtype: utf8, values: mask(words), vector: () => arrow.vectorFromArray(mask(words), new arrow.Utf8()) },
  {
    dtype: largeUtf8,
    values: mask(words),
    vector: () => arrow.vectorFromArray(mask(words), new arrow.LargeUtf8()),
  },
  {
    dtype: binary,
    values: mask(words.map((w) => new TextEncoder().encode(w))),
    vector: () =>
      arrow.vectorFromArray(mask(words.map((w) => new TextEncoder().encode(w))), new arrow.Binary()),
  },
  {
    dtype: date,
    values: mask(days),
    // apache-arrow's DateDay builder takes milliseconds: day d is d * 86400000 ms.
    vector: () => arrow.vectorFromArray(mask(days.map((d) => new Date(d * 86400000))), new arrow.DateDay()),
  },
  ...(["s", "ms", "us", "ns"] as const).map(
    (u, k): Case => ({
      dtype: timestamp(u, k % 2 ? "Europe/Paris" : null),
      values: mask(inUnit(u)),
      vector: () =>
        bigData(
          new arrow.Timestamp(
            U[(["SECOND", "MILLISECOND", "MICROSECOND", "NANOSECOND"] as const)[k]!],
            k % 2 ? "Europe/Paris" : null,
          ),
          inUnit(u),
        ),
    }),
  ),
  ...(["s", "ms", "us", "ns"] as const).map(
    (u, k): Case => ({
      dtype: duration(u),
      values: mask(inUnit(u)),
      vector: () =>
        bigData(
          new arrow.Duration(U[(["SECOND", "MILLISECOND", "MICROSECOND", "NANOSECOND"] as const)[k]!]),
          inUnit(u),
        ),
    }),
  ),
  dictCase(dictionary(int8) as DType & { kind: "dictionary" }, () => new arrow.Int8()),
  dictCase(dictionary(int16) as DType & { kind: "dictionary" }, () => new arrow.Int16()),
  dictCase(dictionary(int32) as DType & { kind: "dictionary" }, () => new arrow.Int32()),
  dictCase(dictionary(uint8) as DType & { kind: "dictionary" }, () => new arrow.Uint8()),
  dictCase(dictionary(uint32) as DType & { kind: "dictionary" }, () => new arrow.Uint32()),
  dictCase(dictionary(uint16) as DType & { kind: "dictionary" }, () => new arrow.Uint16()),
  dict64Case(dictionary(int64), () => new arrow.Int64(), BigInt64Array),
  dict64Case(dictionary(uint64), () => new arrow.Uint64(), BigUint64Array),
  dictCase(dictionary(int32, largeUtf8) as DType & { kind: "dictionary" }, () => new arrow.Int32(), true),
];

const name = (c: Case) => dtypeToString(c.dtype);

function sameBuffer(a: ArrayBufferView | null | undefined, b: ArrayBufferView | null | undefined): void {
  expect(a).toBeTruthy();
  expect(b).toBeTruthy();
  expect((a as ArrayBufferView).buffer).toBe((b as ArrayBufferView).buffer);
  expect((a as ArrayBufferView).byteOffset).toBe((b as ArrayBufferView).byteOffset);
}

/** Assert chunk `c` views exactly the buffers of Arrow `d`. */
function chunkViews(c: Chunk, d: arrow.Data): void {
  expect(c.length).toBe(d.length);
  expect(c.offset).toBe(d.offset);
  expect(c.nullCount).toBe(d.nullCount);
  sameBuffer(c.values, d.values);
  if (d.nullCount > 0) sameBuffer(c.validity, d.nullBitmap);
  else expect(c.validity).toBeNull();
  if (d.valueOffsets) sameBuffer(c.valueOffsets, d.valueOffsets);
  else expect(c.valueOffsets).toBeNull();
}

/** Assert Arrow `out` (from columnToArrow) views exactly the buffers of Arrow `d`. */
function dataViews(out: arrow.Data, d: arrow.Data): void {
  expect(out.length).toBe(d.length);
  expect(out.offset).toBe(d.offset);
  expect(out.nullCount).toBe(d.nullCount);
  expect(String(out.type)).toBe(String(d.type));
  sameBuffer(out.values, d.values);
  if (d.nullCount > 0) sameBuffer(out.nullBitmap, d.nullBitmap);
  if (d.valueOffsets) sameBuffer(out.valueOffsets, d.valueOffsets);
  if (d.dictionary) {
    const a = out.dictionary as arrow.Vector;
    const b = d.dictionary;
    expect(a.data.length).toBe(b.data.length);
    a.data.forEach((x, i) => {
      dataViews(x, b.data[i] as arrow.Data);
    });
  }
}

/** Arrow's own reading of each element, compared between two vectors. */
function arrowValues(v: arrow.Vector): unknown[] {
  return Array.from({ length: v.length }, (_, i) => v.get(i));
}

function roundTrip(v: arrow.Vector, expected: unknown[]): Column {
  const col = columnFromArrow(v);
  expect(col.length).toBe(v.length);
  expect(col.nullCount).toBe(v.nullCount);
  expect(col.chunks.length).toBe(v.data.length);
  col.chunks.forEach((c, i) => {
    chunkViews(c, v.data[i] as arrow.Data);
  });
  expect(col.toArray()).toEqual(expected);
  const back = columnToArrow(col);
  expect(back.data.length).toBe(v.data.length);
  back.data.forEach((d, i) => {
    dataViews(d, v.data[i] as arrow.Data);
  });
  // apache-arrow's own get() cannot read 64-bit dictionary codes (it indexes the dictionary
  // with a bigint); for those the buffer identity above and toArray() are the evidence.
  const t = v.type as arrow.DataType;
  if (!(arrow.DataType.isDictionary(t) && (t.indices.bitWidth as number) === 64)) {
    expect(arrowValues(back)).toEqual(arrowValues(v));
  }
  return col;
}

describe("columnFromArrow / columnToArrow zero-copy", () => {
  it.each(CASES.map((c) => [name(c), c] as const))(
    "columnFromArrow(vector) and back share every buffer for %s",
    (_n, c) => {
      const v = c.vector();
      expect(v.nullCount).toBe(3);
      const col = roundTrip(v, c.values);
      expect(col.dtype).toEqual(c.dtype);
      expect(col.nullCount).toBe(3);
    },
  );

  it.each(CASES.map((c) => [name(c), c] as const))(
    "columnFromArrow(vector.slice(3, 10)) keeps the offset and shares buffers for %s",
    (_n, c) => {
      const v = c.vector().slice(3, 10);
      expect(v.data[0]?.offset).toBe(3);
      const col = roundTrip(v, c.values.slice(3, 10));
      expect(col.chunks[0]?.offset).toBe(3);
      // elements 3..9 of valid12 hold nulls at 6 → 1 null
      expect(col.nullCount).toBe(1);
      expect(col.get(3)).toBeNull();
    },
  );

  it.each(CASES.map((c) => [name(c), c] as const))(
    "columnFromArrow(multi-chunk vector) keeps one chunk per Data for %s",
    (_n, c) => {
      const whole = c.vector();
      // three Data: a plain one, a sliced one (mid-byte offset), the whole again
      const v = whole.concat(whole.slice(5, 11), whole);
      expect(v.data.length).toBe(3);
      const expected = [...c.values, ...c.values.slice(5, 11), ...c.values];
      const col = roundTrip(v, expected);
      expect(col.chunks[1]?.offset).toBe(5);
      // combine copies the chunks into one: values and nulls at chunk boundaries survive
      const one = col.rechunk();
      expect(one.chunks.length).toBe(1);
      expect(one.toArray()).toEqual(expected);
      expect(one.nullCount).toBe(3 + 1 + 3);
    },
  );

  it("columnFromArrow(table column) reads several record batches zero-copy", () => {
    const b1 = new arrow.RecordBatch({ x: arrow.vectorFromArray([1, null, 3], new arrow.Int32()).data[0]! });
    const b2 = new arrow.RecordBatch({ x: arrow.vectorFromArray([4, 5], new arrow.Int32()).data[0]! });
    const table = new arrow.Table([b1, b2]);
    const v = table.getChild("x") as arrow.Vector;
    expect(v.data.length).toBe(2);
    const col = roundTrip(v, [1, null, 3, 4, 5]);
    expect(col.chunks[1]?.validity).toBeNull();
  });

  it("columnFromArrow(IPC table) views the IPC bytes and shares one dictionary across batches", () => {
    const type = new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32());
    const dictVector = arrow.vectorFromArray(["x", "y", "z"], new arrow.Utf8());
    const part = (codes: number[], valid: boolean[]) =>
      arrow.makeData({
        type,
        length: codes.length,
        nullBitmap: bitmapOf(valid),
        data: Int32Array.from(codes),
        dictionary: dictVector,
      });
    const d1 = part([0, 1, 2, 1], [true, false, true, true]);
    const d2 = part([2, 2, 0], [true, true, true]);
    const v = new arrow.Vector([d1, d2]);
    const col = roundTrip(v, ["x", null, "z", "y", "z", "z", "x"]);
    expect(col.chunks[0]?.dictionary).toBe(col.chunks[1]?.dictionary);
    const back = columnToArrow(col);
    expect(back.data[0]?.dictionary).toBe(back.data[1]?.dictionary);
    // after combine the single chunk still reads through the shared dictionary
    expect(col.rechunk().toArray()).toEqual(["x", null, "z", "y", "z", "z", "x"]);

    // through IPC: the dictionary batch is written once, and both batches view the IPC bytes
    const bytes = arrow.tableToIPC(
      new arrow.Table([new arrow.RecordBatch({ c: d1 }), new arrow.RecordBatch({ c: d2 })]),
    );
    const fromIpc = columnFromArrow(arrow.tableFromIPC(bytes).getChild("c") as arrow.Vector);
    expect(fromIpc.toArray()).toEqual(["x", null, "z", "y", "z", "z", "x"]);
    expect(fromIpc.chunks[0]?.dictionary).toBe(fromIpc.chunks[1]?.dictionary);
    for (const c of fromIpc.chunks) expect(c.values.buffer).toBe(bytes.buffer);
  });

  it("columnToArrow(column built here) gives Arrow data over the same buffers", () => {
    const col = column(["a", null, "ccc"], largeUtf8);
    const c = col.chunks[0] as Chunk;
    const d = columnToArrow(col).data[0] as arrow.Data;
    sameBuffer(d.values, c.values);
    sameBuffer(d.valueOffsets, c.valueOffsets);
    sameBuffer(d.nullBitmap, c.validity);
    expect(arrowValues(columnToArrow(col))).toEqual(["a", null, "ccc"]);
  });

  it("columnToArrow(dictionary column with several chunks) writes one Arrow dictionary type and vector", () => {
    const whole = column(["p", "q", null, "p"], dictionary(int8));
    const two = new Column(whole.dtype, [...whole.slice(0, 2).chunks, ...whole.slice(2).chunks]);
    const v = columnToArrow(two);
    expect(v.data.length).toBe(2);
    expect(v.data[0]?.dictionary).toBe(v.data[1]?.dictionary);
    expect(v.data[0]?.type).toBe(v.data[1]?.type);
    expect(arrowValues(v)).toEqual(["p", "q", null, "p"]);
  });

  it("columnFromArrow([]) raises a DTypeError", () => {
    expect(() => columnFromArrow([])).toThrow(DTypeError);
  });

  it("columnFromArrow(data of an unsupported type) raises a DTypeError naming it", () => {
    const v = arrow.vectorFromArray([1, 2], new arrow.Float16());
    expect(() => columnFromArrow(v)).toThrow(/Float16/);
  });
});

import * as arrow from "apache-arrow";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnFromArrow } from "../../src/core/arrow.js";
import { type Chunk, makeChunk } from "../../src/core/chunk.js";
import { Column, concatChunks, emptyChunk } from "../../src/core/column.js";
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
import { DTypeError, IndexError } from "../../src/core/errors.js";
import { column } from "../../src/core/from-values.js";

const I64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

/** A value generator for every dtype (values as Column.get returns them). */
const VALUES: [DType, fc.Arbitrary<unknown>][] = [
  [bool, fc.boolean()],
  [int8, fc.integer({ min: -128, max: 127 })],
  [int16, fc.integer({ min: -32768, max: 32767 })],
  [int32, fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })],
  [int64, fc.bigInt(I64)],
  [uint8, fc.integer({ min: 0, max: 255 })],
  [uint16, fc.integer({ min: 0, max: 65535 })],
  [uint32, fc.integer({ min: 0, max: 2 ** 32 - 1 })],
  [uint64, fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })],
  [float32, fc.float()],
  [float64, fc.double()],
  [utf8, fc.string({ unit: "grapheme", maxLength: 6 })],
  [largeUtf8, fc.string({ unit: "grapheme", maxLength: 6 })],
  [binary, fc.uint8Array({ maxLength: 5 })],
  [date, fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })],
  [timestamp("ns", "UTC"), fc.bigInt(I64)],
  [timestamp("s"), fc.bigInt(I64)],
  [duration("ms"), fc.bigInt(I64)],
  [dictionary(int8), fc.constantFrom("red", "green", "blue", "")],
  [dictionary(uint32, largeUtf8), fc.constantFrom("x", "yy", "zzz")],
];

/**
 * A column of `values` split into chunks at `cuts`, each chunk a zero-copy slice of one
 * column built with `pad` leading values, so chunks start at non-zero (mid-byte) offsets.
 */
function chunked(dtype: DType, values: unknown[], pad: unknown[], cuts: number[]): Column {
  const whole = column([...pad, ...values], dtype);
  const bounds = [0, ...cuts.filter((c) => c > 0 && c < values.length).sort((a, b) => a - b), values.length];
  const chunks: Chunk[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const part = whole.slice(pad.length + (bounds[k] as number), pad.length + (bounds[k + 1] as number));
    chunks.push(...part.chunks);
  }
  return new Column(dtype, chunks);
}

const caseArb = fc.constantFrom(...VALUES).chain(([dtype, arb]) =>
  fc.record({
    dtype: fc.constant(dtype),
    values: fc.oneof(
      fc.array(fc.option(arb, { nil: null, freq: 4 }), { maxLength: 70 }),
      fc.array(arb, { maxLength: 70 }),
    ),
    pad: fc.array(fc.option(arb, { nil: null }), { maxLength: 11 }),
    cuts: fc.array(fc.integer({ min: 0, max: 70 }), { maxLength: 4 }),
  }),
);

const OPTS = { seed: 42, numRuns: 400 };

/** Slice bounds: integers around the length, fractions, infinities and NaN. */
const bound = fc.oneof(
  fc.integer({ min: -80, max: 80 }),
  fc.double({ min: -80, max: 80, noNaN: true }),
  fc.constantFrom(Infinity, -Infinity, Number.NaN, -0),
);

describe("Column over several chunks (property, every dtype)", () => {
  it("toArray(), iteration, length and nullCount read every chunk in order", () => {
    fc.assert(
      fc.property(caseArb, ({ dtype, values, pad, cuts }) => {
        const col = chunked(dtype, values, pad, cuts);
        expect(col.length).toBe(values.length);
        expect(col.nullCount).toBe(values.filter((v) => v === null).length);
        expect(col.toArray()).toEqual(values);
        expect([...col]).toEqual(values);
      }),
      OPTS,
    );
  });

  it("combine() and rechunk() copy into one chunk at offset 0 with the same values and nulls", () => {
    fc.assert(
      fc.property(caseArb, ({ dtype, values, pad, cuts }) => {
        const col = chunked(dtype, values, pad, cuts);
        const one = col.combine();
        // one chunk is returned as is (maybe at an offset); several are copied to offset 0
        if (col.chunks.length > 1) expect(one.offset).toBe(0);
        expect(one.length).toBe(values.length);
        expect(one.nullCount).toBe(col.nullCount);
        if (col.nullCount === 0) expect(one.validity).toBeNull();
        const re = col.rechunk();
        expect(re.chunks.length).toBe(1);
        expect(re.toArray()).toEqual(values);
        expect(Column.fromChunk(one).toArray()).toEqual(values);
        if (col.chunks.length === 1) {
          expect(one).toBe(col.chunks[0]);
          expect(re).toBe(col);
        }
        if (dtype.kind === "dictionary" && values.length > 0) {
          expect(one.dictionary).toBe(col.chunks[0]?.dictionary);
        }
      }),
      OPTS,
    );
  });

  it("get(i) and isValid(i) agree with Array.prototype.at, negative positions included", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 1000 }), ({ dtype, values, pad, cuts }, r) => {
        const col = chunked(dtype, values, pad, cuts);
        if (values.length === 0) return;
        const i = r % values.length;
        expect(col.get(i)).toEqual(values[i]);
        expect(col.get(i - values.length)).toEqual(values.at(i - values.length));
        expect(col.isValid(i)).toBe(values[i] !== null);
      }),
      OPTS,
    );
  });

  it("slice(a, b) clamps like Array.prototype.slice and views the same buffers", () => {
    fc.assert(
      fc.property(
        caseArb,
        bound,
        fc.option(bound, { nil: undefined }),
        ({ dtype, values, pad, cuts }, a, b) => {
          const col = chunked(dtype, values, pad, cuts);
          const s = col.slice(a, b);
          const expected = values.slice(a, b);
          expect(s.toArray()).toEqual(expected);
          expect(s.length).toBe(expected.length);
          expect(s.nullCount).toBe(expected.filter((v) => v === null).length);
          // zero-copy: every chunk of the slice views a buffer of the column
          const buffers = new Set(col.chunks.map((c) => c.values.buffer));
          for (const c of s.chunks) if (c.length > 0) expect(buffers.has(c.values.buffer)).toBe(true);
          // slicing a slice composes
          expect(s.slice(1).toArray()).toEqual(expected.slice(1));
          expect(s.rechunk().toArray()).toEqual(expected);
        },
      ),
      OPTS,
    );
  });

  it("combine() of a 1e5-element column in 7 chunks keeps every value", () => {
    const n = 100_000;
    const values = Array.from({ length: n }, (_, i) => (i % 97 === 0 ? null : i % 3 === 0));
    const col = chunked(bool, values, [true, null, false], [1, 9, 4000, 4001, 50_003, 99_999]);
    expect(col.chunks.length).toBe(7);
    expect(col.rechunk().toArray()).toEqual(values);
    expect(col.nullCount).toBe(Math.ceil(n / 97));
  });
});

describe("Column basics", () => {
  it("get(i) out of bounds raises an IndexError naming position and length", () => {
    const col = column([1, 2, 3], int32);
    expect(() => col.get(3)).toThrow(IndexError);
    expect(() => col.get(3)).toThrow("position 3 is out of bounds for a column of length 3");
    expect(() => col.get(-4)).toThrow("position -4 is out of bounds for a column of length 3");
    expect(() => col.get(1.5)).toThrow("position 1.5");
    expect(() => col.isValid(7)).toThrow("position 7");
    expect(() => column([], int32).get(0)).toThrow("length 0");
  });

  it("get(-1) reads the last element", () => {
    const col = column(["a", null, "c"], utf8);
    expect(col.get(-1)).toBe("c");
    expect(col.get(-2)).toBeNull();
    expect(col.get(-3)).toBe("a");
  });

  it("slice() with no bounds, full bounds, or empty range", () => {
    const col = column([1, 2, 3, 4], float64);
    expect(col.slice()).toBe(col);
    expect(col.slice(0, 4)).toBe(col);
    expect(col.slice(3, 1).length).toBe(0);
    expect(col.slice(-2).toArray()).toEqual([3, 4]);
    expect(col.slice(1, -1).toArray()).toEqual([2, 3]);
    expect(col.slice(Number.NaN, 2).toArray()).toEqual([1, 2]);
    expect(col.slice(1, 3).chunks[0]?.values.buffer).toBe(col.chunks[0]?.values.buffer);
    expect(col.slice(1, 3).chunks[0]?.values.byteOffset).toBe(8);
  });

  it("slice(a, b) of bool keeps the bit-packed buffer and moves the bit offset", () => {
    const col = column([true, false, true, true, false, false, true, false, true, true], bool);
    const s = col.slice(3, 9);
    expect(s.chunks[0]?.values).toBe(col.chunks[0]?.values);
    expect(s.chunks[0]?.offset).toBe(3);
    expect(s.toArray()).toEqual([true, false, false, true, false, true]);
  });

  it("new Column(dtype, chunks) drops empty chunks and rejects chunks of another dtype", () => {
    const a = column([1, 2], int32).chunks[0] as Chunk;
    const col = new Column(int32, [emptyChunk(int32), a, emptyChunk(int32)]);
    expect(col.chunks.length).toBe(1);
    expect(new Column(int32, []).length).toBe(0);
    expect(new Column(int32, []).chunks.length).toBe(1);
    expect(() => new Column(int64, [a as never])).toThrow(DTypeError);
    expect(() => new Column(int64, [a as never])).toThrow("chunk 0 has dtype int32 but the column has int64");
  });

  it("emptyChunk(d) gives a readable empty column for every dtype", () => {
    for (const [d] of VALUES) {
      const col = Column.fromChunk(emptyChunk(d));
      expect(col.length, dtypeToString(d)).toBe(0);
      expect(col.toArray()).toEqual([]);
      expect(new Column(d, [emptyChunk(d), emptyChunk(d)]).rechunk().length).toBe(0);
    }
  });

  it("combine() of dictionary chunks with different dictionaries raises a DTypeError", () => {
    const a = column(["x"], dictionary(int8)).chunks[0] as Chunk;
    const b = column(["y"], dictionary(int8)).chunks[0] as Chunk;
    expect(() => new Column(a.dtype, [a, b]).combine()).toThrow(DTypeError);
    expect(() => concatChunks(a.dtype, [a, b])).toThrow("different dictionaries");
  });

  it("nbytes counts values, offsets and validity for the elements (hand computed)", () => {
    // 3 float64 = 24 bytes; a validity bitmap for 3 elements padded to 8 bytes
    expect(column([1.5, null, 3], float64).nbytes).toBe(24 + 8);
    expect(column([1.5, 2, 3], float64).nbytes).toBe(24);
    // utf8 "ab","c": 3 int32 offsets + 3 bytes
    expect(column(["ab", "c"], utf8).nbytes).toBe(12 + 3);
    // large_utf8: 3 int64 offsets + 3 bytes
    expect(column(["ab", "c"], largeUtf8).nbytes).toBe(24 + 3);
    // bool: 10 bits in one 8-byte padded bitmap
    expect(column(Array(10).fill(true), bool).nbytes).toBe(8);
    // dictionary: 3 int8 codes + dictionary (2 offsets... 3 offsets for 2 strings, 2 bytes)
    expect(column(["a", "b", "a"], dictionary(int8)).nbytes).toBe(3 + (12 + 2));
    // Arrow pads its buffers (vectorFromArray gives 64-byte buffers); nbytes counts the elements
    expect(columnFromArrow(arrow.vectorFromArray([1, 2, 3], new arrow.Int32())).nbytes).toBe(12);
    expect(columnFromArrow(arrow.vectorFromArray(["ab", "c"], new arrow.Utf8())).nbytes).toBe(12 + 3);
    // a slice counts its own elements
    expect(column([1, 2, 3, 4], float64).slice(1, 3).nbytes).toBe(16);
  });

  it("toString() names dtype, length and nulls", () => {
    expect(String(column([1, null, 3], int32))).toBe("Column<int32>[3, 1 null]");
    expect(String(column(["a"], utf8))).toBe("Column<utf8>[1]");
  });

  it("locate(i) finds the chunk and the position inside it", () => {
    const col = new Column(int32, [
      ...column([0, 1, 2], int32).chunks,
      ...column([3], int32).chunks,
      ...column([4, 5], int32).chunks,
    ]);
    const [c, j] = col.locate(4);
    expect(c).toBe(col.chunks[2]);
    expect(j).toBe(0);
    expect(col.locate(3)[0]).toBe(col.chunks[1]);
    expect(col.isContiguous).toBe(false);
    expect(col.rechunk().isContiguous).toBe(true);
  });

  it("makeChunk drops an all-valid validity bitmap (the no-null fast path)", () => {
    const c = makeChunk({
      dtype: int8,
      length: 3,
      values: new Int8Array(3),
      validity: new Uint8Array([0b111]),
    });
    expect(c.validity).toBeNull();
    expect(c.nullCount).toBe(0);
    const d = makeChunk({
      dtype: int8,
      length: 3,
      values: new Int8Array(3),
      validity: new Uint8Array([0b101]),
    });
    expect(d.nullCount).toBe(1);
  });
});

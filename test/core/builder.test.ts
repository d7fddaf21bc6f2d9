import { describe, expect, it } from "vitest";
import {
  BoolBuilder,
  columnBuilder,
  DictionaryBuilder,
  FixedWidthBuilder,
  VarWidthBuilder,
} from "../../src/core/builder.js";
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
import { CastError } from "../../src/core/errors.js";

const N = 100_000;

/** Element i of a long test column of each dtype (before nulls are applied). */
const GEN: [DType, (i: number) => unknown][] = [
  [bool, (i) => i % 3 === 0],
  [int8, (i) => (i % 256) - 128],
  [int16, (i) => (i % 65536) - 32768],
  [int32, (i) => i * 21473 - 2 ** 30],
  [int64, (i) => BigInt(i) * 92233720368547n - 2n ** 62n],
  [uint8, (i) => i % 256],
  [uint16, (i) => i % 65536],
  [uint32, (i) => i * 42949],
  [uint64, (i) => BigInt(i) * 184467440737095n],
  [float32, (i) => Math.fround(i / 7)],
  [float64, (i) => i / 7],
  [utf8, (i) => `v${i}${i % 5 === 0 ? "é" : ""}`],
  [largeUtf8, (i) => `w${i % 1000}`],
  [binary, (i) => new Uint8Array([i & 255, (i >> 8) & 255])],
  [date, (i) => i - 50_000],
  [timestamp("us", "UTC"), (i) => BigInt(i) * 1_000_000_123n],
  [duration("s"), (i) => BigInt(i - 7)],
  [dictionary(int16), (i) => `cat${i % 300}`],
  [dictionary(uint8, largeUtf8), (i) => `c${i % 200}`],
];

/** Nulls first, in the middle and last, plus every 97th element. */
const isNull = (i: number) => i === 0 || i === N / 2 || i === N - 1 || i % 97 === 5;

describe("columnBuilder(dtype) for every dtype", () => {
  it.each(GEN.map(([d, g]) => [dtypeToString(d), d, g] as const))(
    "columnBuilder(%s) grows past its capacity through 1e5 appends with nulls first, middle and last",
    (_n, d, g) => {
      const b = columnBuilder(d, 4);
      const expected: unknown[] = [];
      for (let i = 0; i < N; i++) {
        if (isNull(i)) {
          if (i % 2) b.append(null);
          else b.appendNull();
          expected.push(null);
        } else {
          const v = g(i);
          b.append(v as never);
          expected.push(v);
        }
      }
      expect(b.length).toBe(N);
      const col = b.finish();
      expect(col.dtype).toEqual(d);
      expect(col.length).toBe(N);
      expect(col.nullCount).toBe(expected.filter((v) => v === null).length);
      expect(col.chunks.length).toBe(1);
      // deep-comparing 1e5 Uint8Arrays is slow in toEqual: compare binary values as strings
      const norm = (xs: unknown[]) => xs.map((v) => (v instanceof Uint8Array ? `bytes:${v.join(",")}` : v));
      expect(norm(col.toArray())).toEqual(norm(expected));
    },
  );

  it.each(GEN.map(([d, g]) => [dtypeToString(d), d, g] as const))(
    "columnBuilder(%s) without nulls finishes with no validity bitmap",
    (_n, d, g) => {
      const b = columnBuilder(d);
      for (let i = 0; i < 100; i++) b.append(g(i) as never);
      const col = b.finish();
      expect(col.chunks[0]?.validity).toBeNull();
      expect(col.toArray()).toEqual(Array.from({ length: 100 }, (_, i) => g(i)));
    },
  );

  it.each(GEN.map(([d]) => [dtypeToString(d), d] as const))(
    "columnBuilder(%s) finishes an empty or all-null column",
    (_n, d) => {
      expect(columnBuilder(d).finish().length).toBe(0);
      const b = columnBuilder(d);
      b.appendNull();
      b.append(undefined);
      const col = b.finish();
      expect(col.toArray()).toEqual([null, null]);
      expect(col.nullCount).toBe(2);
    },
  );

  it("columnBuilder(d) picks the builder class for the dtype", () => {
    expect(columnBuilder(bool)).toBeInstanceOf(BoolBuilder);
    expect(columnBuilder(utf8)).toBeInstanceOf(VarWidthBuilder);
    expect(columnBuilder(binary)).toBeInstanceOf(VarWidthBuilder);
    expect(columnBuilder(dictionary())).toBeInstanceOf(DictionaryBuilder);
    expect(columnBuilder(timestamp())).toBeInstanceOf(FixedWidthBuilder);
  });
});

describe("integer range checks", () => {
  function message(f: () => void): string {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(CastError);
      return (e as Error).message;
    }
    throw new Error("expected a CastError");
  }

  it("append(300) to int8 raises a CastError naming row and value", () => {
    const b = columnBuilder(int8);
    b.append(1);
    b.append(2);
    expect(message(() => b.append(300))).toBe("cannot store 300 at row 2 in a column of dtype int8");
    // the failed append leaves the builder usable
    b.append(-128);
    expect(b.finish().toArray()).toEqual([1, 2, -128]);
  });

  it("append(1.5) to int32 raises a CastError naming row and value", () => {
    const b = columnBuilder(int32);
    b.appendNull();
    expect(message(() => b.append(1.5))).toBe("cannot store 1.5 at row 1 in a column of dtype int32");
  });

  it("append(-1n) and append(-1) to uint64 raise a CastError naming the value", () => {
    expect(message(() => columnBuilder(uint64).append(-1n))).toBe(
      "cannot store -1n at row 0 in a column of dtype uint64",
    );
    const b = new FixedWidthBuilder(uint64);
    expect(message(() => b.appendNumber(-1))).toBe("cannot store -1 at row 0 in a column of dtype uint64");
  });

  it.each([
    [int8, -129],
    [int8, 128],
    [int16, 32768],
    [int16, -32769],
    [int32, 2 ** 31],
    [int32, -(2 ** 31) - 1],
    [uint8, 256],
    [uint8, -1],
    [uint16, 65536],
    [uint32, 2 ** 32],
    [int32, Number.NaN],
    [float64 as DType, "1"],
    [int64, 2 ** 63],
    [int64, 0.5],
    [uint64, 2 ** 64],
    [date, 2 ** 31],
  ])("append(%s, %s) out of range raises a CastError", (d, v) => {
    expect(() => columnBuilder(d).append(v as never)).toThrow(CastError);
    expect(() => columnBuilder(d).append(v as never)).toThrow(`in a column of dtype ${dtypeToString(d)}`);
  });

  it.each([
    [int8, -128],
    [int8, 127],
    [int16, -32768],
    [uint16, 65535],
    [int32, -(2 ** 31)],
    [int32, 2 ** 31 - 1],
    [uint32, 2 ** 32 - 1],
  ])("append(%s, %s) at the edge of the range is kept", (d, v) => {
    const b = columnBuilder(d);
    b.append(v as never);
    expect(b.finish().get(0)).toBe(v);
  });

  it("append(bigint) beyond int64 or uint64 range raises a CastError", () => {
    expect(() => columnBuilder(int64).append(2n ** 63n)).toThrow(
      "cannot store 9223372036854775808n at row 0",
    );
    expect(() => columnBuilder(uint64).append(2n ** 64n)).toThrow(CastError);
  });
});

describe("int64 exactness beyond 2^53", () => {
  it("append(bigint) keeps int64/uint64 values beyond 2^53 exact", () => {
    const b = columnBuilder(int64);
    const xs = [2n ** 53n + 1n, -(2n ** 63n), 2n ** 63n - 1n, 9007199254740993n];
    for (const x of xs) b.append(x);
    expect(b.finish().toArray()).toEqual(xs);
    const u = columnBuilder(uint64);
    u.append(2n ** 64n - 1n);
    u.append(2n ** 63n + 1n);
    expect(u.finish().toArray()).toEqual([2n ** 64n - 1n, 2n ** 63n + 1n]);
  });

  it("appendNumber(x) stores the exact integer a double holds, beyond 2^53 too", () => {
    const b = new FixedWidthBuilder(int64, 2);
    // each number below is exactly representable as a double; the bigint is its value
    b.appendNumber(2 ** 60); // 1152921504606846976
    b.appendNumber(2 ** 53 + 2); // 9007199254740994
    b.appendNumber(-(2 ** 63));
    b.appendNumber(-12345);
    b.appendNumber(4294967296); // 2^32: hi word 1, lo word 0
    b.appendNumber(-4294967297); // -(2^32 + 1)
    b.append(2n ** 53n + 1n);
    b.appendNumber(Number.MAX_SAFE_INTEGER);
    expect(b.finish().toArray()).toEqual([
      1152921504606846976n,
      9007199254740994n,
      -9223372036854775808n,
      -12345n,
      4294967296n,
      -4294967297n,
      9007199254740993n,
      9007199254740991n,
    ]);
    const u = new FixedWidthBuilder(uint64);
    u.appendNumber(2 ** 64 - 2048); // the largest double below 2^64
    u.appendNumber(2 ** 63);
    expect(u.finish().toArray()).toEqual([18446744073709549568n, 9223372036854775808n]);
  });

  it("append(number) and append(bigint) mix in one int64 column across growth", () => {
    const b = new FixedWidthBuilder(int64, 1);
    const expected: bigint[] = [];
    for (let i = 0; i < 1000; i++) {
      if (i % 2) {
        b.append(BigInt(i) + 2n ** 60n);
        expected.push(BigInt(i) + 2n ** 60n);
      } else {
        b.append(i as never);
        expected.push(BigInt(i));
      }
    }
    expect(b.finish().toArray()).toEqual(expected);
  });
});

describe("var-width builders", () => {
  it("large_utf8 builder writes 64-bit offsets (hand computed)", () => {
    const b = columnBuilder(largeUtf8);
    b.append("ab");
    b.appendNull();
    b.append("ünï"); // ü and ï take 2 UTF-8 bytes each: 5 bytes
    b.append("");
    const col = b.finish();
    const c = col.chunks[0];
    expect(c?.valueOffsets).toBeInstanceOf(BigInt64Array);
    expect(Array.from(c?.valueOffsets as BigInt64Array)).toEqual([0n, 2n, 2n, 7n, 7n]);
    expect(col.toArray()).toEqual(["ab", null, "ünï", ""]);
  });

  it("utf8 builder writes 32-bit offsets and UTF-8 bytes", () => {
    const b = columnBuilder(utf8, 1);
    b.append("€"); // U+20AC: 3 bytes E2 82 AC
    b.append("😀"); // U+1F600: 4 bytes F0 9F 98 80
    const c = b.finish().chunks[0];
    expect(Array.from(c?.valueOffsets as Int32Array)).toEqual([0, 3, 7]);
    expect(Array.from(c?.values as Uint8Array)).toEqual([0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
  });

  it("appendBytes(src, start, end) appends raw bytes as one value", () => {
    const b = new VarWidthBuilder(utf8);
    const src = new TextEncoder().encode("hello,world");
    b.appendBytes(src, 0, 5);
    b.appendBytes(src, 6, 11);
    expect(b.finish().toArray()).toEqual(["hello", "world"]);
  });

  it("utf8 builder grows its byte buffer for one value longer than the capacity", () => {
    const b = new VarWidthBuilder(utf8, 1);
    const long = "x".repeat(10_000);
    b.append(long);
    b.append("y");
    expect(b.finish().toArray()).toEqual([long, "y"]);
  });

  it("append(non-string) to utf8 and append(string) to binary raise a CastError naming the row", () => {
    const s = columnBuilder(utf8);
    s.append("a");
    expect(() => s.append(5 as never)).toThrow("cannot store 5 at row 1 in a column of dtype utf8");
    expect(() => columnBuilder(binary).append("a" as never)).toThrow("at row 0 in a column of dtype binary");
  });
});

describe("bool and dictionary builders", () => {
  it("append(non-boolean) to bool raises a CastError naming the row", () => {
    const b = columnBuilder(bool);
    b.append(true);
    expect(() => b.append(1 as never)).toThrow("cannot store 1 at row 1 in a column of dtype bool");
  });

  it("dictionary builder sorts its categories on finish, as pandas infers them (pd.Categorical)", () => {
    const b = columnBuilder(dictionary(int8));
    for (const v of ["b", "a", null, "b", "c", "a"]) b.append(v);
    const col = b.finish();
    const c = col.chunks[0];
    // categories a, b, c; codes at the valid rows 0, 1, 3, 4, 5: b=1, a=0, b=1, c=2, a=0
    const codes = c?.values as Int8Array;
    expect([0, 1, 3, 4, 5].map((i) => codes[i])).toEqual([1, 0, 1, 2, 0]);
    expect(c?.dictionary?.toArray()).toEqual(["a", "b", "c"]);
    // code point order, as Python sorts str: U+FF21 before U+1F600 (not so in UTF-16 units)
    const u = columnBuilder(dictionary(int8));
    for (const v of ["\u{1F600}", "\uFF21"]) u.append(v);
    expect(u.finish().chunks[0]?.dictionary?.toArray()).toEqual(["\uFF21", "\u{1F600}"]);
    expect(col.toArray()).toEqual(["b", "a", null, "b", "c", "a"]);
    expect(col.nullCount).toBe(1);
  });

  it("dictionary builder with large_utf8 values gives a large_utf8 dictionary", () => {
    const b = columnBuilder(dictionary(uint16, largeUtf8));
    b.append("x");
    b.append("y");
    const col = b.finish();
    expect(col.chunks[0]?.dictionary?.dtype).toEqual(largeUtf8);
    expect(col.toArray()).toEqual(["x", "y"]);
  });

  it("dictionary builder raises a CastError when int8 codes overflow at the 129th category", () => {
    const b = columnBuilder(dictionary(int8));
    for (let i = 0; i < 128; i++) b.append(`c${i}`);
    expect(() => b.append("c128")).toThrow(CastError);
    expect(() => columnBuilder(dictionary(int8)).append(3 as never)).toThrow("at row 0");
  });
});

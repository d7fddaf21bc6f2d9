import { describe, expect, it } from "vitest";
import {
  arrayType,
  binary,
  bool,
  byteWidth,
  checkDType,
  type DType,
  date,
  dictionary,
  dtypeEquals,
  dtypeToString,
  duration,
  float32,
  float64,
  int8,
  int16,
  int32,
  int64,
  isBigIntStorage,
  isFloat,
  isInteger,
  isNumeric,
  isSignedInteger,
  isString,
  isTemporal,
  isUnsignedInteger,
  isVarWidth,
  largeUtf8,
  parseDType,
  timestamp,
  uint8,
  uint16,
  uint32,
  uint64,
  utf8,
} from "../../src/core/dtype.js";
import { DTypeError } from "../../src/core/errors.js";

const INTS = [int8, int16, int32, int64, uint8, uint16, uint32, uint64];

const ALL: DType[] = [
  bool,
  ...INTS,
  float32,
  float64,
  utf8,
  largeUtf8,
  binary,
  date,
  ...(["s", "ms", "us", "ns"] as const).flatMap((u) => [
    timestamp(u),
    timestamp(u, "UTC"),
    timestamp(u, "America/Argentina/Buenos_Aires"),
    duration(u),
  ]),
  ...INTS.flatMap((i) => [dictionary(i), dictionary(i, largeUtf8), dictionary(i, utf8, true)]),
];

describe("dtype constructors", () => {
  it("timestamp(unit, tz) defaults to ns and naive, as pandas' datetime64[ns]", () => {
    expect(timestamp()).toEqual({ kind: "timestamp", unit: "ns", tz: null });
    expect(timestamp("ms", "UTC")).toEqual({ kind: "timestamp", unit: "ms", tz: "UTC" });
    expect(Object.isFrozen(timestamp("s"))).toBe(true);
  });

  it("timestamp(unit) raises a DTypeError naming a bad unit or zone", () => {
    expect(() => timestamp("h" as "s")).toThrow(DTypeError);
    expect(() => timestamp("h" as "s")).toThrow('invalid time unit: "h"');
    expect(() => timestamp("s", "")).toThrow("invalid time zone");
    expect(() => timestamp("s", "Mars/Olympus_Mons")).toThrow('invalid time zone: "Mars/Olympus_Mons"');
  });

  it("timestamp(unit, tz) accepts IANA names and fixed offsets, as Arrow does", () => {
    expect(timestamp("s", "America/New_York").tz).toBe("America/New_York");
    expect(timestamp("s", "+05:30").tz).toBe("+05:30");
    expect(timestamp("s", "UTC").tz).toBe("UTC");
  });

  it("duration(unit) defaults to ns and checks the unit", () => {
    expect(duration()).toEqual({ kind: "duration", unit: "ns" });
    expect(() => duration("m" as "s")).toThrow('invalid time unit: "m"');
  });

  it("dictionary(index, value) defaults to int32 codes over utf8, unordered", () => {
    expect(dictionary()).toEqual({ kind: "dictionary", index: int32, value: utf8, ordered: false });
    for (const i of INTS) expect(dictionary(i).index).toBe(i);
    expect(dictionary(uint8, largeUtf8, true)).toEqual({
      kind: "dictionary",
      index: uint8,
      value: largeUtf8,
      ordered: true,
    });
  });

  it("dictionary(index, value) raises a DTypeError naming a non-integer index or non-string value", () => {
    expect(() => dictionary(float32 as never)).toThrow("invalid dictionary index dtype: float32");
    expect(() => dictionary(int8, binary as never)).toThrow("invalid dictionary value dtype: binary");
  });
});

describe("dtype predicates and storage", () => {
  it("arrayType(d) is the TypedArray Arrow stores each dtype in", () => {
    // Arrow columnar format: bool is a bitmap; Date32 is int32 days; Timestamp/Duration are int64
    const expected: [DType, unknown][] = [
      [bool, Uint8Array],
      [int8, Int8Array],
      [int16, Int16Array],
      [int32, Int32Array],
      [int64, BigInt64Array],
      [uint8, Uint8Array],
      [uint16, Uint16Array],
      [uint32, Uint32Array],
      [uint64, BigUint64Array],
      [float32, Float32Array],
      [float64, Float64Array],
      [utf8, Uint8Array],
      [largeUtf8, Uint8Array],
      [binary, Uint8Array],
      [date, Int32Array],
      [timestamp("ms"), BigInt64Array],
      [duration("s"), BigInt64Array],
      [dictionary(int16), Int16Array],
      [dictionary(uint64), BigUint64Array],
    ];
    for (const [d, ctor] of expected) expect(arrayType(d), dtypeToString(d)).toBe(ctor);
  });

  it("byteWidth(d) is bytes per element (bool 1/8, var-width 0)", () => {
    expect(byteWidth(bool)).toBe(0.125);
    expect(byteWidth(int16)).toBe(2);
    expect(byteWidth(timestamp())).toBe(8);
    expect(byteWidth(utf8)).toBe(0);
    expect(byteWidth(dictionary(int8))).toBe(1);
  });

  it("is*(d) predicates classify every dtype", () => {
    const kinds = (p: (d: DType) => boolean) => ALL.filter(p).map((d) => d.kind);
    const uniq = (xs: string[]) => [...new Set(xs)];
    expect(uniq(kinds(isSignedInteger))).toEqual(["int8", "int16", "int32", "int64"]);
    expect(uniq(kinds(isUnsignedInteger))).toEqual(["uint8", "uint16", "uint32", "uint64"]);
    expect(uniq(kinds(isInteger))).toHaveLength(8);
    expect(uniq(kinds(isFloat))).toEqual(["float32", "float64"]);
    expect(uniq(kinds(isNumeric))).toHaveLength(10);
    expect(uniq(kinds(isString))).toEqual(["utf8", "large_utf8"]);
    expect(uniq(kinds(isVarWidth))).toEqual(["utf8", "large_utf8", "binary"]);
    expect(uniq(kinds(isTemporal))).toEqual(["date", "timestamp", "duration"]);
    expect(uniq(kinds(isBigIntStorage))).toEqual(["int64", "uint64", "timestamp", "duration"]);
  });
});

describe("dtypeEquals / dtypeToString / parseDType", () => {
  it("dtypeEquals(a, b) compares units, zones, index and value types", () => {
    expect(dtypeEquals(timestamp("ms", "UTC"), timestamp("ms", "UTC"))).toBe(true);
    expect(dtypeEquals(timestamp("ms", "UTC"), timestamp("ms"))).toBe(false);
    expect(dtypeEquals(timestamp("ms"), timestamp("us"))).toBe(false);
    expect(dtypeEquals(duration("s"), duration("ms"))).toBe(false);
    expect(dtypeEquals(dictionary(int8), dictionary(int16))).toBe(false);
    expect(dtypeEquals(dictionary(int8), dictionary(int8, largeUtf8))).toBe(false);
    expect(dtypeEquals(dictionary(int8), dictionary(int8, utf8, true))).toBe(false);
    expect(dtypeEquals(int8, uint8)).toBe(false);
    expect(dtypeEquals(dictionary(int8), dictionary(int8))).toBe(true);
  });

  it("dtypeToString(d) names dtypes as documented", () => {
    expect(dtypeToString(int64)).toBe("int64");
    expect(dtypeToString(largeUtf8)).toBe("large_utf8");
    expect(dtypeToString(timestamp("ms", "UTC"))).toBe("timestamp[ms, UTC]");
    expect(dtypeToString(timestamp("us"))).toBe("timestamp[us]");
    expect(dtypeToString(duration("s"))).toBe("duration[s]");
    expect(dtypeToString(dictionary(int8))).toBe("dictionary<int8, utf8>");
    expect(dtypeToString(dictionary(uint16, largeUtf8, true))).toBe(
      "dictionary<uint16, large_utf8, ordered>",
    );
  });

  it.each(ALL.map((d) => [dtypeToString(d), d] as const))(
    "parseDType(%s) round-trips dtypeToString",
    (s, d) => {
      const parsed = parseDType(s);
      expect(parsed).toEqual(d);
      expect(dtypeEquals(parsed, d)).toBe(true);
      expect(dtypeToString(parsed)).toBe(s);
    },
  );

  it("parseDType(alias) reads pandas/NumPy spellings", () => {
    expect(parseDType("boolean")).toBe(bool);
    expect(parseDType("string")).toBe(utf8);
    expect(parseDType("str")).toBe(utf8);
    expect(parseDType("large_string")).toBe(largeUtf8);
    expect(parseDType("date32")).toBe(date);
    expect(parseDType("category")).toEqual(dictionary(int32, utf8));
    expect(parseDType("datetime64[ns]")).toEqual(timestamp("ns"));
    expect(parseDType("datetime64[ns, UTC]")).toEqual(timestamp("ns", "UTC"));
    expect(parseDType("timedelta64[ms]")).toEqual(duration("ms"));
    expect(parseDType("timestamp")).toEqual(timestamp("ns"));
    expect(parseDType("  int8 ")).toBe(int8);
    expect(parseDType("timestamp[ms,Europe/Paris]")).toEqual(timestamp("ms", "Europe/Paris"));
  });

  it("parseDType(dtype object) returns it after checking", () => {
    expect(parseDType(int16)).toBe(int16);
    expect(() => parseDType({ kind: "complex128" } as never)).toThrow(DTypeError);
  });

  it.each([
    "int",
    "float128",
    "Int64",
    "timestamp[h]",
    "duration[ms, UTC]",
    "dictionary<float64, utf8>",
    "dictionary<int8, int8>",
    "dictionary<nope, utf8>",
    "__proto__",
    "toString",
    "",
  ])("parseDType(%j) raises a DTypeError naming the text", (text) => {
    expect(() => parseDType(text)).toThrow(DTypeError);
    let message = "";
    try {
      parseDType(text);
    } catch (e) {
      message = (e as Error).message;
    }
    // the unknown-name message quotes the text; bad dictionary parts name the part
    const culprit = text.startsWith("dictionary<float64")
      ? "float64"
      : text.startsWith("dictionary<int8")
        ? "int8"
        : `"${text}"`;
    expect(message).toContain(culprit);
  });

  it("checkDType(x) raises a DTypeError naming a non-dtype", () => {
    expect(() => checkDType({ kind: "weird" })).toThrow('unknown dtype: {"kind":"weird"}');
    expect(() => checkDType(null)).toThrow("unknown dtype: null");
    expect(() => checkDType("int8")).toThrow('unknown dtype: "int8"');
    expect(checkDType(float32)).toBe(float32);
  });
});

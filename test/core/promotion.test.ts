import { describe, expect, it } from "vitest";
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
import {
  NUMERIC_KINDS,
  promote,
  promoteAll,
  promoteNumeric,
  promotionTable,
} from "../../src/core/promotion.js";

// NumPy's np.promote_types for the numeric types, written out independently of src/:
// the table NumPy maintainer Sebastian Berg published for the basic numeric types
// (gist seberg/925ee5ecb312a467ce822c90adbf5659), restricted to the types ndframe has
// (no float16/complex), plus bool, which np.promote_types(bool, T) gives as T.
// Row = first argument, column = second, both in NUMERIC_KINDS order. Confirmed by the
// NumPy docs' examples: promote_types('i8', 'f4') → float64, promote_types('f4', 'f8') → float64.
const NUMPY = `
        bool    int8    int16   int32   int64   uint8   uint16  uint32  uint64  float32 float64
bool    bool    int8    int16   int32   int64   uint8   uint16  uint32  uint64  float32 float64
int8    int8    int8    int16   int32   int64   int16   int32   int64   float64 float32 float64
int16   int16   int16   int16   int32   int64   int16   int32   int64   float64 float32 float64
int32   int32   int32   int32   int32   int64   int32   int32   int64   float64 float64 float64
int64   int64   int64   int64   int64   int64   int64   int64   int64   float64 float64 float64
uint8   uint8   int16   int16   int32   int64   uint8   uint16  uint32  uint64  float32 float64
uint16  uint16  int32   int32   int32   int64   uint16  uint16  uint32  uint64  float32 float64
uint32  uint32  int64   int64   int64   int64   uint32  uint32  uint32  uint64  float64 float64
uint64  uint64  float64 float64 float64 float64 uint64  uint64  uint64  uint64  float64 float64
float32 float32 float32 float32 float64 float64 float32 float32 float64 float64 float32 float64
float64 float64 float64 float64 float64 float64 float64 float64 float64 float64 float64 float64
`;

function parseGrid(text: string): Map<string, string> {
  const rows = text
    .trim()
    .split("\n")
    .map((r) => r.trim().split(/\s+/));
  const header = rows[0] as string[];
  const out = new Map<string, string>();
  for (const row of rows.slice(1)) {
    header.forEach((h, j) => {
      out.set(`${row[0]}|${h}`, row[j + 1] as string);
    });
  }
  return out;
}

const SIGNED = ["int8", "int16", "int32", "int64"];

/** NumPy's rule, except the documented deviation: uint64 with a signed int gives int64. */
function expectedCell(a: string, b: string, numpy: Map<string, string>): string {
  if ((a === "uint64" && SIGNED.includes(b)) || (b === "uint64" && SIGNED.includes(a))) return "int64";
  return numpy.get(`${a}|${b}`) as string;
}

const BY_KIND: Record<string, DType> = {
  bool,
  int8,
  int16,
  int32,
  int64,
  uint8,
  uint16,
  uint32,
  uint64,
  float32,
  float64,
};

describe("promotionTable()", () => {
  it("promotionTable() prints as a grid and matches NumPy's promote_types cell by cell (one deviation)", () => {
    const table = promotionTable();
    const w = 8;
    const grid = [
      ["", ...NUMERIC_KINDS].map((s) => s.padEnd(w)).join(""),
      ...table.map((row, i) => [NUMERIC_KINDS[i] as string, ...row].map((s) => s.padEnd(w)).join("")),
    ].join("\n");
    console.log(`ndframe numeric promotion (row with column):\n${grid}`);

    const numpy = parseGrid(NUMPY);
    expect(table.length).toBe(NUMERIC_KINDS.length);
    const deviations: string[] = [];
    NUMERIC_KINDS.forEach((a, i) => {
      NUMERIC_KINDS.forEach((b, j) => {
        const got = table[i]?.[j];
        expect(got, `${a} with ${b}`).toBe(expectedCell(a, b, numpy));
        if (got !== numpy.get(`${a}|${b}`)) deviations.push(`${a}|${b}`);
        // promote() agrees with the table
        expect(promote(BY_KIND[a] as DType, BY_KIND[b] as DType).kind).toBe(got);
      });
    });
    // exactly the uint64 × signed cells deviate, both orders: 4 + 4
    expect(deviations.sort()).toEqual(
      [
        "int8|uint64",
        "int16|uint64",
        "int32|uint64",
        "int64|uint64",
        "uint64|int8",
        "uint64|int16",
        "uint64|int32",
        "uint64|int64",
      ].sort(),
    );
  });

  it("promote(uint64, int64) is int64 where NumPy gives float64 (the documented deviation)", () => {
    expect(parseGrid(NUMPY).get("uint64|int64")).toBe("float64");
    expect(promote(uint64, int64)).toBe(int64);
    expect(promote(int8, uint64)).toBe(int64);
  });

  it("promote(a, b) is symmetric for numeric dtypes", () => {
    const t = promotionTable();
    NUMERIC_KINDS.forEach((_, i) => {
      NUMERIC_KINDS.forEach((_, j) => {
        expect(t[i]?.[j]).toBe(t[j]?.[i]);
      });
    });
  });

  it("promote(int32, float32) is float64: float32's 24-bit mantissa cannot hold every int32", () => {
    expect(promote(int32, float32)).toBe(float64);
    expect(promote(int16, float32)).toBe(float32);
    expect(promote(uint8, int8)).toBe(int16);
    expect(promote(bool, bool)).toBe(bool);
  });
});

describe("promote(a, b) for non-numeric dtypes", () => {
  it("promote(utf8, large_utf8) is large_utf8", () => {
    expect(promote(utf8, largeUtf8)).toEqual(largeUtf8);
    expect(promote(largeUtf8, utf8)).toEqual(largeUtf8);
    expect(promote(utf8, utf8)).toBe(utf8);
  });

  it("promote(dictionary, string) is the string type", () => {
    expect(promote(dictionary(int8), utf8)).toEqual(utf8);
    expect(promote(utf8, dictionary(int8, largeUtf8))).toEqual(largeUtf8);
  });

  it("promote(dictionary, dictionary) widens index and value types", () => {
    expect(promote(dictionary(int8), dictionary(int32))).toEqual(dictionary(int32));
    // index widths follow the numeric table: uint8 with int8 → int16
    expect(promote(dictionary(uint8), dictionary(int8, largeUtf8))).toEqual(dictionary(int16, largeUtf8));
    // ordered only when both are
    expect(promote(dictionary(int8, utf8, true), dictionary(int16, utf8, false))).toEqual(
      dictionary(int16, utf8, false),
    );
    expect(promote(dictionary(int8, utf8, true), dictionary(int16, utf8, true))).toEqual(
      dictionary(int16, utf8, true),
    );
  });

  it("promote(timestamp, timestamp) takes the finer unit and keeps one zone", () => {
    expect(promote(timestamp("s"), timestamp("ms"))).toEqual(timestamp("ms"));
    expect(promote(timestamp("ns", "UTC"), timestamp("us", "UTC"))).toEqual(timestamp("ns", "UTC"));
    expect(promote(date, timestamp("s", "Asia/Tokyo"))).toEqual(timestamp("s", "Asia/Tokyo"));
    expect(promote(timestamp("us"), date)).toEqual(timestamp("us"));
  });

  it("promote(timestamp, timestamp) with different zones raises a DTypeError naming both", () => {
    const a = timestamp("ms", "UTC");
    const b = timestamp("ms", "Europe/Paris");
    expect(() => promote(a, b)).toThrow(DTypeError);
    expect(() => promote(a, b)).toThrow("timestamp[ms, UTC] and timestamp[ms, Europe/Paris]");
    // naive vs zoned is a different zone too
    expect(() => promote(timestamp("ms"), a)).toThrow("timestamp[ms] and timestamp[ms, UTC]");
  });

  it("promote(duration, duration) takes the finer unit", () => {
    expect(promote(duration("s"), duration("ns"))).toEqual(duration("ns"));
    expect(promote(duration("us"), duration("ms"))).toEqual(duration("us"));
  });

  it.each([
    [bool, utf8],
    [int32, utf8],
    [float64, dictionary()],
    [timestamp("s"), duration("s")],
    [date, int32],
    [binary, utf8],
    [duration("ms"), int64],
  ])("promote(%o, %o) raises a DTypeError naming both dtypes", (a, b) => {
    expect(() => promote(a, b)).toThrow(DTypeError);
    expect(() => promote(a, b)).toThrow(`no common dtype for ${dtypeToString(a)} and ${dtypeToString(b)}`);
  });
});

describe("promoteAll / promoteNumeric", () => {
  it("promoteAll([int8, uint8, float32]) folds promote", () => {
    // int8+uint8 → int16; int16+float32 → float32 (NumPy table above)
    expect(promoteAll([int8, uint8, float32])).toBe(float32);
    expect(promoteAll([utf8])).toBe(utf8);
  });

  it("promoteAll([]) raises a DTypeError", () => {
    expect(() => promoteAll([])).toThrow(DTypeError);
  });

  it("promoteNumeric(a, b) raises a DTypeError naming both when the result is not numeric", () => {
    expect(promoteNumeric(int8, float64)).toBe(float64);
    // bool with bool is bool, which is not a numeric dtype to compute in
    expect(() => promoteNumeric(bool, bool)).toThrow("no common dtype for bool and bool");
    expect(() => promoteNumeric(utf8, largeUtf8)).toThrow("utf8 and large_utf8");
  });
});

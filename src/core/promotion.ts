/**
 * Type promotion: the common dtype of two dtypes meeting in one operation
 * (arithmetic, comparison, concat). The numeric part is a table; it follows
 * NumPy's promotion of arrays (which pandas inherits) with one deliberate
 * difference, marked ★:
 *
 * - same kind → itself; bool with any number → that number;
 * - signed with signed, unsigned with unsigned → the wider;
 * - signed iN with unsigned uM → iN when M < N, else the signed type twice
 *   as wide as uM (u8+i8 → i16, u16+i32 → i32, u32+i8 → i64);
 * - ★ uint64 with any signed integer → int64, checked when values are cast
 *   (NumPy gives float64, which would silently round values above 2^53);
 * - integer with float32 → float32 for 8/16-bit integers, float64 for 32/64-bit
 *   (int32 + float32 → float64: a float32 cannot hold every int32);
 * - float32 with float64 → float64.
 *
 * Non-numeric: utf8 with large_utf8 → large_utf8; a dictionary with a string
 * → the string type; two dictionaries → a dictionary with the wider index and
 * value types; timestamps of one zone → the finer unit; date with timestamp
 * → the timestamp; durations → the finer unit; times of day → the finer
 * unit (a time with anything else has no common dtype). Anything else throws a
 * `DTypeError` naming both dtypes.
 */
import {
  bool,
  type DType,
  type DTypeKind,
  dictionary,
  dtypeEquals,
  dtypeToString,
  duration,
  float32,
  float64,
  type IntegerType,
  int8,
  int16,
  int32,
  int64,
  isNumeric,
  largeUtf8,
  type NumericType,
  type StringType,
  type TimeUnit,
  time,
  timestamp,
  uint8,
  uint16,
  uint32,
  uint64,
  utf8,
} from "./dtype.js";
import { DTypeError } from "./errors.js";

/** The numeric kinds in table order, bool first. */
// biome-ignore format: one row per kind reads as the table below
export const NUMERIC_KINDS = [
  "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64",
] as const;
type NumKind = (typeof NUMERIC_KINDS)[number];

// biome-ignore format: aligned with NUMERIC_KINDS
const BY_KIND: Record<NumKind, DType> = {
  bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float32, float64,
};

// Row = left operand, column = right operand, in NUMERIC_KINDS order.
// b = bool, i8…i64, u8…u64, f32, f64.
const TABLE = `
      b    i8   i16  i32  i64  u8   u16  u32  u64  f32  f64
b     b    i8   i16  i32  i64  u8   u16  u32  u64  f32  f64
i8    i8   i8   i16  i32  i64  i16  i32  i64  i64  f32  f64
i16   i16  i16  i16  i32  i64  i16  i32  i64  i64  f32  f64
i32   i32  i32  i32  i32  i64  i32  i32  i64  i64  f64  f64
i64   i64  i64  i64  i64  i64  i64  i64  i64  i64  f64  f64
u8    u8   i16  i16  i32  i64  u8   u16  u32  u64  f32  f64
u16   u16  i32  i32  i32  i64  u16  u16  u32  u64  f32  f64
u32   u32  i64  i64  i64  i64  u32  u32  u32  u64  f64  f64
u64   u64  i64  i64  i64  i64  u64  u64  u64  u64  f64  f64
f32   f32  f32  f32  f64  f64  f32  f32  f64  f64  f32  f64
f64   f64  f64  f64  f64  f64  f64  f64  f64  f64  f64  f64
`;

// biome-ignore format: aligned with the table
const SHORT: Record<string, NumKind> = {
  b: "bool", i8: "int8", i16: "int16", i32: "int32", i64: "int64",
  u8: "uint8", u16: "uint16", u32: "uint32", u64: "uint64", f32: "float32", f64: "float64",
};

const NUMERIC_TABLE: ReadonlyMap<string, NumKind> = /* @__PURE__ */ (() => {
  const rows = TABLE.trim()
    .split("\n")
    .map((r) => r.trim().split(/\s+/));
  const header = rows[0] as string[];
  const map = new Map<string, NumKind>();
  for (const row of rows.slice(1)) {
    const left = SHORT[row[0] as string] as NumKind;
    for (const [j, h] of header.entries())
      map.set(`${left}|${SHORT[h]}`, SHORT[row[j + 1] as string] as NumKind);
  }
  return map;
})();

/**
 * The promotion table as rows of kind names, for printing and tests:
 * `promotionTable()[i][j]` is the result for `NUMERIC_KINDS[i]` with
 * `NUMERIC_KINDS[j]`.
 */
export function promotionTable(): string[][] {
  return NUMERIC_KINDS.map((a) => NUMERIC_KINDS.map((b) => NUMERIC_TABLE.get(`${a}|${b}`) as string));
}

const UNIT_RANK: Record<TimeUnit, number> = { s: 0, ms: 1, us: 2, ns: 3 };
const finer = (a: TimeUnit, b: TimeUnit): TimeUnit => (UNIT_RANK[a] >= UNIT_RANK[b] ? a : b);

/**
 * The common dtype of two dtypes (see the module comment for the rules).
 *
 * @example
 * ```ts
 * import { promote, int32, float32, uint8, int8 } from "ndframe";
 * promote(int32, float32).kind; // => "float64"
 * promote(uint8, int8).kind;    // => "int16"
 * ```
 */
export function promote(a: DType, b: DType): DType {
  if (dtypeEquals(a, b)) return a;
  const ka = a.kind;
  const kb = b.kind;
  if (isNumericOrBool(ka) && isNumericOrBool(kb)) {
    return BY_KIND[NUMERIC_TABLE.get(`${ka}|${kb}`) as NumKind];
  }
  if (isText(a) && isText(b)) return promoteText(a, b);
  if (ka === "timestamp" && kb === "timestamp") {
    if (a.tz !== b.tz) throw noCommon(a, b, "time zones differ; convert one with tzConvert first");
    return timestamp(finer(a.unit, b.unit), a.tz);
  }
  if (ka === "duration" && kb === "duration") return duration(finer(a.unit, b.unit));
  if (ka === "time" && kb === "time") return time(a.unit === "ns" || b.unit === "ns" ? "ns" : "us");
  if (ka === "date" && kb === "timestamp") return b;
  if (ka === "timestamp" && kb === "date") return a;
  throw noCommon(a, b);
}

/** Fold `promote` over several dtypes (at least one). */
export function promoteAll(dtypes: readonly DType[]): DType {
  if (dtypes.length === 0) throw new DTypeError("cannot promote an empty list of dtypes");
  return dtypes.reduce((acc, d) => promote(acc, d));
}

/** The numeric dtype arithmetic computes in, for two numeric operands. */
export function promoteNumeric(a: NumericType | DType, b: NumericType | DType): NumericType {
  const r = promote(a, b);
  if (!isNumeric(r)) throw noCommon(a, b, "expected numeric dtypes");
  return r;
}

function isNumericOrBool(k: DTypeKind): k is NumKind {
  return (NUMERIC_KINDS as readonly string[]).includes(k);
}

type Text = StringType | (DType & { kind: "dictionary" });
function isText(d: DType): d is Text {
  return d.kind === "utf8" || d.kind === "large_utf8" || d.kind === "dictionary";
}

function promoteText(a: Text, b: Text): DType {
  const va: StringType = a.kind === "dictionary" ? a.value : a;
  const vb: StringType = b.kind === "dictionary" ? b.value : b;
  const value = va.kind === "large_utf8" || vb.kind === "large_utf8" ? largeUtf8 : utf8;
  if (a.kind === "dictionary" && b.kind === "dictionary") {
    const index = promote(a.index, b.index) as IntegerType;
    return dictionary(index, value, a.ordered && b.ordered);
  }
  return value;
}

function noCommon(a: DType, b: DType, why?: string): DTypeError {
  return new DTypeError(
    `no common dtype for ${dtypeToString(a)} and ${dtypeToString(b)}${why ? `: ${why}` : ""}`,
  );
}

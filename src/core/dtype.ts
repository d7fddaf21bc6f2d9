/**
 * Data types: small immutable descriptors that map one-to-one to Apache
 * Arrow data types and to the TypedArray that stores their values.
 *
 * Each descriptor carries a phantom `__value` field naming the JS scalar
 * type a value of that dtype reads as (`number`, `bigint`, `string`…), so
 * that typed containers can yield the right type.
 */
import { DTypeError } from "./errors.js";

/** Time resolution of timestamps and durations. */
export type TimeUnit = "s" | "ms" | "us" | "ns";

interface DTypeOf<K extends string, V> {
  readonly kind: K;
  /** Phantom: the JS type one value reads as. Never set at run time. */
  readonly __value?: V;
}

export interface Bool extends DTypeOf<"bool", boolean> {}
export interface Int8 extends DTypeOf<"int8", number> {}
export interface Int16 extends DTypeOf<"int16", number> {}
export interface Int32 extends DTypeOf<"int32", number> {}
export interface Int64 extends DTypeOf<"int64", bigint> {}
export interface UInt8 extends DTypeOf<"uint8", number> {}
export interface UInt16 extends DTypeOf<"uint16", number> {}
export interface UInt32 extends DTypeOf<"uint32", number> {}
export interface UInt64 extends DTypeOf<"uint64", bigint> {}
export interface Float32 extends DTypeOf<"float32", number> {}
export interface Float64 extends DTypeOf<"float64", number> {}
export interface Utf8 extends DTypeOf<"utf8", string> {}
/** UTF-8 strings with 64-bit offsets, as Parquet readers produce. */
export interface LargeUtf8 extends DTypeOf<"large_utf8", string> {}
export interface Binary extends DTypeOf<"binary", Uint8Array> {}
/** Calendar date stored as days since 1970-01-01 (Arrow `Date32`/`DateDay`). */
export interface DateDay extends DTypeOf<"date", number> {}
/** Instant stored as an int64 count of `unit` since the Unix epoch. */
export interface Timestamp<U extends TimeUnit = TimeUnit> extends DTypeOf<"timestamp", bigint> {
  readonly unit: U;
  /** IANA time zone name, or null for a naive (zone-less) timestamp. */
  readonly tz: string | null;
}
/** Elapsed time stored as an int64 count of `unit`. */
export interface Duration<U extends TimeUnit = TimeUnit> extends DTypeOf<"duration", bigint> {
  readonly unit: U;
}
/** Resolution of a time of day: Arrow `Time64` stores int64 microseconds or nanoseconds. */
export type TimeOfDayUnit = "us" | "ns";
/** Time of day (Arrow `Time64`): an int64 count of `unit` since midnight, `0 <= v < 86400 s`. */
export interface Time<U extends TimeOfDayUnit = TimeOfDayUnit> extends DTypeOf<"time", bigint> {
  readonly unit: U;
}
/** Categorical: integer codes into a dictionary of strings. */
export interface Dictionary<I extends IntegerType = IntegerType, V extends StringType = StringType>
  extends DTypeOf<"dictionary", string> {
  readonly index: I;
  readonly value: V;
  readonly ordered: boolean;
}

/**
 * Variable-length lists of values of one dtype (Arrow `List`): int32
 * offsets into a child column. `str.split` returns lists of strings.
 */
export interface List extends DTypeOf<"list", unknown[]> {
  /** The dtype of the items. */
  readonly value: DType;
}

export type SignedIntegerType = Int8 | Int16 | Int32 | Int64;
export type UnsignedIntegerType = UInt8 | UInt16 | UInt32 | UInt64;
export type IntegerType = SignedIntegerType | UnsignedIntegerType;
export type FloatType = Float32 | Float64;
export type NumericType = IntegerType | FloatType;
export type StringType = Utf8 | LargeUtf8;
export type TemporalType = DateDay | Timestamp | Duration | Time;
export type DType =
  | Bool
  | NumericType
  | StringType
  | Binary
  | Dictionary
  | DateDay
  | Timestamp
  | Duration
  | Time
  | List;
export type DTypeKind = DType["kind"];

/** The JS type one value of `T` reads as. */
export type ValueOf<T extends DType> = NonNullable<T["__value"]>;

const freeze = <T extends object>(x: T): T => Object.freeze(x);

export const bool: Bool = freeze({ kind: "bool" });
export const int8: Int8 = freeze({ kind: "int8" });
export const int16: Int16 = freeze({ kind: "int16" });
export const int32: Int32 = freeze({ kind: "int32" });
export const int64: Int64 = freeze({ kind: "int64" });
export const uint8: UInt8 = freeze({ kind: "uint8" });
export const uint16: UInt16 = freeze({ kind: "uint16" });
export const uint32: UInt32 = freeze({ kind: "uint32" });
export const uint64: UInt64 = freeze({ kind: "uint64" });
export const float32: Float32 = freeze({ kind: "float32" });
export const float64: Float64 = freeze({ kind: "float64" });
export const utf8: Utf8 = freeze({ kind: "utf8" });
export const largeUtf8: LargeUtf8 = freeze({ kind: "large_utf8" });
export const binary: Binary = freeze({ kind: "binary" });
export const date: DateDay = freeze({ kind: "date" });

const TIME_UNITS: readonly TimeUnit[] = ["s", "ms", "us", "ns"];

function checkUnit(unit: string): TimeUnit {
  if (!(TIME_UNITS as readonly string[]).includes(unit)) {
    throw new DTypeError(`invalid time unit: "${unit}" (expected one of ${TIME_UNITS.join(", ")})`);
  }
  return unit as TimeUnit;
}

/**
 * Make a timestamp dtype.
 *
 * @param unit - resolution of the stored int64 (default `"ns"`, as pandas)
 * @param tz - IANA zone name such as `"Europe/Paris"`, or null for naive
 * @example
 * ```ts
 * import { timestamp } from "ndframe";
 * timestamp("ms", "UTC"); // => { kind: "timestamp", unit: "ms", tz: "UTC" }
 * ```
 */
export function timestamp<U extends TimeUnit = "ns">(
  unit: U = "ns" as U,
  tz: string | null = null,
): Timestamp<U> {
  checkUnit(unit);
  if (tz !== null && !isTimeZone(tz)) {
    throw new DTypeError(
      `invalid time zone: ${JSON.stringify(tz)} (expected an IANA name such as "Europe/Paris", a fixed offset such as "+05:30", or null)`,
    );
  }
  return freeze({ kind: "timestamp", unit, tz });
}

/** True for an IANA zone name the JS engine knows, or a fixed `±HH:MM` offset (as Arrow allows). */
function isTimeZone(tz: unknown): boolean {
  if (typeof tz !== "string" || tz === "") return false;
  if (/^[+-]\d{2}:\d{2}$/.test(tz)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Make a duration dtype.
 *
 * @param unit - resolution of the stored int64 (default `"ns"`)
 * @example
 * ```ts
 * import { duration } from "ndframe";
 * duration("s").unit; // => "s"
 * ```
 */
export function duration<U extends TimeUnit = "ns">(unit: U = "ns" as U): Duration<U> {
  checkUnit(unit);
  return freeze({ kind: "duration", unit });
}

/**
 * Make a time-of-day dtype `time64[unit]` (Arrow `Time64`: int64 counts since midnight).
 *
 * @param unit - `"ns"` (default, as pandas) or `"us"`; Arrow's int32 `Time32` (s, ms) is not supported
 * @example
 * ```ts
 * import { time } from "ndframe";
 * time("us"); // => { kind: "time", unit: "us" }
 * ```
 */
export function time<U extends TimeOfDayUnit = "ns">(unit: U = "ns" as U): Time<U> {
  if (unit === "us" || unit === "ns") return freeze({ kind: "time", unit });
  const t32 = /^m?s$/.test(unit) ? `Arrow's Time32 ("${unit}") stores int32 and is not supported; ` : "";
  throw new DTypeError(`invalid time-of-day unit: ${JSON.stringify(unit)} (${t32}expected one of us, ns)`);
}

/**
 * Make a dictionary (categorical) dtype: integer codes into strings.
 *
 * @param index - the integer dtype of the codes (default int32)
 * @param value - the dictionary's string dtype (default utf8)
 * @param ordered - whether the categories have a meaningful order
 * @example
 * ```ts
 * import { dictionary, int8 } from "ndframe";
 * dictionary(int8).index.kind; // => "int8"
 * ```
 */
export function dictionary<I extends IntegerType = Int32, V extends StringType = Utf8>(
  index: I = int32 as I,
  value: V = utf8 as V,
  ordered = false,
): Dictionary<I, V> {
  if (!isInteger(index)) {
    throw new DTypeError(
      `invalid dictionary index dtype: ${dtypeToString(index)} (expected an integer dtype)`,
    );
  }
  if (!isString(value)) {
    throw new DTypeError(
      `invalid dictionary value dtype: ${dtypeToString(value)} (expected utf8 or large_utf8)`,
    );
  }
  return freeze({ kind: "dictionary", index, value, ordered });
}

/**
 * Make a list dtype: each element is a list of values of `value`.
 *
 * @param value - the dtype of the list items (default utf8)
 * @example
 * ```ts
 * import { list, utf8 } from "ndframe";
 * list(utf8).value.kind; // => "utf8"
 * ```
 */
export function list(value: DType = utf8): List {
  return freeze({ kind: "list", value: checkDType(value) });
}

// ---------------------------------------------------------------------------
// Predicates

const SIGNED = new Set<DTypeKind>(["int8", "int16", "int32", "int64"]);
const UNSIGNED = new Set<DTypeKind>(["uint8", "uint16", "uint32", "uint64"]);

export const isSignedInteger = (d: DType): d is SignedIntegerType => SIGNED.has(d.kind);
export const isUnsignedInteger = (d: DType): d is UnsignedIntegerType => UNSIGNED.has(d.kind);
export const isInteger = (d: DType): d is IntegerType => SIGNED.has(d.kind) || UNSIGNED.has(d.kind);
export const isFloat = (d: DType): d is FloatType => d.kind === "float32" || d.kind === "float64";
export const isNumeric = (d: DType): d is NumericType => isInteger(d) || isFloat(d);
export const isString = (d: DType): d is StringType => d.kind === "utf8" || d.kind === "large_utf8";
export const isTemporal = (d: DType): d is TemporalType =>
  d.kind === "date" || d.kind === "timestamp" || d.kind === "duration" || d.kind === "time";
/** True for dtypes whose values are stored in a BigInt64Array/BigUint64Array. */
const BIG = new Set<DTypeKind>(["int64", "uint64", "timestamp", "duration", "time"]);
export const isBigIntStorage = (d: DType): boolean => BIG.has(d.kind);
/** True for list dtypes. */
export const isList = (d: DType): d is List => d.kind === "list";
/** True for variable-width dtypes (values addressed through offsets). */
export const isVarWidth = (d: DType): d is StringType | Binary => isString(d) || d.kind === "binary";

// ---------------------------------------------------------------------------
// Storage

/** Every TypedArray a column may store its values in. */
export type TypedArray =
  | Int8Array
  | Int16Array
  | Int32Array
  | BigInt64Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | BigUint64Array
  | Float32Array
  | Float64Array;

/** Fixed-width numeric TypedArrays that hold JS numbers. */
export type NumberArray =
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | Float32Array
  | Float64Array;

export type BigIntArray = BigInt64Array | BigUint64Array;

export type TypedArrayConstructor =
  | Int8ArrayConstructor
  | Int16ArrayConstructor
  | Int32ArrayConstructor
  | BigInt64ArrayConstructor
  | Uint8ArrayConstructor
  | Uint16ArrayConstructor
  | Uint32ArrayConstructor
  | BigUint64ArrayConstructor
  | Float32ArrayConstructor
  | Float64ArrayConstructor;

/**
 * The TypedArray constructor holding one element of a fixed-width dtype, or
 * of a dictionary's codes. Bool is bit-packed in a Uint8Array (8 per byte);
 * utf8/binary store their bytes in a Uint8Array addressed by offsets.
 */
export function arrayType(d: DType): TypedArrayConstructor {
  switch (d.kind) {
    case "bool":
    case "uint8":
    case "utf8":
    case "large_utf8":
    case "binary":
    case "list":
      return Uint8Array;
    case "int8":
      return Int8Array;
    case "int16":
      return Int16Array;
    case "int32":
    case "date":
      return Int32Array;
    case "int64":
    case "timestamp":
    case "duration":
    case "time":
      return BigInt64Array;
    case "uint16":
      return Uint16Array;
    case "uint32":
      return Uint32Array;
    case "uint64":
      return BigUint64Array;
    case "float32":
      return Float32Array;
    case "float64":
      return Float64Array;
    case "dictionary":
      return arrayType(d.index);
  }
}

/** Bytes per element of a fixed-width dtype (bool: 1/8; var-width: 0). */
export function byteWidth(d: DType): number {
  if (d.kind === "bool") return 1 / 8;
  if (isVarWidth(d) || d.kind === "list") return 0;
  return arrayType(d).BYTES_PER_ELEMENT;
}

/**
 * Inclusive value range of each integer dtype of at most 32 bits (and of
 * date's int32 days): the one table builders, parsers and casts check.
 * @internal
 */
export const INT_RANGE: Readonly<Record<string, readonly [number, number]>> = Object.freeze({
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  uint8: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 4294967295],
  date: [-2147483648, 2147483647],
});

// ---------------------------------------------------------------------------
// Identity, names and parsing

/** Structural equality of two dtypes. */
export function dtypeEquals(a: DType, b: DType): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "timestamp":
      return a.unit === (b as Timestamp).unit && a.tz === (b as Timestamp).tz;
    case "duration":
      return a.unit === (b as Duration).unit;
    case "time":
      return a.unit === (b as Time).unit;
    case "dictionary": {
      const o = b as Dictionary;
      return dtypeEquals(a.index, o.index) && dtypeEquals(a.value, o.value) && a.ordered === o.ordered;
    }
    case "list":
      return dtypeEquals(a.value, (b as List).value);
    default:
      return true;
  }
}

/**
 * Name a dtype as `parseDType` reads it: `int64`, `timestamp[ms, UTC]`,
 * `duration[s]`, `time64[us]`, `dictionary<int8, utf8>`.
 */
export function dtypeToString(d: DType): string {
  switch (d.kind) {
    case "timestamp":
      return d.tz === null ? `timestamp[${d.unit}]` : `timestamp[${d.unit}, ${d.tz}]`;
    case "duration":
      return `duration[${d.unit}]`;
    case "time":
      return `time64[${d.unit}]`;
    case "dictionary":
      return `dictionary<${d.index.kind}, ${d.value.kind}${d.ordered ? ", ordered" : ""}>`;
    case "list":
      return `list<${dtypeToString(d.value)}>`;
    default:
      return d.kind;
  }
}

const SIMPLE: Record<string, DType> = {
  bool,
  boolean: bool,
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
  utf8,
  string: utf8,
  str: utf8,
  large_utf8: largeUtf8,
  large_string: largeUtf8,
  binary,
  date,
  date32: date,
  category: dictionary(),
};

/**
 * Read a dtype from its name: the names `dtypeToString` prints, plus the
 * aliases `boolean`, `string`, `str`, `category`, `datetime64[ns]`,
 * `datetime64[ns, UTC]`, `timedelta64[ns]`, `time` (= `time64[ns]`).
 * Throws a `DTypeError` naming the text for anything else.
 *
 * @example
 * ```ts
 * import { parseDType } from "ndframe";
 * parseDType("timestamp[ms, UTC]"); // => { kind: "timestamp", unit: "ms", tz: "UTC" }
 * ```
 */
export function parseDType(text: string | DType): DType {
  if (typeof text !== "string") return checkDType(text);
  const s = text.trim();
  const simple = SIMPLE[s];
  if (simple !== undefined && Object.hasOwn(SIMPLE, s)) return simple;
  let m = /^(?:timestamp|datetime64)(?:\[\s*(s|ms|us|ns)\s*(?:,\s*([^\]]+?)\s*)?\])?$/.exec(s);
  if (m) return timestamp((m[1] ?? "ns") as TimeUnit, m[2] ?? null);
  m = /^(?:duration|timedelta64)(?:\[\s*(s|ms|us|ns)\s*\])?$/.exec(s);
  if (m) return duration((m[1] ?? "ns") as TimeUnit);
  m = /^(?:time64\[\s*(\w+)\s*\]|time)$/.exec(s);
  if (m) return time((m[1] ?? "ns") as TimeOfDayUnit);
  m = /^list<(.+)>$/.exec(s);
  if (m) return list(parseDType(m[1] as string));
  m = /^dictionary<\s*(\w+)\s*,\s*(\w+)\s*(,\s*ordered\s*)?>$/.exec(s);
  if (m) {
    const index = SIMPLE[m[1] as string];
    const value = SIMPLE[m[2] as string];
    if (index && value) return dictionary(index as IntegerType, value as StringType, m[3] !== undefined);
  }
  throw new DTypeError(
    `unknown dtype: "${text}" (expected e.g. ${["int64", "float64", "utf8", "timestamp[ms, UTC]", "dictionary<int32, utf8>"].join(", ")})`,
  );
}

const KINDS = new Set<string>([
  "bool",
  "int8",
  "int16",
  "int32",
  "int64",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "float32",
  "float64",
  "utf8",
  "large_utf8",
  "binary",
  "date",
  "timestamp",
  "duration",
  "time",
  "dictionary",
  "list",
]);

/** Validate a dtype object coming from user code; returns it unchanged. */
export function checkDType(d: unknown): DType {
  if (typeof d !== "object" || d === null || !KINDS.has((d as { kind?: unknown }).kind as string)) {
    throw new DTypeError(`unknown dtype: ${describe(d)}`);
  }
  return d as DType;
}

function describe(x: unknown): string {
  try {
    return typeof x === "string" ? `"${x}"` : (JSON.stringify(x) ?? String(x));
  } catch {
    return String(x);
  }
}

/**
 * `column()`: build a column from JS values or a TypedArray, inferring the
 * dtype when none is given.
 */
import { columnBuilder } from "./builder.js";
import { makeChunk, type StorageOf } from "./chunk.js";
import { Column } from "./column.js";
import {
  arrayType,
  binary,
  bool,
  type DType,
  dtypeToString,
  float32,
  float64,
  int8,
  int16,
  int32,
  int64,
  isVarWidth,
  parseDType,
  type TimeUnit,
  type TypedArray,
  timestamp,
  uint8,
  uint16,
  uint32,
  uint64,
  utf8,
  type ValueOf,
} from "./dtype.js";
import { CastError, DTypeError } from "./errors.js";

const TYPED: [abstract new (...a: never[]) => TypedArray, DType][] = [
  [Float64Array, float64],
  [Float32Array, float32],
  [Int32Array, int32],
  [Int16Array, int16],
  [Int8Array, int8],
  [Uint32Array, uint32],
  [Uint16Array, uint16],
  [Uint8Array, uint8],
  [BigInt64Array, int64],
  [BigUint64Array, uint64],
];

/** The dtype a TypedArray's elements have, or undefined for other input. */
export function dtypeOfTypedArray(values: unknown): DType | undefined {
  if (!ArrayBuffer.isView(values)) return undefined;
  for (const [Ctor, d] of TYPED) if (values instanceof Ctor) return d;
  return undefined;
}

/**
 * Infer the dtype of JS values, as pandas infers from Python objects but
 * with JS's own number type: numbers → float64 (a JS number is a double;
 * pass a dtype for integers), bigints → int64, booleans → bool, strings →
 * utf8, Dates → timestamp[ms], Uint8Arrays → binary. Nulls and undefined
 * are skipped; all-null input gives float64. Mixing kinds throws a
 * `DTypeError` naming the first conflicting position.
 */
export function inferDType(values: ArrayLike<unknown>): DType {
  let found: DType | undefined;
  let at = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    const d = scalarDType(v);
    if (d === undefined) throw new DTypeError(`cannot infer a dtype for ${describe(v)} at position ${i}`);
    if (found === undefined) {
      found = d;
      at = i;
    } else if (found.kind !== d.kind) {
      throw new DTypeError(
        `mixed values: ${describe(values[at])} (${dtypeToString(found)}) at position ${at} and ${describe(v)} (${dtypeToString(d)}) at position ${i}; pass a dtype to convert`,
      );
    }
  }
  return found ?? float64;
}

function scalarDType(v: unknown): DType | undefined {
  switch (typeof v) {
    case "number":
      return float64;
    case "bigint":
      return int64;
    case "boolean":
      return bool;
    case "string":
      return utf8;
    default:
      if (v instanceof Date) return timestamp("ms");
      if (v instanceof Uint8Array) return binary;
      return undefined;
  }
}

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "bigint") return `${v}n`;
  if (v instanceof Date) return `Date(${v.toISOString()})`;
  return typeof v === "object" ? Object.prototype.toString.call(v) : String(v);
}

const PER_MS: Record<TimeUnit, number> = { s: 1e-3, ms: 1, us: 1e3, ns: 1e6 };

/**
 * Build a column from JS values or a TypedArray.
 *
 * A TypedArray whose element type matches `dtype` (or with no dtype given)
 * is used as the column's buffer without a copy; other input is copied
 * into a builder. null and undefined are nulls; NaN stays a float value.
 * Values that do not fit the dtype (300 in int8, 1.5 in int32) throw a
 * `CastError` naming the row. For timestamps a Date or a number of
 * milliseconds is accepted as well as a bigint in the dtype's unit.
 *
 * @param values - JS values or a TypedArray
 * @param dtype - a dtype or its name; inferred when omitted (see `inferDType`)
 * @example
 * ```ts
 * import { column } from "ndframe";
 * column([1, 2, 3], "int32").dtype.kind; // => "int32"
 * column(["a", null]).toArray();          // => ["a", null]
 * column(new Float64Array([0.5])).get(0); // => 0.5
 * ```
 */
export function column<T extends DType = DType>(
  values: ArrayLike<unknown> | TypedArray,
  dtype?: T | string,
): Column<T> {
  const d = (dtype === undefined ? undefined : parseDType(dtype)) as T | undefined;
  const typed = dtypeOfTypedArray(values);
  const zeroCopy =
    typed !== undefined &&
    (d === undefined ||
      (!isVarWidth(d) &&
        d.kind !== "bool" &&
        d.kind !== "dictionary" &&
        arrayType(d) === values.constructor));
  if (zeroCopy) {
    const dt = (d ?? typed) as T;
    return Column.fromChunk(makeChunk({ dtype: dt, length: values.length, values: values as StorageOf<T> }));
  }
  const target = (d ?? inferDType(values)) as T;
  const b = columnBuilder(target, values.length);
  const kind = (target as DType).kind;
  for (let i = 0; i < values.length; i++) {
    let v = (values as ArrayLike<unknown>)[i];
    if (kind === "timestamp" && (v instanceof Date || typeof v === "number")) {
      v = msToUnit(v instanceof Date ? v.getTime() : v, (target as DType & { unit: TimeUnit }).unit, i);
    } else if (kind === "date" && v instanceof Date) {
      v = Math.floor(v.getTime() / 86400000);
    } else if (kind === "utf8" && typeof v !== "string" && v !== null && v !== undefined) {
      throw new CastError(
        `cannot store ${describe(v)} at row ${i} in a column of dtype utf8; cast it explicitly`,
      );
    }
    b.append(v as ValueOf<T>);
  }
  return b.finish();
}

function msToUnit(ms: number, unit: TimeUnit, row: number): bigint {
  if (!Number.isFinite(ms)) throw new CastError(`invalid time ${ms} at row ${row}`);
  if (unit === "s" || unit === "ms") {
    const scaled = unit === "s" ? ms / 1000 : ms;
    if (!Number.isInteger(scaled))
      throw new CastError(`time ${ms} ms at row ${row} is not a whole number of ${unit}`);
    return BigInt(scaled);
  }
  // Split off the fraction so that large millisecond counts scale exactly.
  const whole = Math.floor(ms);
  const perMs = PER_MS[unit];
  return BigInt(whole) * BigInt(perMs) + BigInt(Math.round((ms - whole) * perMs));
}

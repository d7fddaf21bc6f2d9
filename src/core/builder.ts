/**
 * Builders: growable columns of unknown final length, used by parsers,
 * `concat` and kernels whose output size is not known up front. A builder
 * is the only mutable object in the core; `finish()` freezes it into a
 * column and the builder must not be used afterwards.
 */
import { bitmapBytes, setBit } from "./bitmap.js";
import { makeChunk, type StorageOf } from "./chunk.js";
import { Column } from "./column.js";
import {
  arrayType,
  type Binary,
  type Dictionary,
  type DType,
  dtypeToString,
  INT_RANGE,
  isBigIntStorage,
  isString,
  type StringType,
  type TypedArray,
  type ValueOf,
} from "./dtype.js";
import { CastError, NDFrameError } from "./errors.js";
import { ListBuilder } from "./list-builder.js";

/** A growable column. */
export interface ColumnBuilder<T extends DType = DType> {
  readonly dtype: T;
  readonly length: number;
  /** Append one value; null or undefined appends a null. */
  append(value: ValueOf<T> | null | undefined): void;
  appendNull(): void;
  /** Freeze into a one-chunk column. The builder is spent afterwards. */
  finish(): Column<T>;
}

/** Validity bits that stay unallocated until the first null. */
class ValidityBuilder {
  bits: Uint8Array | null = null;
  nulls = 0;

  /** Record element `i` as valid. */
  valid(i: number): void {
    if (this.bits !== null) {
      this.#grow(i);
      setBit(this.bits, i);
    }
  }

  /** Record element `i` as null. */
  invalid(i: number): void {
    if (this.bits === null) {
      // every element before i was valid
      this.bits = new Uint8Array(Math.max(bitmapBytes(i + 1), 64));
      for (let k = 0; k < i; k++) setBit(this.bits, k);
    }
    this.#grow(i);
    this.nulls++;
  }

  #grow(i: number): void {
    const bits = this.bits as Uint8Array;
    if (i >>> 3 >= bits.length) {
      const next = new Uint8Array(Math.max(bits.length * 2, bitmapBytes(i + 1)));
      next.set(bits);
      this.bits = next;
    }
  }
}

// Half-open ranges of the 64-bit dtypes as doubles (powers of two, so exact).
const INT64_RANGE = [-(2 ** 63), 2 ** 63] as const;
const UINT64_RANGE = [0, 2 ** 64] as const;

/** Builder for fixed-width numeric and temporal dtypes. */
export class FixedWidthBuilder<T extends DType> implements ColumnBuilder<T> {
  readonly dtype: T;
  length = 0;
  #values: TypedArray;
  #words: Int32Array | null = null;
  readonly #validity = new ValidityBuilder();
  readonly #range: readonly [number, number] | undefined;
  readonly #big: boolean;

  constructor(dtype: T, capacity = 1024) {
    this.dtype = dtype;
    this.#values = new (arrayType(dtype))(Math.max(capacity, 16));
    this.#range = INT_RANGE[dtype.kind];
    this.#big = isBigIntStorage(dtype);
  }

  #reserve(): void {
    if (this.length === this.#values.length) {
      const next = new (arrayType(this.dtype))(this.#values.length * 2);
      (next as Float64Array).set(this.#values as Float64Array);
      this.#values = next;
      this.#words = null;
    }
  }

  append(value: ValueOf<T> | null | undefined): void {
    if (value === null || value === undefined) return this.appendNull();
    if (this.#big) {
      if (typeof value === "number") {
        this.appendNumber(value);
        return;
      }
      if (typeof value !== "bigint") throw this.#bad(value);
      this.#reserve();
      (this.#values as BigInt64Array)[this.length] = value;
      // BigInt64Array wraps silently; check the round trip instead.
      if ((this.#values as BigInt64Array)[this.length] !== value) throw this.#bad(value);
    } else {
      if (typeof value !== "number") throw this.#bad(value);
      this.appendNumber(value);
      return;
    }
    this.#validity.valid(this.length++);
  }

  /**
   * Append a JS number. Integer dtypes require an integer in range (a
   * `CastError` names the value otherwise); 64-bit dtypes take any
   * integer-valued number in their range, stored exactly as the double's
   * value (2 ** 60 → 2n ** 60n), written through a 32-bit view without a BigInt.
   */
  appendNumber(value: number): void {
    const r = this.#range;
    if (r !== undefined) {
      if (!(Number.isInteger(value) && value >= r[0] && value <= r[1])) throw this.#bad(value);
    } else if (this.#big) {
      // Doubles beyond 2^53 are integers; they split exactly into two 32-bit words.
      const r64 = this.dtype.kind === "uint64" ? UINT64_RANGE : INT64_RANGE;
      if (!(Number.isInteger(value) && value >= r64[0] && value < r64[1])) throw this.#bad(value);
      this.#reserve();
      if (this.#words === null) this.#words = new Int32Array(this.#values.buffer, 0, this.#values.length * 2);
      const w = this.#words;
      w[2 * this.length] = value >>> 0;
      w[2 * this.length + 1] = Math.floor(value / 4294967296) | 0;
      this.#validity.valid(this.length++);
      return;
    }
    this.#reserve();
    (this.#values as Float64Array)[this.length] = value;
    this.#validity.valid(this.length++);
  }

  appendNull(): void {
    this.#reserve();
    this.#validity.invalid(this.length++);
  }

  #bad(value: unknown): CastError {
    const shown =
      typeof value === "bigint"
        ? `${value}n`
        : typeof value === "string"
          ? JSON.stringify(value)
          : String(value);
    return new CastError(
      `cannot store ${shown} at row ${this.length} in a column of dtype ${dtypeToString(this.dtype)}`,
    );
  }

  finish(): Column<T> {
    const values = this.#values.subarray(0, this.length) as StorageOf<T>;
    return Column.fromChunk(
      makeChunk({
        dtype: this.dtype,
        length: this.length,
        values,
        validity: this.#validity.bits,
        nullCount: this.#validity.nulls,
      }),
    );
  }
}

/** Builder for bool columns (bit-packed values). */
export class BoolBuilder implements ColumnBuilder<DType & { kind: "bool" }> {
  readonly dtype = { kind: "bool" } as const;
  length = 0;
  #values = new Uint8Array(64);
  readonly #validity = new ValidityBuilder();

  #reserve(): void {
    if (this.length >>> 3 >= this.#values.length) {
      const next = new Uint8Array(this.#values.length * 2);
      next.set(this.#values);
      this.#values = next;
    }
  }

  append(value: boolean | null | undefined): void {
    if (value === null || value === undefined) return this.appendNull();
    if (typeof value !== "boolean") {
      throw new CastError(`cannot store ${String(value)} at row ${this.length} in a column of dtype bool`);
    }
    this.#reserve();
    if (value) setBit(this.#values, this.length);
    this.#validity.valid(this.length++);
  }

  appendNull(): void {
    this.#reserve();
    this.#validity.invalid(this.length++);
  }

  finish(): Column<DType & { kind: "bool" }> {
    return Column.fromChunk(
      makeChunk({
        dtype: this.dtype,
        length: this.length,
        values: this.#values,
        validity: this.#validity.bits,
        nullCount: this.#validity.nulls,
      }),
    ) as Column<DType & { kind: "bool" }>;
  }
}

const encoder = /* @__PURE__ */ new TextEncoder();

/** Builder for utf8, large_utf8 and binary columns. */
export class VarWidthBuilder<T extends StringType | Binary> implements ColumnBuilder<T> {
  readonly dtype: T;
  length = 0;
  #bytes: Uint8Array;
  #used = 0;
  #offsets = new Float64Array(1025);
  readonly #validity = new ValidityBuilder();

  constructor(dtype: T, byteCapacity = 4096) {
    this.dtype = dtype;
    this.#bytes = new Uint8Array(Math.max(byteCapacity, 64));
  }

  #reserve(bytes: number): void {
    if (this.length + 1 >= this.#offsets.length) {
      const next = new Float64Array(this.#offsets.length * 2);
      next.set(this.#offsets);
      this.#offsets = next;
    }
    if (this.#used + bytes > this.#bytes.length) {
      const next = new Uint8Array(Math.max(this.#bytes.length * 2, this.#used + bytes));
      next.set(this.#bytes.subarray(0, this.#used));
      this.#bytes = next;
    }
  }

  append(value: ValueOf<T> | null | undefined): void {
    if (value === null || value === undefined) return this.appendNull();
    if (typeof value === "string" && this.dtype.kind !== "binary") {
      // UTF-8 needs at most 3 bytes per UTF-16 code unit.
      this.#reserve(value.length * 3);
      this.#used += encoder.encodeInto(value, this.#bytes.subarray(this.#used)).written;
    } else if (value instanceof Uint8Array && this.dtype.kind === "binary") {
      this.#reserve(value.length);
      this.#bytes.set(value, this.#used);
      this.#used += value.length;
    } else {
      throw new CastError(
        `cannot store ${String(value)} at row ${this.length} in a column of dtype ${this.dtype.kind}`,
      );
    }
    this.#offsets[++this.length] = this.#used;
    this.#validity.valid(this.length - 1);
  }

  /** Append bytes `[start, end)` of `src` as one value (parsers use this). */
  appendBytes(src: Uint8Array, start: number, end: number): void {
    this.#reserve(end - start);
    this.#bytes.set(src.subarray(start, end), this.#used);
    this.#used += end - start;
    this.#offsets[++this.length] = this.#used;
    this.#validity.valid(this.length - 1);
  }

  appendNull(): void {
    this.#reserve(0);
    this.#offsets[++this.length] = this.#used;
    this.#validity.invalid(this.length - 1);
  }

  finish(): Column<T> {
    const n = this.length;
    let valueOffsets: Int32Array | BigInt64Array;
    if (this.dtype.kind === "large_utf8") {
      valueOffsets = new BigInt64Array(n + 1);
      const w = new Int32Array(valueOffsets.buffer);
      for (let i = 0; i <= n; i++) {
        const o = this.#offsets[i] as number;
        w[2 * i] = o >>> 0;
        w[2 * i + 1] = Math.floor(o / 4294967296);
      }
    } else {
      if (this.#used > 0x7fffffff) {
        throw new NDFrameError(
          `${this.dtype.kind} column of ${this.#used} bytes exceeds 2 GiB; use large_utf8`,
        );
      }
      valueOffsets = new Int32Array(this.#offsets.subarray(0, n + 1));
    }
    return Column.fromChunk(
      makeChunk({
        dtype: this.dtype,
        length: n,
        values: this.#bytes.subarray(0, this.#used) as StorageOf<T>,
        validity: this.#validity.bits,
        nullCount: this.#validity.nulls,
        valueOffsets,
      }),
    );
  }
}

/**
 * Builder for dictionary columns: strings are coded as they arrive, and
 * `finish` sorts the categories by code point (as pandas infers them) and
 * remaps the codes in place.
 */
export class DictionaryBuilder<T extends Dictionary> implements ColumnBuilder<T> {
  readonly dtype: T;
  readonly #codes: FixedWidthBuilder<T["index"]>;
  readonly #dict: VarWidthBuilder<StringType>;
  readonly #lookup = new Map<string, number>();

  constructor(dtype: T) {
    this.dtype = dtype;
    this.#codes = new FixedWidthBuilder(dtype.index);
    this.#dict = new VarWidthBuilder(dtype.value);
  }

  get length(): number {
    return this.#codes.length;
  }

  append(value: string | null | undefined): void {
    if (value === null || value === undefined) {
      this.#codes.appendNull();
      return;
    }
    if (typeof value !== "string") {
      throw new CastError(
        `cannot store ${String(value)} at row ${this.length} in a column of dtype ${dtypeToString(this.dtype)}`,
      );
    }
    let code = this.#lookup.get(value);
    if (code === undefined) {
      code = this.#lookup.size;
      this.#lookup.set(value, code);
      this.#dict.append(value);
    }
    this.#codes.appendNumber(code);
  }

  appendNull(): void {
    this.#codes.appendNull();
  }

  finish(): Column<T> {
    const codes = this.#codes.finish().chunks[0];
    // pandas sorts the categories it infers from values (pd.Categorical, dtype="category"):
    // sort the dictionary and remap the codes in place (the Map iterates in code order)
    const keys = [...this.#lookup.keys()];
    const sorted = keys.slice().sort(byCodePoint);
    let dict: Column<StringType>;
    if (sorted.every((v, k) => v === keys[k])) dict = this.#dict.finish();
    else {
      const remap = new Int32Array(keys.length);
      const b = new VarWidthBuilder(this.dtype.value);
      sorted.forEach((v, k) => {
        remap[this.#lookup.get(v) as number] = k;
        b.append(v);
      });
      dict = b.finish();
      if (codes !== undefined) remapCodes(codes.values as TypedArray, codes.length, remap);
    }
    return Column.fromChunk(
      makeChunk({
        dtype: this.dtype,
        length: codes?.length ?? 0,
        values: codes?.values as unknown as StorageOf<T>,
        validity: codes?.validity ?? null,
        offset: codes?.offset ?? 0,
        dictionary: dict,
      }),
    );
  }
}

/** Compare strings by code point (UTF-8 byte order), not UTF-16 unit: surrogates sort above U+FFFF. */
function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800) x += x >= 0xe000 ? -0x800 : 0x2000;
    if (y >= 0xd800) y += y >= 0xe000 ? -0x800 : 0x2000;
    return x - y;
  }
  return a.length - b.length;
}

/** Replace each code by `remap[code]` in place (64-bit codes through their low word). */
function remapCodes(v: TypedArray, n: number, remap: Int32Array): void {
  if (v instanceof BigInt64Array || v instanceof BigUint64Array) {
    const w = new Int32Array(v.buffer, v.byteOffset, 2 * n);
    for (let i = 0; i < n; i++) w[2 * i] = remap[w[2 * i] as number] as number;
  } else {
    const c = v as Int32Array;
    for (let i = 0; i < n; i++) c[i] = remap[c[i] as number] as number;
  }
}

/**
 * A builder for any dtype.
 *
 * @example
 * ```ts
 * import { columnBuilder, int64 } from "ndframe";
 * const b = columnBuilder(int64);
 * b.append(2n ** 60n);
 * b.appendNull();
 * b.finish().toArray(); // => [1152921504606846976n, null]
 * ```
 */
export function columnBuilder<T extends DType>(dtype: T, capacity?: number): ColumnBuilder<T> {
  const d = dtype as DType;
  if (d.kind === "bool") return new BoolBuilder() as unknown as ColumnBuilder<T>;
  if (isString(d) || d.kind === "binary")
    return new VarWidthBuilder(d, capacity) as unknown as ColumnBuilder<T>;
  if (d.kind === "dictionary") return new DictionaryBuilder(d) as unknown as ColumnBuilder<T>;
  if (d.kind === "list") return new ListBuilder(d) as unknown as ColumnBuilder<T>;
  return new FixedWidthBuilder(dtype, capacity);
}

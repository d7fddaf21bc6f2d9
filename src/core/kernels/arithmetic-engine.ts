/**
 * The machinery under the arithmetic kernels: operands converted to the
 * storage the loops compute in, chunk boundaries of two columns aligned
 * without copying, validity assembled, and the generated loops driven piece
 * by piece into one output buffer.
 * @internal
 */
import { andValidity, bitmapBytes, clearBit, copyBits, filledBits, getBit } from "../bitmap.js";
import { type Chunk, makeChunk, type StorageOf } from "../chunk.js";
import { Column } from "../column.js";
import { type DType, dtypeToString, type NumberArray } from "../dtype.js";
import { CastError, DTypeError } from "../errors.js";
import { signedToNumber, unsignedToNumber, words, wordsToBigInt } from "../int64.js";
import { loops as f32 } from "./arithmetic-loops/f32.js";
import { loops as f64 } from "./arithmetic-loops/f64.js";
import { loops as i8 } from "./arithmetic-loops/i8.js";
import { loops as i16 } from "./arithmetic-loops/i16.js";
import { loops as i32 } from "./arithmetic-loops/i32.js";
import { loops as i64 } from "./arithmetic-loops/i64.js";
import { loops as u8 } from "./arithmetic-loops/u8.js";
import { loops as u16 } from "./arithmetic-loops/u16.js";
import { loops as u32 } from "./arithmetic-loops/u32.js";
import { loops as u64 } from "./arithmetic-loops/u64.js";
import type {
  BinaryLoop,
  BinaryOp,
  CheckedLoop,
  CheckedUnaryLoop,
  LoopSet,
  ScalarArg,
  UnaryLoop,
} from "./arithmetic-support.js";

/** The storage a loop runs over; 64-bit kinds run over Int32Array word views. */
export type StorageKey = "f64" | "f32" | "i8" | "i16" | "i32" | "u8" | "u16" | "u32" | "i64" | "u64";

export const LOOPS: Readonly<Record<StorageKey, LoopSet>> = {
  f64,
  f32,
  i8,
  i16,
  i32,
  u8,
  u16,
  u32,
  i64,
  u64,
};

const CTORS = {
  f64: Float64Array,
  f32: Float32Array,
  i8: Int8Array,
  i16: Int16Array,
  i32: Int32Array,
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
  i64: BigInt64Array,
  u64: BigUint64Array,
} as const;

const KEYS: Partial<Record<string, StorageKey>> = {
  float64: "f64",
  float32: "f32",
  int8: "i8",
  int16: "i16",
  int32: "i32",
  uint8: "u8",
  uint16: "u16",
  uint32: "u32",
  int64: "i64",
  uint64: "u64",
  timestamp: "i64",
  duration: "i64",
};

/** The storage key of a numeric or 64-bit temporal dtype. */
export function storageKey(d: DType): StorageKey {
  const k = KEYS[d.kind];
  if (k === undefined) throw new DTypeError(`no arithmetic storage for dtype ${dtypeToString(d)}`);
  return k;
}

export const isWordKey = (k: StorageKey): boolean => k === "i64" || k === "u64";

/**
 * The values of chunk `c` in storage `key`: the chunk's own buffer when it
 * already has that storage (word view for 64-bit), else a converted copy.
 * Conversions are the widening ones promotion produces, plus bool → number
 * and uint64 → int64, which throws a CastError naming the row of a value
 * beyond 2^63 − 1 (promotion's ★ rule). `row0` is the chunk's first row in
 * the column, for messages.
 */
export function operandArray(c: Chunk, key: StorageKey, row0: number): NumberArray {
  const from = c.dtype.kind;
  const n = c.length;
  const wide = isWordKey(key);
  if (from === "bool") {
    const out = new (wide ? Int32Array : CTORS[key as "f64"])(wide ? 2 * n : n);
    const bits = c.values as Uint8Array;
    const step = wide ? 2 : 1;
    for (let i = 0; i < n; i++) if (getBit(bits, c.offset + i)) out[i * step] = 1;
    return out;
  }
  const src = storageKey(c.dtype);
  if (src === key) {
    return wide ? words(c.values as BigInt64Array) : (c.values as NumberArray);
  }
  if (wide && isWordKey(src)) {
    // uint64 → int64 (or the reverse, which promotion never asks for): same bits, range checked
    const w = words(c.values as BigUint64Array);
    const out = Int32Array.from(w);
    for (let i = 0; i < n; i++) {
      if ((w[2 * i + 1] as number) < 0 && (c.validity === null || getBit(c.validity, c.offset + i))) {
        const v = wordsToBigInt(w[2 * i] as number, w[2 * i + 1] as number, src === "i64");
        throw new CastError(
          `${src === "u64" ? "uint64" : "int64"} value ${v} at row ${row0 + i} does not fit ${key === "i64" ? "int64" : "uint64"}, the dtype this operation computes in`,
        );
      }
    }
    return out;
  }
  if (wide) {
    const v = c.values as NumberArray;
    const out = new Int32Array(2 * n);
    for (let i = 0; i < n; i++) {
      const x = v[i] as number;
      out[2 * i] = x | 0;
      out[2 * i + 1] = x < 0 ? -1 : 0;
    }
    return out;
  }
  const out = new CTORS[key as "f64"](n);
  if (isWordKey(src)) {
    const w = words(c.values as BigInt64Array);
    if (src === "i64")
      for (let i = 0; i < n; i++) out[i] = signedToNumber(w[2 * i] as number, w[2 * i + 1] as number);
    else for (let i = 0; i < n; i++) out[i] = unsignedToNumber(w[2 * i] as number, w[2 * i + 1] as number);
  } else out.set(c.values as NumberArray);
  return out;
}

/** One stretch of rows where both operands sit in a single chunk each. */
export interface Piece {
  start: number;
  length: number;
  a: Chunk | null;
  b: Chunk | null;
}

/**
 * Split the rows at the union of both columns' chunk boundaries, slicing
 * chunks zero-copy, so that differently chunked operands never need a
 * rechunk. A null side is a scalar.
 */
export function pieces(a: Column | null, b: Column | null): Piece[] {
  const ca = a === null ? null : a.chunks;
  const cb = b === null ? null : b.chunks;
  const n = (a ?? b)?.length ?? 0;
  if ((ca === null || ca.length === 1) && (cb === null || cb.length === 1)) {
    return [{ start: 0, length: n, a: ca?.[0] ?? null, b: cb?.[0] ?? null }];
  }
  const out: Piece[] = [];
  let start = 0;
  let ia = 0;
  let ib = 0;
  let oa = 0; // offset into chunk ca[ia]
  let ob = 0;
  while (start < n) {
    const la = ca === null ? Number.POSITIVE_INFINITY : (ca[ia] as Chunk).length - oa;
    const lb = cb === null ? Number.POSITIVE_INFINITY : (cb[ib] as Chunk).length - ob;
    const len = Math.min(la, lb);
    out.push({
      start,
      length: len,
      a: ca === null ? null : sliceOf(ca[ia] as Chunk, oa, len),
      b: cb === null ? null : sliceOf(cb[ib] as Chunk, ob, len),
    });
    start += len;
    oa += len;
    ob += len;
    if (ca !== null && oa === (ca[ia] as Chunk).length) {
      ia++;
      oa = 0;
    }
    if (cb !== null && ob === (cb[ib] as Chunk).length) {
      ib++;
      ob = 0;
    }
  }
  return out;
}

function sliceOf(c: Chunk, start: number, length: number): Chunk {
  if (start === 0 && length === c.length) return c;
  return Column.fromChunk(c).slice(start, start + length).chunks[0] as Chunk;
}

/** The AND of both sides' validity over one piece, fresh at offset 0, or null. */
export function pieceValidity(p: Piece): Uint8Array | null {
  const a = p.a;
  const b = p.b;
  return andValidity(a?.validity ?? null, a?.offset ?? 0, b?.validity ?? null, b?.offset ?? 0, p.length);
}

/** Gathers per-piece validity into one bitmap for the output (null = no nulls). */
export class ValidityOut {
  bits: Uint8Array | null = null;
  constructor(readonly length: number) {}

  put(start: number, len: number, v: Uint8Array | null): void {
    if (v === null && this.bits === null) return;
    if (this.bits === null) {
      if (start === 0 && len === this.length) {
        this.bits = v;
        return;
      }
      this.bits = filledBits(this.length, true);
    }
    copyBits(this.bits, start, v ?? filledBits(len, true), 0, len);
  }
}

/** A fresh values buffer for `n` elements of a numeric or 64-bit temporal dtype. */
export function newStorage(dtype: DType, n: number): NumberArray | BigInt64Array | BigUint64Array {
  return new CTORS[storageKey(dtype)](n);
}

/** A column of `length` nulls of `dtype` (for a null scalar operand). */
export function allNull(dtype: DType, length: number): Column {
  const Ctor = CTORS[storageKey(dtype)];
  return Column.fromChunk(
    makeChunk({
      dtype,
      length,
      values: new Ctor(length) as StorageOf<DType>,
      validity: new Uint8Array(bitmapBytes(length)),
      nullCount: length,
    }),
  );
}

/** A binary operand: a column with its converter, or a scalar already in loop form. */
export type Operand =
  | { col: Column; prep: (c: Chunk, row0: number) => NumberArray }
  | { col: null; scalar: ScalarArg };

export interface BinaryPlan {
  /** Public name, for messages. */
  name: string;
  op: BinaryOp;
  /** Storage the loop runs over. */
  key: StorageKey;
  outDtype: DType;
  checked: boolean;
}

const SYMBOL: Record<BinaryOp, string> = {
  add: "+",
  sub: "-",
  mul: "*",
  div: "/",
  floorDiv: "//",
  mod: "%",
  pow: "**",
};

/** A planned binary operation with its loops resolved, ready to run over pieces. */
export interface BinaryRunner {
  readonly plan: BinaryPlan;
  readonly loop: BinaryLoop;
  readonly checkedLoop: CheckedLoop | undefined;
  readonly wide: boolean;
  /** Integer floorDiv/mod: a zero divisor gives null. */
  readonly zeroDivisor: boolean;
  /** Signed integer pow: a negative exponent throws. */
  readonly signedPow: boolean;
}

/**
 * Resolve the loops of `plan`, and reject a negative scalar exponent of a
 * signed integer pow up front (`sb`: the right operand when it is a scalar).
 */
export function binaryRunner(plan: BinaryPlan, sb: ScalarArg | null): BinaryRunner {
  const { op, key } = plan;
  const set = LOOPS[key];
  const wide = isWordKey(key);
  const intKey = key !== "f64" && key !== "f32";
  const loop = set.binary[op];
  if (loop === undefined) throw new DTypeError(`${plan.name} has no loop for ${key}`);
  const signedPow = op === "pow" && (key === "i8" || key === "i16" || key === "i32" || key === "i64");
  if (signedPow && sb !== null) {
    if (wide ? ((sb as Int32Array)[1] as number) < 0 : (sb as number) < 0) throw negativePower(plan, -1, sb);
  }
  return {
    plan,
    loop,
    checkedLoop: plan.checked && intKey ? set.checked[op] : undefined,
    wide,
    zeroDivisor: intKey && (op === "floorDiv" || op === "mod"),
    signedPow,
  };
}

/**
 * Run `r` over one stretch of `len` rows starting at row `row0` (for
 * messages): `va`/`vb` are the operands in the loop's storage, or null for
 * the scalar `sa`/`sb`; `v` is the stretch's input validity (AND of both
 * sides, offset 0, or null). Writes `o` and returns the output validity.
 */
export function runBinaryPiece(
  r: BinaryRunner,
  o: NumberArray,
  va: NumberArray | null,
  sa: ScalarArg | null,
  vb: NumberArray | null,
  sb: ScalarArg | null,
  v: Uint8Array | null,
  row0: number,
  len: number,
): Uint8Array | null {
  const { plan, loop, checkedLoop, wide } = r;
  if (r.signedPow && vb !== null) {
    const bad = firstNegative(vb, wide, v, len);
    if (bad >= 0) throw negativePower(plan, row0 + bad, vb, bad);
  }
  if (checkedLoop !== undefined) {
    let i = 0;
    for (;;) {
      i =
        va === null
          ? checkedLoop.sv(o, sa as ScalarArg, vb as NumberArray, i, len)
          : vb === null
            ? checkedLoop.vs(o, va, sb as ScalarArg, i, len)
            : checkedLoop.vv(o, va, vb, i, len);
      if (i < 0) break;
      if (v === null || getBit(v, i))
        throw overflow(plan, row0 + i, (va ?? sa) as NumberArray, (vb ?? sb) as NumberArray, i, wide);
      i++;
    }
  } else if (va === null) loop.sv(o, sa as ScalarArg, vb as NumberArray, len);
  else if (vb === null) loop.vs(o, va, sb as ScalarArg, len);
  else loop.vv(o, va, vb, len);
  if (r.zeroDivisor) {
    const d = vb ?? (typeof sb === "number" ? [sb] : (sb as Int32Array));
    return maskZeros(v, d as NumberArray, vb === null, wide, len);
  }
  return v;
}

/** Run a planned binary operation piece by piece into one fresh output chunk. */
export function runBinary(plan: BinaryPlan, a: Operand, b: Operand): Column {
  const sa = a.col === null ? a.scalar : null;
  const sb = b.col === null ? b.scalar : null;
  const r = binaryRunner(plan, sb);
  const n = (a.col ?? b.col)?.length ?? 0;
  const outStorage = new CTORS[storageKey(plan.outDtype)](n);
  const out = r.wide ? words(outStorage as BigInt64Array) : (outStorage as NumberArray);
  const step = r.wide ? 2 : 1;
  const validity = new ValidityOut(n);
  for (const p of pieces(a.col, b.col)) {
    const va = a.col === null ? null : a.prep(p.a as Chunk, p.start);
    const vb = b.col === null ? null : b.prep(p.b as Chunk, p.start);
    const o = out.subarray(p.start * step, (p.start + p.length) * step);
    validity.put(
      p.start,
      p.length,
      runBinaryPiece(r, o, va, sa, vb, sb, pieceValidity(p), p.start, p.length),
    );
  }
  return Column.fromChunk(
    makeChunk({
      dtype: plan.outDtype,
      length: n,
      values: outStorage as StorageOf<DType>,
      validity: validity.bits,
    }),
  );
}

/** Clear the validity of rows whose integer divisor is 0 (null result, see `floorDiv`). */
function maskZeros(v: Uint8Array | null, d: NumberArray, scalar: boolean, wide: boolean, n: number) {
  if (scalar) {
    const zero = wide ? d[0] === 0 && d[1] === 0 : d[0] === 0;
    return zero ? new Uint8Array(bitmapBytes(n)) : v;
  }
  if (!wide) {
    let z = d.indexOf(0);
    if (z < 0) return v;
    const bits = v ?? filledBits(n, true);
    while (z >= 0) {
      clearBit(bits, z);
      z = d.indexOf(0, z + 1);
    }
    return bits;
  }
  let bits = v;
  for (let i = 0; i < n; i++) {
    if (d[2 * i] === 0 && d[2 * i + 1] === 0) {
      bits ??= filledBits(n, true);
      clearBit(bits, i);
    }
  }
  return bits;
}

function firstNegative(e: NumberArray, wide: boolean, v: Uint8Array | null, n: number): number {
  for (let i = 0; i < n; i++) {
    const neg = wide ? (e[2 * i + 1] as number) < 0 : (e[i] as number) < 0;
    if (neg && (v === null || getBit(v, i))) return i;
  }
  return -1;
}

/** Operand value `i` (a column piece) or the scalar, as text for messages. */
function valueAt(x: ScalarArg | NumberArray, i: number, wide: boolean, signed: boolean): string {
  if (typeof x === "number") return String(x);
  const k = wide && x.length === 2 && i > 0 ? 0 : i; // a 64-bit scalar is 2 words
  if (!wide) return String(x[k]);
  return String(wordsToBigInt(x[2 * k] as number, x[2 * k + 1] as number, signed));
}

function overflow(
  plan: BinaryPlan,
  row: number,
  a: ScalarArg | NumberArray,
  b: ScalarArg | NumberArray,
  i: number,
  wide: boolean,
): CastError {
  const signed = plan.key !== "u64";
  const x = valueAt(a, i, wide, signed);
  const y = valueAt(b, i, wide, signed);
  return new CastError(
    `${plan.name} overflows ${dtypeToString(plan.outDtype)} at row ${row}: ${x} ${SYMBOL[plan.op]} ${y} (pass { checked: false } to wrap around as NumPy does)`,
  );
}

function negativePower(plan: BinaryPlan, row: number, e: ScalarArg | NumberArray, i = 0): CastError {
  const wide = isWordKey(plan.key);
  const where = row < 0 ? "" : ` at row ${row}`;
  return new CastError(
    `integers to negative integer powers are not allowed: exponent ${valueAt(e, i, wide, true)}${where} in ${plan.name} on ${dtypeToString(plan.outDtype)} (cast to float64 first)`,
  );
}

/** A unary operation (neg, abs) with its loop resolved. */
export interface UnaryRunner {
  readonly name: string;
  readonly key: StorageKey;
  readonly outDtype: DType;
  readonly loop: UnaryLoop;
  readonly checked: CheckedUnaryLoop | null;
}

/**
 * Run `r` over one stretch of `len` rows starting at row `row0` (for
 * messages); `v` is the stretch's validity (offset 0), consulted only to
 * ignore overflow in null rows.
 */
export function runUnaryPiece(
  r: UnaryRunner,
  o: NumberArray,
  va: NumberArray,
  v: Uint8Array | null,
  row0: number,
  len: number,
): void {
  const { checked } = r;
  if (checked === null) {
    r.loop.run(o, va, len);
    return;
  }
  const wide = isWordKey(r.key);
  for (let i = checked.run(o, va, 0, len); i >= 0; i = checked.run(o, va, i + 1, len)) {
    if (v === null || getBit(v, i)) {
      throw new CastError(
        `${r.name} overflows ${dtypeToString(r.outDtype)} at row ${row0 + i}: ${valueAt(va, i, wide, r.key !== "u64")} (pass { checked: false } to wrap around as NumPy does)`,
      );
    }
  }
}

/** Apply a unary loop (checked or not) over every chunk into one fresh output chunk. */
export function runUnary(r: UnaryRunner, col: Column): Column {
  const n = col.length;
  const wide = isWordKey(r.key);
  const outStorage = new CTORS[storageKey(r.outDtype)](n);
  const out = wide ? words(outStorage as BigInt64Array) : (outStorage as NumberArray);
  const step = wide ? 2 : 1;
  const validity = new ValidityOut(n);
  let start = 0;
  for (const c of col.chunks) {
    const va = operandArray(c, r.key, start);
    const o = out.subarray(start * step, (start + c.length) * step);
    const v = pieceValidity({ start, length: c.length, a: c, b: null });
    runUnaryPiece(r, o, va, v, start, c.length);
    validity.put(start, c.length, v);
    start += c.length;
  }
  return Column.fromChunk(
    makeChunk({
      dtype: r.outDtype,
      length: n,
      values: outStorage as StorageOf<DType>,
      validity: validity.bits,
    }),
  );
}

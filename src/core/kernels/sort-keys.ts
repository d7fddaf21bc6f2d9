/**
 * Order-preserving unsigned keys for every dtype, the input of the radix
 * sort: floats by the usual IEEE trick (flip all bits of negatives, the
 * sign bit of positives), signed integers by flipping the sign bit, 64-bit
 * integers as two 32-bit words read through an Int32Array view (no
 * BigInt), strings by their dense rank in UTF-8 byte order (= code point
 * order), dictionaries by category position (their codes), as pandas sorts
 * a Categorical whether ordered or not. Descending order XORs
 * every key with all ones, which keeps ties in their original order.
 * Missing rows (nulls, and NaN for floats) are not keyed: they are listed
 * apart so that callers can put them first or last.
 * @internal
 */
import type { Chunk } from "../chunk.js";
import { numberOffsets } from "../chunk.js";
import { DTypeError } from "../errors.js";
import { words } from "../int64.js";

/** Keys of the non-missing rows, in visiting order, plus the missing rows. */
export interface ExtractedKeys {
  /** Row positions: `m` keyed rows first, then the missing rows in visiting order. */
  idx: Int32Array;
  m: number;
  lo: Uint32Array;
  hi: Uint32Array | null;
  /** [loMin, loMax, hiMin, hiMax] of the keyed rows' words. */
  range: Float64Array;
}

const SIGN = -2147483648;

/**
 * Keys of chunk `c`, visiting rows in `order` (all rows `0..length` when
 * null). `flip` is 0 for ascending and -1 (all ones) for descending.
 */
export function extractKeys(c: Chunk, order: Int32Array | null, flip: number): ExtractedKeys {
  const n = order === null ? c.length : order.length;
  const idx = new Int32Array(n);
  const lo = new Uint32Array(n);
  const valid = c.validity;
  const off = c.offset;
  const v = c.values;
  const r = new Float64Array(4);
  let hi: Uint32Array | null = null;
  let m: number;
  switch (c.dtype.kind) {
    case "float64":
      hi = new Uint32Array(n);
      m = keysF64(v as Float64Array, valid, off, order, flip, idx, lo, hi, r);
      break;
    case "float32":
      m = keysF32(v as Float32Array, valid, off, order, flip, idx, lo, r);
      break;
    case "int32":
    case "date":
      m = keysI32(v as Int32Array, valid, off, order, flip, idx, lo, r);
      break;
    case "uint32":
      m = keysU32(v as Uint32Array, valid, off, order, flip, idx, lo, r);
      break;
    case "int8":
    case "int16":
    case "uint8":
    case "uint16":
      m = keysSmall(v as Int16Array, valid, off, order, flip, idx, lo, r);
      break;
    case "int64":
    case "timestamp":
    case "duration":
    case "time":
    case "uint64":
      hi = new Uint32Array(n);
      m = keysW64(
        words(v as BigInt64Array),
        c.dtype.kind === "uint64" ? 0 : SIGN,
        valid,
        off,
        order,
        flip,
        idx,
        lo,
        hi,
        r,
      );
      break;
    case "bool":
      m = keysBool(v as Uint8Array, valid, off, order, flip, idx, lo, r);
      break;
    case "utf8":
    case "large_utf8":
    case "binary":
      m = keysU32(stringRanks(c), valid, off, order, flip, idx, lo, r);
      break;
    case "list":
      throw new DTypeError("cannot sort lists (list dtype has no order)");
    case "dictionary":
      // Category order, as pandas sorts a Categorical (ordered or not): the codes themselves.
      return extractKeys({ ...c, dtype: c.dtype.index, dictionary: null } as Chunk, order, flip);
  }
  // missing rows were written from the back; restore their visiting order
  idx.subarray(m).reverse();
  return { idx, m, lo: lo.subarray(0, m), hi: hi === null ? null : hi.subarray(0, m), range: r };
}

function isNull(valid: Uint8Array | null, bit: number): boolean {
  return valid !== null && (((valid[bit >>> 3] as number) >>> (bit & 7)) & 1) === 0;
}

function keysF64(
  v: Float64Array,
  valid: Uint8Array | null,
  off: number,
  order: Int32Array | null,
  flip: number,
  idx: Int32Array,
  lo: Uint32Array,
  hi: Uint32Array,
  r: Float64Array,
): number {
  const w = new Int32Array(v.buffer, v.byteOffset, v.length * 2);
  const n = idx.length;
  if (order === null && valid === null) return keysF64Dense(w, n, flip, idx, lo, hi, r);
  let m = 0;
  let back = n;
  let lmin = 0xffffffff;
  let lmax = 0;
  let hmin = 0xffffffff;
  let hmax = 0;
  for (let j = 0; j < n; j++) {
    const p = order === null ? j : (order[j] as number);
    const x = v[p] as number;
    if (Number.isNaN(x) || isNull(valid, off + p)) {
      idx[--back] = p;
      continue;
    }
    let h = w[2 * p + 1] as number;
    let l = w[2 * p] as number;
    if (x === 0) h = l = 0; // -0 and +0 are equal
    if (h < 0) {
      h = ~h;
      l = ~l;
    } else h ^= SIGN;
    idx[m] = p;
    const hk = (h ^ flip) >>> 0;
    if (hk < hmin) hmin = hk;
    if (hk > hmax) hmax = hk;
    hi[m] = hk;
    const k = (l ^ flip) >>> 0;
    if (k < lmin) lmin = k;
    if (k > lmax) lmax = k;
    lo[m++] = k;
  }
  r[0] = lmin;
  r[1] = lmax;
  r[2] = hmin;
  r[3] = hmax;
  return m;
}

/**
 * keysF64 for the first key of a column without nulls: rows in order, and
 * NaN and ±0 recognized from the bits (one pass over the words only). The
 * low words of doubles span nearly all of 32 bits, so their range is not
 * tracked: it is taken as full.
 */
function keysF64Dense(
  w: Int32Array,
  n: number,
  flip: number,
  idx: Int32Array,
  lo: Uint32Array,
  hi: Uint32Array,
  r: Float64Array,
): number {
  let m = 0;
  let back = n;
  let hmin = 0xffffffff;
  let hmax = 0;
  for (let p = 0; p < n; p++) {
    let h = w[2 * p + 1] as number;
    let l = w[2 * p] as number;
    const mag = h & 0x7fffffff;
    if (mag >= 0x7ff00000 && (mag > 0x7ff00000 || l !== 0)) {
      idx[--back] = p; // NaN: goes with the missing rows
      continue;
    }
    if (mag === 0 && l === 0) h = 0; // -0 and +0 are equal
    if (h < 0) {
      h = ~h;
      l = ~l;
    } else h ^= SIGN;
    idx[m] = p;
    const hk = (h ^ flip) >>> 0;
    if (hk < hmin) hmin = hk;
    if (hk > hmax) hmax = hk;
    hi[m] = hk;
    lo[m++] = (l ^ flip) >>> 0;
  }
  r[0] = 0;
  r[1] = 0xffffffff;
  r[2] = hmin;
  r[3] = hmax;
  return m;
}

function keysF32(
  v: Float32Array,
  valid: Uint8Array | null,
  off: number,
  order: Int32Array | null,
  flip: number,
  idx: Int32Array,
  lo: Uint32Array,
  r: Float64Array,
): number {
  const w = new Int32Array(v.buffer, v.byteOffset, v.length);
  const n = idx.length;
  let m = 0;
  let back = n;
  let lmin = 0xffffffff;
  let lmax = 0;
  const hmin = 0xffffffff;
  const hmax = 0;
  for (let j = 0; j < n; j++) {
    const p = order === null ? j : (order[j] as number);
    const x = v[p] as number;
    if (Number.isNaN(x) || isNull(valid, off + p)) {
      idx[--back] = p;
      continue;
    }
    const bitsOf = x === 0 ? 0 : (w[p] as number);
    idx[m] = p;
    const k = ((bitsOf < 0 ? ~bitsOf : bitsOf ^ SIGN) ^ flip) >>> 0;
    if (k < lmin) lmin = k;
    if (k > lmax) lmax = k;
    lo[m++] = k;
  }
  r[0] = lmin;
  r[1] = lmax;
  r[2] = hmin;
  r[3] = hmax;
  return m;
}

function keysI32(
  v: Int32Array,
  valid: Uint8Array | null,
  off: number,
  order: Int32Array | null,
  flip: number,
  idx: Int32Array,
  lo: Uint32Array,
  r: Float64Array,
): number {
  const n = idx.length;
  const f = flip ^ SIGN;
  let m = 0;
  let back = n;
  let lmin = 0xffffffff;
  let lmax = 0;
  const hmin = 0xffffffff;
  const hmax = 0;
  for (let j = 0; j < n; j++) {
    const p = order === null ? j : (order[j] as number);
    if (isNull(valid, off + p)) {
      idx[--back] = p;
      continue;
    }
    idx[m] = p;
    const k = ((v[p] as number) ^ f) >>> 0;
    if (k < lmin) lmin = k;
    if (k > lmax) lmax = k;
    lo[m++] = k;
  }
  r[0] = lmin;
  r[1] = lmax;
  r[2] = hmin;
  r[3] = hmax;
  return m;
}

/** int8/int16/uint8/uint16 (polymorphic on purpose: small, rarely hot). */
function keysSmall(
  v: Int8Array | Int16Array | Uint8Array | Uint16Array,
  valid: Uint8Array | null,
  off: number,
  order: Int32Array | null,
  flip: number,
  idx: Int32Array,
  lo: Uint32Array,
  r: Float64Array,
): number {
  const n = idx.length;
  const f = flip ^ SIGN;
  let m = 0;
  let back = n;
  let lmin = 0xffffffff;
  let lmax = 0;
  const hmin = 0xffffffff;
  const hmax = 0;
  for (let j = 0; j < n; j++) {
    const p = order === null ? j : (order[j] as number);
    if (isNull(valid, off + p)) {
      idx[--back] = p;
      continue;
    }
    idx[m] = p;
    const k = ((v[p] as number) ^ f) >>> 0;
    if (k < lmin) lmin = k;
    if (k > lmax) lmax = k;
    lo[m++] = k;
  }
  r[0] = lmin;
  r[1] = lmax;
  r[2] = hmin;
  r[3] = hmax;
  return m;
}

function keysU32(
  v: Uint32Array,
  valid: Uint8Array | null,
  off: number,
  order: Int32Array | null,
  flip: number,
  idx: Int32Array,
  lo: Uint32Array,
  r: Float64Array,
): number {
  const n = idx.length;
  let m = 0;
  let back = n;
  let lmin = 0xffffffff;
  let lmax = 0;
  const hmin = 0xffffffff;
  const hmax = 0;
  for (let j = 0; j < n; j++) {
    const p = order === null ? j : (order[j] as number);
    if (isNull(valid, off + p)) {
      idx[--back] = p;
      continue;
    }
    idx[m] = p;
    const k = ((v[p] as number) ^ flip) >>> 0;
    if (k < lmin) lmin = k;
    if (k > lmax) lmax = k;
    lo[m++] = k;
  }
  r[0] = lmin;
  r[1] = lmax;
  r[2] = hmin;
  r[3] = hmax;
  return m;
}

function keysW64(
  w: Int32Array,
  sign: number,
  valid: Uint8Array | null,
  off: number,
  order: Int32Array | null,
  flip: number,
  idx: Int32Array,
  lo: Uint32Array,
  hi: Uint32Array,
  r: Float64Array,
): number {
  const n = idx.length;
  const f = flip ^ sign;
  let m = 0;
  let back = n;
  let lmin = 0xffffffff;
  let lmax = 0;
  let hmin = 0xffffffff;
  let hmax = 0;
  for (let j = 0; j < n; j++) {
    const p = order === null ? j : (order[j] as number);
    if (isNull(valid, off + p)) {
      idx[--back] = p;
      continue;
    }
    idx[m] = p;
    const hk = ((w[2 * p + 1] as number) ^ f) >>> 0;
    if (hk < hmin) hmin = hk;
    if (hk > hmax) hmax = hk;
    hi[m] = hk;
    const k = ((w[2 * p] as number) ^ flip) >>> 0;
    if (k < lmin) lmin = k;
    if (k > lmax) lmax = k;
    lo[m++] = k;
  }
  r[0] = lmin;
  r[1] = lmax;
  r[2] = hmin;
  r[3] = hmax;
  return m;
}

function keysBool(
  bits: Uint8Array,
  valid: Uint8Array | null,
  off: number,
  order: Int32Array | null,
  flip: number,
  idx: Int32Array,
  lo: Uint32Array,
  r: Float64Array,
): number {
  const n = idx.length;
  const f = flip & 1;
  let m = 0;
  let back = n;
  let lmin = 0xffffffff;
  let lmax = 0;
  const hmin = 0xffffffff;
  const hmax = 0;
  for (let j = 0; j < n; j++) {
    const p = order === null ? j : (order[j] as number);
    const b = off + p;
    if (isNull(valid, b)) {
      idx[--back] = p;
      continue;
    }
    idx[m] = p;
    const k = ((((bits[b >>> 3] as number) >>> (b & 7)) & 1) ^ f) >>> 0;
    if (k < lmin) lmin = k;
    if (k > lmax) lmax = k;
    lo[m++] = k;
  }
  r[0] = lmin;
  r[1] = lmax;
  r[2] = hmin;
  r[3] = hmax;
  return m;
}

// ---------------------------------------------------------------------------
// Strings

/**
 * Dense rank of every row of a var-width chunk in byte order (0 for null
 * rows, which callers skip): rows are sorted by a comparison sort on their
 * first four bytes (big-endian) and then on the remaining bytes.
 */
export function stringRanks(c: Chunk): Uint32Array {
  const n = c.length;
  const offs = numberOffsets(c);
  const bytes = c.values as Uint8Array;
  const valid = c.validity;
  const rows: number[] = [];
  const head = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    if (isNull(valid, c.offset + i)) continue;
    rows.push(i);
    const s = offs[i] as number;
    const e = offs[i + 1] as number;
    let h = 0;
    for (let k = 0; k < 4; k++) h = h * 256 + (s + k < e ? (bytes[s + k] as number) : 0);
    head[i] = h;
  }
  const cmp = (a: number, b: number): number => {
    const ha = head[a] as number;
    const hb = head[b] as number;
    if (ha !== hb) return ha < hb ? -1 : 1;
    return compareBytes(bytes, offs, a, b);
  };
  rows.sort(cmp);
  const ranks = new Uint32Array(n);
  let r = 0;
  for (let k = 1; k < rows.length; k++) {
    if (cmp(rows[k - 1] as number, rows[k] as number) !== 0) r++;
    ranks[rows[k] as number] = r;
  }
  return ranks;
}

function compareBytes(bytes: Uint8Array, offs: Int32Array | Float64Array, a: number, b: number): number {
  let i = offs[a] as number;
  let j = offs[b] as number;
  const ea = offs[a + 1] as number;
  const eb = offs[b + 1] as number;
  for (; i < ea && j < eb; i++, j++) {
    const x = bytes[i] as number;
    const y = bytes[j] as number;
    if (x !== y) return x < y ? -1 : 1;
  }
  const la = ea - i;
  const lb = eb - j;
  return la === lb ? 0 : la < lb ? -1 : 1;
}

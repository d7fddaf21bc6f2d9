/**
 * Hand-written TypedArray loops: the reference ndframe is measured against.
 * One function per storage type keeps each loop monomorphic. int64 arrays
 * arrive as Int32Array word views (lo = w[2i], hi = w[2i + 1]).
 */

const TWO32 = 4294967296;

// ---------------------------------------------------------------- element-wise

export function addF64(a: Float64Array, b: Float64Array): Float64Array {
  const n = a.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (a[i] as number) + (b[i] as number);
  return out;
}

export function addI32(a: Int32Array, b: Int32Array): Int32Array {
  const n = a.length;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = ((a[i] as number) + (b[i] as number)) | 0;
  return out;
}

/** 64-bit add with carry, wrapping like int64. */
export function addI64(a: Int32Array, b: Int32Array): Int32Array {
  const m = a.length;
  const out = new Int32Array(m);
  for (let j = 0; j < m; j += 2) {
    const lo = ((a[j] as number) >>> 0) + ((b[j] as number) >>> 0);
    out[j] = lo | 0;
    out[j + 1] = ((a[j + 1] as number) + (b[j + 1] as number) + (lo >= TWO32 ? 1 : 0)) | 0;
  }
  return out;
}

export function mulAddF64(a: Float64Array, b: Float64Array, c: Float64Array): Float64Array {
  const n = a.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (a[i] as number) * (b[i] as number) + (c[i] as number);
  return out;
}

export function mulAddI32(a: Int32Array, b: Int32Array, c: Int32Array): Int32Array {
  const n = a.length;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = (Math.imul(a[i] as number, b[i] as number) + (c[i] as number)) | 0;
  return out;
}

/**
 * a * b + c modulo 2^64 on word pairs: the low words' full 64-bit product
 * from 16-bit halves (every partial product stays below 2^53), the cross
 * terms only mod 2^32 (Math.imul).
 */
export function mulAddI64(a: Int32Array, b: Int32Array, c: Int32Array): Int32Array {
  const m = a.length;
  const out = new Int32Array(m);
  for (let j = 0; j < m; j += 2) {
    const al = (a[j] as number) >>> 0;
    const ah = a[j + 1] as number;
    const bl = (b[j] as number) >>> 0;
    const bh = b[j + 1] as number;
    const a0 = al & 0xffff;
    const a1 = al >>> 16;
    const b0 = bl & 0xffff;
    const b1 = bl >>> 16;
    const mid = a0 * b1 + a1 * b0; // < 2^33
    const low = a0 * b0 + (mid % 65536) * 65536; // < 2^33
    const carry = Math.floor(low / TWO32);
    const high = a1 * b1 + Math.floor(mid / 65536) + carry; // high word of al * bl
    const pl = low >>> 0;
    const ph = high + Math.imul(al, bh) + Math.imul(ah, bl);
    const lo = pl + ((c[j] as number) >>> 0);
    out[j] = lo | 0;
    out[j + 1] = (ph + (c[j + 1] as number) + (lo >= TWO32 ? 1 : 0)) | 0;
  }
  return out;
}

// ---------------------------------------------------------------- reductions

export function sumF64(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] as number;
  return s;
}

/** Neumaier's improved Kahan–Babuška summation (Neumaier 1974). */
export function sumF64Neumaier(a: Float64Array): number {
  let s = 0;
  let comp = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] as number;
    const t = s + v;
    if (Math.abs(s) >= Math.abs(v)) comp += s - t + v;
    else comp += v - t + s;
    s = t;
  }
  return s + comp;
}

/** int32 sum in a double: exact while |sum| < 2^53 (always for n < 2^22, and for bench data). */
export function sumI32(a: Int32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] as number;
  return s;
}

/**
 * Exact int64 sum (wrapping like int64): low words summed as unsigned in a
 * double, high words as signed, normalized every 2^20 rows before either
 * can pass 2^53.
 */
export function sumI64(w: Int32Array): bigint {
  const n = w.length >> 1;
  let lo = 0;
  let hi = 0;
  for (let start = 0; start < n; start += 1048576) {
    const end = Math.min(n, start + 1048576);
    for (let i = start; i < end; i++) {
      lo += (w[2 * i] as number) >>> 0;
      hi += w[2 * i + 1] as number;
    }
    const carry = Math.floor(lo / TWO32);
    lo -= carry * TWO32;
    hi = (hi + carry) | 0;
  }
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/** Sample standard deviation (ddof 1), two passes. */
export function stdF64(a: Float64Array): number {
  const n = a.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] as number;
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - mean;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1));
}

export function stdI32(a: Int32Array): number {
  const n = a.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] as number;
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - mean;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1));
}

export function stdI64(w: Int32Array): number {
  const n = w.length >> 1;
  let s = 0;
  for (let i = 0; i < n; i++) s += (w[2 * i + 1] as number) * TWO32 + ((w[2 * i] as number) >>> 0);
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (w[2 * i + 1] as number) * TWO32 + ((w[2 * i] as number) >>> 0) - mean;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1));
}

export function minF64(a: Float64Array): number {
  let m = Number.POSITIVE_INFINITY;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] as number;
    if (v < m) m = v;
  }
  return m;
}

export function minI32(a: Int32Array): number {
  let m = 2147483647;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] as number;
    if (v < m) m = v;
  }
  return m;
}

/** Minimum of int64 words: compare the signed high word, then the unsigned low word. */
export function minI64(w: Int32Array): number {
  let mh = 2147483647;
  let ml = 4294967295;
  for (let j = 0; j < w.length; j += 2) {
    const h = w[j + 1] as number;
    if (h < mh || (h === mh && (w[j] as number) >>> 0 < ml)) {
      mh = h;
      ml = (w[j] as number) >>> 0;
    }
  }
  return mh * TWO32 + ml;
}

// ---------------------------------------------------------------- filter

export function filterGtF64(a: Float64Array, t: number): Float64Array {
  const out = new Float64Array(a.length);
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] as number;
    if (v > t) out[k++] = v;
  }
  return out.subarray(0, k);
}

export function filterGtI32(a: Int32Array, t: number): Int32Array {
  const out = new Int32Array(a.length);
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] as number;
    if (v > t) out[k++] = v;
  }
  return out.subarray(0, k);
}

/** Keep int64 values above a safe-integer threshold, comparing words. */
export function filterGtI64(w: Int32Array, t: number): Int32Array {
  const th = Math.floor(t / TWO32);
  const tl = t - th * TWO32;
  const out = new Int32Array(w.length);
  let k = 0;
  for (let j = 0; j < w.length; j += 2) {
    const h = w[j + 1] as number;
    const l = w[j] as number;
    if (h > th || (h === th && l >>> 0 > tl)) {
      out[k] = l;
      out[k + 1] = h;
      k += 2;
    }
  }
  return out.subarray(0, k);
}

export interface Utf8Arrays {
  readonly length: number;
  readonly offsets: Int32Array;
  readonly bytes: Uint8Array;
}

/** Keep the strings whose row has a[i] > t: one pass to size, one to copy. */
export function filterStringsByF64(s: Utf8Arrays, a: Float64Array, t: number): Utf8Arrays {
  const n = a.length;
  const so = s.offsets;
  const sb = s.bytes;
  let rows = 0;
  let size = 0;
  for (let i = 0; i < n; i++) {
    if ((a[i] as number) > t) {
      rows++;
      size += (so[i + 1] as number) - (so[i] as number);
    }
  }
  const offsets = new Int32Array(rows + 1);
  const bytes = new Uint8Array(size);
  let r = 0;
  let p = 0;
  for (let i = 0; i < n; i++) {
    if ((a[i] as number) > t) {
      const end = so[i + 1] as number;
      for (let q = so[i] as number; q < end; q++) bytes[p++] = sb[q] as number;
      offsets[++r] = p;
    }
  }
  return { length: rows, offsets, bytes };
}

// ---------------------------------------------------------------- take

export function takeF64(a: Float64Array, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = a[idx[i] as number] as number;
  return out;
}

export function takeI32(a: Int32Array, idx: Int32Array): Int32Array {
  const out = new Int32Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = a[idx[i] as number] as number;
  return out;
}

export function takeI64(w: Int32Array, idx: Int32Array): Int32Array {
  const out = new Int32Array(idx.length * 2);
  for (let i = 0; i < idx.length; i++) {
    const j = 2 * (idx[i] as number);
    out[2 * i] = w[j] as number;
    out[2 * i + 1] = w[j + 1] as number;
  }
  return out;
}

export function takeStrings(s: Utf8Arrays, idx: Int32Array): Utf8Arrays {
  const m = idx.length;
  const so = s.offsets;
  const sb = s.bytes;
  const offsets = new Int32Array(m + 1);
  let size = 0;
  for (let i = 0; i < m; i++) {
    const j = idx[i] as number;
    size += (so[j + 1] as number) - (so[j] as number);
    offsets[i + 1] = size;
  }
  const bytes = new Uint8Array(size);
  let p = 0;
  for (let i = 0; i < m; i++) {
    const j = idx[i] as number;
    const end = so[j + 1] as number;
    for (let q = so[j] as number; q < end; q++) bytes[p++] = sb[q] as number;
  }
  return { length: m, offsets, bytes };
}

// ---------------------------------------------------------------- argsort

/**
 * Stable LSD radix argsort of unsigned 32-bit key pairs (hi, lo), 16-bit
 * digits, low digit first; keys travel with the indices so every pass reads
 * sequentially. Passes whose digit is constant are skipped.
 */
function radixArgsort(hi: Uint32Array, lo: Uint32Array | null): Int32Array {
  const n = hi.length;
  let idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  let idx2 = new Int32Array(n);
  let kh: Uint32Array = hi;
  let kh2: Uint32Array = new Uint32Array(n);
  let kl: Uint32Array | null = lo;
  let kl2: Uint32Array | null = lo === null ? null : new Uint32Array(n);
  const count = new Int32Array(65536);
  const passes = lo === null ? 2 : 4;
  for (let pass = 0; pass < passes; pass++) {
    const useLo = lo !== null && pass < 2;
    const src = useLo ? (kl as Uint32Array) : kh;
    const shift = pass % 2 === 0 ? 0 : 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[((src[i] as number) >>> shift) & 0xffff]++;
    if (count[((src[0] as number) >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d] as number;
      count[d] = sum;
      sum += c;
    }
    // carry only the keys a later pass still reads
    const carryHi = pass < passes - 1;
    const carryLo = kl !== null && pass === 0;
    for (let i = 0; i < n; i++) {
      const d = ((src[i] as number) >>> shift) & 0xffff;
      const to = count[d] as number;
      count[d] = to + 1;
      idx2[to] = idx[i] as number;
      if (carryHi) kh2[to] = kh[i] as number;
      if (carryLo) (kl2 as Uint32Array)[to] = (kl as Uint32Array)[i] as number;
    }
    [idx, idx2] = [idx2, idx];
    if (carryHi) [kh, kh2] = [kh2, kh];
    if (carryLo) [kl, kl2] = [kl2 as Uint32Array, kl as Uint32Array];
  }
  return idx;
}

/** Argsort float64 (no NaN in bench data): the IEEE bits mapped to an unsigned order, then radix. */
export function argsortF64(a: Float64Array): Int32Array {
  const n = a.length;
  const w = new Uint32Array(a.buffer, a.byteOffset, n * 2);
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = w[2 * i + 1] as number;
    const l = w[2 * i] as number;
    if (h >>> 31 === 1) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  return radixArgsort(hi, lo);
}

export function argsortI32(a: Int32Array): Int32Array {
  const n = a.length;
  const key = new Uint32Array(n);
  for (let i = 0; i < n; i++) key[i] = ((a[i] as number) ^ 0x80000000) >>> 0;
  return radixArgsort(key, null);
}

// ---------------------------------------------------------------- factorize

export interface Factorized {
  readonly codes: Int32Array;
  /** The uniques in order of first appearance (their first rows for strings). */
  readonly uniques: ArrayLike<number>;
  readonly count: number;
}

/** Codes in order of first appearance through a JS Map. */
export function factorizeI32(a: Int32Array): Factorized {
  const n = a.length;
  const codes = new Int32Array(n);
  const map = new Map<number, number>();
  const uniques: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = a[i] as number;
    let c = map.get(v);
    if (c === undefined) {
      c = uniques.length;
      map.set(v, c);
      uniques.push(v);
    }
    codes[i] = c;
  }
  return { codes, uniques: Int32Array.from(uniques), count: uniques.length };
}

/** Map keyed by the value as a double: exact below 2^53, as bench keys are. */
export function factorizeI64(w: Int32Array): Factorized {
  const n = w.length >> 1;
  const codes = new Int32Array(n);
  const map = new Map<number, number>();
  const firsts: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = (w[2 * i + 1] as number) * TWO32 + ((w[2 * i] as number) >>> 0);
    let c = map.get(v);
    if (c === undefined) {
      c = firsts.length;
      map.set(v, c);
      firsts.push(i);
    }
    codes[i] = c;
  }
  return { codes, uniques: firsts, count: firsts.length };
}

/**
 * Strings hashed from their UTF-8 bytes (FNV-1a) into an open-addressing
 * table, compared byte-wise; no JS string is ever created. Uniques are the
 * first row of each level.
 */
export function factorizeStrings(s: Utf8Arrays): Factorized {
  const n = s.length;
  const so = s.offsets;
  const sb = s.bytes;
  const codes = new Int32Array(n);
  let cap = 1024;
  let table = new Int32Array(cap); // code + 1, 0 = empty
  let firsts = new Int32Array(512);
  let hashes = new Int32Array(512);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const start = so[i] as number;
    const end = so[i + 1] as number;
    let h = 0x811c9dc5;
    for (let q = start; q < end; q++) h = Math.imul(h ^ (sb[q] as number), 0x01000193);
    let slot = h & (cap - 1);
    for (;;) {
      const e = table[slot] as number;
      if (e === 0) {
        if (count === firsts.length) {
          const f2 = new Int32Array(count * 2);
          f2.set(firsts);
          firsts = f2;
          const h2 = new Int32Array(count * 2);
          h2.set(hashes);
          hashes = h2;
        }
        firsts[count] = i;
        hashes[count] = h;
        codes[i] = count++;
        table[slot] = count;
        if (count * 2 > cap) {
          cap *= 2;
          table = new Int32Array(cap);
          for (let c = 0; c < count; c++) {
            let t = (hashes[c] as number) & (cap - 1);
            while (table[t] !== 0) t = (t + 1) & (cap - 1);
            table[t] = c + 1;
          }
        }
        break;
      }
      const c = e - 1;
      if (hashes[c] === h) {
        const f = firsts[c] as number;
        const fs = so[f] as number;
        const len = end - start;
        if ((so[f + 1] as number) - fs === len) {
          let q = 0;
          while (q < len && sb[fs + q] === sb[start + q]) q++;
          if (q === len) {
            codes[i] = c;
            break;
          }
        }
      }
      slot = (slot + 1) & (cap - 1);
    }
  }
  return { codes, uniques: firsts.subarray(0, count), count };
}

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

export function mulF64(a: Float64Array, b: Float64Array): Float64Array {
  const n = a.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (a[i] as number) * (b[i] as number);
  return out;
}

export function mulI32(a: Int32Array, b: Int32Array): Int32Array {
  const n = a.length;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.imul(a[i] as number, b[i] as number);
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
  // pass 1: one random read of the offsets per row, remembered for pass 2
  const offsets = new Int32Array(m + 1);
  const starts = new Int32Array(m);
  let size = 0;
  for (let i = 0; i < m; i++) {
    const j = idx[i] as number;
    const a = so[j] as number;
    starts[i] = a;
    size += (so[j + 1] as number) - a;
    offsets[i + 1] = size;
  }
  // pass 2: copy the bytes (short strings: a byte loop beats subarray + set)
  const bytes = new Uint8Array(size);
  for (let i = 0; i < m; i++) {
    let q = starts[i] as number;
    const end = offsets[i + 1] as number;
    for (let p = offsets[i] as number; p < end; p++) bytes[p] = sb[q++] as number;
  }
  return { length: m, offsets, bytes };
}

// ---------------------------------------------------------------- argsort

/**
 * Stable LSD radix argsort of unsigned 32-bit key words (hi, and lo for
 * 64-bit keys), 8-bit digits, low digit first. The byte histograms of all
 * passes come from one read pass; keys travel with the indices so that every
 * pass reads sequentially, and a pass whose digit is constant is skipped.
 * (8-bit digits with travelling keys measured fastest here, against 11- and
 * 16-bit digits and against reading keys through the index.)
 */
function radixArgsort(hi: Uint32Array, lo: Uint32Array | null): Int32Array {
  const n = hi.length;
  const loPasses = lo === null ? 0 : 4;
  const passes = loPasses + 4;
  const counts = new Int32Array(passes * 256);
  for (let i = 0; i < n; i++) {
    const h = hi[i] as number;
    counts[loPasses * 256 + (h & 255)]++;
    counts[(loPasses + 1) * 256 + ((h >>> 8) & 255)]++;
    counts[(loPasses + 2) * 256 + ((h >>> 16) & 255)]++;
    counts[(loPasses + 3) * 256 + (h >>> 24)]++;
  }
  if (lo !== null) {
    for (let i = 0; i < n; i++) {
      const l = lo[i] as number;
      counts[l & 255]++;
      counts[256 + ((l >>> 8) & 255)]++;
      counts[512 + ((l >>> 16) & 255)]++;
      counts[768 + (l >>> 24)]++;
    }
  }
  let idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  let idx2 = new Int32Array(n);
  let kh: Uint32Array = hi;
  let kh2: Uint32Array = new Uint32Array(n);
  let kl: Uint32Array = lo ?? hi;
  let kl2: Uint32Array = lo === null ? kh2 : new Uint32Array(n);
  for (let pass = 0; pass < passes; pass++) {
    const src = pass < loPasses ? kl : kh;
    const shift = (pass % 4) * 8;
    const base = pass * 256;
    if (counts[base + (((src[0] as number) >>> shift) & 255)] === n) continue;
    let sum = 0;
    for (let d = base; d < base + 256; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    // carry only the keys a later pass still reads (one loop per case, no branch inside)
    const carryLo = pass < loPasses - 1;
    const carryHi = pass < passes - 1;
    if (carryLo) {
      for (let i = 0; i < n; i++) {
        const to = counts[base + (((src[i] as number) >>> shift) & 255)]++ as number;
        idx2[to] = idx[i] as number;
        kl2[to] = kl[i] as number;
        kh2[to] = kh[i] as number;
      }
      [kl, kl2] = [kl2, kl];
      [kh, kh2] = [kh2, kh];
    } else if (carryHi) {
      for (let i = 0; i < n; i++) {
        const to = counts[base + (((src[i] as number) >>> shift) & 255)]++ as number;
        idx2[to] = idx[i] as number;
        kh2[to] = kh[i] as number;
      }
      [kh, kh2] = [kh2, kh];
    } else {
      for (let i = 0; i < n; i++) {
        const to = counts[base + (((src[i] as number) >>> shift) & 255)]++ as number;
        idx2[to] = idx[i] as number;
      }
    }
    [idx, idx2] = [idx2, idx];
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
 * Strings hashed from their UTF-8 bytes (FNV-1a + fmix32) into an
 * open-addressing table of (code + 1, hash) pairs; each new string's bytes
 * are copied into a compact arena, so that comparisons touch a few hundred
 * KB instead of the whole column. No JS string is ever created. The
 * uniques are returned as offsets into the arena.
 */
export function factorizeStrings(s: Utf8Arrays): Factorized {
  const n = s.length;
  const so = s.offsets;
  const sb = s.bytes;
  const codes = new Int32Array(n);
  let cap = 1024;
  let table = new Int32Array(cap * 2);
  let arena = new Uint8Array(1 << 16);
  let used = 0;
  let uoff = new Int32Array(1024);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const start = so[i] as number;
    const end = so[i + 1] as number;
    const len = end - start;
    let h = 0x811c9dc5;
    for (let q = start; q < end; q++) h = Math.imul(h ^ (sb[q] as number), 0x01000193);
    // FNV's low bits depend only on the bytes' low bits (digits differ in 4):
    // finish with MurmurHash3's fmix32 before masking
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let slot = h & (cap - 1);
    for (;;) {
      const e = table[2 * slot] as number;
      if (e === 0) {
        if (used + len > arena.length) {
          const next = new Uint8Array(Math.max(arena.length * 2, used + len));
          next.set(arena);
          arena = next;
        }
        if (count + 2 > uoff.length) {
          const next = new Int32Array(uoff.length * 2);
          next.set(uoff);
          uoff = next;
        }
        for (let q = start; q < end; q++) arena[used++] = sb[q] as number;
        uoff[count + 1] = used;
        table[2 * slot] = count + 1;
        table[2 * slot + 1] = h;
        codes[i] = count++;
        if (count * 2 > cap) {
          const old = table;
          cap *= 2;
          table = new Int32Array(cap * 2);
          for (let t = 0; t < old.length; t += 2) {
            if (old[t] === 0) continue;
            let to = (old[t + 1] as number) & (cap - 1);
            while (table[2 * to] !== 0) to = (to + 1) & (cap - 1);
            table[2 * to] = old[t] as number;
            table[2 * to + 1] = old[t + 1] as number;
          }
        }
        break;
      }
      if (table[2 * slot + 1] === h) {
        const c = e - 1;
        const us = uoff[c] as number;
        if ((uoff[c + 1] as number) - us === len) {
          let q = 0;
          while (q < len && arena[us + q] === sb[start + q]) q++;
          if (q === len) {
            codes[i] = c;
            break;
          }
        }
      }
      slot = (slot + 1) & (cap - 1);
    }
  }
  return { codes, uniques: uoff.subarray(0, count + 1), count };
}

/**
 * Hashing primitives and the open-addressing tables behind `factorize`.
 *
 * Every table maps values to dense codes in order of first appearance. The
 * slot array is a power-of-two `Int32Array` holding codes (-1 = empty) with
 * linear probing and a load factor of at most 1/2; keys live in a separate
 * dense array indexed by code, so the uniques come out of the table without
 * a gather. Each table has one `run` method per storage type so that V8
 * keeps every hot loop monomorphic; `run` either inserts (factorize) or only
 * probes (index lookups), writing codes (-1 for nulls and misses) into
 * `codes[at + i]`.
 * @internal
 */

/** Murmur3's 32-bit finalizer (Austin Appleby, public domain): full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Hash of the 64-bit value with words `lo`, `hi`. */
export function hash64(lo: number, hi: number): number {
  return fmix32(lo ^ Math.imul(hi ^ (hi >>> 16), 0x9e3779b1));
}

/**
 * MurmurHash3_x86_32 (Austin Appleby, public domain; seed 0) of bytes
 * `[start, end)`, reading little-endian 32-bit words through a DataView
 * (V8 compiles unaligned DataView reads to single loads). `dv` views the
 * same bytes as `b`.
 */
export function hashBytes(dv: DataView, b: Uint8Array, start: number, end: number): number {
  let h = 0;
  let p = start;
  for (; p + 4 <= end; p += 4) {
    let k = Math.imul(dv.getInt32(p, true), 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h ^= k;
    h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
  }
  const rest = end - p;
  if (rest > 0) {
    let k = b[p] as number;
    if (rest > 1) k ^= (b[p + 1] as number) << 8;
    if (rest > 2) k ^= (b[p + 2] as number) << 16;
    k = Math.imul(k, 0xcc9e2d51);
    h ^= Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  }
  return fmix32(h ^ (end - start));
}

/** True when bytes `[s1, s1 + len)` of `a` equal `[s2, s2 + len)` of `b` (4 bytes at a time). */
export function bytesEqual(
  da: DataView,
  a: Uint8Array,
  s1: number,
  db: DataView,
  b: Uint8Array,
  s2: number,
  len: number,
): boolean {
  let j = 0;
  for (; j + 4 <= len; j += 4) if (da.getInt32(s1 + j) !== db.getInt32(s2 + j)) return false;
  for (; j < len; j++) if (a[s1 + j] !== b[s2 + j]) return false;
  return true;
}

/** True when bit `i` of a validity bitmap is clear (the element is null). @internal */
export const isNull = (v: Uint8Array, i: number): boolean => (((v[i >>> 3] as number) >>> (i & 7)) & 1) === 0;

export function emptySlots(cap: number): Int32Array {
  return new Int32Array(cap).fill(-1);
}

const MIN_CAP = 64;

/** Smallest power of two >= 2 * n (at least MIN_CAP). */
export function capacityFor(n: number): number {
  let cap = MIN_CAP;
  while (cap < 2 * n) cap *= 2;
  return cap;
}

/**
 * Hash table of 32-bit keys (int32, date, uint32 and float32 bit patterns).
 * Slots hold [code (-1 = empty), key] side by side so that a probe touches
 * one cache line; `keys` lists the uniques by code.
 */
export class Int32Table {
  slots: Int32Array;
  shift: number;
  keys: Int32Array;
  size = 0;

  constructor(expected = 0) {
    const cap = capacityFor(expected);
    this.slots = emptySlots(2 * cap);
    this.shift = 32 - Math.log2(cap);
    this.keys = new Int32Array(cap >>> 1);
  }

  #grow(): void {
    const cap = this.slots.length; // doubled: two ints per slot
    const slots = emptySlots(2 * cap);
    const shift = 32 - Math.log2(cap);
    const mask = cap - 1;
    const keys = new Int32Array(cap >>> 1);
    keys.set(this.keys);
    for (let c = 0; c < this.size; c++) {
      const v = keys[c] as number;
      let s = Math.imul(v, 0x9e3779b1) >>> shift;
      while (slots[2 * s] !== -1) s = (s + 1) & mask;
      slots[2 * s] = c;
      slots[2 * s + 1] = v;
    }
    this.slots = slots;
    this.shift = shift;
    this.keys = keys;
  }

  /** Code every element of `values` (fibonacci hashing: the slot is the top bits of v * 2^32/phi). */
  run(
    values: Int32Array,
    validity: Uint8Array | null,
    off: number,
    n: number,
    codes: Int32Array,
    at: number,
    insert: boolean,
  ): void {
    let slots = this.slots;
    let shift = this.shift;
    let mask = (slots.length >>> 1) - 1;
    let size = this.size;
    for (let i = 0; i < n; i++) {
      if (validity !== null && isNull(validity, off + i)) {
        codes[at + i] = -1;
        continue;
      }
      const v = values[i] as number;
      let s = Math.imul(v, 0x9e3779b1) >>> shift;
      let c = slots[2 * s] as number;
      while (c !== -1 && slots[2 * s + 1] !== v) {
        s = (s + 1) & mask;
        c = slots[2 * s] as number;
      }
      if (c === -1 && insert) {
        c = size++;
        slots[2 * s] = c;
        slots[2 * s + 1] = v;
        this.keys[c] = v;
        if (2 * size > mask) {
          this.size = size;
          this.#grow();
          slots = this.slots;
          shift = this.shift;
          mask = (slots.length >>> 1) - 1;
        }
      }
      codes[at + i] = c;
    }
    this.size = size;
  }

  /** `run` for float32 data seen as int32 bits: -0 joins 0, every NaN joins one NaN. */
  runFloat32(
    bits: Int32Array,
    validity: Uint8Array | null,
    off: number,
    n: number,
    codes: Int32Array,
    at: number,
    insert: boolean,
  ): void {
    const tmp = new Int32Array(Math.min(n, 4096));
    for (let b = 0; b < n; b += tmp.length) {
      const m = Math.min(tmp.length, n - b);
      for (let i = 0; i < m; i++) tmp[i] = canonicalFloat32(bits[b + i] as number);
      this.run(tmp, validity, off + b, m, codes, at + b, insert);
    }
  }
}

/** The float32 bit pattern with -0 → 0 and every NaN → the quiet NaN. */
export function canonicalFloat32(x: number): number {
  if ((x & 0x7f800000) === 0x7f800000) return (x & 0x7fffff) === 0 ? x : 0x7fc00000;
  return x === (0x80000000 | 0) ? 0 : x;
}

/** Direct addressing for integers in a small range `[min, min + range)`. */
export class DirectTable {
  readonly slots: Int32Array;
  readonly min: number;
  keys: Int32Array;
  size = 0;

  constructor(min: number, range: number) {
    this.min = min;
    this.slots = emptySlots(range);
    this.keys = new Int32Array(Math.min(range, 1024));
  }

  #grow(): Int32Array {
    const keys = new Int32Array(Math.min(this.keys.length * 2, this.slots.length));
    keys.set(this.keys);
    this.keys = keys;
    return keys;
  }

  /** Code int32/date data whose valid values all lie in the range. */
  run(
    values: Int32Array,
    validity: Uint8Array | null,
    off: number,
    n: number,
    codes: Int32Array,
    at: number,
  ): void {
    const slots = this.slots;
    const min = this.min;
    let size = this.size;
    let keys = this.keys;
    if (validity === null) {
      // the no-null fast path: one load, one compare, one store per element
      for (let i = 0; i < n; i++) {
        const k = (values[i] as number) - min;
        let c = slots[k] as number;
        if (c === -1) {
          c = slots[k] = size++;
          if (c === keys.length) keys = this.#grow();
          keys[c] = k + min;
        }
        codes[at + i] = c;
      }
    } else {
      for (let i = 0; i < n; i++) {
        if (isNull(validity, off + i)) {
          codes[at + i] = -1;
          continue;
        }
        const k = (values[i] as number) - min;
        let c = slots[k] as number;
        if (c === -1) {
          c = slots[k] = size++;
          if (c === keys.length) keys = this.#grow();
          keys[c] = k + min;
        }
        codes[at + i] = c;
      }
    }
    this.size = size;
  }

  /** `run` for 8/16-bit integers and unpacked booleans (a second loop keeps `run` monomorphic). */
  runSmall(
    values: Int8Array | Uint8Array | Int16Array | Uint16Array,
    validity: Uint8Array | null,
    off: number,
    n: number,
    codes: Int32Array,
    at: number,
  ): void {
    const slots = this.slots;
    const min = this.min;
    let size = this.size;
    for (let i = 0; i < n; i++) {
      if (validity !== null && isNull(validity, off + i)) {
        codes[at + i] = -1;
        continue;
      }
      const v = values[i] as number;
      let c = slots[v - min] as number;
      if (c === -1) {
        c = slots[v - min] = size++;
        if (c === this.keys.length) this.#grow();
        (this.keys as Int32Array)[c] = v;
      }
      codes[at + i] = c;
    }
    this.size = size;
  }
}

/** Hash table of 64-bit keys read as word pairs (int64, uint64, temporal, float64, code pairs). */
export class Word64Table {
  slots: Int32Array;
  keys: Int32Array;
  size = 0;

  constructor(expected = 0) {
    const cap = capacityFor(expected);
    this.slots = emptySlots(cap);
    this.keys = new Int32Array(cap);
  }

  #grow(): void {
    const cap = this.slots.length * 2;
    const slots = emptySlots(cap);
    const mask = cap - 1;
    const keys = new Int32Array(cap);
    keys.set(this.keys);
    for (let c = 0; c < this.size; c++) {
      let s = hash64(keys[2 * c] as number, keys[2 * c + 1] as number) & mask;
      while (slots[s] !== -1) s = (s + 1) & mask;
      slots[s] = c;
    }
    this.slots = slots;
    this.keys = keys;
  }

  /** Code the 64-bit elements whose words are `w[2i]`, `w[2i + 1]`. */
  run(
    w: Int32Array,
    validity: Uint8Array | null,
    off: number,
    n: number,
    codes: Int32Array,
    at: number,
    insert: boolean,
  ): void {
    let slots = this.slots;
    let keys = this.keys;
    let mask = slots.length - 1;
    let size = this.size;
    for (let i = 0; i < n; i++) {
      if (validity !== null && isNull(validity, off + i)) {
        codes[at + i] = -1;
        continue;
      }
      const lo = w[2 * i] as number;
      const hi = w[2 * i + 1] as number;
      let s = hash64(lo, hi) & mask;
      let c = slots[s] as number;
      while (c !== -1 && (keys[2 * c] !== lo || keys[2 * c + 1] !== hi)) {
        s = (s + 1) & mask;
        c = slots[s] as number;
      }
      if (c === -1 && insert) {
        c = size++;
        keys[2 * c] = lo;
        keys[2 * c + 1] = hi;
        slots[s] = c;
        if (2 * size > mask) {
          this.size = size;
          this.#grow();
          slots = this.slots;
          keys = this.keys;
          mask = slots.length - 1;
        }
      }
      codes[at + i] = c;
    }
    this.size = size;
  }

  /** `run` for float64 words: -0 joins 0 and every NaN joins one NaN (canonical bits). */
  runFloat64(
    w: Int32Array,
    validity: Uint8Array | null,
    off: number,
    n: number,
    codes: Int32Array,
    at: number,
    insert: boolean,
  ): void {
    const tmp = new Int32Array(Math.min(2 * n, 8192));
    const step = tmp.length >>> 1;
    for (let b = 0; b < n; b += step) {
      const m = Math.min(step, n - b);
      for (let i = 0; i < m; i++) {
        let lo = w[2 * (b + i)] as number;
        let hi = w[2 * (b + i) + 1] as number;
        if ((hi & 0x7ff00000) === 0x7ff00000) {
          if (((hi & 0xfffff) | lo) !== 0) {
            hi = 0x7ff80000;
            lo = 0;
          }
        } else if (lo === 0 && hi === (0x80000000 | 0)) hi = 0;
        tmp[2 * i] = lo;
        tmp[2 * i + 1] = hi;
      }
      this.run(tmp, validity, off + b, m, codes, at + b, insert);
    }
  }
}

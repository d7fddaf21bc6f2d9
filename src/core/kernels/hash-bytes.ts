/**
 * The hash table of byte strings (utf8, large_utf8, binary) behind
 * `factorize`: codes in order of first appearance, uniques packed back to
 * back as they arrive.
 * @internal
 */
import { bytesEqual, capacityFor, emptySlots, hash64, hashBytes, isNull } from "./hash.js";

/** Strings up to this many bytes are keyed by two 32-bit words instead of their bytes. */
const SHORT = 8;

/** Bytes `[p, p + k)`, k < 4, as a little-endian word (zero above). */
function tail(b: Uint8Array, p: number, k: number): number {
  if (k === 0) return 0;
  let w = b[p] as number;
  if (k > 1) w |= (b[p + 1] as number) << 8;
  if (k > 2) w |= (b[p + 2] as number) << 16;
  return w;
}

/**
 * Hash table of byte strings. Each slot holds [code, hash] side by side, so
 * a probe reads one cache line and compares keys only when the full hashes
 * agree. Short strings (ids, codes, category names: at most 8 bytes) are
 * hashed and compared as two words (and the length) kept per code, with no
 * byte loop;
 * longer ones by MurmurHash3 and a byte comparison.
 */
export class BytesTable {
  /** Pairs [code (-1 = empty), hash]. */
  slots: Int32Array;
  /** Bytes of every unique, back to back; unique `c` spans `ends[c] .. ends[c + 1]`. */
  pool: Uint8Array;
  ends: Int32Array;
  /** The two words of each short unique (unused for longer ones). */
  words: Int32Array;
  size = 0;
  used = 0;

  constructor(expected = 0) {
    const cap = capacityFor(expected);
    this.slots = emptySlots(2 * cap);
    this.ends = new Int32Array((cap >>> 1) + 1);
    this.words = new Int32Array(cap);
    this.pool = new Uint8Array(4096);
  }

  #grow(): void {
    const cap = this.slots.length; // doubled: slots hold 2 ints each
    const slots = emptySlots(2 * cap);
    const mask = cap - 1;
    const old = this.slots;
    for (let s = 0; s < old.length; s += 2) {
      const c = old[s] as number;
      if (c === -1) continue;
      const h = old[s + 1] as number;
      let t = h & mask;
      while (slots[2 * t] !== -1) t = (t + 1) & mask;
      slots[2 * t] = c;
      slots[2 * t + 1] = h;
    }
    const ends = new Int32Array((cap >>> 1) + 1);
    ends.set(this.ends);
    const words = new Int32Array(cap);
    words.set(this.words);
    this.slots = slots;
    this.ends = ends;
    this.words = words;
  }

  #append(bytes: Uint8Array, start: number, len: number): void {
    if (this.used + len > this.pool.length) {
      if (this.used + len > 0x7fffffff) throw new RangeError("distinct strings exceed 2 GiB");
      const next = new Uint8Array(Math.min(Math.max(this.pool.length * 2, this.used + len), 0x7fffffff));
      next.set(this.pool.subarray(0, this.used));
      this.pool = next;
    }
    this.pool.set(bytes.subarray(start, start + len), this.used);
    this.used += len;
  }

  /** Code var-width elements `bytes[offs[i] .. offs[i + 1]]`. */
  run(
    bytes: Uint8Array,
    offs: Int32Array | Float64Array,
    validity: Uint8Array | null,
    off: number,
    n: number,
    codes: Int32Array,
    at: number,
    insert: boolean,
  ): void {
    let slots = this.slots;
    let ends = this.ends;
    let words = this.words;
    let mask = (slots.length >>> 1) - 1;
    let pool = this.pool;
    let dp = new DataView(pool.buffer);
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < n; i++) {
      if (validity !== null && isNull(validity, off + i)) {
        codes[at + i] = -1;
        continue;
      }
      const start = offs[i] as number;
      const len = (offs[i + 1] as number) - start;
      const short = len <= SHORT;
      let w0 = 0;
      let w1 = 0;
      let h: number;
      if (short) {
        // 4 to 8 bytes are determined by their length, first 4 and last 4
        // bytes (the two reads overlap below 8): two loads, no byte loop
        if (len >= 4) {
          w0 = dv.getInt32(start, true);
          w1 = dv.getInt32(start + len - 4, true);
        } else w0 = tail(bytes, start, len);
        h = hash64(w0, w1 ^ (len << 28));
      } else h = hashBytes(dv, bytes, start, start + len);
      let s = h & mask;
      let c = slots[2 * s] as number;
      while (c !== -1) {
        if (slots[2 * s + 1] === h) {
          const ks = ends[c] as number;
          if ((ends[c + 1] as number) - ks === len) {
            if (
              short
                ? words[2 * c] === w0 && words[2 * c + 1] === w1
                : bytesEqual(dp, pool, ks, dv, bytes, start, len)
            )
              break;
          }
        }
        s = (s + 1) & mask;
        c = slots[2 * s] as number;
      }
      if (c === -1 && insert) {
        c = this.size++;
        this.#append(bytes, start, len);
        if (pool !== this.pool) {
          pool = this.pool;
          dp = new DataView(pool.buffer);
        }
        ends[c + 1] = this.used;
        words[2 * c] = w0;
        words[2 * c + 1] = w1;
        slots[2 * s] = c;
        slots[2 * s + 1] = h;
        if (2 * this.size > mask) {
          this.#grow();
          slots = this.slots;
          ends = this.ends;
          words = this.words;
          mask = (slots.length >>> 1) - 1;
        }
      }
      codes[at + i] = c;
    }
  }
}

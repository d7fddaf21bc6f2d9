/**
 * Stable LSD radix sort of row positions by unsigned 32- or 64-bit keys,
 * the engine under `argsort` and `rank`. Keys arrive already made
 * order-preserving (see sort-keys.ts); this file only knows words.
 *
 * Method: digits are taken from `key - min` (the caller tracks each word's
 * range while making keys, so narrow ranges need few digits). Below 65536
 * keys: LSD passes of at most 11 bits (8 KiB histograms), all histograms
 * built in one pass, digits on which all keys agree skipped. From 65536
 * keys: one MSD pass on the top 11 bits of the most significant word, then
 * LSD inside each bucket while it is mostly in cache; 64-bit keys are
 * sorted by their high word that way and runs of equal high words then by
 * their low word. On 1e7 random int32 keys the MSD-first variant measured
 * faster than three 11-bit or two 16-bit LSD passes on a loaded machine.
 * @internal
 */

/** Keys of `m` rows: positions, low words and (64-bit keys) high words. */
export interface RadixKeys {
  idx: Int32Array;
  lo: Uint32Array;
  hi: Uint32Array | null;
}

/** Smallest and largest low and high words: [loMin, loMax, hiMin, hiMax]. */
export type KeyRange = Float64Array;

const SMALL = 32;

const WIDTH = 11;
/** From this many keys on, one MSD pass first splits the keys into cache-sized buckets. */
const LARGE = 65536;

/**
 * Sort `keys` (length `m` of each array) by (hi, lo), stably. Returns the
 * sorted arrays (possibly other buffers than the inputs). `range` bounds
 * the words. With `keepKeys` false, `lo` of a 64-bit result is left
 * unsorted (saves one stream per pass).
 */
export function radixSort(keys: RadixKeys, range: KeyRange, keepKeys: boolean): RadixKeys {
  const m = keys.idx.length;
  if (m <= 1) return keys;
  if (m <= SMALL) return insertionSort(keys);
  const loMin = range[0] as number;
  const hiMin = range[2] as number;
  const loSpan = (range[1] as number) - loMin;
  const hiSpan = keys.hi === null ? 0 : (range[3] as number) - hiMin;
  const counts = new Int32Array(3 << WIDTH);
  const scratch: RadixKeys = {
    idx: new Int32Array(m),
    lo: new Uint32Array(m),
    hi: keys.hi === null ? null : new Uint32Array(m),
  };
  // the most significant word that varies
  const topIsHi = keys.hi !== null && hiSpan > 0;
  const topBits = bitsOf(topIsHi ? hiSpan : loSpan);
  if (keys.hi !== null && !keepKeys && m < LARGE && hiSpan >= m) {
    // high words spread wider than there are keys (doubles): sort by the
    // high word carrying the low one, then the few ties by the low word,
    // instead of LSD passes over both words
    const byHi = lsd(keys, scratch, loMin, [], hiMin, digitsOf(hiSpan), true, counts);
    sortTies(byHi, byHi.idx === keys.idx ? scratch : keys, loMin, counts);
    return byHi;
  }
  if (m < LARGE || topBits <= WIDTH || (keys.hi !== null && (keepKeys || !topIsHi))) {
    const hiDigits = keys.hi === null ? null : digitsOf(hiSpan);
    return lsd(keys, scratch, loMin, digitsOf(loSpan), hiMin, hiDigits, keepKeys, counts);
  }
  if (keys.hi === null) {
    msd(keys, scratch, false, topBits, { loMin, hiMin, loBits: 0, keepKeys, counts });
    return scratch;
  }
  // 64-bit keys: MSD+LSD on the high words only, carrying the low words;
  // then sort the runs of equal high words by their low words. Measured
  // faster than six LSD passes: the high words of distinct doubles rarely tie.
  msd(keys, scratch, true, topBits, { loMin, hiMin, loBits: 0, keepKeys: true, counts });
  sortTies(scratch, keys, loMin, counts);
  return scratch;
}

/** Stably sort each run of equal `hi` in `k` by `lo` (`spare` is scratch space). */
function sortTies(k: RadixKeys, spare: RadixKeys, loMin: number, counts: Int32Array): void {
  const hi = k.hi as Uint32Array;
  const m = k.idx.length;
  const loDigits = digitsOf(0xffffffff);
  let a = 0;
  while (a < m) {
    const h = hi[a] as number;
    let b = a + 1;
    while (b < m && hi[b] === h) b++;
    if (b - a <= SMALL) {
      // short runs (the usual case: distinct doubles often share a high
      // word with a few others) sort in place, with no subarray objects
      if (b - a > 1) insertionByLo(k.idx, k.lo, a, b);
    } else {
      const run: RadixKeys = { idx: k.idx.subarray(a, b), lo: k.lo.subarray(a, b), hi: null };
      const other: RadixKeys = { idx: spare.idx.subarray(a, b), lo: spare.lo.subarray(a, b), hi: null };
      const out = lsd(run, other, loMin, loDigits, 0, null, true, counts);
      if (out.idx !== run.idx) {
        run.idx.set(out.idx);
        run.lo.set(out.lo);
      }
    }
    a = b;
  }
}

interface Ctx {
  loMin: number;
  hiMin: number;
  loBits: number;
  keepKeys: boolean;
  counts: Int32Array;
}

/**
 * Large inputs: scatter `src` into `dst` by the top WIDTH bits of the top
 * word (`bitsLeft` of them remain; one pass over memory), then LSD-sort
 * each bucket on the remaining bits (and on lo, if `loBits`) while it is
 * (mostly) in cache. Both steps are stable, so the whole is. The result is
 * in `dst`.
 */
function msd(src: RadixKeys, dst: RadixKeys, topIsHi: boolean, bitsLeft: number, ctx: Ctx): void {
  const m = src.idx.length;
  const top = topIsHi ? (src.hi as Uint32Array) : src.lo;
  const topMin = topIsHi ? ctx.hiMin : ctx.loMin;
  const w = Math.min(WIDTH, bitsLeft);
  const shift = bitsLeft - w;
  const mask = (1 << w) - 1;
  const size = 1 << w;
  const starts = new Int32Array(size + 1);
  for (let i = 0; i < m; i++) starts[((((top[i] as number) - topMin) >>> shift) & mask) + 1]++;
  for (let b = 0; b < size; b++) starts[b + 1] = (starts[b + 1] as number) + (starts[b] as number);
  const fill = starts.slice(0, size);
  if (src.hi === null) scatter32(src.lo, ctx.loMin, src.idx, dst.lo, dst.idx, shift, mask, fill, 0);
  else if (topIsHi) {
    scatter64(
      src.hi,
      ctx.hiMin,
      src.lo,
      src.idx,
      dst.hi as Uint32Array,
      dst.lo,
      dst.idx,
      shift,
      mask,
      fill,
      0,
    );
  } else {
    scatter64(
      src.lo,
      ctx.loMin,
      src.hi,
      src.idx,
      dst.lo,
      dst.hi as Uint32Array,
      dst.idx,
      shift,
      mask,
      fill,
      0,
    );
  }
  // what is left to sort inside a bucket
  const nextIsHi = topIsHi && shift > 0;
  const nextBits = shift > 0 ? shift : topIsHi ? ctx.loBits : 0;
  if (nextBits === 0) return;
  const loDigits = nextIsHi ? digitsOf(2 ** ctx.loBits - 1) : digitsOf(2 ** nextBits - 1);
  const hiDigits = src.hi === null ? null : nextIsHi ? digitsOf(2 ** nextBits - 1) : [];
  for (let b = 0; b < size; b++) {
    const s = starts[b] as number;
    const e = starts[b + 1] as number;
    if (e - s < 2) continue;
    const into = sub(dst, s, e);
    const other = sub(src, s, e);
    if (e - s > LARGE && shift > WIDTH) {
      // A bucket too big for the cache (skewed keys: doubles share their
      // exponent bits, so a few top digits hold most rows): split it again
      // by the next bits of the same word, then move it back.
      msd(into, other, topIsHi, shift, ctx);
      copyKeys(other, into);
      continue;
    }
    const out = lsd(into, other, ctx.loMin, loDigits, ctx.hiMin, hiDigits, ctx.keepKeys, ctx.counts);
    if (out.idx !== into.idx) copyKeys(out, into);
  }
}

function copyKeys(from: RadixKeys, to: RadixKeys): void {
  to.idx.set(from.idx);
  to.lo.set(from.lo);
  if (to.hi !== null) to.hi.set(from.hi as Uint32Array);
}

function sub(k: RadixKeys, s: number, e: number): RadixKeys {
  return {
    idx: k.idx.subarray(s, e),
    lo: k.lo.subarray(s, e),
    hi: k.hi === null ? null : k.hi.subarray(s, e),
  };
}

/** LSD passes over the given digits of lo, then of hi; ping-pongs with `scratch`. */
function lsd(
  keys: RadixKeys,
  scratch: RadixKeys,
  loMin: number,
  loDigits: number[],
  hiMin: number,
  hiDigits: number[] | null,
  keepKeys: boolean,
  counts: Int32Array,
): RadixKeys {
  const m = keys.idx.length;
  if (m <= SMALL) return insertionSort(keys);
  let { idx, lo, hi } = keys;
  let { idx: idx2, lo: lo2, hi: hi2 } = scratch;
  histograms(lo, loMin, loDigits, counts);
  for (let p = 0; p < loDigits.length; p++) {
    const off = prefix(counts, p << WIDTH, loDigits[p] as number, m);
    if (off < 0) continue;
    const shift = shiftOf(loDigits, p);
    const mask = ((1 << (loDigits[p] as number)) - 1) >>> 0;
    if (hi === null) scatter32(lo, loMin, idx, lo2, idx2, shift, mask, counts, off);
    else scatter64(lo, loMin, hi, idx, lo2, hi2 as Uint32Array, idx2, shift, mask, counts, off);
    [idx, idx2] = [idx2, idx];
    [lo, lo2] = [lo2, lo];
    if (hi !== null) [hi, hi2] = [hi2 as Uint32Array, hi];
  }
  if (hi !== null && hiDigits !== null && hiDigits.length > 0) {
    histograms(hi, hiMin, hiDigits, counts);
    for (let p = 0; p < hiDigits.length; p++) {
      const off = prefix(counts, p << WIDTH, hiDigits[p] as number, m);
      if (off < 0) continue;
      const shift = shiftOf(hiDigits, p);
      const mask = ((1 << (hiDigits[p] as number)) - 1) >>> 0;
      if (keepKeys) {
        scatter64(hi, hiMin, lo, idx, hi2 as Uint32Array, lo2, idx2, shift, mask, counts, off);
        [lo, lo2] = [lo2, lo];
      } else scatter32(hi, hiMin, idx, hi2 as Uint32Array, idx2, shift, mask, counts, off);
      [idx, idx2] = [idx2, idx];
      [hi, hi2] = [hi2 as Uint32Array, hi];
    }
  }
  return { idx, lo, hi };
}

function bitsOf(span: number): number {
  return span === 0 ? 0 : 32 - Math.clz32(span);
}

/** Digit widths (each <= WIDTH, as even as possible) covering `span`. */
function digitsOf(span: number): number[] {
  const bits = bitsOf(span);
  const passes = Math.ceil(bits / WIDTH);
  const out: number[] = [];
  let left = bits;
  for (let p = passes; p > 0; p--) {
    const d = Math.ceil(left / p);
    out.push(d);
    left -= d;
  }
  return out;
}

function shiftOf(digits: number[], p: number): number {
  let s = 0;
  for (let q = 0; q < p; q++) s += digits[q] as number;
  return s;
}

/** Every digit's histogram in one pass into `counts`; digit p's start at p << WIDTH. */
function histograms(k: Uint32Array, min: number, digits: number[], counts: Int32Array): void {
  counts.fill(0);
  const n = k.length;
  const d0 = digits[0] ?? 0;
  const m0 = (1 << d0) - 1;
  if (digits.length === 1) {
    for (let i = 0; i < n; i++) counts[((k[i] as number) - min) & m0]++;
  } else if (digits.length === 2) {
    const m1 = (1 << (digits[1] as number)) - 1;
    const b1 = 1 << WIDTH;
    for (let i = 0; i < n; i++) {
      const v = ((k[i] as number) - min) >>> 0;
      counts[v & m0]++;
      counts[b1 + ((v >>> d0) & m1)]++;
    }
  } else if (digits.length === 3) {
    const d1 = digits[1] as number;
    const m1 = (1 << d1) - 1;
    const m2 = (1 << (digits[2] as number)) - 1;
    const b1 = 1 << WIDTH;
    const b2 = 2 << WIDTH;
    for (let i = 0; i < n; i++) {
      const v = ((k[i] as number) - min) >>> 0;
      counts[v & m0]++;
      counts[b1 + ((v >>> d0) & m1)]++;
      counts[b2 + ((v >>> (d0 + d1)) & m2)]++;
    }
  }
}

/**
 * Turn digit p's counts into start offsets in place. Returns the base of
 * those counts, or -1 when one bucket holds every key (the pass would not
 * move anything).
 */
function prefix(counts: Int32Array, base: number, digit: number, m: number): number {
  const size = 1 << digit;
  let sum = 0;
  for (let b = base; b < base + size; b++) {
    const c = counts[b] as number;
    if (c === m) return -1;
    counts[b] = sum;
    sum += c;
  }
  return base;
}

function scatter32(
  k: Uint32Array,
  min: number,
  idx: Int32Array,
  kOut: Uint32Array,
  idxOut: Int32Array,
  shift: number,
  mask: number,
  counts: Int32Array,
  base: number,
): void {
  for (let i = 0; i < k.length; i++) {
    const v = k[i] as number;
    const b = base + (((v - min) >>> shift) & mask);
    const at = counts[b] as number;
    counts[b] = at + 1;
    kOut[at] = v;
    idxOut[at] = idx[i] as number;
  }
}

function scatter64(
  k: Uint32Array,
  min: number,
  other: Uint32Array,
  idx: Int32Array,
  kOut: Uint32Array,
  otherOut: Uint32Array,
  idxOut: Int32Array,
  shift: number,
  mask: number,
  counts: Int32Array,
  base: number,
): void {
  for (let i = 0; i < k.length; i++) {
    const v = k[i] as number;
    const b = base + (((v - min) >>> shift) & mask);
    const at = counts[b] as number;
    counts[b] = at + 1;
    kOut[at] = v;
    otherOut[at] = other[i] as number;
    idxOut[at] = idx[i] as number;
  }
}

/** Stable insertion sort of rows `[a, b)` by `lo` (their `hi` are equal). */
function insertionByLo(idx: Int32Array, lo: Uint32Array, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) {
    const l = lo[i] as number;
    const x = idx[i] as number;
    let j = i - 1;
    while (j >= a && (lo[j] as number) > l) {
      lo[j + 1] = lo[j] as number;
      idx[j + 1] = idx[j] as number;
      j--;
    }
    lo[j + 1] = l;
    idx[j + 1] = x;
  }
}

/** Stable insertion sort for a handful of keys. */
function insertionSort(keys: RadixKeys): RadixKeys {
  const { idx, lo, hi } = keys;
  for (let i = 1; i < idx.length; i++) {
    const l = lo[i] as number;
    const h = hi === null ? 0 : (hi[i] as number);
    const x = idx[i] as number;
    let j = i - 1;
    while (j >= 0) {
      const hj = hi === null ? 0 : (hi[j] as number);
      if (hj < h || (hj === h && (lo[j] as number) <= l)) break;
      lo[j + 1] = lo[j] as number;
      if (hi !== null) hi[j + 1] = hj;
      idx[j + 1] = idx[j] as number;
      j--;
    }
    lo[j + 1] = l;
    if (hi !== null) hi[j + 1] = h;
    idx[j + 1] = x;
  }
  return keys;
}

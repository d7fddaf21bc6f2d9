/**
 * Hand-written loops for the DataFrame questions: plain TypedArrays, one
 * monomorphic function per storage type, the work a careful author would
 * write for exactly these columns (a, b: Float64Array; k: Int32Array).
 */

/** The frame questions' columns as plain arrays. */
export interface Frame {
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly k: Int32Array;
}

// ---------------------------------------------------------------- gather

function gatherF64(x: Float64Array, idx: Int32Array, m: number): Float64Array {
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) out[i] = x[idx[i] as number] as number;
  return out;
}

function gatherI32(x: Int32Array, idx: Int32Array, m: number): Int32Array {
  const out = new Int32Array(m);
  for (let i = 0; i < m; i++) out[i] = x[idx[i] as number] as number;
  return out;
}

function gatherFrame(f: Frame, idx: Int32Array, m: number): Frame {
  return { a: gatherF64(f.a, idx, m), b: gatherF64(f.b, idx, m), k: gatherI32(f.k, idx, m) };
}

// ---------------------------------------------------------------- filter

/** `df[df.a > t]`: one pass collecting the kept positions, then one gather per column. */
export function filterFrame(f: Frame, t: number): Frame {
  const a = f.a;
  const n = a.length;
  const keep = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    keep[m] = i;
    // branch-free: the position is always written, the count moves only when
    // kept; unary + makes the boolean 0/1 without the branch a conditional
    // compiles to (which mispredicts on half the rows here)
    m += +((a[i] as number) > t);
  }
  return gatherFrame(f, keep, m);
}

// ---------------------------------------------------------------- assign

/** `c = a * b`: one loop; the other columns are shared, as in every frame library. */
export function assignProduct(f: Frame): Frame & { c: Float64Array } {
  const { a, b } = f;
  const n = a.length;
  const c = new Float64Array(n);
  for (let i = 0; i < n; i++) c[i] = (a[i] as number) * (b[i] as number);
  return { ...f, c };
}

// ---------------------------------------------------------------- sort on (k asc, a desc)

/**
 * Stable LSD radix sort of one bucket's rows, 8-bit digits, on descending
 * keys of a: `hi`/`lo` are the bucket's key words (already inverted for
 * descending order) and `idx` its row numbers, all in [s, e). Digits that
 * are constant over the bucket are skipped. The bucket (≈1e4 rows here)
 * stays in cache, which is why bucketing by k first pays.
 */
function radixBucket(
  idx: Int32Array,
  hi: Uint32Array,
  lo: Uint32Array,
  s: number,
  e: number,
  tIdx: Int32Array,
  tHi: Uint32Array,
  tLo: Uint32Array,
  counts: Int32Array,
): void {
  const m = e - s;
  if (m < 2) return;
  counts.fill(0);
  for (let i = s; i < e; i++) {
    const l = lo[i] as number;
    const h = hi[i] as number;
    counts[l & 255]++;
    counts[256 + ((l >>> 8) & 255)]++;
    counts[512 + ((l >>> 16) & 255)]++;
    counts[768 + (l >>> 24)]++;
    counts[1024 + (h & 255)]++;
    counts[1280 + ((h >>> 8) & 255)]++;
    counts[1536 + ((h >>> 16) & 255)]++;
    counts[1792 + (h >>> 24)]++;
  }
  // ping-pong between the bucket's slice of the main arrays and the scratch arrays (from 0)
  let sIdx = idx;
  let sHi = hi;
  let sLo = lo;
  let sOff = s;
  let dIdx = tIdx;
  let dHi = tHi;
  let dLo = tLo;
  let dOff = 0;
  for (let pass = 0; pass < 8; pass++) {
    const base = pass * 256;
    const shift = (pass & 3) * 8;
    const src = pass < 4 ? sLo : sHi;
    if (counts[base + (((src[sOff] as number) >>> shift) & 255)] === m) continue;
    let sum = dOff;
    for (let d = base; d < base + 256; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    // carry only the words a later pass still reads (one loop per case, no branch inside)
    const end = sOff + m;
    if (pass < 3) {
      for (let i = sOff; i < end; i++) {
        const to = counts[base + (((src[i] as number) >>> shift) & 255)]++ as number;
        dIdx[to] = sIdx[i] as number;
        dHi[to] = sHi[i] as number;
        dLo[to] = sLo[i] as number;
      }
    } else if (pass < 7) {
      for (let i = sOff; i < end; i++) {
        const to = counts[base + (((src[i] as number) >>> shift) & 255)]++ as number;
        dIdx[to] = sIdx[i] as number;
        dHi[to] = sHi[i] as number;
      }
    } else {
      for (let i = sOff; i < end; i++) {
        const to = counts[base + (((src[i] as number) >>> shift) & 255)]++ as number;
        dIdx[to] = sIdx[i] as number;
      }
    }
    [sIdx, dIdx] = [dIdx, sIdx];
    [sHi, dHi] = [dHi, sHi];
    [sLo, dLo] = [dLo, sLo];
    [sOff, dOff] = [dOff, sOff];
  }
  if (sIdx !== idx) idx.set(sIdx.subarray(sOff, sOff + m), s);
}

/**
 * The row order of (k ascending, a descending), stable: a counting sort on
 * k scatters each row's index and its descending key words for a into k's
 * bucket, then each bucket is radix-sorted on those words. Both steps are
 * stable, so ties keep their row order. k's range must be small (here 1000).
 */
export function orderKAscADesc(k: Int32Array, a: Float64Array): Int32Array {
  const n = k.length;
  let kmin = 2147483647;
  let kmax = -2147483648;
  for (let i = 0; i < n; i++) {
    const v = k[i] as number;
    if (v < kmin) kmin = v;
    if (v > kmax) kmax = v;
  }
  const span = n === 0 ? 0 : kmax - kmin + 1;
  if (span > 1 << 20) throw new Error("hand: key range too wide for a counting sort");
  const start = new Int32Array(span + 1);
  for (let i = 0; i < n; i++) start[(k[i] as number) - kmin + 1]++;
  for (let d = 0; d < span; d++) start[d + 1] = (start[d + 1] as number) + (start[d] as number);
  const bounds = start.slice();
  const idx = new Int32Array(n);
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const w = new Uint32Array(a.buffer, a.byteOffset, 2 * n);
  for (let i = 0; i < n; i++) {
    const to = start[(k[i] as number) - kmin]++ as number;
    const h = w[2 * i + 1] as number;
    const l = w[2 * i] as number;
    idx[to] = i;
    // IEEE bits → an unsigned ascending order (negatives flipped), then
    // inverted for descending (bench data has no NaN)
    if (h >>> 31 === 1) {
      hi[to] = h;
      lo[to] = l;
    } else {
      hi[to] = ~(h | 0x80000000) >>> 0;
      lo[to] = ~l >>> 0;
    }
  }
  let largest = 0;
  for (let d = 0; d < span; d++)
    largest = Math.max(largest, (bounds[d + 1] as number) - (bounds[d] as number));
  const tIdx = new Int32Array(largest);
  const tHi = new Uint32Array(largest);
  const tLo = new Uint32Array(largest);
  const counts = new Int32Array(8 * 256);
  for (let d = 0; d < span; d++) {
    radixBucket(idx, hi, lo, bounds[d] as number, bounds[d + 1] as number, tIdx, tHi, tLo, counts);
  }
  return idx;
}

/** The frame sorted on (k asc, a desc): the order, then one gather per column. */
export function sortFrame(f: Frame): Frame {
  const order = orderKAscADesc(f.k, f.a);
  return gatherFrame(f, order, order.length);
}

// ---------------------------------------------------------------- describe

/**
 * In-place selection (Hoare partition around a median-of-three pivot,
 * Sedgewick's quickselect): afterwards x[q] is the q-th smallest of
 * x[lo..hi], everything left of it ≤ it and everything right ≥ it.
 */
function select(x: Float64Array, lo: number, hi: number, q: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three to x[mid]
    let p = x[lo] as number;
    let m = x[mid] as number;
    let r = x[hi] as number;
    if (m < p) [p, m] = [m, p];
    if (r < m) {
      [m, r] = [r, m];
      if (m < p) [p, m] = [m, p];
    }
    const pivot = m;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((x[i] as number) < pivot) i++;
      while ((x[j] as number) > pivot) j--;
      if (i <= j) {
        const t = x[i] as number;
        x[i] = x[j] as number;
        x[j] = t;
        i++;
        j--;
      }
    }
    // now x[lo..j] ≤ pivot ≤ x[i..hi], and x[j+1..i-1] == pivot
    if (q <= j) hi = j;
    else if (q >= i) lo = i;
    else return;
  }
}

/** The smallest of x[lo..hi] (hi ≥ lo). */
function minOf(x: Float64Array, lo: number, hi: number): number {
  let m = x[lo] as number;
  for (let i = lo + 1; i <= hi; i++) if ((x[i] as number) < m) m = x[i] as number;
  return m;
}

/**
 * The 25, 50 and 75% quantiles with linear interpolation (pandas' default,
 * R's type 7), destroying x: the median is selected over all of x, the
 * quartiles in its halves, and each interpolation neighbour is the minimum
 * of the stretch right of its order statistic (already partitioned).
 */
function quartiles(x: Float64Array): [number, number, number] {
  const n = x.length;
  const pos = [0.25, 0.5, 0.75].map((p) => p * (n - 1));
  const [r25, r50, r75] = pos.map(Math.floor) as [number, number, number];
  // the median first; then each quartile only in its half, leaving x[r50] in place
  select(x, 0, n - 1, r50);
  if (r25 < r50) select(x, 0, r50 - 1, r25);
  if (r75 > r50) select(x, r50 + 1, n - 1, r75);
  const value = (r: number, p: number, bound: number): number => {
    const v = x[r] as number;
    const frac = p - r;
    if (frac === 0) return v;
    // x[r+1..bound] ≥ x[r] and x[r+1]'s order statistic is their minimum
    return v + (minOf(x, r + 1, bound) - v) * frac;
  };
  return [
    value(r25, pos[0] as number, r50),
    value(r50, pos[1] as number, r75),
    value(r75, pos[2] as number, n - 1),
  ];
}

/** count, mean, std (ddof 1, two passes), min, 25/50/75%, max of a float column. */
export function describeF64(a: Float64Array): number[] {
  const n = a.length;
  let s = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = a[i] as number;
    s += v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - mean;
    ss += d * d;
  }
  const [q25, q50, q75] = quartiles(a.slice());
  return [n, mean, Math.sqrt(ss / (n - 1)), lo, q25, q50, q75, hi];
}

/** The same for an int32 column; the quantiles on a float64 copy (they are floats anyway). */
export function describeI32(a: Int32Array): number[] {
  const n = a.length;
  let s = 0;
  let lo = 2147483647;
  let hi = -2147483648;
  for (let i = 0; i < n; i++) {
    const v = a[i] as number;
    s += v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - mean;
    ss += d * d;
  }
  const copy = new Float64Array(n);
  copy.set(a);
  const [q25, q50, q75] = quartiles(copy);
  return [n, mean, Math.sqrt(ss / (n - 1)), lo, q25, q50, q75, hi];
}

/** describe of a, b and k: 8 statistics per column, column after column. */
export function describeFrame(f: Frame): number[] {
  return [...describeF64(f.a), ...describeF64(f.b), ...describeI32(f.k)];
}

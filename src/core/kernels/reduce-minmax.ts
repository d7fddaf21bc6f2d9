/**
 * Implementations of argmin, argmax, min and max for every ordered dtype:
 * numbers, bool, int64/uint64 and temporal (through 32-bit words, exact),
 * utf8/large_utf8 (by UTF-8 bytes, which is Unicode code point order, as
 * Python compares str) and dictionaries (by category order, as pandas'
 * Categorical; min and max of an unordered one raise, as pandas does).
 * @internal
 */
import { type Chunk, numberOffsets } from "../chunk.js";
import type { Column } from "../column.js";
import type { Dictionary } from "../dtype.js";
import { DTypeError } from "../errors.js";
import { unifyDictionaries } from "./categorical.js";
import { countNaN, f64Blocks, inRuns, uwords } from "./reduce-loops.js";
import { argmaxF64, argmaxI32, argmaxW64, argminF64, argminI32, argminW64 } from "./reduce-loops-arg.js";

/** True when a float column holds a valid NaN. */
export function hasNaN(col: Column): boolean {
  const k = col.dtype.kind;
  if (k !== "float32" && k !== "float64") return false;
  let n = 0;
  f64Blocks(col.chunks, (a, s, e, vb, voff) => {
    n += countNaN(a, s, e, vb, voff);
  });
  return n > 0;
}

/**
 * Position of the first smallest (`max` false) or largest valid value, or
 * null when there is none. With skipna false, a null or NaN gives null.
 */
export function argImpl(col: Column, skipna: boolean, max: boolean): number | null {
  if (!skipna && (col.nullCount > 0 || hasNaN(col))) return null;
  const d = col.dtype;
  switch (d.kind) {
    case "int32":
    case "date":
      return argI32(col.chunks, max);
    case "int64":
    case "uint64":
    case "timestamp":
    case "duration":
    case "time":
      return argW64(col.chunks, max, d.kind === "uint64" ? -2147483648 : 0);
    case "utf8":
    case "large_utf8":
      return argString(col.chunks, max);
    case "dictionary":
      return argDictionary(col, max);
    default:
      return argF64(col.chunks, max);
  }
}

function argF64(chunks: readonly Chunk[], max: boolean): number | null {
  let best = -1;
  let bestValue = 0;
  let base = 0;
  for (const c of chunks) {
    let blockBase = base;
    f64Blocks([c], (a, s, e, vb, voff) => {
      const k = max ? argmaxF64(a, s, e, vb, voff) : argminF64(a, s, e, vb, voff);
      if (k >= 0) {
        const x = a[k] as number;
        if (best < 0 || (max ? x > bestValue : x < bestValue)) {
          best = blockBase + k - s;
          bestValue = x;
        }
      }
      blockBase += e - s;
    });
    base += c.length;
  }
  return best < 0 ? null : best;
}

function argI32(chunks: readonly Chunk[], max: boolean): number | null {
  let best = -1;
  let bestValue = 0;
  let base = 0;
  for (const c of chunks) {
    const a = c.values as Int32Array;
    inRuns(c.length, (s, e) => {
      const k = max ? argmaxI32(a, s, e, c.validity, c.offset) : argminI32(a, s, e, c.validity, c.offset);
      if (k < 0) return;
      const x = a[k] as number;
      if (best < 0 || (max ? x > bestValue : x < bestValue)) {
        best = base + k;
        bestValue = x;
      }
    });
    base += c.length;
  }
  return best < 0 ? null : best;
}

function argW64(chunks: readonly Chunk[], max: boolean, flip: number): number | null {
  let best = -1;
  let bh = 0;
  let bl = 0;
  let base = 0;
  for (const c of chunks) {
    const u = uwords(c.values as BigInt64Array);
    inRuns(c.length, (s, e) => {
      const k = max
        ? argmaxW64(u, s, e, c.validity, c.offset, flip)
        : argminW64(u, s, e, c.validity, c.offset, flip);
      if (k < 0) return;
      const h = (u[2 * k + 1] as number) ^ flip;
      const l = u[2 * k] as number;
      const better = max ? h > bh || (h === bh && l > bl) : h < bh || (h === bh && l < bl);
      if (best < 0 || better) {
        best = base + k;
        bh = h;
        bl = l;
      }
    });
    base += c.length;
  }
  return best < 0 ? null : best;
}

/** Compare bytes `a[as, ae)` with `b[bs, be)` lexicographically. */
export function compareBytes(
  a: Uint8Array,
  as: number,
  ae: number,
  b: Uint8Array,
  bs: number,
  be: number,
): number {
  const n = Math.min(ae - as, be - bs);
  for (let i = 0; i < n; i++) {
    const d = (a[as + i] as number) - (b[bs + i] as number);
    if (d !== 0) return d;
  }
  return ae - as - (be - bs);
}

function argString(chunks: readonly Chunk[], max: boolean): number | null {
  let best = -1;
  let bBytes: Uint8Array = new Uint8Array(0);
  let bs = 0;
  let be = 0;
  let base = 0;
  const sign = max ? -1 : 1;
  for (const c of chunks) {
    const o = numberOffsets(c);
    const bytes = c.values as Uint8Array;
    const vb = c.validity;
    for (let i = 0; i < c.length; i++) {
      const j = c.offset + i;
      if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
      const s = o[i] as number;
      const e = o[i + 1] as number;
      if (best < 0 || sign * compareBytes(bytes, s, e, bBytes, bs, be) < 0) {
        best = base + i;
        bBytes = bytes;
        bs = s;
        be = e;
      }
    }
    base += c.length;
  }
  return best < 0 ? null : best;
}

/**
 * Position of the first smallest/largest category (the codes' order, after
 * unifying the chunks' dictionaries), as pandas' argmin of a Categorical
 * (ordered or not).
 */
function argDictionary(col: Column, max: boolean): number | null {
  const u = unifyDictionaries(col as Column<Dictionary>);
  let best = -1;
  let bestCode = 0;
  let base = 0;
  for (const c of u.chunks) {
    let blockBase = base;
    f64Blocks([c], (a, s, e, vb, voff) => {
      for (let i = s; i < e; i++) {
        const j = voff + i;
        if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
        const code = a[i] as number;
        if (best < 0 || (max ? code > bestCode : code < bestCode)) {
          best = blockBase + i - s;
          bestCode = code;
        }
      }
      blockBase += e - s;
    });
    base += c.length;
  }
  return best < 0 ? null : best;
}

/** min()/max(): the value at argmin/argmax, in the column's own JS type; NaN when skipna is false and a NaN exists. */
export function extremeImpl(col: Column, skipna: boolean, max: boolean): unknown {
  const d = col.dtype;
  if (d.kind === "dictionary" && !d.ordered) {
    // pandas: TypeError "Categorical is not ordered for operation min"
    throw new DTypeError(
      `Categorical is not ordered for operation ${max ? "max" : "min"}; use asOrdered() (s.cat.asOrdered()) to make the categories ordered`,
    );
  }
  if (!skipna && col.nullCount === 0 && hasNaN(col)) return Number.NaN;
  const k = argImpl(col, skipna, max);
  return k === null ? null : col.get(k);
}

/**
 * Row selections of a Series that come out as positions: sorting,
 * nlargest/nsmallest and seeded sampling. The Series gathers its values
 * and labels at those positions.
 * @internal
 */
import type { Column } from "../../core/column.js";
import { OptionError } from "../../core/errors.js";
import { column } from "../../core/from-values.js";
import { truePositions } from "../../core/kernels/filter.js";
import { and, not } from "../../core/kernels/logical.js";
import { isNaNColumn, notNull } from "../../core/kernels/missing.js";
import { argsort, type SortOptions } from "../../core/kernels/sort.js";
import { take } from "../../core/kernels/take.js";
import { isObject, keyword, maybeBoolean, nonNegativeInt, show } from "../../util/is.js";

/** Options of `sortValues` and `sortIndex`. */
export interface SortValuesOptions {
  /** Ascending order (default true), as pandas' `ascending`. */
  ascending?: boolean;
  /** Where nulls and NaN go (default "last"), as pandas' `na_position`. */
  naPosition?: "first" | "last";
}

/** The permutation that sorts `col` stably, with pandas' option names. */
export function sortPositions(col: Column, options: SortValuesOptions | undefined, fn: string): Int32Array {
  const o = (options ?? {}) as Record<string, unknown>;
  if (!isObject(o)) throw new OptionError(`invalid options for ${fn}: ${show(options)}`);
  for (const k of Object.keys(o)) {
    if (k !== "ascending" && k !== "naPosition") {
      throw new OptionError(`unknown option for ${fn}: "${k}" (expected ascending, naPosition)`);
    }
  }
  const ascending = maybeBoolean("ascending", o.ascending, true);
  const na =
    o.naPosition === undefined ? "last" : keyword("naPosition", o.naPosition, ["first", "last"] as const);
  const sort: SortOptions = { descending: !ascending, nullsPosition: na };
  return argsort(col, sort);
}

/** What `nlargest`/`nsmallest` keep among values tied with the n-th. */
export type KeepTies = "first" | "last" | "all";

/**
 * Positions of the `n` largest (or smallest) values, largest first, as
 * pandas' `nlargest`: nulls and NaN never count; among values tied with
 * the n-th, "first" keeps the earliest rows, "last" the latest (listed
 * latest first, as pandas does) and "all" keeps every tied row.
 */
export function extremePositions(col: Column, n: unknown, largest: boolean, keep: unknown): Int32Array {
  const count = nonNegativeInt("n", n);
  const k = keep === undefined ? "first" : keyword("keep", keep, ["first", "last", "all"] as const);
  // isNaN is null on null rows, and false AND null is false: nulls drop out too
  const valid = and(notNull(col), not(isNaNColumn(col)));
  let rows = truePositions(valid);
  // "last": visit the rows backwards, so the stable sort lets later rows win ties
  if (k === "last") rows = rows.slice().reverse();
  const values = take(col, rows);
  const order = argsort(values, { descending: largest });
  let m = Math.min(count, order.length);
  if (k === "all" && m > 0) {
    const edge = values.get(order[m - 1] as number);
    while (m < order.length && values.get(order[m] as number) === edge) m++;
  }
  const out = new Int32Array(m);
  for (let j = 0; j < m; j++) out[j] = rows[order[j] as number] as number;
  return out;
}

/** Options of `sample`. */
export interface SampleOptions {
  /** Number of rows (default 1 unless `frac` is given). */
  n?: number;
  /** Fraction of the rows instead of a count. */
  frac?: number;
  /** Draw with replacement (default false). */
  replace?: boolean;
  /** Non-negative weights per row (need not sum to 1). */
  weights?: ArrayLike<number> | Column;
  /** Seed of the generator: the same seed gives the same rows (default 0). */
  seed?: number;
}

/**
 * Positions of a seeded random sample. The generator is SplitMix32 (a
 * 32-bit variant of Steele, Lea and Flood's SplitMix), so a seed gives the
 * same rows on every platform; the rows differ from pandas' for the same
 * seed (NumPy's generator is another). Without replacement and with
 * weights, rows are drawn by Efraimidis and Spirakis' method (the largest
 * `u^(1/w)` keys).
 */
export function samplePositions(length: number, options: SampleOptions | undefined): Int32Array {
  const o = (options ?? {}) as Record<string, unknown>;
  if (!isObject(o)) throw new OptionError(`invalid options for sample: ${show(options)}`);
  const allowed = ["n", "frac", "replace", "weights", "seed"];
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key))
      throw new OptionError(`unknown option for sample: "${key}" (expected ${allowed.join(", ")})`);
  }
  if (o.n !== undefined && o.frac !== undefined) throw new OptionError("sample takes n or frac, not both");
  const replace = maybeBoolean("replace", o.replace, false);
  let n: number;
  if (o.frac !== undefined) {
    const f = o.frac;
    if (typeof f !== "number" || !(f >= 0) || (!replace && f > 1)) {
      throw new OptionError(`invalid frac: ${show(f)} (expected a number in [0, 1], or >= 0 with replace)`);
    }
    n = Math.round(f * length);
  } else n = o.n === undefined ? 1 : nonNegativeInt("n", o.n);
  if (!replace && n > length) {
    throw new OptionError(`cannot sample ${n} rows from ${length} without replacement (pass replace: true)`);
  }
  const seed = o.seed === undefined ? 0 : o.seed;
  if (typeof seed !== "number" || !Number.isSafeInteger(seed))
    throw new OptionError(`invalid seed: ${show(seed)} (expected an integer)`);
  const rand = splitmix32(seed);
  const w = o.weights === undefined ? null : weightsOf(o.weights, length);
  const out = new Int32Array(n);
  if (w === null) {
    if (replace) for (let j = 0; j < n; j++) out[j] = Math.floor(rand() * length);
    else {
      // partial Fisher–Yates over a position array
      const pos = Int32Array.from({ length }, (_, i) => i);
      for (let j = 0; j < n; j++) {
        const k = j + Math.floor(rand() * (length - j));
        const t = pos[k] as number;
        pos[k] = pos[j] as number;
        pos[j] = t;
        out[j] = t;
      }
    }
    return out;
  }
  if (replace) {
    const cum = new Float64Array(length);
    let total = 0;
    for (let i = 0; i < length; i++) cum[i] = total += w[i] as number;
    for (let j = 0; j < n; j++) {
      const u = rand() * total;
      let lo = 0;
      let hi = length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cum[mid] as number) > u) hi = mid;
        else lo = mid + 1;
      }
      out[j] = lo;
    }
    return out;
  }
  let positive = 0;
  for (let i = 0; i < length; i++) if ((w[i] as number) > 0) positive++;
  if (n > positive)
    throw new OptionError(
      `cannot sample ${n} rows without replacement: only ${positive} have a positive weight`,
    );
  const keys = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const wi = w[i] as number;
    keys[i] = wi > 0 ? Math.log(rand()) / wi : Number.NEGATIVE_INFINITY;
  }
  const order = argsort(column(keys), { descending: true });
  return order.slice(0, n);
}

function weightsOf(weights: unknown, length: number): Float64Array {
  let arr: ArrayLike<unknown>;
  if (
    weights !== null &&
    typeof weights === "object" &&
    "toArray" in weights &&
    typeof (weights as Column).toArray === "function"
  ) {
    arr = (weights as Column).toArray();
  } else if (
    weights !== null &&
    typeof weights === "object" &&
    typeof (weights as ArrayLike<unknown>).length === "number"
  ) {
    arr = weights as ArrayLike<unknown>;
  } else throw new OptionError(`invalid weights: ${show(weights)} (expected an array of numbers)`);
  if (arr.length !== length) throw new OptionError(`weights has ${arr.length} values for ${length} rows`);
  const w = new Float64Array(length);
  let total = 0;
  for (let i = 0; i < length; i++) {
    const x = arr[i];
    const v = typeof x === "bigint" ? Number(x) : x;
    if (typeof v !== "number" || !(v >= 0) || !Number.isFinite(v)) {
      throw new OptionError(`invalid weight at row ${i}: ${show(x)} (expected a finite number >= 0)`);
    }
    w[i] = v;
    total += v;
  }
  if (total === 0) throw new OptionError("weights sum to zero");
  return w;
}

/** SplitMix32: a small, well-mixed 32-bit generator; returns floats in [0, 1). */
function splitmix32(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return (z >>> 0) / 4294967296;
  };
}

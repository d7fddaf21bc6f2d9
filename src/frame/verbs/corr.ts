/** `corr` and `cov`: pairwise correlation and covariance of the numeric columns. */
import type { Chunk } from "../../core/chunk.js";
import type { Column } from "../../core/column.js";
import { dtypeToString, float64, isNumeric, utf8 } from "../../core/dtype.js";
import { DTypeError, OptionError } from "../../core/errors.js";
import { column } from "../../core/from-values.js";
import { rank } from "../../core/kernels/rank.js";
import { f64Blocks } from "../../core/kernels/reduce-loops.js";
import { isObject, keyword, maybeBoolean, nonNegativeInt, show } from "../../util/is.js";
import { DataFrame } from "../frame.js";
import type { Schema } from "../schema.js";

/** Options of `corr`. */
export interface CorrOptions {
  /** "pearson" (default) or "spearman" (Pearson on average ranks). */
  method?: "pearson" | "spearman";
  /** Fewer complete pairs of values than this give null (default 1). */
  minPeriods?: number;
  /** Leave non-numeric, non-bool columns out instead of raising (default false). */
  numericOnly?: boolean;
}

/** Options of `cov`. */
export interface CovOptions {
  /** Delta degrees of freedom: the divisor is n − ddof (default 1). */
  ddof?: number;
  /** Fewer complete pairs of values than this give null (default 1). */
  minPeriods?: number;
  /** Leave non-numeric, non-bool columns out instead of raising (default false). */
  numericOnly?: boolean;
}

/** One column as doubles; `ok[i] = 1` where row i is neither null nor NaN (`ok` null: every row). */
interface Dense {
  x: Float64Array;
  ok: Uint8Array | null;
}

function dense(col: Column): Dense {
  const only = col.chunks.length === 1 ? (col.chunks[0] as Chunk) : null;
  if (only !== null && only.validity === null && only.values instanceof Float64Array) {
    // the common case: read the buffer in place, unless NaN must be marked
    const v = only.values;
    let nan = false;
    for (let i = 0; i < v.length && !nan; i++) nan = Number.isNaN(v[i] as number);
    if (!nan) return { x: v, ok: null };
  }
  const x = new Float64Array(col.length);
  const ok = new Uint8Array(col.length);
  let base = 0;
  let n = 0;
  f64Blocks(col.chunks, (a, s, e, vb, voff) => {
    for (let i = s; i < e; i++) {
      const j = voff + i;
      const v = a[i] as number;
      const k = base + i - s;
      x[k] = v;
      if ((vb === null || (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 1) && !Number.isNaN(v)) {
        ok[k] = 1;
        n++;
      }
    }
    base += e - s;
  });
  return { x, ok: n === col.length ? null : ok };
}

/** The rows where both columns hold a value, as two gathered arrays. */
function pairs(a: Dense, b: Dense): [Float64Array, Float64Array] {
  if (a.ok === null && b.ok === null) return [a.x, b.x];
  const n = a.x.length;
  const both = new Uint8Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const k = (a.ok === null ? 1 : (a.ok[i] as number)) & (b.ok === null ? 1 : (b.ok[i] as number));
    both[i] = k;
    m += k;
  }
  const xs = new Float64Array(m);
  const ys = new Float64Array(m);
  for (let i = 0, k = 0; i < n; i++) {
    if (both[i]) {
      xs[k] = a.x[i] as number;
      ys[k++] = b.x[i] as number;
    }
  }
  return [xs, ys];
}

/** Σ(x − x̄)², Σ(y − ȳ)², Σ(x − x̄)(y − ȳ), in two passes (means first), for accuracy. */
function moments(xs: Float64Array, ys: Float64Array): [number, number, number] {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i] as number;
    my += ys[i] as number;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return [sxx, syy, sxy];
}

function pearson(xs: Float64Array, ys: Float64Array): number | null {
  const [sxx, syy, sxy] = moments(xs, ys);
  const d = Math.sqrt(sxx * syy);
  if (!(d > 0) || !Number.isFinite(d)) return null;
  return Math.max(-1, Math.min(1, sxy / d));
}

const averageRanks = (x: Float64Array): Float64Array =>
  rank(column(x, float64)).combine().values as Float64Array;

function checkOptions(fn: string, options: unknown, allowed: readonly string[]): Record<string, unknown> {
  const o = (options ?? {}) as Record<string, unknown>;
  if (!isObject(o)) throw new OptionError(`invalid options for ${fn}: ${show(options)} (expected an object)`);
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k))
      throw new OptionError(`unknown option for ${fn}: "${k}" (expected ${allowed.join(", ")})`);
  }
  return o;
}

/** The numeric and bool columns, densified; others raise unless `numericOnly`. */
function numericColumns<S extends Schema>(fn: string, df: DataFrame<S>, numericOnly: boolean) {
  const names: string[] = [];
  const data: Dense[] = [];
  for (const [name, c] of df.toColumns() as Map<string, Column>) {
    if (!isNumeric(c.dtype) && c.dtype.kind !== "bool") {
      if (numericOnly) continue;
      throw new DTypeError(
        `${fn}: column ${JSON.stringify(name)} has dtype ${dtypeToString(c.dtype)}, not a number; pass numericOnly: true to leave it out`,
      );
    }
    names.push(name);
    data.push(dense(c));
  }
  return { names, data };
}

/** A symmetric k × k matrix as a frame indexed and named by `names`. */
function matrix(names: readonly string[], cell: (i: number, j: number) => number | null): DataFrame {
  const k = names.length;
  const cells: (number | null)[][] = Array.from({ length: k }, () => new Array<number | null>(k).fill(null));
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const v = cell(i, j);
      (cells[i] as (number | null)[])[j] = v;
      (cells[j] as (number | null)[])[i] = v;
    }
  }
  const out = new Map<string, Column>();
  names.forEach((n, j) => {
    out.set(
      n,
      column(
        cells.map((row) => row[j] ?? null),
        float64,
      ),
    );
  });
  return new DataFrame(out, { index: column(names, utf8) });
}

/**
 * Correlate every pair of numeric columns, as pandas' `DataFrame.corr`:
 * a symmetric float64 frame indexed and named by the columns.
 *
 * Each pair uses the rows where both values are present (not null, not
 * NaN; pairwise-complete, as pandas). "pearson" is Σ(x − x̄)(y − ȳ) /
 * √(Σ(x − x̄)² Σ(y − ȳ)²) with the means of those rows, computed in two
 * passes and clamped to [−1, 1]; "spearman" is Pearson on the average
 * ranks of those rows (ties share their mean rank). A pair gives null —
 * where pandas gives NaN — with fewer than `minPeriods` complete rows, or
 * when a column is constant over them. Bool columns count as 0/1; integer
 * columns are read as float64 (int64 beyond 2^53 rounds). A non-numeric
 * column raises a `DTypeError` naming it unless `numericOnly: true`. Cost:
 * O(k² n) for k columns and n rows; spearman adds a rank per column and
 * pair when values are missing (once per column otherwise).
 *
 * @param df - the frame
 * @param options - `method`, `minPeriods`, `numericOnly`
 * @returns the correlation matrix
 * @example
 * ```ts
 * import { DataFrame, corr } from "ndframe";
 * const df = new DataFrame({ a: [1, 2, 3, 4], b: [2, 4, 6, 9], c: [4, 3, 2, 1] });
 * corr(df).get("c").toArray(); // => [-1, -11.5 / Math.sqrt(133.75), 1]
 * corr(df, { method: "spearman" }).get("b").toArray(); // => [1, 1, -1]
 * // pandas' DataFrame.corr example: dogs and cats share only 2 complete rows
 * const pets = new DataFrame({ dogs: [1, 2, null, 4], cats: [1, null, 3, 4] });
 * corr(pets, { minPeriods: 3 }).get("dogs").toArray(); // => [1, null]
 * ```
 */
export function corr<S extends Schema>(df: DataFrame<S>, options?: CorrOptions): DataFrame {
  const o = checkOptions("corr", options, ["method", "minPeriods", "numericOnly"]);
  const method =
    o.method === undefined ? "pearson" : keyword("method", o.method, ["pearson", "spearman"] as const);
  const minPeriods = o.minPeriods === undefined ? 1 : nonNegativeInt("minPeriods", o.minPeriods);
  const { names, data } = numericColumns("corr", df, maybeBoolean("numericOnly", o.numericOnly, false));
  // without missing values every pair uses all rows: rank each column once
  const ranked =
    method === "spearman" && data.every((d) => d.ok === null)
      ? data.map((d) => ({ ...d, x: averageRanks(d.x) }))
      : null;
  return matrix(names, (i, j) => {
    const a = (ranked ?? data)[i] as Dense;
    const b = (ranked ?? data)[j] as Dense;
    let [xs, ys] = pairs(a, b);
    if (xs.length < minPeriods) return null;
    if (method === "spearman" && ranked === null) {
      xs = averageRanks(xs);
      ys = i === j ? xs : averageRanks(ys);
    }
    const r = pearson(xs, ys);
    return i === j && r !== null ? 1 : r;
  });
}

/**
 * Compute the covariance of every pair of numeric columns, as pandas'
 * `DataFrame.cov`: a symmetric float64 frame indexed and named by the
 * columns.
 *
 * Each pair uses the rows where both values are present (not null, not
 * NaN): Σ(x − x̄)(y − ȳ) / (n − ddof), with the means of those rows,
 * in two passes. Unlike pandas, `ddof` applies with missing values too
 * (pandas then ignores it). A pair gives null — where pandas gives NaN —
 * with fewer than `minPeriods` complete rows or n ≤ ddof. Bool columns
 * count as 0/1; integers are read as float64. A non-numeric column raises
 * a `DTypeError` naming it unless `numericOnly: true`. Cost: O(k² n).
 *
 * @param df - the frame
 * @param options - `ddof`, `minPeriods`, `numericOnly`
 * @returns the covariance matrix
 * @example
 * ```ts
 * import { DataFrame, cov } from "ndframe";
 * // pandas' DataFrame.cov example
 * const df = new DataFrame({ dogs: [1, 0, 2, 1], cats: [2, 3, 0, 1] });
 * cov(df).get("dogs").toArray(); // => [2 / 3, -1]
 * cov(df).get("cats").toArray(); // => [-1, 5 / 3]
 * cov(df, { ddof: 0 }).get("dogs").toArray(); // => [0.5, -0.75]
 * ```
 */
export function cov<S extends Schema>(df: DataFrame<S>, options?: CovOptions): DataFrame {
  const o = checkOptions("cov", options, ["ddof", "minPeriods", "numericOnly"]);
  const ddof = o.ddof === undefined ? 1 : nonNegativeInt("ddof", o.ddof);
  const minPeriods = o.minPeriods === undefined ? 1 : nonNegativeInt("minPeriods", o.minPeriods);
  const { names, data } = numericColumns("cov", df, maybeBoolean("numericOnly", o.numericOnly, false));
  return matrix(names, (i, j) => {
    const [xs, ys] = pairs(data[i] as Dense, data[j] as Dense);
    const n = xs.length;
    if (n < minPeriods || n <= ddof) return null;
    return (moments(xs, ys)[2] as number) / (n - ddof);
  });
}

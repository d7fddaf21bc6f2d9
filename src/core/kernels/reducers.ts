/**
 * The reducer registry: one declarative entry per reducer naming the dtype
 * kinds it accepts, its result dtype, its options, the whole-column
 * implementation and the accumulator (init / add / remove / value, see
 * reduce-accumulators.ts) that group-by and rolling windows reuse.
 *
 * `reduceByCodes` and `reduceRolling` are the reference drivers of the
 * accumulator protocol; the group-by and window issues may replace them
 * with specialised loops but keep the same entries.
 * @internal
 */
import type { Column } from "../column.js";
import {
  bool,
  type DType,
  type DTypeKind,
  dtypeToString,
  float64,
  int64,
  isFloat,
  isUnsignedInteger,
  uint64,
} from "../dtype.js";
import { DTypeError, ShapeError } from "../errors.js";
import {
  type Accumulator,
  CountAccumulator,
  ExtremeAccumulator,
  FirstAccumulator,
  MeanAccumulator,
  MomentAccumulator,
  ProdAccumulator,
  SumAccumulator,
  TruthAccumulator,
  VarAccumulator,
} from "./reduce-accumulators.js";
import { f64Blocks } from "./reduce-loops.js";
import { argImpl, extremeImpl } from "./reduce-minmax.js";
import { allImpl, anyImpl, countImpl, firstImpl } from "./reduce-misc.js";
import { kurtImpl, skewImpl, stdImpl, varImpl } from "./reduce-moments.js";
import { type Interpolation, medianImpl } from "./reduce-quantile.js";
import { meanImpl, prodImpl, sumImpl } from "./reduce-sum.js";

/** A reduction result: the JS scalar of the result dtype, or null. */
export type Scalar = number | bigint | boolean | string | null;

/** Options after normalisation at the public boundary. */
export interface Normalized {
  skipna: boolean;
  ddof: number;
  minCount: number;
  interpolation: Interpolation;
}

export type ReducerName =
  | "sum"
  | "prod"
  | "mean"
  | "var"
  | "std"
  | "skew"
  | "kurt"
  | "min"
  | "max"
  | "argmin"
  | "argmax"
  | "median"
  | "count"
  | "any"
  | "all"
  | "first"
  | "last";

/** One registry entry. */
export interface ReducerSpec {
  /** Dtype kinds the reducer accepts; others raise a DTypeError naming both. */
  readonly accepts: ReadonlySet<DTypeKind>;
  /** Option names the public function takes. */
  readonly options: readonly (keyof Normalized)[];
  /** The result dtype for an input dtype (the dtype of a group-by result column). */
  readonly result: (d: DType) => DType;
  /** Whole-column implementation; trusts its input. */
  readonly reduce: (col: Column, o: Normalized) => Scalar;
  /** Accumulators for `slots` places (null: the reducer needs all values, e.g. median). */
  readonly init: ((slots: number, o: Normalized) => Accumulator) | null;
  /** True when `remove` works, so rolling windows can slide in O(1). */
  readonly invertible: boolean;
}

// biome-ignore format: one row per kind group
const INTS: DTypeKind[] = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"];
const NUM: DTypeKind[] = [...INTS, "float32", "float64", "bool"];
const ORDERED: DTypeKind[] = [
  ...NUM,
  "date",
  "timestamp",
  "duration",
  "time",
  "utf8",
  "large_utf8",
  "dictionary",
];
const ALL: DTypeKind[] = [...ORDERED, "binary", "list"];

const kinds = (k: DTypeKind[]): ReadonlySet<DTypeKind> => new Set(k);
const same = (d: DType): DType => d;
const toFloat = (): DType => float64;
/** Sums and products: floats stay float (computed in float64), integers widen to 64 bits. */
const wide = (d: DType): DType =>
  isFloat(d) ? float64 : d.kind === "duration" ? d : isUnsignedInteger(d) ? uint64 : int64;

const S: (keyof Normalized)[] = ["skipna"];

/** The registry (NumPy's ufunc table / Arquero's aggregate table, for reductions). */
export const REDUCERS: Readonly<Record<ReducerName, ReducerSpec>> = Object.freeze({
  sum: {
    accepts: kinds([...NUM, "duration"]),
    options: ["skipna", "minCount"],
    result: wide,
    reduce: (c, o) => sumImpl(c, o.skipna, o.minCount),
    init: (n, o) => new SumAccumulator(n, o.minCount),
    invertible: true,
  },
  prod: {
    accepts: kinds(NUM),
    options: ["skipna", "minCount"],
    result: wide,
    reduce: (c, o) => prodImpl(c, o.skipna, o.minCount),
    init: (n, o) => new ProdAccumulator(n, o.minCount),
    invertible: false,
  },
  mean: {
    accepts: kinds(NUM),
    options: S,
    result: toFloat,
    reduce: (c, o) => meanImpl(c, o.skipna),
    init: (n) => new MeanAccumulator(n),
    invertible: true,
  },
  var: {
    accepts: kinds(NUM),
    options: ["skipna", "ddof"],
    result: toFloat,
    reduce: (c, o) => varImpl(c, o.skipna, o.ddof),
    init: (n, o) => new VarAccumulator(n, o.ddof),
    invertible: true,
  },
  std: {
    accepts: kinds(NUM),
    options: ["skipna", "ddof"],
    result: toFloat,
    reduce: (c, o) => stdImpl(c, o.skipna, o.ddof),
    init: (n, o) => new VarAccumulator(n, o.ddof, true),
    invertible: true,
  },
  skew: {
    accepts: kinds(NUM),
    options: S,
    result: toFloat,
    reduce: (c, o) => skewImpl(c, o.skipna),
    init: (n) => new MomentAccumulator(n, 3),
    invertible: true,
  },
  kurt: {
    accepts: kinds(NUM),
    options: S,
    result: toFloat,
    reduce: (c, o) => kurtImpl(c, o.skipna),
    init: (n) => new MomentAccumulator(n, 4),
    invertible: true,
  },
  min: {
    accepts: kinds(ORDERED),
    options: S,
    result: same,
    reduce: (c, o) => extremeImpl(c, o.skipna, false) as Scalar,
    init: (n) => new ExtremeAccumulator(n, false),
    invertible: false,
  },
  max: {
    accepts: kinds(ORDERED),
    options: S,
    result: same,
    reduce: (c, o) => extremeImpl(c, o.skipna, true) as Scalar,
    init: (n) => new ExtremeAccumulator(n, true),
    invertible: false,
  },
  argmin: {
    accepts: kinds(ORDERED),
    options: S,
    result: () => int64,
    reduce: (c, o) => argImpl(c, o.skipna, false),
    init: null,
    invertible: false,
  },
  argmax: {
    accepts: kinds(ORDERED),
    options: S,
    result: () => int64,
    reduce: (c, o) => argImpl(c, o.skipna, true),
    init: null,
    invertible: false,
  },
  median: {
    accepts: kinds(NUM),
    options: ["skipna", "interpolation"],
    result: toFloat,
    reduce: (c, o) => medianImpl(c, o.skipna, o.interpolation),
    init: null,
    invertible: false,
  },
  count: {
    accepts: kinds(ALL),
    options: [],
    result: () => int64,
    reduce: (c) => countImpl(c),
    init: (n) => new CountAccumulator(n),
    invertible: true,
  },
  any: {
    accepts: kinds(NUM),
    options: S,
    result: () => bool,
    reduce: (c, o) => anyImpl(c, o.skipna),
    init: (n) => new TruthAccumulator(n, false),
    invertible: true,
  },
  all: {
    accepts: kinds(NUM),
    options: S,
    result: () => bool,
    reduce: (c, o) => allImpl(c, o.skipna),
    init: (n) => new TruthAccumulator(n, true),
    invertible: true,
  },
  first: {
    accepts: kinds(ALL),
    options: S,
    result: same,
    reduce: (c, o) => firstImpl(c, o.skipna, false) as Scalar,
    init: (n) => new FirstAccumulator(n, false),
    invertible: false,
  },
  last: {
    accepts: kinds(ALL),
    options: S,
    result: same,
    reduce: (c, o) => firstImpl(c, o.skipna, true) as Scalar,
    init: (n) => new FirstAccumulator(n, true),
    invertible: false,
  },
});

/** Throw a DTypeError unless `name` accepts the column's dtype. */
export function checkAccepts(name: string, spec: ReducerSpec, col: Column): void {
  if (!spec.accepts.has(col.dtype.kind)) {
    throw new DTypeError(
      `${name} does not support dtype ${dtypeToString(col.dtype)} (expected one of ${[...spec.accepts].join(", ")})`,
    );
  }
}

export const DEFAULTS: Readonly<Normalized> = Object.freeze({
  skipna: true,
  ddof: 1,
  minCount: 0,
  interpolation: "linear",
});

function accumulatorOf(name: ReducerName, col: Column, slots: number, o: Normalized): Accumulator {
  const spec = REDUCERS[name];
  checkAccepts(name, spec, col);
  if (spec.init === null) throw new DTypeError(`${name} has no accumulator (it needs every value at once)`);
  if (col.dtype.kind === "utf8" || col.dtype.kind === "large_utf8" || col.dtype.kind === "dictionary") {
    throw new DTypeError(`${name} accumulators take numeric values, not ${dtypeToString(col.dtype)}`);
  }
  return spec.init(slots, o);
}

/** Visit (position, value) of every valid non-NaN value of a numeric column as doubles. */
function eachValue(col: Column, fn: (i: number, x: number) => void): void {
  let base = 0;
  f64Blocks(col.chunks, (a, s, e, vb, voff) => {
    for (let i = s; i < e; i++) {
      const j = voff + i;
      if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
      const x = a[i] as number;
      if (!Number.isNaN(x)) fn(base + i - s, x);
    }
    base += e - s;
  });
}

/**
 * Reduce a numeric column per group: `codes[i]` is row i's group in
 * `[0, groups)` (negative: row dropped). Nulls and NaN are skipped.
 * Reference driver of the accumulator protocol (one `add` per row).
 */
export function reduceByCodes(
  name: ReducerName,
  col: Column,
  codes: Int32Array,
  groups: number,
  options: Partial<Normalized> = {},
): (number | null)[] {
  if (codes.length !== col.length) {
    throw new ShapeError(`codes have length ${codes.length} but the column has length ${col.length}`);
  }
  const acc = accumulatorOf(name, col, groups, { ...DEFAULTS, ...options });
  eachValue(col, (i, x) => {
    const g = codes[i] as number;
    if (g >= 0) acc.add(g, x);
  });
  return Array.from({ length: groups }, (_, g) => acc.value(g));
}

/**
 * Reduce a sliding window of `window` rows ending at each row (as pandas'
 * `rolling(window, min_periods=1)`): each value is added once when it
 * enters and removed once when it leaves, so invertible reducers cost O(1)
 * per row. Rows whose window holds no valid value give null.
 */
export function reduceRolling(
  name: ReducerName,
  col: Column,
  window: number,
  options: Partial<Normalized> = {},
): (number | null)[] {
  const spec = REDUCERS[name];
  if (!spec.invertible) throw new DTypeError(`${name} is not invertible; it cannot slide a window`);
  const acc = accumulatorOf(name, col, 1, { ...DEFAULTS, ...options });
  const x = new Float64Array(col.length);
  const valid = new Uint8Array(col.length);
  eachValue(col, (i, v) => {
    x[i] = v;
    valid[i] = 1;
  });
  const out: (number | null)[] = new Array(col.length);
  let inWindow = 0;
  for (let i = 0; i < col.length; i++) {
    if (valid[i]) {
      acc.add(0, x[i] as number);
      inWindow++;
    }
    const leaving = i - window;
    if (leaving >= 0 && valid[leaving]) {
      acc.remove(0, x[leaving] as number);
      inWindow--;
    }
    out[i] = inWindow === 0 ? null : acc.value(0);
  }
  return out;
}

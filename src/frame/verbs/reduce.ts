/** `aggregate`: one reduction per column, as a Series indexed by column name. */
import { Column } from "../../core/column.js";
import { type DType, dtypeEquals, dtypeToString, float64, int64, isNumeric, utf8 } from "../../core/dtype.js";
import { CastError, DTypeError, OptionError } from "../../core/errors.js";
import { column } from "../../core/from-values.js";
import { castColumn } from "../../core/kernels/cast.js";
import { DEFAULTS, type Normalized, REDUCERS, type ReducerName } from "../../core/kernels/reducers.js";
import { nunique } from "../../core/kernels/unique.js";
import { promoteAll } from "../../core/promotion.js";
import { Series } from "../../series/series.js";
import { isObject, keyword, maybeBoolean, nonNegativeInt, show } from "../../util/is.js";
import type { DataFrame } from "../frame.js";
import type { Schema } from "../schema.js";

/** The reductions `aggregate` runs on each column. */
export type AggregateHow =
  | "sum"
  | "prod"
  | "mean"
  | "median"
  | "min"
  | "max"
  | "std"
  | "var"
  | "count"
  | "nunique"
  | "any"
  | "all"
  | "skew"
  | "kurt"
  | "first"
  | "last";

/** Options of `aggregate`; each reduction takes only those that apply to it. */
export interface AggregateOptions {
  /** Skip nulls and NaN (default true): every reduction but count and nunique. */
  skipna?: boolean;
  /** Delta degrees of freedom of std and var (default 1). */
  ddof?: number;
  /** Fewer valid values than this give null in sum and prod (default 0). */
  minCount?: number;
  /** Reduce only the numeric and bool columns, leaving the others out (default false). */
  numericOnly?: boolean;
  /** nunique: leave nulls out of the count (default true). */
  dropna?: boolean;
}

const HOWS: readonly AggregateHow[] = [
  "sum",
  "prod",
  "mean",
  "median",
  "min",
  "max",
  "std",
  "var",
  "count",
  "nunique",
  "any",
  "all",
  "skew",
  "kurt",
  "first",
  "last",
];

/** The options each reduction accepts. */
function optionsOf(how: AggregateHow): readonly (keyof AggregateOptions)[] {
  switch (how) {
    case "sum":
    case "prod":
      return ["skipna", "minCount", "numericOnly"];
    case "std":
    case "var":
      return ["skipna", "ddof", "numericOnly"];
    case "count":
      return ["numericOnly"];
    case "nunique":
      return ["dropna"];
    default:
      return ["skipna", "numericOnly"];
  }
}

const isNumberLike = (d: DType): boolean => isNumeric(d) || d.kind === "bool";

/** A reduction's result dtype for a column: dictionaries give their value type. */
function resultDType(how: AggregateHow, d: DType): DType {
  if (how === "nunique") return int64;
  const r = REDUCERS[how as ReducerName].result(d);
  return r.kind === "dictionary" ? r.value : r;
}

const SAFE = { intOverflow: false, floatTruncate: false, timeTruncate: false };

/**
 * Reduce every column to one value, as pandas' `df.sum()`, `df.mean()`,
 * `df.count()` …: the result is a Series indexed by column name (in column
 * order), with no name.
 *
 * Which columns: `count`, `nunique`, `min`, `max`, `first` and `last`
 * take every dtype they can order or count (min/max: numbers, bool,
 * temporal, strings, dictionaries; count/nunique/first/last: all).
 * `sum`, `prod`, `mean`, `median`, `std`, `var`, `skew`, `kurt`, `any` and
 * `all` need numeric or bool columns (sum also takes durations): another
 * column raises a `DTypeError` naming it, unless `numericOnly: true`,
 * which leaves every non-numeric, non-bool column out (as pandas'
 * `numeric_only`). Nulls follow the column reductions of
 * `ndframe/compute` (skipped; too few values give null where pandas gives
 * NaN).
 *
 * Result dtype — one Series holds one dtype: each column's result has the
 * dtype of the column reduction (sum/prod: int64 for integers and bools,
 * uint64 for unsigned, float64 for floats; mean/median/std/var/skew/kurt:
 * float64; count/nunique: int64; any/all: bool; min/max/first/last: the
 * column's own dtype, dictionaries as their strings). When they differ,
 * they meet in `promote`'s common dtype (int64 and float64 → float64), and
 * the values are cast with checks: an exact integer result that float64
 * cannot hold (a sum beyond 2^53) raises a `CastError` naming the column
 * rather than round silently — reduce that column alone, or cast it to
 * float64 first to accept the rounding. With no common dtype (strings
 * next to numbers in `min`, where pandas gives an object Series) every
 * value is written as text and the Series is utf8 (numbers as JS prints
 * them, dates in ISO 8601). All-integer results stay exact int64 bigints.
 * Cost: one column reduction per column.
 *
 * @param df - the frame
 * @param how - the reduction
 * @param options - `skipna`, `ddof` (std, var), `minCount` (sum, prod), `numericOnly`, `dropna` (nunique)
 * @returns a Series of one value per column, indexed by column name
 * @example
 * ```ts
 * import { DataFrame, aggregate } from "ndframe";
 * // pandas' DataFrame.mean example
 * const df = new DataFrame({ a: [1, 2], b: [2, 3] }, { index: ["tiger", "zebra"] });
 * aggregate(df, "mean").toArray(); // => [1.5, 2.5]
 * aggregate(df, "mean").index.toColumn().toArray(); // => ["a", "b"]
 * const people = new DataFrame({ person: ["John", "Myla", "Lewis"], age: [24, null, 21] });
 * aggregate(people, "count").toArray(); // => [3n, 2n]
 * aggregate(people, "sum", { numericOnly: true }).toArray(); // => [45]
 * aggregate(new DataFrame({ i: new Int32Array([1, 2]) }), "sum").toArray(); // => [3n]
 * ```
 */
export function aggregate<S extends Schema>(
  df: DataFrame<S>,
  how: AggregateHow,
  options?: AggregateOptions,
): Series {
  const h = keyword("how", how, HOWS);
  const o = normalize(h, options);
  const names: string[] = [];
  const parts: Column[] = [];
  for (const [name, col] of df.toColumns() as Map<string, Column>) {
    if (o.numericOnly && !isNumberLike(col.dtype)) continue;
    names.push(name);
    parts.push(reduceOne(h, name, col, o));
  }
  return new Series(combine(h, names, parts), { index: column(names, utf8) });
}

interface AggOptions extends Normalized {
  numericOnly: boolean;
  dropna: boolean;
}

function normalize(how: AggregateHow, options: AggregateOptions | undefined): AggOptions {
  const o = (options ?? {}) as Record<string, unknown>;
  if (!isObject(o))
    throw new OptionError(`invalid options for ${how}: ${show(options)} (expected an object)`);
  const allowed = optionsOf(how);
  for (const k of Object.keys(o)) {
    if (!(allowed as readonly string[]).includes(k)) {
      throw new OptionError(`unknown option for ${how}: "${k}" (expected ${allowed.join(", ")})`);
    }
  }
  return {
    ...DEFAULTS,
    skipna: maybeBoolean("skipna", o.skipna, true),
    ddof: o.ddof === undefined ? 1 : nonNegativeInt("ddof", o.ddof),
    minCount: o.minCount === undefined ? 0 : nonNegativeInt("minCount", o.minCount),
    numericOnly: maybeBoolean("numericOnly", o.numericOnly, false),
    dropna: maybeBoolean("dropna", o.dropna, true),
  };
}

/** One column's result as a one-element column of the reduction's result dtype. */
function reduceOne(how: AggregateHow, name: string, col: Column, o: AggOptions): Column {
  if (how === "nunique") return column([nunique(col, { dropna: o.dropna })], int64);
  const spec = REDUCERS[how as ReducerName];
  if (!spec.accepts.has(col.dtype.kind)) {
    const hint = isNumberLike(col.dtype) ? "" : "; pass numericOnly: true to leave it out";
    throw new DTypeError(
      `${how}: column ${JSON.stringify(name)} has dtype ${dtypeToString(col.dtype)}, which ${how} does not support${hint}`,
    );
  }
  return column([spec.reduce(col, o)], resultDType(how, col.dtype));
}

/** The per-column results as one column of their common dtype (utf8 text when there is none). */
function combine(how: AggregateHow, names: readonly string[], parts: readonly Column[]): Column {
  if (parts.length === 0) return column([], resultDType(how, float64));
  const first = (parts[0] as Column).dtype;
  if (parts.every((p) => dtypeEquals(p.dtype, first)))
    return new Column(
      first,
      parts.flatMap((p) => p.chunks),
    ).rechunk();
  let target: DType;
  try {
    target = promoteAll(parts.map((p) => p.dtype));
  } catch {
    target = utf8; // no common dtype: pandas gives an object Series, we give text
  }
  const chunks = parts.flatMap((p, i) => {
    try {
      return castColumn(p, target, SAFE).chunks;
    } catch (e) {
      if (!(e instanceof CastError)) throw e;
      const name = JSON.stringify(names[i]);
      throw new CastError(
        `${how}: the result of column ${name} (${show(p.get(0))}, ${dtypeToString(p.dtype)}) does not fit ` +
          `${dtypeToString(target)}, the dtype shared with the other columns; reduce that column alone, ` +
          "or cast it to float64 first to accept rounding",
      );
    }
  });
  return new Column(target, chunks).rechunk();
}

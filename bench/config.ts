/**
 * The benchmark's questions, libraries and targets, shared by the parent
 * (bench/run.ts) and the per-cell child processes (bench/child.ts).
 */

/** An operation timed by the bench. */
export type Op =
  | "add"
  | "muladd"
  | "sum"
  | "mean"
  | "std"
  | "min"
  | "filter"
  | "take"
  | "argsort"
  | "factorize";

/** The data a question runs on (see bench/data.ts for the exact generators). */
export type Kind = "f64" | "i32" | "i64" | "utf8" | "utf8-100" | "utf8-1e5";

/** One row of the result table. */
export interface Question {
  /** `op:kind`, e.g. `sum:f64`. */
  readonly id: string;
  readonly op: Op;
  readonly kind: Kind;
  /** What is timed, in words. */
  readonly title: string;
  /** Which reference the target compares ndframe with, if any. */
  readonly target: Target | null;
}

/** The targets: ndframe / reference must not exceed `limit`. */
export interface Target {
  readonly against: LibId;
  readonly limit: number;
}

const HAND_TARGET: Target = { against: "hand", limit: 1.2 };
const POLARS_TARGET: Target = { against: "polars-1", limit: 1.5 };

const TITLES: Record<Op, string> = {
  add: "a + b",
  muladd: "a * b + c",
  sum: "sum(a)",
  mean: "mean(a)",
  std: "std(a), ddof 1",
  min: "min(a)",
  filter: "a[a > t] (≈50% kept; mask computed inside the timing)",
  take: "a[perm] (random permutation)",
  argsort: "argsort(a)",
  factorize: "factorize(a): per-row codes + uniques",
};

const KIND_NOTES: Partial<Record<Kind, string>> = {
  utf8: "s[a > t] / s[perm], s = 1e5 distinct ids of 12 bytes",
  "utf8-100": "100 distinct ids of 5 bytes",
  "utf8-1e5": "1e5 distinct ids of 12 bytes",
};

function q(op: Op, kind: Kind, target: Target | null): Question {
  const note = KIND_NOTES[kind];
  return { id: `${op}:${kind}`, op, kind, title: note ? `${TITLES[op]}; ${note}` : TITLES[op], target };
}

/** Every question, in table order. */
export const QUESTIONS: readonly Question[] = [
  ...(["add", "muladd", "sum", "mean", "std", "min"] as const).flatMap((op) =>
    (["f64", "i32", "i64"] as const).map((kind) => q(op, kind, HAND_TARGET)),
  ),
  ...(["f64", "i32", "i64", "utf8"] as const).map((kind) => q("filter", kind, null)),
  ...(["f64", "i32", "i64", "utf8"] as const).map((kind) => q("take", kind, null)),
  q("argsort", "f64", POLARS_TARGET),
  q("argsort", "i32", POLARS_TARGET),
  ...(["i32", "i64", "utf8-100", "utf8-1e5"] as const).map((kind) => q("factorize", kind, POLARS_TARGET)),
];

/** A column of the result table: one library in one configuration. */
export type LibId = "ndframe" | "hand" | "hand2" | "arquero" | "polars-1" | "polars" | "duckdb-1" | "duckdb";

export interface Lib {
  readonly id: LibId;
  readonly label: string;
  /** The adapter module under bench/libs/. */
  readonly module: "ndframe" | "hand" | "arquero" | "polars" | "duckdb";
  /** 1 = forced single-threaded; null = the library's default (both cores here). */
  readonly threads: 1 | null;
}

export const LIBS: readonly Lib[] = [
  { id: "ndframe", label: "ndframe", module: "ndframe", threads: 1 },
  { id: "hand", label: "hand loop", module: "hand", threads: 1 },
  { id: "hand2", label: "hand (alt)", module: "hand", threads: 1 },
  { id: "polars-1", label: "polars 1T", module: "polars", threads: 1 },
  { id: "polars", label: "polars", module: "polars", threads: null },
  { id: "duckdb-1", label: "duckdb 1T", module: "duckdb", threads: 1 },
  { id: "duckdb", label: "duckdb", module: "duckdb", threads: null },
  { id: "arquero", label: "arquero", module: "arquero", threads: 1 },
];

/**
 * Cells with no equivalent operation in a library: printed as "—" and not
 * run. `hand2` exists only where a second hand loop is worth showing.
 */
export function unsupported(lib: LibId, question: Question): string | null {
  if (lib === "hand2") {
    return question.id === "sum:f64" || question.id === "mean:f64" || question.op === "muladd"
      ? null
      : "no alternative loop";
  }
  if (lib === "arquero" && question.kind === "i64" && (question.op === "mean" || question.op === "std")) {
    return "Arquero's mean and stdev reject BigInt values";
  }
  if ((lib === "duckdb" || lib === "duckdb-1") && question.op === "take") {
    return "SQL has no positional gather";
  }
  return null;
}

/** A label for what `hand2` is, per question. */
export const HAND2_NOTE =
  "hand (alt) = naive summation (sum, mean) or two passes, a * b then + c (muladd); hand = Neumaier-compensated (sum, mean) or one fused pass (muladd)";

/** The spec a child process receives as its one argument (JSON). */
export interface CellSpec {
  readonly lib: LibId;
  readonly question: string;
  readonly n: number;
  readonly runs: number;
  readonly seed: number;
}

/** What a child prints, after the marker `BENCH_RESULT `, on one stdout line. */
export interface CellResult {
  readonly status: "ok" | "n/a" | "error";
  /** Timed runs, ms (warm-up excluded). */
  readonly times?: number[];
  readonly median?: number;
  readonly min?: number;
  /** Peak resident set size of the child process, MB (includes its input data). */
  readonly rssMB?: number;
  /** A small summary of the result, compared across libraries. */
  readonly check?: Check;
  /** Threads the library reports using. */
  readonly threads?: number;
  readonly message?: string;
}

/** Numbers (compared with a relative tolerance) describing one result. */
export type Check = readonly number[];

/** The marker preceding the child's JSON line on stdout. */
export const RESULT_MARKER = "BENCH_RESULT ";

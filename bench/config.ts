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
  | "factorize"
  | "frame-filter"
  | "frame-assign"
  | "frame-sort2"
  | "frame-describe"
  | "io-csv-read"
  | "io-csv-write"
  | "io-parquet-read"
  | "io-parquet-read-1t"
  | "io-parquet-write"
  | "io-arrow-read"
  | "io-arrow-parse"
  | "str-contains"
  | "str-lower"
  | "str-split"
  | "dt-year"
  | "to-datetime";

/** The data a question runs on (see bench/data.ts for the exact generators). */
export type Kind =
  | "f64"
  | "i32"
  | "i64"
  | "utf8"
  | "utf8-100"
  | "utf8-1e5"
  | "frame"
  | "h2o"
  | "flights"
  | "text"
  | "ts"
  | "iso";

/** One row of the result table. */
export interface Question {
  /** `op:kind`, e.g. `sum:f64`; just the op for the DataFrame and IO questions (`frame-filter`, `io-csv-read`). */
  readonly id: string;
  readonly op: Op;
  readonly kind: Kind;
  /** What is timed, in words. */
  readonly title: string;
  /** The targets for this row (none: reported without a verdict). */
  readonly targets: readonly Target[];
  /** What the "hand" column is for this question when it is not a hand-written loop: a short label and what is timed. */
  readonly hand?: { readonly label: string; readonly what: string };
}

/**
 * One of the targets, on the ratio ndframe / `against`:
 * "within" holds when the ratio is at most `limit` (a limit below 1 asks
 * ndframe to be 1 / limit times faster: 0.2 = at least 5× faster),
 * "faster" when it is below 1.
 */
export type Target =
  | { readonly kind: "within"; readonly against: LibId; readonly limit: number }
  | { readonly kind: "faster"; readonly against: LibId };

/** Whether a ratio ndframe / reference meets a target. */
export function meets(t: Target, ratio: number): boolean {
  return t.kind === "within" ? ratio <= t.limit : ratio < 1;
}

/**
 * How a target reads in the report: `≤ 1.2× hand`, `faster than arquero`,
 * `≥ 5× faster than arquero`; `hand` names what the hand column is for
 * the question when it is not a loop (`≤ 1.1× parquet-wasm decode`).
 */
export function targetLabel(t: Target, hand = "hand"): string {
  const lib = t.against === "hand" ? hand : (LIBS.find((l) => l.id === t.against)?.label ?? t.against);
  if (t.kind === "faster") return `faster than ${lib}`;
  return t.limit < 1 ? `≥ ${+(1 / t.limit).toPrecision(3)}× faster than ${lib}` : `≤ ${t.limit}× ${lib}`;
}

const within = (against: LibId, limit: number): Target => ({ kind: "within", against, limit });
const HAND_TARGET = [within("hand", 1.2)];
const POLARS_TARGET = [within("polars-1", 1.5)];
const FRAME_TARGETS: Target[] = [within("hand", 1.5), { kind: "faster", against: "arquero" }];
// the CSV reader: within 2× of polars on both cores, and at least 5× faster than arquero
const CSV_READ_TARGETS: Target[] = [within("polars", 2), within("arquero", 0.2)];
// the Parquet reader: within 2× of polars on both cores, at most 10% over parquet-wasm's own decode (one thread)
const PARQUET_READ_TARGETS: Target[] = [within("polars", 2), within("hand", 1.1)];

/** The vega-datasets files of the Parquet and Arrow questions (fixed size: they ignore --n). */
export const FLIGHTS_PARQUET = "node_modules/vega-datasets/data/flights-3m.parquet";
export const FLIGHTS_ARROW = "node_modules/vega-datasets/data/flights-200k.arrow";

const FLIGHTS_NOTE =
  "vega-datasets' flights-3m.parquet: 3,000,000 rows in 11 row groups, 13.5 MB; date timestamp[us], delay, distance int64, origin, destination large_utf8 (3-letter codes); in memory (Arrow) 138 MB";

const ARROW_DATA: Record<"flights" | "h2o", string> = {
  flights:
    "vega-datasets' flights-200k.arrow: 200,000 rows, delay, distance int16, time float32, one record batch, 1.6 MB (N ignored)",
  h2o: "the h2o G1 table of N rows as an Arrow IPC file, written once by ndframe's writeArrow from its readCSV of the G1 CSV (id1–id3 utf8, ints, v3 float64)",
};

/** What the hand column is for the Parquet and Arrow questions. */
const PARQUET_DECODE = {
  label: "parquet-wasm decode",
  what: "parquet-wasm's `readParquet(bytes, { batchSize: rows of the largest row group })` on one thread, the bytes read untimed, the decoded table left in wasm memory (freed after timing)",
};
const PARQUET_ENCODE = {
  label: "parquet-wasm encode",
  what: "parquet-wasm's `writeParquet(wasmTable, snappy)` of the table decoded untimed into wasm memory, then its bytes written to the file",
};
const ARROW_HAND = {
  label: "apache-arrow tableFromIPC",
  what: "apache-arrow's `tableFromIPC(bytes)` (which ndframe's reader wraps), after `readFileSync(path)` in io-arrow-read",
};

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
  "frame-filter": "df[df.a > 50]: all three columns of the ≈50% kept rows",
  "frame-assign": "df.assign(c = a * b): the frame with a new column",
  "frame-sort2": "df.sort_values([k, a], ascending=[True, False]): the sorted frame, stable",
  "frame-describe": "df.describe(): count, mean, std, min, 25/50/75%, max of a, b, k",
  "io-csv-read": "read a CSV file into the library's in-memory table, every column materialized",
  "io-csv-write":
    "write the table (loaded untimed by the library's own reader) to a CSV file in a temp directory",
  "io-parquet-read": `read ${FLIGHTS_PARQUET} into the library's in-memory table, every column materialized; ndframe: \`readParquet(path)\`, row groups decoded on worker threads (default: the cores, at most 4)`,
  "io-parquet-read-1t": `io-parquet-read on one thread: ndframe \`readParquet(path, { threads: 1 })\`, polars and DuckDB 1T`,
  "io-parquet-write":
    "write the flights table (loaded untimed by the library's own Parquet reader) to a snappy-compressed Parquet file in a temp directory",
  "io-arrow-read":
    "read an Arrow IPC file into the library's table, the file read included (ndframe: `readArrow(path)`, zero-copy over the file's bytes)",
  "io-arrow-parse":
    "parse Arrow IPC bytes already in memory (read untimed) into the library's table (ndframe: `parseArrow(bytes)`, zero-copy: O(1) in the data size)",
  "str-contains":
    'whether each string contains the literal "ing" (no regex), one bool per row (ndframe: `s.str.contains("ing", { regex: false })`)',
  "str-lower": "each string lowercased into a new string column (ndframe: `s.str.lower()`)",
  "str-split":
    'each string split on " " into a list of strings, one list per row (ndframe: `s.str.split(" ")`, a list<utf8> Series)',
  "dt-year": "the calendar year of each timestamp, one integer per row (ndframe: `s.dt.year`, int32)",
  "to-datetime":
    'parse each "YYYY-MM-DD HH:MM:SS" string into a timestamp (ndframe: `toDatetime(s)`, timestamp[ns])',
};

const KIND_NOTES: Partial<Record<Kind, string>> = {
  utf8: "s[a > t] / s[perm], s = 1e5 distinct ids of 12 bytes",
  "utf8-100": "100 distinct ids of 5 bytes",
  "utf8-1e5": "1e5 distinct ids of 12 bytes",
  frame: "a, b f64 uniform [0, 100), k i32 with 1000 levels",
  h2o: "the h2o db-benchmark G1 file (K = 100): id1, id2, id3 strings, id4, id5, id6, v1, v2 ints, v3 float with 6 decimals; about 52 bytes a row at N = 1e7 (0.5 GB), in Arrow (utf8 + int32 + float64) about 62 bytes a row",
  flights: FLIGHTS_NOTE,
  text: 's = N ASCII sentences of 2–8 words from a 216-word vocabulary (16 capitalized, 21 containing "ing"), single spaces, ≈ 28 bytes a row, utf8',
  ts: "t = N naive timestamp[ns] values, whole seconds uniform over 1970-01-01 … 2037-12-31 plus a random sub-second part",
  iso: 's = N strings "YYYY-MM-DD HH:MM:SS" (19 bytes, utf8), seconds uniform over 1970-01-01 … 2037-12-31',
};

function q(op: Op, kind: Kind, targets: readonly Target[]): Question {
  const note = KIND_NOTES[kind];
  const id = kind === "frame" || kind === "h2o" || kind === "flights" ? op : `${op}:${kind}`;
  return { id, op, kind, title: note ? `${TITLES[op]}; ${note}` : TITLES[op], targets };
}

/** An Arrow question: `io-arrow-read:flights`, `io-arrow-parse:h2o`. */
function arrowQ(op: "io-arrow-read" | "io-arrow-parse", data: "flights" | "h2o"): Question {
  const kind: Kind = data;
  return {
    id: `${op}:${data}`,
    op,
    kind,
    title: `${TITLES[op]}; ${ARROW_DATA[data]}`,
    targets: [],
    hand: ARROW_HAND,
  };
}

/** Every question, in table order. */
export const QUESTIONS: readonly Question[] = [
  ...(["add", "muladd", "sum", "mean", "std", "min"] as const).flatMap((op) =>
    (["f64", "i32", "i64"] as const).map((kind) => q(op, kind, HAND_TARGET)),
  ),
  ...(["f64", "i32", "i64", "utf8"] as const).map((kind) => q("filter", kind, [])),
  ...(["f64", "i32", "i64", "utf8"] as const).map((kind) => q("take", kind, [])),
  q("argsort", "f64", POLARS_TARGET),
  q("argsort", "i32", POLARS_TARGET),
  ...(["i32", "i64", "utf8-100", "utf8-1e5"] as const).map((kind) => q("factorize", kind, POLARS_TARGET)),
  ...(["frame-filter", "frame-assign", "frame-sort2", "frame-describe"] as const).map((op) =>
    q(op, "frame", FRAME_TARGETS),
  ),
  q("io-csv-read", "h2o", CSV_READ_TARGETS),
  q("io-csv-write", "h2o", []),
  { ...q("io-parquet-read", "flights", PARQUET_READ_TARGETS), hand: PARQUET_DECODE },
  { ...q("io-parquet-read-1t", "flights", [within("hand", 1.1)]), hand: PARQUET_DECODE },
  { ...q("io-parquet-write", "flights", []), hand: PARQUET_ENCODE },
  arrowQ("io-arrow-read", "flights"),
  arrowQ("io-arrow-read", "h2o"),
  arrowQ("io-arrow-parse", "flights"),
  arrowQ("io-arrow-parse", "h2o"),
  // issue 5: text and time (no targets in the issue)
  q("str-contains", "text", []),
  q("str-lower", "text", []),
  q("str-split", "text", []),
  q("dt-year", "ts", []),
  q("to-datetime", "iso", []),
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
  if ((lib === "duckdb" || lib === "duckdb-1") && question.op.startsWith("io-arrow")) {
    return "DuckDB reads Arrow IPC files only through its nanoarrow community extension, a network install";
  }
  if (question.op === "io-parquet-read-1t" && (lib === "polars" || lib === "duckdb" || lib === "arquero")) {
    return "the one-thread row: polars and DuckDB on both cores, and Arquero, are in io-parquet-read";
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
  /** Resident set size once the data is loaded and the library prepared, before the first run, MB. */
  readonly baseMB?: number;
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

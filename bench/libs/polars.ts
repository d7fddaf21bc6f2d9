/**
 * nodejs-polars, eager DataFrame + expressions (`df.select(expr)`), which
 * returns a materialized DataFrame. The parent sets POLARS_MAX_THREADS=1 in
 * the environment of the single-threaded child before polars loads.
 *
 * Factorize: strings by `cast(Categorical).toPhysical()` (hash-based, codes
 * per row, as db-benchmark loads string keys); integers by
 * `rank("dense")`, Polars' fastest op giving dense codes per row (faster
 * here than `groupBy(k).agg(len())`, which gives no codes).
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import * as arrow from "apache-arrow";
import pl from "nodejs-polars";
import type { Check } from "../config.js";
import type { Data, Strings } from "../data.js";
import { h2oCheck } from "../h2o.js";
import {
  arrowFlightsCheck,
  assignCheck,
  csvWriteTask,
  DESCRIBE_STATS,
  FRAME_COLUMNS,
  flightsCheck,
  frameCheck as frameRowsCheck,
  num,
  parquetWriteTask,
  type Task,
  valueAt,
} from "./adapter.js";

type DataFrame = ReturnType<typeof pl.DataFrame>;
type Expr = ReturnType<typeof pl.col>;

/** Element i of the single column of `df` as a number (Int64 `get` loses bits in 0.26, so cast first). */
function numberAt(df: DataFrame, i: number): number {
  const s = df.getColumns()[0] as ReturnType<DataFrame["getColumn"]>;
  const dtype = String(s.dtype);
  if (dtype.includes("String") || dtype.includes("Utf8")) return Number(String(s.get(i)).slice(2));
  return Number(s.slice(i, 1).cast(pl.Float64).get(0));
}

/** The string column through Arrow IPC: far faster to load than 1e7 JS strings. */
function stringSeries(s: Strings): ReturnType<DataFrame["getColumn"]> {
  const type = new arrow.Utf8();
  const data = arrow.makeData({
    type,
    length: s.length,
    nullCount: 0,
    valueOffsets: s.offsets,
    data: s.bytes,
  });
  const ipc = arrow.tableToIPC(new arrow.Table({ s: arrow.makeVector(data) }), "stream");
  return pl.readIPCStream(Buffer.from(ipc.buffer, ipc.byteOffset, ipc.byteLength)).getColumn("s");
}

const ends = (n: number): number[] => [0, n >> 1, n - 1];

function frameCheck(df: DataFrame): Check {
  const h = df.height;
  if (h === 0) return [0];
  return [h, ...ends(h).map((i) => numberAt(df, i))];
}

export async function prepare(data: Data): Promise<Task> {
  // nodejs-polars reads TypedArrays (BigInt64Array too) though its typings say arrays
  const series = (name: string, v: ArrayLike<unknown>) => pl.Series(name, v as unknown as unknown[]);
  const cols = [];
  if (data.a !== undefined) cols.push(series("a", data.a));
  if (data.b !== undefined) cols.push(series("b", data.b));
  if (data.c !== undefined) cols.push(series("c", data.c));
  if (data.k !== undefined) cols.push(series("k", data.k));
  if (data.s !== undefined) cols.push(stringSeries(data.s));
  if (data.perm !== undefined) {
    // polars indexes with UInt32; the conversion is part of loading, not of the question
    const perm = data.perm;
    cols.push(series("idx", new Uint32Array(perm.buffer, perm.byteOffset, perm.length)));
  }
  const df = pl.DataFrame(cols);
  const a = pl.col("a");
  const select = (e: Expr): Task<DataFrame> => ({ run: () => df.select(e), check: frameCheck });
  const scalar = (e: Expr): Task<DataFrame> => ({ run: () => df.select(e), check: (r) => [numberAt(r, 0)] });
  const n = data.n;
  switch (data.op) {
    case "add":
      return select(a.add(pl.col("b")));
    case "muladd":
      return select(a.mul(pl.col("b")).add(pl.col("c")));
    case "sum":
      return scalar(a.sum());
    case "mean":
      return scalar(a.mean());
    case "std":
      return scalar(a.std());
    case "min":
      return scalar(a.min());
    case "filter":
      return select((data.kind === "utf8" ? pl.col("s") : a).filter(a.gt(data.threshold as number)));
    case "take":
      return select((data.kind === "utf8" ? pl.col("s") : a).gather(pl.col("idx")));
    case "argsort":
      return {
        run: () => df.select(a.argSort()),
        check: (r: DataFrame) => [r.height, valueAt(data, numberAt(r, 0)), valueAt(data, numberAt(r, n - 1))],
      } as Task<DataFrame>;
    case "frame-filter":
    case "frame-assign":
    case "frame-sort2":
    case "frame-describe":
      return frameTask(df, data);
    case "io-csv-read":
    case "io-csv-write":
      return csvTask(data);
    case "io-parquet-read":
    case "io-parquet-read-1t":
    case "io-parquet-write":
    case "io-arrow-read":
    case "io-arrow-parse":
      return fileTask(data);
    case "str-contains":
    case "str-lower":
    case "str-split":
    case "dt-year":
    case "to-datetime": {
      const { prepareText } = await import("./polars-text.js");
      return prepareText(data);
    }
    case "factorize": {
      const e = data.s !== undefined ? pl.col("s").cast(pl.Categorical).toPhysical() : a.rank("dense");
      return {
        run: () => df.select(e),
        check: (r: DataFrame) => [r.height, Number(r.getColumns()[0]?.nUnique())],
      } as Task<DataFrame>;
    }
  }
}

const frameOf = (r: DataFrame): Check =>
  frameRowsCheck(r.height, r.width, (name, i) => num(r.getColumn(name).get(i)));

/** describe as one select of 24 expressions (nodejs-polars' own `describe` gives only mean, std, min, max, median). */
function describeExprs(): Expr[] {
  const stats: Record<(typeof DESCRIBE_STATS)[number], (c: Expr) => Expr> = {
    count: (c) => c.count(),
    mean: (c) => c.mean(),
    std: (c) => c.std(),
    min: (c) => c.min(),
    "25%": (c) => c.quantile(0.25, "linear"),
    "50%": (c) => c.quantile(0.5, "linear"),
    "75%": (c) => c.quantile(0.75, "linear"),
    max: (c) => c.max(),
  };
  return FRAME_COLUMNS.flatMap((name) =>
    DESCRIBE_STATS.map((s) => stats[s](pl.col(name)).cast(pl.Float64).alias(`${name} ${s}`)),
  );
}

/** The DataFrame questions: eager frame verbs, each returning a materialized DataFrame. */
function frameTask(df: DataFrame, data: Data): Task {
  switch (data.op) {
    case "frame-filter":
      return {
        run: () => df.filter(pl.col("a").gt(data.threshold as number)),
        check: frameOf,
      } as Task<DataFrame>;
    case "frame-assign":
      return {
        run: () => df.withColumns(pl.col("a").mul(pl.col("b")).alias("c")),
        check: (r: DataFrame) => assignCheck(r.height, r.width, (i) => num(r.getColumn("c").get(i))),
      } as Task<DataFrame>;
    case "frame-sort2":
      // maintainOrder asks for a stable sort, as ndframe's (with distinct a it changes no row)
      return {
        run: () => df.sort({ by: ["k", "a"], descending: [false, true], maintainOrder: true }),
        check: frameOf,
      } as Task<DataFrame>;
    case "frame-describe": {
      const exprs = describeExprs();
      return {
        run: () => df.select(...exprs),
        check: (r: DataFrame) => r.getColumns().map((c) => num(c.get(0))),
      } as Task<DataFrame>;
    }
  }
  throw new Error(`polars: no frame task for ${data.op}`);
}

const csvCheck = (df: DataFrame): Check =>
  h2oCheck(
    df.height,
    df.width,
    num(df.getColumn("v1").sum()),
    num(df.getColumn("v3").sum()),
    num(df.getColumn("id3").get(df.height - 1)),
  );

/** The IO questions: `pl.readCSV(path)` (eager, default inference) and `df.writeCSV(path)`. */
function csvTask(data: Data): Task {
  const path = data.csv as string;
  if (data.op === "io-csv-read") return { run: () => pl.readCSV(path), check: csvCheck } as Task<DataFrame>;
  const df = pl.readCSV(path);
  return csvWriteTask((out) => df.writeCSV(out));
}

const colSum = (df: DataFrame, name: string): number => num(df.getColumn(name).sum());

function flights(df: DataFrame): Check {
  const n = df.height;
  const last = (name: string) => df.getColumn(name).get(n - 1);
  // Series.get fails on Datetime(us) in 0.26, and Int64 get keeps 32 bits: through Float64
  const date = df
    .getColumn("date")
    .slice(n - 1, 1)
    .cast(pl.Datetime("ms"))
    .cast(pl.Int64)
    .cast(pl.Float64);
  return flightsCheck(
    n,
    df.width,
    colSum(df, "delay"),
    colSum(df, "distance"),
    num(date.get(0)),
    last("origin"),
    last("destination"),
  );
}

/**
 * A path polars' readIPC takes as a file: nodejs-polars 0.26 treats a
 * string without the `.ipc` extension as inline IPC data, so the `.arrow`
 * file is reached through a symlink `….ipc` in a temp directory (made
 * untimed; polars then reads the file itself).
 */
function ipcPath(path: string): string {
  const dir = mkdtempSync(join(tmpdir(), "ndframe-bench-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const link = join(dir, `${basename(path, extname(path))}.ipc`);
  symlinkSync(resolve(path), link);
  return link;
}

/**
 * The Parquet and Arrow questions: `pl.readParquet(path)`,
 * `df.writeParquet(path, { compression: "snappy" })`, `pl.readIPC(path)`
 * (through a `.ipc` symlink, see ipcPath) and `pl.readIPC(buffer)` (bytes
 * read untimed).
 */
function fileTask(data: Data): Task {
  const arrowCheck = (df: DataFrame): Check =>
    data.kind === "h2o"
      ? csvCheck(df)
      : arrowFlightsCheck(
          df.height,
          df.width,
          colSum(df, "delay"),
          colSum(df, "distance"),
          colSum(df, "time"),
        );
  switch (data.op) {
    case "io-parquet-read":
    case "io-parquet-read-1t": {
      const path = data.parquet as string;
      return { run: () => pl.readParquet(path), check: flights } as Task<DataFrame>;
    }
    case "io-parquet-write": {
      const df = pl.readParquet(data.parquet as string);
      return parquetWriteTask((out) => df.writeParquet(out, { compression: "snappy" }));
    }
    case "io-arrow-read": {
      const path = ipcPath(data.arrow as string);
      return { run: () => pl.readIPC(path), check: arrowCheck } as Task<DataFrame>;
    }
    case "io-arrow-parse": {
      const bytes = readFileSync(data.arrow as string);
      return { run: () => pl.readIPC(bytes), check: arrowCheck } as Task<DataFrame>;
    }
  }
  throw new Error(`polars: no file task for ${data.op}`);
}

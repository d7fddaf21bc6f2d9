/**
 * DuckDB through @duckdb/node-api, in memory. Data is loaded untimed with
 * an appender fed whole data chunks (bulk copies of 2048-row slices, no
 * per-value call); string columns are loaded as their integer codes and
 * formatted by SQL into the same "id…" strings. The timed query either
 * materializes its answer (`CREATE TABLE ans AS …`, dropped untimed after
 * each run) or reads its one-row result.
 *
 * Equivalents: argsort = `SELECT rowid … ORDER BY a`; factorize =
 * `dense_rank() OVER (ORDER BY a)` (per-row dense codes); take has none
 * (SQL has no positional gather).
 */
import {
  BIGINT,
  DOUBLE,
  type DuckDBConnection,
  DuckDBDataChunk,
  DuckDBInstance,
  type DuckDBType,
  INTEGER,
} from "@duckdb/node-api";
import type { Check, Lib } from "../config.js";
import type { Data, Numeric } from "../data.js";
import { h2oCheck } from "../h2o.js";
import {
  assignCheck,
  csvWriteTask,
  DESCRIBE_STATS,
  FRAME_COLUMNS,
  flightsCheck,
  frameCheck,
  parquetWriteTask,
  type Task,
} from "./adapter.js";

const VECTOR = 2048;

interface Writable {
  items: Float64Array | Int32Array | BigInt64Array;
  flush(): void;
}

/** Create table `name` with one column per array and append the arrays by whole chunks. */
async function load(con: DuckDBConnection, name: string, cols: Record<string, Numeric>): Promise<void> {
  const names = Object.keys(cols);
  const arrays = names.map((k) => cols[k] as Numeric);
  const types: DuckDBType[] = arrays.map((a) =>
    a instanceof Float64Array ? DOUBLE : a instanceof Int32Array ? INTEGER : BIGINT,
  );
  const decl = names.map((k, i) => `${k} ${String(types[i])}`).join(", ");
  await con.run(`CREATE TABLE ${name} (${decl})`);
  const app = await con.createAppender(name);
  const n = arrays[0]?.length ?? 0;
  for (let start = 0; start < n; start += VECTOR) {
    const len = Math.min(VECTOR, n - start);
    const chunk = DuckDBDataChunk.create(types, len);
    arrays.forEach((arr, c) => {
      const v = chunk.getColumnVector(c) as unknown as Writable;
      (v.items as Float64Array).set(arr.subarray(start, start + len) as Float64Array);
      v.flush();
    });
    app.appendDataChunk(chunk);
  }
  app.closeSync();
}

async function scalarOf(con: DuckDBConnection, sql: string): Promise<number> {
  const rows = (await con.runAndReadAll(sql)).getRowsJS();
  const v = rows[0]?.[0];
  return typeof v === "bigint" ? Number(v) : Number(v);
}

export async function prepare(data: Data, lib: Lib): Promise<Task> {
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  if (lib.threads === 1) await con.run("SET threads = 1");
  const threads = await scalarOf(con, "SELECT current_setting('threads')");
  // the IO questions load nothing: their input is the file
  if (data.op.startsWith("io-parquet")) return parquetTask(con, data, threads);
  if (data.op.startsWith("io-arrow")) throw new Error("duckdb: no Arrow IPC reader");
  if (data.kind === "h2o") return csvTask(con, data, threads);
  if (data.kind === "text" || data.kind === "ts" || data.kind === "iso") {
    const { prepareText } = await import("./duckdb-text.js");
    return prepareText(con, data, threads);
  }
  const cols: Record<string, Numeric> = {};
  if (data.a !== undefined) cols.a = data.a;
  if (data.b !== undefined) cols.b = data.b;
  if (data.c !== undefined) cols.c = data.c;
  if (data.k !== undefined) cols.k = data.k;
  if (data.s !== undefined) cols.code = data.s.codes;
  if (data.s === undefined) {
    await load(con, "t", cols);
  } else {
    // strings: load the codes, let SQL format them (the same bytes as data.ts)
    await load(con, "raw", cols);
    const width = data.s.width;
    const select = Object.keys(cols)
      .map((k) => (k === "code" ? `'id' || lpad(code::VARCHAR, ${width}, '0') AS s` : k))
      .join(", ");
    await con.run(`CREATE TABLE t AS SELECT ${select} FROM raw ORDER BY rowid`);
    await con.run("DROP TABLE raw");
  }

  const n = data.n;
  const ans = async (): Promise<Check> => {
    const cnt = await scalarOf(con, "SELECT count(*) FROM ans");
    if (cnt === 0) return [0];
    const at = async (i: number) => {
      const v = (await con.runAndReadAll(`SELECT r FROM ans WHERE rowid = ${i}`)).getRowsJS()[0]?.[0];
      return typeof v === "string" ? Number(v.slice(2)) : Number(v);
    };
    return [cnt, await at(0), await at(cnt >> 1), await at(cnt - 1)];
  };
  const table = (sql: string): Task<void> => ({
    threads,
    run: async () => {
      await con.run(`CREATE TABLE ans AS ${sql}`);
    },
    check: ans,
    after: async () => {
      await con.run("DROP TABLE IF EXISTS ans");
    },
  });
  const scalar = (agg: string): Task<number> => ({
    threads,
    run: () => scalarOf(con, `SELECT ${agg} FROM t`),
    check: (r) => [r],
  });
  switch (data.op) {
    case "add":
      return table("SELECT a + b AS r FROM t");
    case "muladd":
      return table("SELECT a * b + c AS r FROM t");
    case "sum":
      return scalar("sum(a)");
    case "mean":
      return scalar("avg(a)");
    case "std":
      return scalar("stddev_samp(a)");
    case "min":
      return scalar("min(a)");
    case "filter":
      return table(`SELECT ${data.kind === "utf8" ? "s" : "a"} AS r FROM t WHERE a > ${data.threshold}`);
    case "take":
      throw new Error("duckdb: no take");
    case "argsort":
      return {
        ...table("SELECT rowid AS r FROM t ORDER BY a"),
        check: async () => {
          const v = async (pos: number) =>
            scalarOf(con, `SELECT a FROM t WHERE rowid = (SELECT r FROM ans WHERE rowid = ${pos})`);
          return [await scalarOf(con, "SELECT count(*) FROM ans"), await v(0), await v(n - 1)];
        },
      };
    case "frame-filter":
    case "frame-assign":
    case "frame-sort2":
    case "frame-describe":
      return frameTask(con, data, table, threads);
    case "io-csv-read":
    case "io-csv-write":
      return csvTask(con, data, threads);
    case "io-parquet-read":
    case "io-parquet-read-1t":
    case "io-parquet-write":
      return parquetTask(con, data, threads);
    case "io-arrow-read":
    case "io-arrow-parse":
      throw new Error("duckdb: no Arrow IPC reader");
    case "str-contains":
    case "str-lower":
    case "str-split":
    case "dt-year":
    case "to-datetime":
      throw new Error("duckdb: text and time questions go to duckdb-text.ts");
    case "factorize": {
      const key = data.s !== undefined ? "s" : "a";
      return {
        ...table(`SELECT dense_rank() OVER (ORDER BY ${key}) - 1 AS r FROM t`),
        check: async () => [
          await scalarOf(con, "SELECT count(*) FROM ans"),
          (await scalarOf(con, "SELECT max(r) FROM ans")) + 1,
        ],
      };
    }
  }
}

/**
 * The DataFrame questions. filter and sort create the whole result table;
 * assign creates only the new column c (a SQL table cannot share t's
 * columns, and copying them is not the question's work; the check counts
 * t's columns plus c); describe reads one row of 24 aggregates
 * (`quantile_cont`: linear interpolation, as pandas).
 */
function frameTask(
  con: DuckDBConnection,
  data: Data,
  table: (sql: string) => Task<void>,
  threads: number,
): Task {
  const at = async (name: string, i: number): Promise<number> =>
    scalarOf(con, `SELECT ${name} FROM ans WHERE rowid = ${i}`);
  const frameOf = async (): Promise<Check> => {
    const rows = await scalarOf(con, "SELECT count(*) FROM ans");
    const vals = new Map<string, number>();
    const mid = rows >> 1;
    for (const [name, i] of [
      ["a", 0],
      ["a", mid],
      ["a", rows - 1],
      ["b", mid],
      ["k", 0],
      ["k", rows - 1],
    ] as const) {
      if (rows > 0) vals.set(`${name}${i}`, await at(name, i));
    }
    return frameCheck(rows, 3, (name, i) => vals.get(`${name}${i}`) as number);
  };
  switch (data.op) {
    case "frame-filter":
      return { ...table(`SELECT * FROM t WHERE a > ${data.threshold}`), check: frameOf };
    case "frame-assign":
      return {
        ...table("SELECT a * b AS c FROM t"),
        check: async () => {
          const rows = await scalarOf(con, "SELECT count(*) FROM ans");
          const c = [await at("c", 0), await at("c", rows >> 1), await at("c", rows - 1)];
          return assignCheck(rows, 4, (i) => (i === 0 ? c[0] : i === rows - 1 ? c[2] : c[1]) as number);
        },
      };
    case "frame-sort2":
      return { ...table("SELECT * FROM t ORDER BY k, a DESC"), check: frameOf };
    case "frame-describe": {
      const agg: Record<(typeof DESCRIBE_STATS)[number], (c: string) => string> = {
        count: (c) => `count(${c})`,
        mean: (c) => `avg(${c})`,
        std: (c) => `stddev_samp(${c})`,
        min: (c) => `min(${c})`,
        "25%": (c) => `quantile_cont(${c}, 0.25)`,
        "50%": (c) => `quantile_cont(${c}, 0.5)`,
        "75%": (c) => `quantile_cont(${c}, 0.75)`,
        max: (c) => `max(${c})`,
      };
      const sql = `SELECT ${FRAME_COLUMNS.flatMap((c) => DESCRIBE_STATS.map((s) => `${agg[s](c)}::DOUBLE`)).join(", ")} FROM t`;
      return {
        threads,
        run: async () => (await con.runAndReadAll(sql)).getRowsJS()[0] ?? [],
        check: (r: unknown[]) => r.map((v) => Number(v)),
      } as Task<unknown[]>;
    }
  }
  throw new Error(`duckdb: no frame task for ${data.op}`);
}

/** A path as a SQL string literal. */
const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * The IO questions: `CREATE TABLE ans AS SELECT * FROM read_csv(path)`
 * (DuckDB's sniffer and type detection, as a user writes it; the table
 * is dropped untimed after each run) and `COPY t TO path (HEADER)` from a
 * table loaded the same way, untimed.
 */
async function csvTask(con: DuckDBConnection, data: Data, threads: number): Promise<Task> {
  const src = sqlString(data.csv as string);
  const summary = async (table: string): Promise<Check> => {
    const rows = (
      await con.runAndReadAll(`SELECT count(*)::DOUBLE, sum(v1)::DOUBLE, sum(v3)::DOUBLE FROM ${table}`)
    ).getRowsJS()[0] as unknown[];
    const n = Number(rows[0]);
    const cols = await scalarOf(
      con,
      `SELECT count(*) FROM information_schema.columns WHERE table_name = ${sqlString(table)}`,
    );
    const id3 = (
      await con.runAndReadAll(`SELECT id3 FROM ${table} WHERE rowid = ${n - 1}`)
    ).getRowsJS()[0]?.[0];
    return h2oCheck(n, cols, Number(rows[1]), Number(rows[2]), Number(String(id3).slice(2)));
  };
  if (data.op === "io-csv-read") {
    return {
      threads,
      run: async () => {
        await con.run(`CREATE TABLE ans AS SELECT * FROM read_csv(${src})`);
      },
      check: () => summary("ans"),
      after: async () => {
        await con.run("DROP TABLE IF EXISTS ans");
      },
    };
  }
  await con.run(`CREATE TABLE t AS SELECT * FROM read_csv(${src})`);
  return csvWriteTask(async (out) => {
    await con.run(`COPY t TO ${sqlString(out)} (HEADER, DELIMITER ',')`);
  }, threads);
}

/**
 * The Parquet questions: `CREATE TABLE ans AS SELECT * FROM
 * read_parquet(path)` (dropped untimed after each run) and `COPY t TO path
 * (FORMAT parquet, COMPRESSION snappy)` from a table loaded the same way,
 * untimed.
 */
async function parquetTask(con: DuckDBConnection, data: Data, threads: number): Promise<Task> {
  const src = sqlString(data.parquet as string);
  if (data.op === "io-parquet-write") {
    await con.run(`CREATE TABLE t AS SELECT * FROM read_parquet(${src})`);
    return parquetWriteTask(async (out) => {
      await con.run(`COPY t TO ${sqlString(out)} (FORMAT parquet, COMPRESSION snappy)`);
    }, threads);
  }
  return {
    threads,
    run: async () => {
      await con.run(`CREATE TABLE ans AS SELECT * FROM read_parquet(${src})`);
    },
    check: async () => {
      const row = async (sql: string) => (await con.runAndReadAll(sql)).getRowsJS()[0] ?? [];
      const [n, delay, distance] = (
        await row("SELECT count(*)::DOUBLE, sum(delay)::DOUBLE, sum(distance)::DOUBLE FROM ans")
      ).map(Number) as [number, number, number];
      const cols = await scalarOf(
        con,
        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'ans'",
      );
      const [date, origin, destination] = await row(
        `SELECT epoch_ms(date)::DOUBLE, origin, destination FROM ans WHERE rowid = ${n - 1}`,
      );
      return flightsCheck(n, cols, delay, distance, Number(date), origin, destination);
    },
    after: async () => {
      await con.run("DROP TABLE IF EXISTS ans");
    },
  };
}

/**
 * ndframe's readers and writers for the IO questions, through the Node
 * entry as a user calls them: `await readCSV(path)` (default options:
 * dtypes inferred, strings as utf8) and `await writeCSV(df, path)`;
 * `await readParquet(path)` (row groups decoded on worker threads;
 * io-parquet-read-1t: `{ threads: 1 }`) and `await writeParquet(df, path,
 * { compression: "snappy" })`; `await readArrow(path)` and
 * `parseArrow(bytes)`. All are imported by path at run time, so that the
 * cells print "n/a" while src/node.ts or its exports do not exist.
 */
import { readFileSync } from "node:fs";
import type { DataFrame } from "../../src/frame/frame.js";
import type { Check } from "../config.js";
import type { Data } from "../data.js";
import { H2O_COLUMNS, h2oCheck } from "../h2o.js";
import {
  arrowFlightsCheck,
  csvWriteTask,
  flightsCheck,
  NotAvailable,
  num,
  parquetWriteTask,
  type Task,
} from "./adapter.js";

type Path = string;
interface Node {
  readCSV: (path: Path) => Promise<DataFrame>;
  writeCSV: (df: DataFrame, path: Path) => Promise<void>;
  readParquet: (path: Path, options?: { threads?: number }) => Promise<DataFrame>;
  writeParquet: (df: DataFrame, path: Path, options?: { compression?: "snappy" }) => Promise<void>;
  readArrow: (path: Path) => Promise<DataFrame>;
  parseArrow: (bytes: Uint8Array) => DataFrame;
}
type Reduce = (col: ReturnType<DataFrame["column"]>) => number | bigint | null;

const NAMES = ["readCSV", "writeCSV", "readParquet", "writeParquet", "readArrow", "parseArrow"] as const;

async function load(): Promise<Node & { sum: Reduce }> {
  let node: Record<string, unknown>;
  try {
    node = (await import("../../src/node.js")) as Record<string, unknown>;
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_MODULE_NOT_FOUND")
      throw new NotAvailable("src/node.ts not found");
    throw e;
  }
  for (const name of NAMES)
    if (typeof node[name] !== "function") throw new NotAvailable(`src/node.ts has no export ${name}`);
  const { sum } = (await import("../../src/core/kernels/reduce.js")) as { sum: Reduce };
  return { ...(node as unknown as Node), sum };
}

/** A timestamp value of ndframe (a bigint in the column's unit) in ms. */
function msOf(df: DataFrame, name: string, i: number): number {
  const col = df.column(name);
  const v = col.get(i);
  const unit = (col.dtype as { unit?: string }).unit;
  const perMs = { s: 1e-3, ms: 1, us: 1e3, ns: 1e6 }[unit ?? "ms"] ?? 1;
  return num(v) / perMs;
}

export async function prepareIO(data: Data): Promise<Task> {
  const nd = await load();
  const total = (df: DataFrame, name: string) => num(nd.sum(df.column(name)));
  const flights = (df: DataFrame): Check => {
    const n = df.length;
    return flightsCheck(
      n,
      df.columns.length,
      total(df, "delay"),
      total(df, "distance"),
      msOf(df, "date", n - 1),
      df.column("origin").get(n - 1),
      df.column("destination").get(n - 1),
    );
  };
  const h2o = (df: DataFrame): Check =>
    h2oCheck(
      df.length,
      df.columns.length,
      total(df, "v1"),
      total(df, "v3"),
      num(df.column("id3").get(df.length - 1)),
    );
  const arrowCheck = (df: DataFrame): Check =>
    data.kind === "h2o"
      ? h2o(df)
      : arrowFlightsCheck(
          df.length,
          df.columns.length,
          total(df, "delay"),
          total(df, "distance"),
          total(df, "time"),
        );
  switch (data.op) {
    case "io-csv-read": {
      const path = data.csv as string;
      return { run: () => nd.readCSV(path), check: h2o } as Task<DataFrame>;
    }
    case "io-csv-write": {
      const df = await nd.readCSV(data.csv as string);
      if (df.columns.length !== H2O_COLUMNS.length)
        throw new Error(`ndframe: read ${df.columns.length} columns`);
      return csvWriteTask((out) => nd.writeCSV(df, out));
    }
    case "io-parquet-read":
      return { run: () => nd.readParquet(data.parquet as string), check: flights } as Task<DataFrame>;
    case "io-parquet-read-1t":
      return {
        run: () => nd.readParquet(data.parquet as string, { threads: 1 }),
        check: flights,
      } as Task<DataFrame>;
    case "io-parquet-write": {
      const df = await nd.readParquet(data.parquet as string);
      return parquetWriteTask((out) => nd.writeParquet(df, out, { compression: "snappy" }));
    }
    case "io-arrow-read":
      return { run: () => nd.readArrow(data.arrow as string), check: arrowCheck } as Task<DataFrame>;
    case "io-arrow-parse": {
      const bytes = readFileSync(data.arrow as string);
      return { run: () => nd.parseArrow(bytes), check: arrowCheck } as Task<DataFrame>;
    }
  }
  throw new Error(`ndframe: no IO task for ${data.op}`);
}

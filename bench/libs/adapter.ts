/**
 * The contract between bench/child.ts and a library adapter: `prepare`
 * converts the generated data into the library's own form (untimed) and
 * returns a task whose `run` is timed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Check, Lib } from "../config.js";
import type { Data, Strings } from "../data.js";
import { int64At } from "../data.js";
import { csvFileCheck } from "../h2o.js";
import { parquetFileCheck } from "../parquet-check.js";

export interface Task<R = unknown> {
  /** The timed work. Must leave the answer materialized. */
  run(): R | Promise<R>;
  /** A small numeric summary of a result (untimed), compared across libraries. */
  check(result: R): Check | Promise<Check>;
  /** Untimed cleanup after each run (DuckDB drops its answer table). */
  after?(): void | Promise<void>;
  /** Threads the library says it uses. */
  threads?: number;
}

export type Prepare = (data: Data, lib: Lib) => Promise<Task>;

/** Thrown when the library (or an ndframe kernel) is not there: the cell prints "n/a". */
export class NotAvailable extends Error {}

/** The operand a[i] as a number (int64 through Number: bench values are below 2^53). */
export function valueAt(data: Data, i: number): number {
  const a = data.a;
  if (a === undefined) throw new Error("no numeric operand");
  return a instanceof BigInt64Array ? int64At(a, i) : (a[i] as number);
}

/** The numeric part of a bench id string ("id0042" → 42), so that string results compare as numbers. */
export function idNumber(s: string | null | undefined): number {
  return s == null ? Number.NaN : Number(s.slice(2));
}

/** The level number of row i of a string column. */
export function codeAt(s: Strings, i: number): number {
  return s.codes[i] as number;
}

/** Coerce a result scalar (number, bigint, null) to a number for checks. */
export function num(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "string") return idNumber(v);
  return Number.NaN;
}

// ---------------------------------------------------------------- frame questions

/** The columns of the frame questions' data, in order. */
export const FRAME_COLUMNS = ["a", "b", "k"] as const;
export type FrameColumn = (typeof FRAME_COLUMNS)[number];

/** The rows of `describe`, in pandas' order. */
export const DESCRIBE_STATS = ["count", "mean", "std", "min", "25%", "50%", "75%", "max"] as const;

/**
 * Summary of a frame result (filter, sort): rows, columns, a at both ends
 * and the middle, b in the middle, k at both ends.
 */
export function frameCheck(rows: number, cols: number, at: (name: FrameColumn, i: number) => number): Check {
  if (rows === 0) return [0, cols];
  const mid = rows >> 1;
  return [
    rows,
    cols,
    at("a", 0),
    at("a", mid),
    at("a", rows - 1),
    at("b", mid),
    at("k", 0),
    at("k", rows - 1),
  ];
}

/** Summary of the assign result: rows, columns, the new column c at both ends and the middle. */
export function assignCheck(rows: number, cols: number, c: (i: number) => number): Check {
  return rows === 0 ? [0, cols] : [rows, cols, c(0), c(rows >> 1), c(rows - 1)];
}

// ---------------------------------------------------------------- IO questions

/**
 * The task of `io-csv-write`: `write(path)` writes the table (loaded
 * untimed) to a fresh file in a temp directory of this process; the check
 * reads the file back in one streaming pass (bench/h2o.ts), and the file
 * is deleted after each run, so every run creates its file anew. The
 * directory goes when the process exits.
 */
export function csvWriteTask(write: (path: string) => unknown, threads?: number): Task {
  const dir = mkdtempSync(join(tmpdir(), "ndframe-bench-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, "out.csv");
  return {
    run: () => write(out),
    check: () => csvFileCheck(out),
    after: () => rmSync(out, { force: true }),
    ...(threads === undefined ? {} : { threads }),
  };
}

/** A 1-4 letter airport code as a number (its bytes, base 256), so that string results compare as numbers. */
export function codeNumber(s: unknown): number {
  if (typeof s !== "string" || s.length === 0 || s.length > 4) return Number.NaN;
  let v = 0;
  for (let i = 0; i < s.length; i++) v = v * 256 + s.charCodeAt(i);
  return v;
}

/**
 * Summary of the flights table (io-parquet-*): rows, columns, sum(delay),
 * sum(distance), and the last row's date (ms since the epoch), origin and
 * destination (as `codeNumber`).
 */
export function flightsCheck(
  rows: number,
  cols: number,
  sumDelay: number,
  sumDistance: number,
  lastDateMs: number,
  lastOrigin: unknown,
  lastDestination: unknown,
): Check {
  return [rows, cols, sumDelay, sumDistance, lastDateMs, codeNumber(lastOrigin), codeNumber(lastDestination)];
}

/** Summary of flights-200k.arrow (io-arrow-*:flights): rows, columns, sum(delay), sum(distance), sum(time). */
export function arrowFlightsCheck(
  rows: number,
  cols: number,
  sumDelay: number,
  sumDistance: number,
  sumTime: number,
): Check {
  return [rows, cols, sumDelay, sumDistance, sumTime];
}

/**
 * The task of `io-parquet-write`: as `csvWriteTask`, a fresh file per run
 * in a temp directory; the check reads the file with DuckDB in a separate
 * process (bench/parquet-check.ts), so that it adds nothing to this
 * process's peak RSS.
 */
export function parquetWriteTask(write: (path: string) => unknown, threads?: number): Task {
  const dir = mkdtempSync(join(tmpdir(), "ndframe-bench-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, "out.parquet");
  return {
    run: () => write(out),
    check: () => parquetFileCheck(out),
    after: () => rmSync(out, { force: true }),
    ...(threads === undefined ? {} : { threads }),
  };
}

/**
 * The check of a flights Parquet file written by a library
 * (io-parquet-write): DuckDB reads it back and gives the `flightsCheck`
 * summary (rows, columns, sum(delay), sum(distance), the last row's date in
 * ms, origin and destination). It runs in a process of its own, so that
 * neither DuckDB nor the read adds to the writer's peak RSS:
 *
 *   node --import tsx bench/parquet-check.ts file.parquet   # prints the check as JSON
 */
import { execFileSync } from "node:child_process";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Check } from "./config.js";

const SELF = fileURLToPath(import.meta.url);
const ROOT = dirname(dirname(SELF));

/** The check of the Parquet file at `path`, computed by DuckDB in a child process. */
export function parquetFileCheck(path: string): Check {
  const out = execFileSync(process.execPath, ["--import", "tsx", SELF, path], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const last = out.trim().split("\n").pop() ?? "";
  return JSON.parse(last) as Check;
}

const sql = (s: string): string => `'${s.replace(/'/g, "''")}'`;

async function main(path: string): Promise<void> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const { codeNumber } = await import("./libs/adapter.js");
  const con = await (await DuckDBInstance.create(":memory:")).connect();
  const src = `read_parquet(${sql(path)}, file_row_number = true)`;
  const row = async (q: string): Promise<unknown[]> => (await con.runAndReadAll(q)).getRowsJS()[0] ?? [];
  const [rows, delay, distance] = (
    await row(`SELECT count(*)::DOUBLE, sum(delay)::DOUBLE, sum(distance)::DOUBLE FROM ${src}`)
  ).map(Number) as [number, number, number];
  const cols = Number(
    (await row(`SELECT count(*) FROM (DESCRIBE SELECT * FROM read_parquet(${sql(path)}))`))[0],
  );
  const [date, origin, destination] = await row(
    `SELECT epoch_ms(date)::DOUBLE, origin, destination FROM ${src} WHERE file_row_number = ${rows - 1}`,
  );
  const check: Check = [
    rows,
    cols,
    delay,
    distance,
    Number(date),
    codeNumber(origin),
    codeNumber(destination),
  ];
  process.stdout.write(`${JSON.stringify(check)}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv[2] ?? "").catch((e: unknown) => {
    process.stderr.write(`parquet-check: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}

/**
 * DuckDB on the text and time questions (issue 5). Untimed loading: the
 * strings are appended as VARCHAR by whole 2048-row data chunks (JS strings
 * built from the utf8 buffers), the timestamps as BIGINT chunks, then
 * turned into TIMESTAMP_NS by `make_timestamp_ns`. Timed: `CREATE TABLE ans
 * AS SELECT f(…) AS r FROM t` (dropped untimed after each run) with
 * `contains(s, 'ing')`, `lower(s)`, `string_split(s, ' ')` (VARCHAR[]),
 * `year(t)`, and `CAST(s AS TIMESTAMP)` for to-datetime (faster here than
 * `strptime(s, '%Y-%m-%d %H:%M:%S')`, which gives the same values).
 */
import { BIGINT, type DuckDBConnection, DuckDBDataChunk, VARCHAR } from "@duckdb/node-api";
import type { Data } from "../data.js";
import {
  containsCheck,
  datetimeCheck,
  lowerCheck,
  mid,
  splitCheck,
  type Utf8Data,
  utf8Strings,
  yearCheck,
} from "../text-data.js";
import type { Task } from "./adapter.js";

const VECTOR = 2048;

/** The to-datetime expression: `BENCH_DUCK_PARSE=strptime` times strptime instead (to compare the two). */
const PARSE =
  process.env.BENCH_DUCK_PARSE === "strptime" ? "strptime(s, '%Y-%m-%d %H:%M:%S')" : "CAST(s AS TIMESTAMP)";

async function loadStrings(con: DuckDBConnection, s: Utf8Data): Promise<void> {
  const strings = utf8Strings(s);
  await con.run("CREATE TABLE t (s VARCHAR)");
  const app = await con.createAppender("t");
  for (let start = 0; start < strings.length; start += VECTOR) {
    const len = Math.min(VECTOR, strings.length - start);
    const chunk = DuckDBDataChunk.create([VARCHAR], len);
    chunk.setColumnValues(0, strings.slice(start, start + len));
    app.appendDataChunk(chunk);
  }
  app.closeSync();
}

async function loadTimestamps(con: DuckDBConnection, ns: BigInt64Array): Promise<void> {
  await con.run("CREATE TABLE raw (a BIGINT)");
  const app = await con.createAppender("raw");
  for (let start = 0; start < ns.length; start += VECTOR) {
    const len = Math.min(VECTOR, ns.length - start);
    const chunk = DuckDBDataChunk.create([BIGINT], len);
    const v = chunk.getColumnVector(0) as unknown as { items: BigInt64Array; flush(): void };
    v.items.set(ns.subarray(start, start + len));
    v.flush();
    app.appendDataChunk(chunk);
  }
  app.closeSync();
  await con.run("CREATE TABLE t AS SELECT make_timestamp_ns(a) AS t FROM raw ORDER BY rowid");
  await con.run("DROP TABLE raw");
}

export async function prepareText(con: DuckDBConnection, data: Data, threads: number): Promise<Task> {
  const n = data.n;
  if (data.op === "dt-year") await loadTimestamps(con, data.ts?.ns as BigInt64Array);
  else await loadStrings(con, data.text as Utf8Data);
  const one = async (sql: string): Promise<unknown[]> => (await con.runAndReadAll(sql)).getRowsJS()[0] ?? [];
  const num = async (sql: string): Promise<number> => Number((await one(sql))[0]);
  const table = (expr: string, check: () => Promise<number[]>): Task<void> => ({
    threads,
    run: async () => {
      await con.run(`CREATE TABLE ans AS SELECT ${expr} AS r FROM t`);
    },
    check,
    after: async () => {
      await con.run("DROP TABLE IF EXISTS ans");
    },
  });
  const rows = () => num("SELECT count(*) FROM ans");
  const at = (sql: string, i: number) => num(`SELECT ${sql} FROM ans WHERE rowid = ${i}`);
  switch (data.op) {
    case "str-contains":
      return table("contains(s, 'ing')", async () =>
        containsCheck(await rows(), await num("SELECT sum(r::INTEGER)::DOUBLE FROM ans")),
      );
    case "str-lower":
      return table("lower(s)", async () => {
        const len = [await at("length(r)", 0), await at("length(r)", mid(n)), await at("length(r)", n - 1)];
        const code = await at("ascii(r)", 0);
        return lowerCheck(
          await rows(),
          (i) => (i === 0 ? len[0] : i === n - 1 ? len[2] : len[1]) as number,
          code,
        );
      });
    case "str-split":
      return table("string_split(s, ' ')", async () => {
        const parts = [await at("len(r)", 0), await at("len(r)", mid(n))];
        const total = await num("SELECT sum(len(r))::DOUBLE FROM ans");
        return splitCheck(await rows(), total, (i) => (i === 0 ? parts[0] : parts[1]) as number);
      });
    case "dt-year":
      return table("year(t)", async () =>
        yearCheck(await rows(), await num("SELECT sum(r)::DOUBLE FROM ans")),
      );
    case "to-datetime":
      return table(PARSE, async () => {
        const sec = [await at("epoch(r)", 0), await at("epoch(r)", mid(n)), await at("epoch(r)", n - 1)];
        return datetimeCheck(
          await rows(),
          (i) => (i === 0 ? sec[0] : i === n - 1 ? sec[2] : sec[1]) as number,
        );
      });
  }
  throw new Error(`duckdb: no text task for ${data.op}`);
}

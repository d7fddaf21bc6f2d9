/**
 * The "hand" column of the Parquet and Arrow questions: not a loop, but
 * the library call that ndframe's reader or writer wraps, with nothing
 * around it.
 *
 * - io-parquet-read(-1t): parquet-wasm's `readParquet(bytes, { batchSize })`
 *   with one batch per row group, on this thread; the bytes are read
 *   untimed and the decoded table stays in wasm memory (freed untimed after
 *   each run): the decode alone, the bound for "≤ 1.1× parquet-wasm".
 * - io-parquet-write: parquet-wasm's `writeParquet(table, snappy)` of a
 *   table in wasm memory (decoded untimed before each run, as writeParquet
 *   consumes it), then the bytes written to the file.
 * - io-arrow-read / io-arrow-parse: apache-arrow's `tableFromIPC(bytes)`,
 *   after `readFileSync(path)` for read.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as arrow from "apache-arrow";
import * as pw from "parquet-wasm";
import type { Check } from "../config.js";
import type { Data } from "../data.js";
import { h2oCheck } from "../h2o.js";
import { arrowFlightsCheck, flightsCheck, num, parquetWriteTask, type Task } from "./adapter.js";

/** The largest row group's rows, from the footer. */
async function largestRowGroup(bytes: Uint8Array): Promise<number> {
  const file = await pw.ParquetFile.fromFile(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  const meta = file.metadata();
  let most = 1;
  for (const rg of meta.rowGroups()) {
    most = Math.max(most, rg.numRows());
    rg.free();
  }
  meta.free();
  file.free();
  return most;
}

/** The flights check of a wasm table, one record batch at a time through IPC (untimed; the table is kept). */
function wasmFlightsCheck(table: pw.Table): Check {
  let rows = 0;
  let cols = 0;
  let delay = 0;
  let distance = 0;
  let last: arrow.Table | null = null;
  for (let i = 0; i < table.numBatches; i++) {
    const batch = table.recordBatch(i);
    if (batch === undefined) continue;
    const t = arrow.tableFromIPC(batch.intoIPCStream());
    rows += t.numRows;
    cols = t.numCols;
    delay += sumOf(t, "delay");
    distance += sumOf(t, "distance");
    if (t.numRows > 0) last = t;
  }
  if (last === null) return flightsCheck(0, cols, 0, 0, Number.NaN, null, null);
  const at = (name: string) => last.getChild(name)?.get(last.numRows - 1);
  return flightsCheck(rows, cols, delay, distance, num(at("date")), at("origin"), at("destination"));
}

/** The sum of an integer or float column of an apache-arrow table, as a number. */
function sumOf(t: arrow.Table, name: string): number {
  const col = t.getChild(name);
  if (col === null) return Number.NaN;
  let s = 0;
  for (const data of col.data) {
    const v = data.values as ArrayLike<number | bigint>;
    for (let i = 0; i < data.length; i++) s += Number(v[i]);
  }
  return s;
}

function arrowCheck(t: arrow.Table, data: Data): Check {
  const n = t.numRows;
  if (data.kind === "h2o") {
    const id3 = t.getChild("id3")?.get(n - 1) as string | null;
    return h2oCheck(n, t.numCols, sumOf(t, "v1"), sumOf(t, "v3"), num(id3));
  }
  return arrowFlightsCheck(n, t.numCols, sumOf(t, "delay"), sumOf(t, "distance"), sumOf(t, "time"));
}

function snappy(): pw.WriterProperties {
  return new pw.WriterPropertiesBuilder().setCompression(pw.Compression.SNAPPY).build();
}

export async function prepareIO(data: Data): Promise<Task> {
  switch (data.op) {
    case "io-parquet-read":
    case "io-parquet-read-1t": {
      const bytes = readFileSync(data.parquet as string);
      const batchSize = await largestRowGroup(bytes);
      let table: pw.Table | null = null;
      return {
        run: () => {
          table = pw.readParquet(bytes, { batchSize });
          return table;
        },
        check: wasmFlightsCheck,
        after: () => {
          table?.free();
          table = null;
        },
      } as Task<pw.Table>;
    }
    case "io-parquet-write": {
      const bytes = readFileSync(data.parquet as string);
      const batchSize = await largestRowGroup(bytes);
      // writeParquet consumes its table and properties: a fresh pair before each run, untimed
      let next = pw.readParquet(bytes, { batchSize });
      let props = snappy();
      const task = parquetWriteTask((out) => {
        writeFileSync(out, pw.writeParquet(next, props));
      });
      const after = task.after?.bind(task);
      return {
        ...task,
        after: () => {
          next = pw.readParquet(bytes, { batchSize });
          props = snappy();
          return after?.();
        },
      };
    }
    case "io-arrow-read": {
      const path = data.arrow as string;
      return {
        run: () => arrow.tableFromIPC(readFileSync(path)),
        check: (t: arrow.Table) => arrowCheck(t, data),
      } as Task<arrow.Table>;
    }
    case "io-arrow-parse": {
      const bytes = readFileSync(data.arrow as string);
      return {
        run: () => arrow.tableFromIPC(bytes),
        check: (t: arrow.Table) => arrowCheck(t, data),
      } as Task<arrow.Table>;
    }
  }
  throw new Error(`hand: no IO task for ${data.op}`);
}

/**
 * Arquero's Parquet and Arrow IO, as an Arquero user writes it. Arquero
 * reads Arrow itself (`loadArrow`, `fromArrow`: the table's columns are
 * flechette's Arrow columns, values decoded on access) and leaves Parquet
 * to a decoder the user brings: here parquet-wasm, as its docs show it,
 * `fromArrow(readParquet(bytes).intoIPCStream())` (default batch size,
 * 1024 rows) and, to write, `toArrowIPC` → parquet-wasm `Table.fromIPCStream`
 * → `writeParquet(table, snappy)` → the file.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as aq from "arquero";
import * as pw from "parquet-wasm";
import type { Check } from "../config.js";
import type { Data } from "../data.js";
import { h2oCheck } from "../h2o.js";
import { arrowFlightsCheck, flightsCheck, num, parquetWriteTask, type Task } from "./adapter.js";

type Table = ReturnType<typeof aq.table>;

/** Parquet bytes to an Arquero table, through parquet-wasm and Arrow IPC. */
function fromParquet(bytes: Uint8Array): Table {
  return aq.fromArrow(pw.readParquet(bytes).intoIPCStream());
}

const sums = (t: Table, names: readonly string[]): number[] => {
  const spec: Record<string, unknown> = {};
  for (const c of names) spec[c] = aq.op.sum(c);
  const r = t.rollup(spec as Record<string, string>);
  return names.map((c) => num(r.get(c, 0)));
};

function flights(t: Table): Check {
  const n = t.numRows();
  const [delay, distance] = sums(t, ["delay", "distance"]) as [number, number];
  const date = t.get("date", n - 1) as Date | number;
  return flightsCheck(
    n,
    t.numCols(),
    delay,
    distance,
    date instanceof Date ? date.getTime() : num(date),
    t.get("origin", n - 1),
    t.get("destination", n - 1),
  );
}

function arrowCheck(t: Table, data: Data): Check {
  const n = t.numRows();
  if (data.kind === "h2o") {
    const [v1, v3] = sums(t, ["v1", "v3"]) as [number, number];
    return h2oCheck(n, t.numCols(), v1, v3, num(t.get("id3", n - 1)));
  }
  const [delay, distance, time] = sums(t, ["delay", "distance", "time"]) as [number, number, number];
  return arrowFlightsCheck(n, t.numCols(), delay, distance, time);
}

export async function prepareArrowIO(data: Data): Promise<Task> {
  switch (data.op) {
    case "io-parquet-read":
    case "io-parquet-read-1t": {
      const path = data.parquet as string;
      return { run: () => fromParquet(readFileSync(path)), check: flights } as Task<Table>;
    }
    case "io-parquet-write": {
      const t = fromParquet(readFileSync(data.parquet as string));
      return parquetWriteTask((out) => {
        const wasm = pw.Table.fromIPCStream(aq.toArrowIPC(t, { format: "stream" }));
        const props = new pw.WriterPropertiesBuilder().setCompression(pw.Compression.SNAPPY).build();
        writeFileSync(out, pw.writeParquet(wasm, props));
      });
    }
    case "io-arrow-read": {
      const path = data.arrow as string;
      return { run: () => aq.loadArrow(path), check: (t: Table) => arrowCheck(t, data) } as Task<Table>;
    }
    case "io-arrow-parse": {
      const bytes = readFileSync(data.arrow as string);
      return { run: () => aq.fromArrow(bytes), check: (t: Table) => arrowCheck(t, data) } as Task<Table>;
    }
  }
  throw new Error(`arquero: no Arrow IO task for ${data.op}`);
}

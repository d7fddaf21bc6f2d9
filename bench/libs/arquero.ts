/**
 * Arquero 8 with its own verbs and string expressions (compiled by Arquero):
 * `derive` for element-wise, `rollup` with `op.*` for reductions,
 * `filter(...).reify()`, `reify(indices)` for take, `orderby(a).indices()`
 * for argsort (the sorted row order, before any gather) and `groupby(a)`
 * for factorize (Arquero computes a group key per row plus the first row of
 * each group, which is exactly codes + uniques). Columns are the generated
 * TypedArrays (int64 as BigInt64Array) and JS string arrays.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import * as aq from "arquero";
import type { Check } from "../config.js";
import type { Data } from "../data.js";
import { jsStrings } from "../data.js";
import { h2oCheck } from "../h2o.js";
import {
  assignCheck,
  csvWriteTask,
  DESCRIBE_STATS,
  FRAME_COLUMNS,
  frameCheck,
  num,
  type Task,
  valueAt,
} from "./adapter.js";

type Table = ReturnType<typeof aq.table>;

const ends = (n: number): number[] => [0, n >> 1, n - 1];

function tableCheck(name: string): (t: Table) => Check {
  return (t) => {
    const h = t.numRows();
    if (h === 0) return [0];
    return [h, ...ends(h).map((i) => num(t.get(name, i)))];
  };
}

export async function prepare(data: Data): Promise<Task> {
  const columns: Record<string, unknown> = {};
  if (data.a !== undefined) columns.a = data.a;
  if (data.b !== undefined) columns.b = data.b;
  if (data.c !== undefined) columns.c = data.c;
  if (data.k !== undefined) columns.k = data.k;
  if (data.s !== undefined) columns.s = jsStrings(data.s);
  const t = aq.table(columns);
  const n = data.n;
  const rollup = (op: unknown): Task<Table> => ({
    run: () => t.rollup({ r: op as string }),
    check: (r) => [num(r.get("r", 0))],
  });
  switch (data.op) {
    case "add":
      return { run: () => t.derive({ r: "d => d.a + d.b" }), check: tableCheck("r") } as Task<Table>;
    case "muladd":
      return { run: () => t.derive({ r: "d => d.a * d.b + d.c" }), check: tableCheck("r") } as Task<Table>;
    case "sum":
      return rollup(aq.op.sum("a"));
    case "mean":
      return rollup(aq.op.mean("a"));
    case "std":
      return rollup(aq.op.stdev("a"));
    case "min":
      return rollup(aq.op.min("a"));
    case "filter": {
      const thr = data.kind === "i64" ? BigInt(data.threshold as number) : data.threshold;
      const p = t.params({ thr });
      const out = data.kind === "utf8" ? "s" : "a";
      return {
        run: () => p.filter("(d, $) => d.a > $.thr").select(out).reify(),
        check: tableCheck(out),
      } as Task<Table>;
    }
    case "take": {
      const out = data.kind === "utf8" ? "s" : "a";
      const idx = data.perm as unknown as number[];
      return { run: () => t.reify(idx), check: tableCheck(out) } as Task<Table>;
    }
    case "argsort":
      return {
        run: () => t.orderby("a").indices(),
        check: (r: Uint32Array) => [
          r.length,
          valueAt(data, r[0] as number),
          valueAt(data, r[n - 1] as number),
        ],
      } as Task<Uint32Array>;
    case "frame-filter":
    case "frame-assign":
    case "frame-sort2":
    case "frame-describe":
      return frameTask(t, data);
    case "io-csv-read":
    case "io-csv-write":
      return csvTask(data);
    case "io-parquet-read":
    case "io-parquet-read-1t":
    case "io-parquet-write":
    case "io-arrow-read":
    case "io-arrow-parse": {
      const { prepareArrowIO } = await import("./arquero-io.js");
      return prepareArrowIO(data);
    }
    case "str-contains":
    case "str-lower":
    case "str-split":
    case "dt-year":
    case "to-datetime": {
      const { prepareText } = await import("./arquero-text.js");
      return prepareText(data);
    }
    case "factorize": {
      const key = data.s !== undefined ? "s" : "a";
      return {
        run: () => t.groupby(key),
        check: (r: Table) => {
          const g = r.groups() as { keys: Uint32Array; size: number };
          return [g.keys.length, g.size];
        },
      } as Task<Table>;
    }
  }
}

const frameOf = (r: Table): Check => frameCheck(r.numRows(), r.numCols(), (name, i) => num(r.get(name, i)));

/**
 * The DataFrame questions: `filter(...).reify()` and `orderby(k, desc(a)).reify()`
 * gather every column (Arquero's verbs are otherwise lazy index views),
 * `derive` adds a column (sharing the others), and describe is one
 * `rollup` (Arquero sorts each column's values once for its quantiles,
 * linear interpolation as pandas).
 */
function frameTask(t: Table, data: Data): Task {
  switch (data.op) {
    case "frame-filter": {
      const p = t.params({ thr: data.threshold });
      return { run: () => p.filter("(d, $) => d.a > $.thr").reify(), check: frameOf } as Task<Table>;
    }
    case "frame-assign":
      return {
        run: () => t.derive({ c: "d => d.a * d.b" }),
        check: (r: Table) => assignCheck(r.numRows(), r.numCols(), (i) => num(r.get("c", i))),
      } as Task<Table>;
    case "frame-sort2":
      return { run: () => t.orderby("k", aq.desc("a")).reify(), check: frameOf } as Task<Table>;
    case "frame-describe": {
      const { op } = aq;
      const stats: Record<(typeof DESCRIBE_STATS)[number], (c: string) => unknown> = {
        count: (c) => op.valid(c),
        mean: (c) => op.mean(c),
        std: (c) => op.stdev(c),
        min: (c) => op.min(c),
        "25%": (c) => op.quantile(c, 0.25),
        "50%": (c) => op.median(c),
        "75%": (c) => op.quantile(c, 0.75),
        max: (c) => op.max(c),
      };
      const spec: Record<string, unknown> = {};
      for (const c of FRAME_COLUMNS) for (const s of DESCRIBE_STATS) spec[`${c} ${s}`] = stats[s](c);
      const names = Object.keys(spec);
      return {
        run: () => t.rollup(spec as Record<string, string>),
        check: (r: Table) => names.map((n) => num(r.get(n, 0))),
      } as Task<Table>;
    }
  }
  throw new Error(`arquero: no frame task for ${data.op}`);
}

const csvCheck = (t: Table): Check => {
  const n = t.numRows();
  const s = t.rollup({ v1: aq.op.sum("v1"), v3: aq.op.sum("v3") });
  return h2oCheck(n, t.numCols(), num(s.get("v1", 0)), num(s.get("v3", 0)), num(t.get("id3", n - 1)));
};

/** Rows per `toCSV` call when writing: one string for all rows would pass V8's string limit (~512 MB) at N = 1e7. */
const WRITE_BATCH = 1_000_000;

/**
 * The IO questions: `await aq.loadCSV(path)` (Arquero's streaming reader,
 * default type inference) and `toCSV`, called on batches of rows
 * (`limit`/`offset`, header on the first) whose text is written to the
 * file as it comes.
 */
async function csvTask(data: Data): Promise<Task> {
  const path = data.csv as string;
  if (data.op === "io-csv-read") return { run: () => aq.loadCSV(path), check: csvCheck } as Task<Table>;
  const t = await aq.loadCSV(path);
  return csvWriteTask((out) => {
    const fd = openSync(out, "w");
    try {
      const n = t.numRows();
      for (let offset = 0; offset === 0 || offset < n; offset += WRITE_BATCH) {
        writeSync(fd, aq.toCSV(t, { limit: WRITE_BATCH, offset, header: offset === 0 }));
      }
    } finally {
      closeSync(fd);
    }
  });
}

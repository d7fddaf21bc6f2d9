/**
 * ndframe's DataFrame for the frame questions, through the public facade
 * as a user writes it: `df.filter(df.get("a").gt(50))`,
 * `df.assign({ c: col("a").mul(col("b")) })`,
 * `df.sortValues(["k", "a"], { ascending: [true, false] })`, `describe(df)`.
 * `describe` is imported by path at run time, so that its cell is "n/a"
 * while src/frame/verbs/describe.ts or its export does not exist. Every
 * run builds the frame over fresh Column objects (same buffers), so no
 * per-column cache carries across runs.
 */
import { Column } from "../../src/core/column.js";
import { col } from "../../src/core/expr/expr.js";
import { column } from "../../src/core/from-values.js";
import { DataFrame } from "../../src/frame/frame.js";
import type { Data } from "../data.js";
import {
  assignCheck,
  DESCRIBE_STATS,
  FRAME_COLUMNS,
  frameCheck,
  NotAvailable,
  num,
  type Task,
} from "./adapter.js";

type Frame = DataFrame;

/** One export of a src module, or NotAvailable naming the missing file or export. */
async function load<T>(path: string, name: string): Promise<T> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(`../../src/${path}.js`)) as Record<string, unknown>;
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_MODULE_NOT_FOUND")
      throw new NotAvailable(`src/${path}.ts not found`);
    throw e;
  }
  const v = mod[name];
  if (v === undefined) throw new NotAvailable(`src/${path}.ts has no export ${name}`);
  return v as T;
}

const frameOf = (r: Frame): readonly number[] =>
  frameCheck(r.length, r.columns.length, (name, i) => num(r.column(name).get(i)));

export async function prepareFrame(data: Data): Promise<Task> {
  // one chunk over each generated buffer, zero-copy
  const [a, b, k] = [data.a, data.b, data.k].map((v) => column(v as Float64Array | Int32Array).combine());
  const fresh = (): Frame =>
    new DataFrame(
      new Map([
        ["a", Column.fromChunk(a as Column["chunks"][number])],
        ["b", Column.fromChunk(b as Column["chunks"][number])],
        ["k", Column.fromChunk(k as Column["chunks"][number])],
      ]),
    );
  const t = data.threshold as number;
  switch (data.op) {
    case "frame-filter":
      return {
        run: () => {
          const df = fresh();
          return df.filter(df.get("a").gt(t));
        },
        check: frameOf,
      } as Task<Frame>;
    case "frame-assign": {
      const e = col("a").mul(col("b"));
      return {
        run: () => fresh().assign({ c: e }),
        check: (r: Frame) => assignCheck(r.length, r.columns.length, (i) => num(r.column("c").get(i))),
      } as Task<Frame>;
    }
    case "frame-sort2":
      return {
        run: () => fresh().sortValues(["k", "a"], { ascending: [true, false] }),
        check: frameOf,
      } as Task<Frame>;
    case "frame-describe": {
      const describe = await load<(df: Frame) => Frame>("frame/verbs/describe", "describe");
      if (typeof describe !== "function")
        throw new NotAvailable("src/frame/verbs/describe.ts: describe is not a function");
      return {
        run: () => describe(fresh()),
        // pandas' layout: one column per described column, rows count … max
        check: (r: Frame) =>
          FRAME_COLUMNS.flatMap((c) => DESCRIBE_STATS.map((_, i) => num(r.column(c).get(i)))),
      } as Task<Frame>;
    }
  }
  throw new Error(`ndframe: no frame task for ${data.op}`);
}

/**
 * ndframe's kernels. They are imported by path at run time so that the
 * bench runs (printing "n/a") while a kernel file does not exist yet. Every
 * run wraps the same buffers in a fresh Column object: columns are
 * immutable and kernels may cache per column (factorize does), which would
 * otherwise turn runs 2..k into cache hits.
 */
import { makeChunk } from "../../src/core/chunk.js";
import { Column } from "../../src/core/column.js";
import { utf8 } from "../../src/core/dtype.js";
import { column } from "../../src/core/from-values.js";
import type { Check, Lib } from "../config.js";
import type { Data } from "../data.js";
import { NotAvailable, num, type Task, valueAt } from "./adapter.js";

type Scalar = number | bigint | null;
type Binary = (a: Column | number, b: Column | number) => Column;
type Reduce = (col: Column) => Scalar;

interface Kernels {
  add: Binary;
  mul: Binary;
  sum: Reduce;
  mean: Reduce;
  std: Reduce;
  min: Reduce;
  gt: (col: Column, scalar: number | bigint) => Column;
  filter: (col: Column, mask: Column) => Column;
  take: (col: Column, indices: Int32Array) => Column;
  argsort: (col: Column) => Int32Array;
  factorize: (col: Column) => { codes: Int32Array; uniques: Column };
}

const FILES: Record<keyof Kernels, string> = {
  add: "arithmetic",
  mul: "arithmetic",
  sum: "reduce",
  mean: "reduce",
  std: "reduce",
  min: "reduce",
  gt: "compare",
  filter: "filter",
  take: "take",
  argsort: "sort",
  factorize: "factorize",
};

/** Load one kernel, or throw NotAvailable naming the missing file or export. */
async function kernel<K extends keyof Kernels>(name: K): Promise<Kernels[K]> {
  const file = `src/core/kernels/${FILES[name]}.ts`;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(`../../src/core/kernels/${FILES[name]}.js`)) as Record<string, unknown>;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ERR_MODULE_NOT_FOUND") throw new NotAvailable(`${file} not found`);
    throw e;
  }
  const f = mod[name];
  if (typeof f !== "function") throw new NotAvailable(`${file} has no export ${name}`);
  return f as Kernels[K];
}

const ends = (n: number): number[] => [0, n >> 1, n - 1];

function columnCheck(r: Column): Check {
  if (r.length === 0) return [0];
  return [r.length, ...ends(r.length).map((i) => num(r.get(i)))];
}

export async function prepare(data: Data, _lib?: Lib): Promise<Task> {
  const { op, n } = data;
  // one chunk over the generated buffers, zero-copy
  const chunkOf = (values: Float64Array | Int32Array | BigInt64Array | undefined) =>
    values === undefined ? undefined : column(values).chunks[0];
  const fresh = (chunk: Column["chunks"][number] | undefined): Column => {
    if (chunk === undefined) throw new Error("missing operand");
    return Column.fromChunk(chunk);
  };
  const ca = chunkOf(data.a);
  const cb = chunkOf(data.b);
  const cc = chunkOf(data.c);
  const cs =
    data.s === undefined
      ? undefined
      : makeChunk({ dtype: utf8, length: data.s.length, values: data.s.bytes, valueOffsets: data.s.offsets });
  const scalarTask = (f: Reduce): Task<Scalar> => ({ run: () => f(fresh(ca)), check: (r) => [num(r)] });

  switch (op) {
    case "add": {
      const add = await kernel("add");
      return { run: () => add(fresh(ca), fresh(cb)), check: columnCheck } as Task<Column>;
    }
    case "muladd": {
      // the fused expression, ndframe's way to write a * b + c (composing
      // the kernels, add(mul(a, b), c), makes two passes and one more array)
      const { evaluate } = await import("../../src/core/expr/evaluate.js");
      const { col } = await import("../../src/core/expr/expr.js");
      const e = col("a").mul(col("b")).add(col("c"));
      return {
        run: () => evaluate(e, { a: fresh(ca), b: fresh(cb), c: fresh(cc) }),
        check: columnCheck,
      } as Task<Column>;
    }
    case "sum":
    case "mean":
    case "std":
    case "min":
      return scalarTask(await kernel(op));
    case "filter": {
      const [gt, filter] = [await kernel("gt"), await kernel("filter")];
      const t = data.threshold as number;
      // the scalar for an int64 column may have to be a bigint: probe once, untimed
      let thr: number | bigint = t;
      if (data.kind === "i64") {
        try {
          gt(fresh(ca).slice(0, 4), t);
        } catch {
          thr = BigInt(t);
        }
      }
      const target = data.kind === "utf8" ? cs : ca;
      return { run: () => filter(fresh(target), gt(fresh(ca), thr)), check: columnCheck } as Task<Column>;
    }
    case "take": {
      const take = await kernel("take");
      const perm = data.perm as Int32Array;
      return {
        run: () => take(fresh(data.kind === "utf8" ? cs : ca), perm),
        check: columnCheck,
      } as Task<Column>;
    }
    case "argsort": {
      const argsort = await kernel("argsort");
      return {
        run: () => argsort(fresh(ca)),
        check: (r: Int32Array) => [
          r.length,
          valueAt(data, r[0] as number),
          valueAt(data, r[n - 1] as number),
        ],
      } as Task<Int32Array>;
    }
    case "frame-filter":
    case "frame-assign":
    case "frame-sort2":
    case "frame-describe": {
      const { prepareFrame } = await import("./ndframe-frame.js");
      return prepareFrame(data);
    }
    case "io-csv-read":
    case "io-csv-write":
    case "io-parquet-read":
    case "io-parquet-read-1t":
    case "io-parquet-write":
    case "io-arrow-read":
    case "io-arrow-parse": {
      const { prepareIO } = await import("./ndframe-io.js");
      return prepareIO(data);
    }
    case "str-contains":
    case "str-lower":
    case "str-split":
    case "dt-year":
    case "to-datetime": {
      const { prepareText } = await import("./ndframe-text.js");
      return prepareText(data);
    }
    case "factorize": {
      const factorize = await kernel("factorize");
      return {
        run: () => factorize(fresh(data.s === undefined ? ca : cs)),
        check: (r: { codes: Int32Array; uniques: Column }) => [r.codes.length, r.uniques.length],
      } as Task<{ codes: Int32Array; uniques: Column }>;
    }
  }
}

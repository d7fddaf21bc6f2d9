/**
 * The "limit": the most direct plain-JS loop over the same TypedArrays, one
 * monomorphic function per storage type, as a careful author would write
 * it. int64 is read and written through 32-bit word views (no BigInt per
 * element). The task is picked by question id.
 */
import type { Check, Lib } from "../config.js";
import type { Data, Strings } from "../data.js";
import { assignCheck, csvWriteTask, type FrameColumn, frameCheck, type Task, valueAt } from "./adapter.js";
import * as hc from "./hand-csv.js";
import * as hf from "./hand-frame.js";
import * as k from "./hand-kernels.js";

const words = (a: BigInt64Array): Int32Array => new Int32Array(a.buffer, a.byteOffset, a.length * 2);

function at(r: Float64Array | Int32Array, i: number): number {
  return r[i] as number;
}

function w64(r: Int32Array, i: number): number {
  return (r[2 * i + 1] as number) * 4294967296 + ((r[2 * i] as number) >>> 0);
}

const ends = (n: number): number[] => [0, n >> 1, n - 1];

/** Summary of an element-wise result: length and three elements. */
function elementCheck(r: Float64Array | Int32Array): Check {
  return [r.length, ...ends(r.length).map((i) => at(r, i))];
}

function wordsCheck(r: Int32Array): Check {
  const n = r.length / 2;
  return [n, ...ends(n).map((i) => w64(r, i))];
}

function stringsCheck(s: { offsets: Int32Array; bytes: Uint8Array; length: number }): Check {
  const str = (i: number) =>
    Number(
      new TextDecoder().decode(s.bytes.subarray(s.offsets[i] as number, s.offsets[i + 1] as number)).slice(2),
    );
  return s.length === 0 ? [0] : [s.length, ...ends(s.length).map(str)];
}

export async function prepare(data: Data, lib: Lib): Promise<Task> {
  if (data.op.startsWith("io-parquet") || data.op.startsWith("io-arrow")) {
    const { prepareIO } = await import("./hand-io.js");
    return prepareIO(data);
  }
  if (data.kind === "h2o") return csvTask(data);
  if (data.kind === "text" || data.kind === "ts" || data.kind === "iso") {
    const { prepareText } = await import("./hand-text.js");
    return prepareText(data);
  }
  const { a, b, c } = data;
  const key = `${data.op}:${data.kind}`;
  const alt = lib.id === "hand2";
  const f = a instanceof Float64Array ? a : undefined;
  const i = a instanceof Int32Array ? a : undefined;
  const l = a instanceof BigInt64Array ? words(a) : undefined;
  const fb = b as Float64Array;
  const ib = b as Int32Array;
  const lb = b instanceof BigInt64Array ? words(b) : (undefined as unknown as Int32Array);
  const lc = c instanceof BigInt64Array ? words(c) : (undefined as unknown as Int32Array);
  const n = data.n;
  const scalar = (v: number): Check => [v];
  const elementTask = (run: () => Float64Array | Int32Array): Task<Float64Array | Int32Array> => ({
    run,
    check: elementCheck,
  });
  const wordsTask = (run: () => Int32Array): Task<Int32Array> => ({ run, check: wordsCheck });
  const scalarTask = (run: () => number): Task<number> => ({ run, check: scalar });
  switch (key) {
    case "add:f64":
      return elementTask(() => k.addF64(f!, fb));
    case "add:i32":
      return elementTask(() => k.addI32(i!, ib));
    case "add:i64":
      return wordsTask(() => k.addI64(l!, lb));
    // hand (alt): the same two passes ndframe makes without expression fusion
    case "muladd:f64":
      return elementTask(() =>
        alt ? k.addF64(k.mulF64(f!, fb), c as Float64Array) : k.mulAddF64(f!, fb, c as Float64Array),
      );
    case "muladd:i32":
      return elementTask(() =>
        alt ? k.addI32(k.mulI32(i!, ib), c as Int32Array) : k.mulAddI32(i!, ib, c as Int32Array),
      );
    case "muladd:i64": {
      const zero = new Int32Array(lb.length);
      return wordsTask(() => (alt ? k.addI64(k.mulAddI64(l!, lb, zero), lc) : k.mulAddI64(l!, lb, lc)));
    }
    case "sum:f64":
      return scalarTask(() => (alt ? k.sumF64(f!) : k.sumF64Neumaier(f!)));
    case "sum:i32":
      return scalarTask(() => k.sumI32(i!));
    case "sum:i64":
      return { run: () => k.sumI64(l!), check: (r: unknown) => [Number(r)] };
    case "mean:f64":
      return scalarTask(() => (alt ? k.sumF64(f!) : k.sumF64Neumaier(f!)) / n);
    case "mean:i32":
      return scalarTask(() => k.sumI32(i!) / n);
    case "mean:i64":
      return scalarTask(() => Number(k.sumI64(l!)) / n);
    case "std:f64":
      return scalarTask(() => k.stdF64(f!));
    case "std:i32":
      return scalarTask(() => k.stdI32(i!));
    case "std:i64":
      return scalarTask(() => k.stdI64(l!));
    case "min:f64":
      return scalarTask(() => k.minF64(f!));
    case "min:i32":
      return scalarTask(() => k.minI32(i!));
    case "min:i64":
      return scalarTask(() => k.minI64(l!));
    case "filter:f64":
      return elementTask(() => k.filterGtF64(f!, data.threshold!));
    case "filter:i32":
      return elementTask(() => k.filterGtI32(i!, data.threshold!));
    case "filter:i64":
      return wordsTask(() => k.filterGtI64(l!, data.threshold!));
    case "filter:utf8":
      return { run: () => k.filterStringsByF64(data.s!, f!, data.threshold!), check: stringsCheck };
    case "take:f64":
      return elementTask(() => k.takeF64(f!, data.perm!));
    case "take:i32":
      return elementTask(() => k.takeI32(i!, data.perm!));
    case "take:i64":
      return wordsTask(() => k.takeI64(l!, data.perm!));
    case "take:utf8":
      return { run: () => k.takeStrings(data.s!, data.perm!), check: stringsCheck };
    case "argsort:f64":
    case "argsort:i32":
      return {
        run: () => (f ? k.argsortF64(f) : k.argsortI32(i!)),
        check: (r: Int32Array) => [
          r.length,
          valueAt(data, r[0] as number),
          valueAt(data, r[n - 1] as number),
        ],
      } as Task<Int32Array>;
    case "factorize:i32":
      return { run: () => k.factorizeI32(i!), check: (r: k.Factorized) => [r.codes.length, r.count] };
    case "factorize:i64":
      return { run: () => k.factorizeI64(l!), check: (r: k.Factorized) => [r.codes.length, r.count] };
    case "factorize:utf8-100":
    case "factorize:utf8-1e5":
      return {
        run: () => k.factorizeStrings(data.s as Strings),
        check: (r: k.Factorized) => [r.codes.length, r.count],
      };
  }
  if (data.kind === "frame") return frameTask(data);
  throw new Error(`hand: no loop for ${key}`);
}

const frameOf = (r: hf.Frame): Check =>
  frameCheck(r.a.length, 3, (name: FrameColumn, i: number) => r[name][i] as number);

/** The DataFrame questions over plain arrays (bench/libs/hand-frame.ts). */
function frameTask(data: Data): Task {
  const f: hf.Frame = { a: data.a as Float64Array, b: data.b as Float64Array, k: data.k as Int32Array };
  switch (data.op) {
    case "frame-filter":
      return { run: () => hf.filterFrame(f, data.threshold as number), check: frameOf } as Task<hf.Frame>;
    case "frame-assign":
      return {
        run: () => hf.assignProduct(f),
        check: (r: hf.Frame & { c: Float64Array }) => assignCheck(r.c.length, 4, (i) => r.c[i] as number),
      } as Task<hf.Frame & { c: Float64Array }>;
    case "frame-sort2":
      return { run: () => hf.sortFrame(f), check: frameOf } as Task<hf.Frame>;
    case "frame-describe":
      return { run: () => hf.describeFrame(f), check: (r: number[]) => r } as Task<number[]>;
  }
  throw new Error(`hand: no loop for ${data.op}`);
}

/** The IO questions: the byte loops of bench/libs/hand-csv.ts. */
function csvTask(data: Data): Task {
  const path = data.csv as string;
  if (data.op === "io-csv-read")
    return { run: () => hc.readH2o(path), check: hc.handCheck } as Task<hc.H2oTable>;
  const table = hc.readH2o(path);
  return csvWriteTask((out) => hc.writeH2o(table, out));
}

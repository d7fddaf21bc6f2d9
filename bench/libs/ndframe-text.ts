/**
 * ndframe's text and time questions (issue 5), through the public API as a
 * user writes it: `s.str.contains("ing", { regex: false })`, `s.str.lower()`,
 * `s.str.split(" ")`, `t.dt.year`, `toDatetime(s)`. The Series is built
 * over the generated Arrow buffers (zero-copy) from a fresh Column object
 * in every run, so no per-column cache carries across runs.
 */

import { countBits } from "../../src/core/bitmap.js";
import type { Chunk } from "../../src/core/chunk.js";
import { makeChunk } from "../../src/core/chunk.js";
import { Column } from "../../src/core/column.js";
import { timestamp, utf8 } from "../../src/core/dtype.js";
import { Series, toDatetime } from "../../src/index.js";
import type { Data } from "../data.js";
import {
  containsCheck,
  datetimeCheck,
  lowerCheck,
  splitCheck,
  type Utf8Data,
  yearCheck,
} from "../text-data.js";
import type { Task } from "./adapter.js";

type S = Series;

/** Sum of the set bits of a bool column (no nulls here). */
function trueCount(col: Column): number {
  let n = 0;
  for (const c of col.chunks) n += countBits(c.values as Uint8Array, c.offset, c.length);
  return n;
}

/** Sum of an int32 column. */
function int32Sum(col: Column): number {
  let s = 0;
  for (const c of col.chunks) {
    const v = c.values as Int32Array;
    for (let i = 0; i < c.length; i++) s += v[c.offset + i] as number;
  }
  return s;
}

/** Total number of list elements of a list column. */
function listTotal(col: Column): number {
  let s = 0;
  for (const c of col.chunks) {
    const o = c.valueOffsets as Int32Array;
    s += (o[c.offset + c.length] as number) - (o[c.offset] as number);
  }
  return s;
}

export function prepareText(data: Data): Task {
  let chunk: Chunk;
  if (data.op === "dt-year") {
    const ns = data.ts?.ns as BigInt64Array;
    chunk = makeChunk({ dtype: timestamp("ns"), length: ns.length, values: ns });
  } else {
    const t = data.text as Utf8Data;
    chunk = makeChunk({ dtype: utf8, length: t.length, values: t.bytes, valueOffsets: t.offsets });
  }
  const fresh = (): S => new Series(Column.fromChunk(chunk));
  switch (data.op) {
    case "str-contains":
      return {
        run: () => fresh().str.contains("ing", { regex: false }),
        check: (r: S) => containsCheck(r.length, trueCount(r.column)),
      } as Task<S>;
    case "str-lower":
      return {
        run: () => fresh().str.lower(),
        check: (r: S) =>
          lowerCheck(
            r.length,
            (i) => (r.column.get(i) as string).length,
            (r.column.get(0) as string).charCodeAt(0),
          ),
      } as Task<S>;
    case "str-split":
      return {
        run: () => fresh().str.split(" "),
        check: (r: S) =>
          splitCheck(r.length, listTotal(r.column), (i) => (r.column.get(i) as string[]).length),
      } as Task<S>;
    case "dt-year":
      return {
        run: () => fresh().dt.year,
        check: (r: S) => yearCheck(r.length, int32Sum(r.column)),
      } as Task<S>;
    case "to-datetime":
      return {
        run: () => toDatetime(fresh()),
        check: (r: S) => datetimeCheck(r.length, (i) => Number((r.column.get(i) as bigint) / 1_000_000_000n)),
      } as Task<S>;
  }
  throw new Error(`ndframe: no text task for ${data.op}`);
}

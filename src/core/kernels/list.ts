/**
 * Kernels over list columns: the length of each list, the item at a
 * position, string lists joined with a separator, and lists spread into
 * one column per position (`split(…, {expand: true})`).
 * @internal
 */
import { show } from "../../util/is.js";
import type { Chunk } from "../chunk.js";
import { makeChunk } from "../chunk.js";
import { Column } from "../column.js";
import {
  type DType,
  dtypeToString,
  type Int32,
  int32,
  isString,
  type List,
  type StringType,
} from "../dtype.js";
import { DTypeError, OptionError } from "../errors.js";
import { decodeRows, StrOut, strView, validityAt0 } from "./str-engine.js";
import { take } from "./take.js";

/** Throw unless `col` is a list column. */
export function checkList(col: Column, what: string): void {
  if (col.dtype.kind !== "list") throw new DTypeError(`${what} needs lists, got ${dtypeToString(col.dtype)}`);
}

/** The number of items of each list. @internal */
export function listLen(col: Column): Column<Int32> {
  checkList(col, "str.len");
  return new Column(
    int32,
    col.chunks.map((c) => {
      const o = c.valueOffsets as Int32Array;
      const out = new Int32Array(c.length);
      for (let i = 0; i < c.length; i++) out[i] = (o[i + 1] as number) - (o[i] as number);
      return makeChunk({ dtype: int32, length: c.length, values: out, validity: validityAt0(c) });
    }),
  );
}

/** For each row, the child position of item `k` (negative: from the end), or −1 when absent or null. */
function itemPositions(col: Column, k: number): Int32Array {
  const pos = new Int32Array(col.length);
  let at = 0;
  let base = 0;
  for (const c of col.chunks) {
    const o = c.valueOffsets as Int32Array;
    for (let i = 0; i < c.length; i++) {
      const j = c.offset + i;
      const valid = c.validity === null || ((c.validity[j >>> 3] as number) & (1 << (j & 7))) !== 0;
      const a = o[i] as number;
      const len = (o[i + 1] as number) - a;
      const q = k < 0 ? len + k : k;
      pos[at++] = valid && q >= 0 && q < len ? base + a : -1;
      if (pos[at - 1] !== -1) pos[at - 1] += q;
    }
    base += (c.child as Column).length;
  }
  return pos;
}

/** The children of all chunks as one column that `itemPositions` indexes. */
function children(col: Column): Column {
  const value = (col.dtype as List).value;
  return new Column(
    value,
    col.chunks.flatMap((c) => (c.child as Column).chunks),
  );
}

/** The item at position `k` of each list (negative from the end); null when the list is shorter. @internal */
export function listGet(col: Column, k: number): Column {
  checkList(col, "str.get");
  if (!Number.isInteger(k)) throw new OptionError(`str.get: invalid i: ${show(k)} (expected an integer)`);
  return takeOrNull(children(col), itemPositions(col, k));
}

/** Gather `pos` from `col`, −1 giving null. */
function takeOrNull(col: Column, pos: Int32Array): Column {
  const n = pos.length;
  const validity = new Uint8Array((n + 7) >>> 3);
  let nulls = 0;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = pos[i] as number;
    if (p < 0) nulls++;
    else {
      idx[i] = p;
      validity[i >>> 3] = (validity[i >>> 3] as number) | (1 << (i & 7));
    }
  }
  const validIdx = new Column(int32, [
    makeChunk({ dtype: int32, length: n, values: idx, validity: nulls === 0 ? null : validity }),
  ]);
  return take(col, validIdx);
}

/** Each list spread over columns: column `k` holds item `k` of every list (null when shorter). @internal */
export function listToColumns(col: Column): Column[] {
  checkList(col, "expand");
  let width = 0;
  for (const c of col.chunks) {
    const o = c.valueOffsets as Int32Array;
    for (let i = 0; i < c.length; i++) width = Math.max(width, (o[i + 1] as number) - (o[i] as number));
  }
  const items = children(col);
  const out: Column[] = [];
  for (let k = 0; k < width; k++) out.push(takeOrNull(items, itemPositions(col, k)));
  return out;
}

/** The strings of each list joined with `sep` (a null item makes the row null, as pandas). @internal */
export function listJoin(col: Column, sep: string): Column<StringType> {
  checkList(col, "str.join");
  const value = (col.dtype as List).value as DType;
  if (!isString(value))
    throw new DTypeError(`str.join needs lists of strings, got ${dtypeToString(col.dtype)}`);
  if (typeof sep !== "string")
    throw new OptionError(`str.join: invalid sep: ${show(sep)} (expected a string)`);
  const chunks = col.chunks.map((c) => {
    const o = c.valueOffsets as Int32Array;
    const child = (c.child as Column<StringType>).combine();
    const v = strView(child);
    const rows = decodeRows(v);
    const out = new StrOut(c.length, 16 * c.length);
    const validity = new Uint8Array((c.length + 7) >>> 3);
    let nulls = 0;
    for (let i = 0; i < c.length; i++) {
      const j = c.offset + i;
      let ok = c.validity === null || ((c.validity[j >>> 3] as number) & (1 << (j & 7))) !== 0;
      const parts: string[] = [];
      for (let p = o[i] as number; ok && p < (o[i + 1] as number); p++) {
        const q = child.offset + p;
        if (child.validity !== null && ((child.validity[q >>> 3] as number) & (1 << (q & 7))) === 0)
          ok = false;
        else parts.push(rows.row(p));
      }
      if (ok) {
        out.text(parts.join(sep));
        validity[i >>> 3] = (validity[i >>> 3] as number) | (1 << (i & 7));
      } else nulls++;
      out.end();
    }
    return out.finish(value, nulls === 0 ? null : validity) as Chunk<StringType>;
  });
  return new Column(value, chunks);
}

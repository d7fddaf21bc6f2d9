/**
 * The chunk-mapping machinery of the math kernels. @internal
 */

import { show } from "../../util/is.js";
import { makeChunk, type StorageOf } from "../chunk.js";
import { Column } from "../column.js";
import { type DType, dtypeToString, float32, float64, isNumeric, type NumberArray } from "../dtype.js";
import { DTypeError } from "../errors.js";
import { words } from "../int64.js";
import {
  isWordKey,
  newStorage,
  operandArray,
  pieceValidity,
  type StorageKey,
  storageKey,
  ValidityOut,
} from "./arithmetic-engine.js";
import { f32Math, f64Math } from "./math-loops.js";

export type FloatFn = Exclude<keyof typeof f64Math, "rint" | "roundUp" | "roundDown">;
export type Loop = (out: NumberArray, a: NumberArray, n: number) => void;

export function checkNumeric(name: string, col: unknown, allowBool: boolean): Column {
  if (!(col instanceof Column)) throw new DTypeError(`${name} expects a Column, got ${show(col)}`);
  if (!isNumeric(col.dtype) && !(allowBool && col.dtype.kind === "bool")) {
    throw new DTypeError(`${name} does not support dtype ${dtypeToString(col.dtype)}`);
  }
  return col;
}

/**
 * Run `loop` chunk by chunk into one fresh column of `outDtype`, feeding it
 * each chunk's values in storage `key` (converted only when they differ).
 */
export function mapChunks(col: Column, key: StorageKey, outDtype: DType, loop: Loop): Column {
  const n = col.length;
  const outKey = storageKey(outDtype);
  const wide = isWordKey(outKey);
  const storage = newStorage(outDtype, n);
  const out = wide ? words(storage as BigInt64Array) : (storage as NumberArray);
  const step = wide ? 2 : 1;
  const validity = new ValidityOut(n);
  let start = 0;
  for (const c of col.chunks) {
    const va = operandArray(c, key, start);
    loop(out.subarray(start * step, (start + c.length) * step), va, c.length);
    validity.put(start, c.length, pieceValidity({ start, length: c.length, a: c, b: null }));
    start += c.length;
  }
  return Column.fromChunk(
    makeChunk({ dtype: outDtype, length: n, values: storage as StorageOf<DType>, validity: validity.bits }),
  );
}

/** A float function: float32 stays float32, everything else computes in float64. */
export function floatFn(name: FloatFn, col: Column): Column {
  checkNumeric(name, col, true);
  if (col.dtype.kind === "float32") return mapChunks(col, "f32", float32, f32Math[name] as Loop);
  return mapChunks(col, "f64", float64, f64Math[name] as Loop);
}

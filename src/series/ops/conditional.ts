/**
 * Conditional replacement (`where`, `mask`), `between`, and value mapping
 * (`map` through a lookup, `apply` through a callback).
 * @internal
 */
import { Column } from "../../core/column.js";
import { type Bool, type DType, dtypeToString } from "../../core/dtype.js";
import { DTypeError, OptionError, ShapeError } from "../../core/errors.js";
import { column } from "../../core/from-values.js";
import { ge, gt, le, lt } from "../../core/kernels/compare.js";
import { concat } from "../../core/kernels/concat.js";
import { truePositions } from "../../core/kernels/filter.js";
import { and } from "../../core/kernels/logical.js";
import { positionsOrNull, take } from "../../core/kernels/take.js";
import { keyword, show } from "../../util/is.js";

/** A one-row column holding `v`: in `dtype` when it fits, else in the dtype inferred for it. */
function scalarColumn(v: unknown, dtype: DType): Column {
  try {
    return column([v], dtype);
  } catch {
    return column([v]);
  }
}

/**
 * Pick each row from `col` or from `other` (a column of the same length or
 * a scalar; null for a null): with `keepWhere`, rows where `cond` is true
 * keep their value (`where`); otherwise rows where `cond` is true are
 * replaced (`mask`). A null condition counts as false in both. The dtype
 * is the column's when `other` fits it, else both promote (as `concat`).
 */
export function choose(
  col: Column,
  cond: Column<Bool>,
  other: unknown,
  keepWhere: boolean,
  fn: string,
): Column {
  const n = col.length;
  if (cond.length !== n) throw new ShapeError(`${fn}: the condition has ${cond.length} rows for ${n}`);
  if (cond.dtype.kind !== "bool") {
    throw new DTypeError(`${fn}: the condition must be bool, got ${dtypeToString(cond.dtype)}`);
  }
  const otherCol = other instanceof Column ? other : null;
  if (otherCol !== null && otherCol.length !== n) {
    throw new ShapeError(`${fn}: other has ${otherCol.length} rows for ${n}`);
  }
  const both =
    other === null || other === undefined ? col : concat([col, otherCol ?? scalarColumn(other, col.dtype)]);
  // the condition's bits, a null counting as false
  const isTrue = new Uint8Array(n);
  const t = truePositions(cond);
  for (let k = 0; k < t.length; k++) isTrue[t[k] as number] = 1;
  const noOther = other === null || other === undefined;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const replace = keepWhere ? isTrue[i] === 0 : isTrue[i] === 1;
    idx[i] = !replace ? i : noOther ? -1 : otherCol !== null ? n + i : n;
  }
  return take(both, positionsOrNull(idx));
}

/** Which ends `between` includes. */
export type Inclusive = "both" | "neither" | "left" | "right";

/** `left <= x <= right` (ends per `inclusive`), null where `x` is null. */
export function betweenColumn(col: Column, left: unknown, right: unknown, inclusive: unknown): Column<Bool> {
  const inc =
    inclusive === undefined
      ? "both"
      : keyword("inclusive", inclusive, ["both", "neither", "left", "right"] as const);
  const lo = inc === "both" || inc === "left" ? ge(col, left as never) : gt(col, left as never);
  const hi = inc === "both" || inc === "right" ? le(col, right as never) : lt(col, right as never);
  return and(lo, hi);
}

/** Look each value up in a Map or a plain object (own keys; strings and numbers); misses give null. */
export function mapColumn(col: Column, mapping: unknown): Column {
  let get: (v: unknown) => unknown;
  if (mapping instanceof Map) get = (v) => (mapping.has(v) ? mapping.get(v) : null);
  else if (mapping !== null && typeof mapping === "object" && !Array.isArray(mapping)) {
    const rec = mapping as Record<string, unknown>;
    get = (v) => {
      if (v === null) return null;
      const key = String(v);
      return Object.hasOwn(rec, key) ? rec[key] : null;
    };
  } else
    throw new OptionError(`map expects a Map or an object, got ${show(mapping)}; use apply for a function`);
  const out: unknown[] = new Array(col.length);
  let i = 0;
  for (const v of col) out[i++] = v === null ? null : (get(v) ?? null);
  return column(out);
}

/**
 * Call `fn(value, position)` on every value and build a column from the
 * results (dtype inferred, or `dtype`). Nulls are passed as null. The slow
 * path: one JS call per row.
 */
export function applyColumn(col: Column, fn: unknown, dtype: DType | string | undefined): Column {
  if (typeof fn !== "function") throw new OptionError(`apply expects a function, got ${show(fn)}`);
  const out: unknown[] = new Array(col.length);
  let i = 0;
  for (const v of col) {
    out[i] = (fn as (v: unknown, i: number) => unknown)(v, i);
    i++;
  }
  return dtype === undefined ? column(out) : column(out, dtype);
}

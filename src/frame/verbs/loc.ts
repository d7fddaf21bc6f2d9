/** `loc`: rows by index label and columns by name, as pandas' `DataFrame.loc`. */
import { Column } from "../../core/column.js";
import type { Dictionary } from "../../core/dtype.js";
import { DTypeError, KeyError, OptionError, ShapeError } from "../../core/errors.js";
import { column } from "../../core/from-values.js";
import { comparerOf, type Index, type Label } from "../../core/index/index.js";
import { RangeIndex } from "../../core/index/range-index.js";
import { SortedIndex } from "../../core/index/sorted-index.js";
import { TakenRangeIndex } from "../../core/index/taken-index.js";
import { decode } from "../../core/kernels/factorize.js";
import { truePositions } from "../../core/kernels/filter.js";
import { take } from "../../core/kernels/take.js";
import { isDefaultIndex, sameLabels } from "../../series/index-of.js";
import { Series } from "../../series/series.js";
import { show } from "../../util/is.js";
import { unknownColumn } from "../../util/names.js";
import type { DataFrame } from "../frame.js";
import type { AnySchema, ColumnName, Schema } from "../schema.js";
import {
  checkedNames,
  isBoolArray,
  isSliceObject,
  maskColumn,
  type RowMaskLike,
  type RowSelection,
  selectFrame,
  stepped,
} from "./iloc.js";

/**
 * A slice of labels, as pandas' `.loc[start:stop]`: both bounds included;
 * an omitted (undefined or null) bound is the start or end of the index.
 * `step`, a positive integer, keeps every step-th row of the range.
 */
export interface LabelSlice {
  readonly start?: Label;
  readonly stop?: Label;
  readonly step?: number;
}

/**
 * Rows by label: one label, several (an array, or a Column or Series of
 * labels), a label slice, a bool mask (array, or bool Column/Series), or
 * null (all). A Column or Series is a mask when its dtype is bool.
 */
export type RowLabels = Label | readonly Label[] | LabelSlice | RowMaskLike | null;

/** Columns by name: one, several, a name slice (both included), a bool mask, or null (all). */
export type ColumnLabels<S extends Schema = AnySchema> =
  | ColumnName<S>
  | readonly ColumnName<S>[]
  | { readonly start?: ColumnName<S> | null; readonly stop?: ColumnName<S> | null }
  | readonly boolean[]
  | null;

function missingLabel(label: unknown, count: number): KeyError {
  const more = count > 1 ? ` (${count} of the labels are missing)` : "";
  const shown = label instanceof Date ? label.toISOString() : show(label);
  return new KeyError(`loc: label ${shown} is not in the index${more}`);
}

/** Positions of one label (several when repeated), with loc's error. */
function locOf(index: Index, label: Label): number | Int32Array {
  try {
    return index.getLoc(label);
  } catch (e) {
    if (e instanceof KeyError) throw missingLabel(label, 1);
    throw e;
  }
}

/** Positions of labels in order, each label's rows in turn; a KeyError names the first missing label. */
function labelPositions(index: Index, labels: readonly Label[]): Int32Array {
  let col: Column | null = null;
  if (index.isUnique && !labels.some((l) => l instanceof Date)) {
    try {
      col = column(labels);
    } catch {
      col = null; // labels of mixed kinds: looked up one by one
    }
  }
  if (col !== null) {
    const pos = index.getIndexer(col);
    let first = -1;
    let count = 0;
    for (let i = 0; i < pos.length; i++) {
      if ((pos[i] as number) < 0) {
        if (first < 0) first = i;
        count++;
      }
    }
    if (first >= 0) throw missingLabel(labels[first], count);
    return pos;
  }
  const out: number[] = [];
  for (const l of labels) {
    const p = locOf(index, l);
    if (typeof p === "number") out.push(p);
    else for (const q of p) out.push(q);
  }
  return Int32Array.from(out);
}

/** First position in [0, n) where `before` is false (it holds on a prefix). */
function partition(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function uncomparable(label: unknown, index: Index): DTypeError {
  return new DTypeError(`loc: label ${show(label)} cannot be compared with the ${index.dtype.kind} index`);
}

const omitted = (v: unknown) => v === undefined || v === null;

/** Positions [s, e) covering the labels start..stop (both included). */
function labelRange(taken: Index, start: Label | undefined, stop: Label | undefined): [number, number] {
  const index = taken instanceof TakenRangeIndex ? taken.resolve() : taken;
  const n = index.length;
  if (index instanceof SortedIndex) {
    try {
      return index.sliceLocs(start ?? undefined, stop ?? undefined);
    } catch (e) {
      if (e instanceof DTypeError) throw uncomparable(omitted(start) ? stop : start, index);
      throw e;
    }
  }
  if (index instanceof RangeIndex) {
    // label(i) = start + i·step: the bounds by arithmetic, whatever the sign of step
    const num = (v: Label): number => {
      const x = typeof v === "bigint" ? Number(v) : v;
      if (typeof x !== "number" || Number.isNaN(x)) throw uncomparable(v, index);
      return x;
    };
    const clamp = (i: number) => Math.min(Math.max(i, 0), n);
    const s = omitted(start) ? 0 : clamp(Math.ceil((num(start as Label) - index.start) / index.step));
    const e = omitted(stop) ? n : clamp(Math.floor((num(stop as Label) - index.start) / index.step) + 1);
    return [s, e];
  }
  const inc = index.isMonotonicIncreasing;
  if (inc || index.isMonotonicDecreasing) {
    const labels = index.toColumn();
    const chunk = (
      labels.dtype.kind === "dictionary" ? decode(labels as Column<Dictionary>) : labels
    ).combine();
    const cmp = (label: Label) => {
      const c = comparerOf(chunk, label);
      if (c === null) throw uncomparable(label, index);
      return c;
    };
    let s = 0;
    let e = n;
    if (!omitted(start)) {
      const c = cmp(start as Label);
      s = partition(n, inc ? (i) => c(i) < 0 : (i) => c(i) > 0);
    }
    if (!omitted(stop)) {
      const c = cmp(stop as Label);
      e = partition(n, inc ? (i) => c(i) <= 0 : (i) => c(i) >= 0);
    }
    return [s, e];
  }
  // unsorted: as pandas, each given bound must be a label present once
  const bound = (label: Label, which: string): number => {
    if (!index.contains(label)) {
      throw new KeyError(
        `loc: cannot slice an unsorted index from ${which} label ${show(label)}, which it lacks; sort it first (sortIndex)`,
      );
    }
    const p = index.getLoc(label);
    if (typeof p !== "number") {
      throw new KeyError(
        `loc: cannot slice an unsorted index at ${which} label ${show(label)}, which is repeated ${p.length} times`,
      );
    }
    return p;
  };
  return [
    omitted(start) ? 0 : bound(start as Label, "start"),
    omitted(stop) ? n : bound(stop as Label, "stop") + 1,
  ];
}

function labelSlice(index: Index, s: Record<string, unknown>): RowSelection {
  for (const k of Object.keys(s)) {
    if (k !== "start" && k !== "stop" && k !== "step") {
      throw new OptionError(`loc: unknown slice key "${k}" (expected start, stop, step)`);
    }
  }
  const step = s.step ?? 1;
  if (typeof step !== "number" || !Number.isSafeInteger(step) || step < 1) {
    throw new OptionError(`loc: invalid slice step: ${show(step)} (expected a positive integer)`);
  }
  const [a, b] = labelRange(index, s.start as Label | undefined, s.stop as Label | undefined);
  const e = Math.max(a, b);
  if (step === 1)
    return a === 0 && e === index.length ? { kind: "all" } : { kind: "range", start: a, stop: e };
  return stepped(a, e, step);
}

/** A bool Series mask lined up with the frame's rows: by position when unlabeled, else by label. */
function alignedMask(df: DataFrame<Schema>, m: Series): Column {
  if (sameLabels(m.index, df.index) || isDefaultIndex(m.index)) return m.column;
  const pos = m.index.getIndexer(df.index);
  const at = pos.indexOf(-1);
  if (at >= 0) {
    throw new ShapeError(
      `loc: the bool Series has no value for label ${show(df.index.get(at))}; a mask must cover every row label`,
    );
  }
  return take(m.column, pos);
}

function rowSelection(df: DataFrame<Schema>, rows: unknown): RowSelection {
  const index = df.index;
  if (rows === null || rows === undefined) return { kind: "all" };
  if (rows instanceof Series && rows.dtype.kind === "bool") {
    return {
      kind: "take",
      positions: truePositions(maskColumn("loc", alignedMask(df, rows), df.length, "rows")),
    };
  }
  if ((rows instanceof Column && rows.dtype.kind === "bool") || isBoolArray(rows)) {
    return { kind: "take", positions: truePositions(maskColumn("loc", rows, df.length, "rows")) };
  }
  if (rows instanceof Series || rows instanceof Column) {
    return { kind: "take", positions: labelPositions(index, rows.toArray() as Label[]) };
  }
  if (Array.isArray(rows)) return { kind: "take", positions: labelPositions(index, rows as Label[]) };
  if (isSliceObject(rows)) return labelSlice(index, rows);
  if (["number", "bigint", "string", "boolean"].includes(typeof rows) || rows instanceof Date) {
    const p = locOf(index, rows as Label);
    return typeof p === "number" ? { kind: "range", start: p, stop: p + 1 } : { kind: "take", positions: p };
  }
  throw new DTypeError(
    `loc: invalid rows ${show(rows)} (expected a label, an array of labels, a { start, stop } slice, a bool mask or null)`,
  );
}

function columnNames(df: DataFrame<Schema>, columns: unknown): string[] {
  const all = df.columns;
  const name = (v: unknown): string => {
    if (typeof v !== "string") throw new KeyError(`loc: column names are strings, got ${show(v)}`);
    if (!df.has(v)) throw new KeyError(unknownColumn(v, all, "loc"));
    return v;
  };
  if (columns === null || columns === undefined) return all;
  if (typeof columns === "string") return [name(columns)];
  if (isBoolArray(columns)) {
    const keep = maskColumn("loc", columns, all.length, "columns");
    return all.filter((_, j) => keep.get(j) === true);
  }
  if (Array.isArray(columns)) return checkedNames("loc", columns.map(name));
  if (isSliceObject(columns)) {
    for (const k of Object.keys(columns)) {
      if (k !== "start" && k !== "stop") {
        throw new OptionError(`loc: unknown column slice key "${k}" (expected start, stop)`);
      }
    }
    const s = omitted(columns.start) ? 0 : all.indexOf(name(columns.start));
    const e = omitted(columns.stop) ? all.length : all.indexOf(name(columns.stop)) + 1;
    return all.slice(s, Math.max(s, e));
  }
  throw new DTypeError(
    `loc: invalid columns ${show(columns)} (expected a name, an array of names, a { start, stop } slice, a bool mask or null)`,
  );
}

/**
 * Select rows by index label and columns by name, as pandas' `DataFrame.loc`.
 *
 * Rows: a label (all its rows when repeated; a `KeyError` names it when
 * absent), an array (or Column/Series) of labels in the order wanted (a
 * `KeyError` names the first missing label), a `{ start, stop }` label
 * slice with BOTH bounds included (pandas' `.loc["a":"c"]`), a bool mask,
 * or null for every row. A label slice on a sorted index (SortedIndex,
 * RangeIndex, or any monotonic index, increasing or decreasing) finds its
 * bounds by binary search and the bounds need not be labels of the index;
 * on an unsorted index each given bound must be a label present once, as
 * pandas (a `KeyError` otherwise: sort first with `sortIndex`). A bool mask
 * is an array, a Column, or a Series — aligned on the frame's labels (each
 * row label must be in the mask's index), or by position when it has the
 * default index; nulls count as false. A boolean array is always a mask,
 * never labels. Columns: a name, names, a `{ start, stop }` slice of names
 * (both included, in column order), a bool mask, or null (all); an unknown
 * name is a `KeyError` listing the closest names.
 *
 * Unlike pandas, the result is always a frame: one label gives a frame of
 * its row(s), one column name a frame of one column (use `df.get(name)` for
 * a Series). A label slice with step 1 and a unique single label are views
 * (no copy); label lists and masks gather the selected columns (a copy).
 *
 * @param df - the frame
 * @param rows - the row labels to keep (null: all)
 * @param columns - the column names to keep (omitted or null: all)
 * @returns a frame of the selected rows and columns, with their labels
 * @example
 * ```ts
 * import { DataFrame, loc } from "ndframe";
 * // pandas docs: the cobra / viper / sidewinder frame
 * const df = new DataFrame(
 *   { max_speed: [1, 4, 7], shield: [2, 5, 8] },
 *   { index: ["cobra", "viper", "sidewinder"] },
 * );
 * loc(df, "viper").toRecords(); // => [{ max_speed: 4, shield: 5 }]
 * loc(df, ["viper", "sidewinder"]).get("shield").toArray(); // => [5, 8]
 * loc(df, { start: "cobra", stop: "viper" }, "max_speed").get("max_speed").toArray(); // => [1, 4]
 * loc(df, [false, false, true]).index.toColumn().toArray(); // => ["sidewinder"]
 * loc(df, df.get("shield").gt(6), ["max_speed"]).toRecords(); // => [{ max_speed: 7 }]
 * ```
 */
export function loc<S extends Schema>(df: DataFrame<S>, rows: RowLabels): DataFrame<S>;
export function loc<S extends Schema, K extends ColumnName<S>>(
  df: DataFrame<S>,
  rows: RowLabels,
  columns: K | readonly K[],
): DataFrame<{ readonly [P in K]: S[P] }>;
export function loc<S extends Schema>(
  df: DataFrame<S>,
  rows: RowLabels,
  columns?: ColumnLabels<S>,
): DataFrame<AnySchema>;
export function loc<S extends Schema>(
  df: DataFrame<S>,
  rows: RowLabels,
  columns?: ColumnLabels<S>,
): DataFrame<AnySchema> {
  const f = df as unknown as DataFrame<Schema>;
  const names = columnNames(f, columns);
  return selectFrame(f, names, rowSelection(f, rows));
}

/**
 * Text for values and for a Series, in pandas' manner: labels left,
 * values right-aligned, then a footer with the name and dtype.
 * @internal
 */
import type { Column } from "../core/column.js";
import { dtypeToString } from "../core/dtype.js";
import type { Index } from "../core/index/index.js";
import { formatCells } from "./format-cells.js";

/** Rows shown before a long Series is cut to its head and tail (pandas' `display.max_rows`). */
export const MAX_ROWS = 60;
/** Rows shown at each end of a cut Series (pandas' `display.min_rows` / 2). */
export const EDGE_ROWS = 5;

/** Rows to show: all, or the head and tail with a gap marker (null) between. */
export function shownRows(n: number): (number | null)[] {
  if (n <= MAX_ROWS) return Array.from({ length: n }, (_, i) => i);
  const head = Array.from({ length: EDGE_ROWS }, (_, i) => i);
  const tail = Array.from({ length: EDGE_ROWS }, (_, i) => n - EDGE_ROWS + i);
  return [...head, null, ...tail];
}

/** A Series as pandas prints it. */
export function formatSeries(col: Column, index: Index, name: string | null): string {
  const rows = shownRows(col.length);
  // the gap between head and tail: no label, ".." under the values (as pandas)
  const labels = formatCells((i) => index.get(i), index.dtype, rows, "");
  // values print together: floats to common decimals, timestamps to a common precision
  const values = formatCells((i) => col.get(i), col.dtype, rows, "..");
  const lw = Math.max(0, ...labels.map((s) => s.length));
  const vw = Math.max(0, ...values.map((s) => s.length));
  const lines = rows.map(
    (_, k) => `${(labels[k] as string).padEnd(lw)}    ${(values[k] as string).padStart(vw)}`,
  );
  const footer: string[] = [];
  if (name !== null) footer.push(`Name: ${name}`);
  if (rows.length < col.length) footer.push(`Length: ${col.length}`);
  footer.push(`dtype: ${dtypeToString(col.dtype)}`);
  return [...lines, footer.join(", ")].join("\n");
}

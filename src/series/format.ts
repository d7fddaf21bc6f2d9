/**
 * Text for values and for a Series, in pandas' manner: labels left,
 * values right-aligned, then a footer with the name and dtype.
 * @internal
 */
import type { Column } from "../core/column.js";
import { type DType, dtypeToString, isFloat } from "../core/dtype.js";
import type { Index } from "../core/index/index.js";

/** How a missing value prints (pandas' nullable dtypes print `<NA>`). */
export const NULL_TEXT = "<NA>";

/** Rows shown before a long Series is cut to its head and tail (pandas' `display.max_rows`). */
export const MAX_ROWS = 60;
/** Rows shown at each end of a cut Series (pandas' `display.min_rows` / 2). */
export const EDGE_ROWS = 5;

/** One value as text: floats with up to 6 significant decimals, as pandas' default precision. */
export function formatValue(v: unknown, dtype: DType): string {
  if (v === null || v === undefined) return NULL_TEXT;
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "NaN";
    if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
    if (isFloat(dtype)) return formatFloat(v);
    return String(v);
  }
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "boolean") return v ? "True" : "False";
  if (v instanceof Uint8Array) return `b'${Array.from(v, (b) => b.toString(16).padStart(2, "0")).join("")}'`;
  return String(v);
}

function formatFloat(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e16 || a < 1e-4)) return v.toExponential(6).replace(/\.?0+e/, "e");
  const s = v.toFixed(6).replace(/0+$/, "");
  return s.endsWith(".") ? `${s}0` : s;
}

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
  const labels = rows.map((i) => (i === null ? "" : formatValue(index.get(i), index.dtype)));
  const values = rows.map((i) => (i === null ? ".." : formatValue(col.get(i), col.dtype)));
  // floats print with a common number of decimals, as pandas aligns them
  if (isFloat(col.dtype)) alignDecimals(values);
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

/** Pad fixed-point numbers to the longest fraction among them (`1.5`, `2.25` → `1.50`, `2.25`). */
export function alignDecimals(values: string[]): void {
  const fixed = (s: string) => /^-?\d+\.\d+$/.test(s);
  let digits = 0;
  for (const s of values) if (fixed(s)) digits = Math.max(digits, s.length - s.indexOf(".") - 1);
  for (let k = 0; k < values.length; k++) {
    const s = values[k] as string;
    if (fixed(s)) values[k] = s.padEnd(s.indexOf(".") + 1 + digits, "0");
  }
}

/**
 * A Series as an HTML table for notebooks: the same cells as `toString()`
 * (labels, values, the head and tail of a long one), then a name and dtype
 * footer. Everything that comes from data is escaped.
 * @internal
 */
import type { Column } from "../core/column.js";
import { dtypeToString, isNumeric } from "../core/dtype.js";
import { OptionError } from "../core/errors.js";
import type { Index } from "../core/index/index.js";
import { isObject, maybeBoolean, show } from "../util/is.js";
import { shownRows } from "./format.js";
import { formatCells } from "./format-cells.js";

/** Options of `seriesToHTML` and `frameToHTML`. */
export interface HTMLOptions {
  /** Emit the small `<style>` element (numbers right-aligned, dtypes in italics); true by default. Without it the classes `ndframe`, `num` and `dtypes` are left for the page's own CSS. */
  style?: boolean;
}

/** The style both tables carry, scoped to their `ndframe` class. */
const STYLE =
  "<style>.ndframe .num{text-align:right}.ndframe .dtypes th{font-weight:normal;font-style:italic}</style>";

/** The marker of cut rows and columns (pandas prints `...`). */
export const GAP = "…";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escape text for HTML content and attribute values: `& < > " '`.
 *
 * @param text - any text (column names, labels, values)
 * @returns the text with the five special characters as entities
 * @example
 * ```ts
 * import { escapeHTML } from "../../../src/series/html.js";
 * escapeHTML(`<a href="x">Tom & 'Jerry'</a>`); // => "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
 * ```
 * @internal
 */
export function escapeHTML(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** Normalize the options of the HTML formatters (unknown keys and non-booleans raise). @internal */
export function htmlStyle(options: HTMLOptions | undefined): string {
  const o = options ?? {};
  if (!isObject(o)) throw new OptionError(`invalid HTML options: ${show(options)}`);
  for (const k of Object.keys(o)) {
    if (k !== "style") throw new OptionError(`unknown option for toHTML: "${k}" (expected style)`);
  }
  return maybeBoolean("style", o.style, true) ? STYLE : "";
}

/**
 * The text of the shown cells of `col` (`GAP` at the cut), floats aligned
 * on their decimals as `toString()` prints them, then HTML-escaped.
 * @internal
 */
export function htmlCells(col: Column, rows: readonly (number | null)[]): string[] {
  return formatCells((i) => col.get(i), col.dtype, rows, GAP).map(escapeHTML);
}

/** The escaped index labels of the shown rows (`GAP` at the cut). @internal */
export function htmlLabels(index: Index, rows: readonly (number | null)[]): string[] {
  return formatCells((i) => index.get(i), index.dtype, rows, GAP).map(escapeHTML);
}

/** `<td>` with the `num` class for numeric dtypes (right-aligned). @internal */
export function tdOpen(col: Column): string {
  return isNumeric(col.dtype) ? '<td class="num">' : "<td>";
}

/**
 * Render a Series as an HTML table: index labels in `<th>`, values in
 * `<td>` (numbers right-aligned, nulls as `<NA>`), the first and last 5
 * rows with a `…` row between when it has more than 60, and a footer with
 * the name, the length when cut, and the dtype, as `toString()` prints them.
 *
 * Labels, values and the name are HTML-escaped. Cost: formats only the
 * shown rows.
 *
 * @param column - the values
 * @param index - the row labels (same length)
 * @param name - the Series' name, or null
 * @param options - `style`: emit the `<style>` element (default true)
 * @returns an HTML fragment (a `<div>` holding the table and footer)
 * @example
 * ```ts
 * import { Series } from "ndframe";
 * import { seriesToHTML } from "../../../src/series/html.js";
 * const s = new Series([1.5, null], { name: "x" });
 * seriesToHTML(s.column, s.index, s.name, { style: false }); // => '<div>\n<table class="ndframe">\n<tbody>\n<tr><th>0</th><td class="num">1.5</td></tr>\n<tr><th>1</th><td class="num">&lt;NA&gt;</td></tr>\n</tbody>\n</table>\n<p>Name: x, dtype: float64</p>\n</div>'
 * ```
 * @internal
 */
export function seriesToHTML(
  column: Column,
  index: Index,
  name: string | null,
  options?: HTMLOptions,
): string {
  const style = htmlStyle(options);
  const rows = shownRows(column.length);
  const labels = htmlLabels(index, rows);
  const values = htmlCells(column, rows);
  const td = tdOpen(column);
  const lines: string[] = ["<div>"];
  if (style) lines.push(style);
  lines.push('<table class="ndframe">', "<tbody>");
  for (let k = 0; k < rows.length; k++) {
    lines.push(`<tr><th>${labels[k]}</th>${rows[k] === null ? "<td>" : td}${values[k]}</td></tr>`);
  }
  lines.push("</tbody>", "</table>");
  const footer: string[] = [];
  if (name !== null) footer.push(`Name: ${escapeHTML(name)}`);
  if (rows.length < column.length) footer.push(`Length: ${column.length}`);
  footer.push(`dtype: ${escapeHTML(dtypeToString(column.dtype))}`);
  lines.push(`<p>${footer.join(", ")}</p>`, "</div>");
  return lines.join("\n");
}

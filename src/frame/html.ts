/**
 * A DataFrame as an HTML table for notebooks, in pandas' layout: column
 * names over a row of dtypes, index labels in `<th>`, the head and tail of
 * long frames, the first and last columns of wide ones, and the shape.
 * @internal
 */
import type { Column } from "../core/column.js";
import { dtypeToString, isNumeric } from "../core/dtype.js";
import type { Index } from "../core/index/index.js";
import { shownRows } from "../series/format.js";
import {
  escapeHTML,
  GAP,
  type HTMLOptions,
  htmlCells,
  htmlLabels,
  htmlStyle,
  tdOpen,
} from "../series/html.js";

/** Columns shown before a wide frame is cut to its first and last 10 (pandas' `display.max_columns`; as in format.ts). */
const MAX_COLUMNS = 20;
const EDGE_COLUMNS = 10;

/**
 * Render a DataFrame as an HTML table: a header row of column names and a
 * row of dtypes in `<thead>`, then one `<tr>` per row with its index label
 * in `<th>` and values in `<td>` (numbers right-aligned with the `num`
 * class, floats with a common number of decimals, nulls as `<NA>`), and a
 * footer `<p>N rows × M columns</p>`.
 *
 * Frames of more than 60 rows show the first and last 5 with a `…` row
 * between; frames of more than 20 columns show the first and last 10 with a
 * `…` column between (pandas' `max_rows`, `min_rows`, `max_columns`).
 * Column names, labels and values are HTML-escaped. Cost: formats only the
 * shown cells.
 *
 * @param names - the column names, in order
 * @param columns - name → column (each as long as the index)
 * @param index - the row labels
 * @param options - `style`: emit the `<style>` element (default true)
 * @returns an HTML fragment (a `<div>` holding the table and footer)
 * @example
 * ```ts
 * import { DataFrame } from "ndframe";
 * import { frameToHTML } from "../../../src/frame/html.js";
 * const df = new DataFrame({ "a&b": new Int32Array([1, 2]), s: ["<x>", null] });
 * const html = frameToHTML(df.columns, df.toColumns(), df.index, { style: false });
 * html.includes('<tr><th></th><th class="num">a&amp;b</th><th>s</th></tr>'); // => true
 * html.includes('<tr><th>0</th><td class="num">1</td><td>&lt;x&gt;</td></tr>'); // => true
 * html.includes('<tr><th>1</th><td class="num">2</td><td>&lt;NA&gt;</td></tr>'); // => true
 * html.endsWith("<p>2 rows × 2 columns</p>\n</div>"); // => true
 * ```
 * @internal
 */
export function frameToHTML(
  names: readonly string[],
  columns: ReadonlyMap<string, Column>,
  index: Index,
  options?: HTMLOptions,
): string {
  const style = htmlStyle(options);
  const rows = shownRows(index.length);
  const shown: (string | null)[] =
    names.length <= MAX_COLUMNS
      ? [...names]
      : [...names.slice(0, EDGE_COLUMNS), null, ...names.slice(-EDGE_COLUMNS)];
  const head: string[] = ["<th></th>"];
  const dtypes: string[] = ["<th></th>"];
  const body: string[][] = rows.map(() => []);
  for (const name of shown) {
    if (name === null) {
      head.push(`<th>${GAP}</th>`);
      dtypes.push("<th></th>");
      for (const cells of body) cells.push(`<td>${GAP}</td>`);
      continue;
    }
    const col = columns.get(name) as Column;
    const th = isNumeric(col.dtype) ? '<th class="num">' : "<th>";
    head.push(`${th}${escapeHTML(name)}</th>`);
    dtypes.push(`${th}${escapeHTML(dtypeToString(col.dtype))}</th>`);
    const values = htmlCells(col, rows);
    const td = tdOpen(col);
    for (let k = 0; k < rows.length; k++) {
      (body[k] as string[]).push(`${rows[k] === null ? "<td>" : td}${values[k]}</td>`);
    }
  }
  const labels = htmlLabels(index, rows);
  const lines: string[] = ["<div>"];
  if (style) lines.push(style);
  lines.push('<table class="ndframe">', "<thead>", `<tr>${head.join("")}</tr>`);
  lines.push(`<tr class="dtypes">${dtypes.join("")}</tr>`, "</thead>", "<tbody>");
  for (let k = 0; k < rows.length; k++) {
    lines.push(`<tr><th>${labels[k]}</th>${(body[k] as string[]).join("")}</tr>`);
  }
  lines.push("</tbody>", "</table>", `<p>${index.length} rows × ${names.length} columns</p>`, "</div>");
  return lines.join("\n");
}

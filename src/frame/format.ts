/**
 * A DataFrame as text: pandas' table (index labels on the left, column
 * names over right-aligned values, the head and tail of long frames), with
 * each column's dtype under its name.
 * @internal
 */
import type { Column } from "../core/column.js";
import { dtypeToString } from "../core/dtype.js";
import type { Index } from "../core/index/index.js";
import { shownRows } from "../series/format.js";
import { formatCells } from "../series/format-cells.js";

/** Columns shown before a wide frame is cut to its first and last ones (pandas' `display.max_columns`). */
const MAX_COLUMNS = 20;

export function formatFrame(
  names: readonly string[],
  columns: ReadonlyMap<string, Column>,
  index: Index,
): string {
  const n = index.length;
  const rows = shownRows(n);
  const shownCols: (string | null)[] =
    names.length <= MAX_COLUMNS ? [...names] : [...names.slice(0, 10), null, ...names.slice(-10)];
  const cells: string[][] = [];
  // the label column: header and dtype rows blank
  cells.push(["", "", ...formatCells((i) => index.get(i), index.dtype, rows, "...")]);
  for (const name of shownCols) {
    if (name === null) {
      cells.push(["...", "", ...rows.map(() => "...")]);
      continue;
    }
    const col = columns.get(name) as Column;
    const values = formatCells((i) => col.get(i), col.dtype, rows, "...");
    cells.push([name, dtypeToString(col.dtype), ...values]);
  }
  const widths = cells.map((c) => Math.max(...c.map((s) => s.length)));
  const lines: string[] = [];
  const height = rows.length + 2;
  for (let r = 0; r < height; r++) {
    const parts = cells.map((c, j) =>
      j === 0 ? (c[r] as string).padEnd(widths[j] as number) : (c[r] as string).padStart(widths[j] as number),
    );
    lines.push(parts.join("  ").trimEnd());
  }
  if (rows.length < n || shownCols.length < names.length)
    lines.push("", `[${n} rows x ${names.length} columns]`);
  return lines.join("\n");
}

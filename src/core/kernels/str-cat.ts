/**
 * Concatenating strings: across the rows of one column (`catAll`), or
 * element-wise across columns with a separator (`catColumns`).
 * @internal
 */
import { show } from "../../util/is.js";
import type { Chunk } from "../chunk.js";
import { Column } from "../column.js";
import type { StringType } from "../dtype.js";
import { OptionError, ShapeError } from "../errors.js";
import { cast } from "./cast.js";
import { checkText, decodeRows, isValidAt, StrOut, strView, textType } from "./str-engine.js";

function textOption(what: string, name: string, x: unknown): string | null {
  if (x === null || x === undefined) return null;
  if (typeof x !== "string")
    throw new OptionError(`${what}: invalid ${name}: ${show(x)} (expected a string or null)`);
  return x;
}

/** Each column's rows as JS strings (null for nulls), decoded once per chunk. */
function rowsOf(col: Column): (i: number) => string | null {
  const plain = col.dtype.kind === "dictionary" ? cast(col, textType(col)) : col;
  const c = plain.combine() as Chunk<StringType>;
  const v = strView(c);
  const rows = decodeRows(v);
  return (i) => (isValidAt(v, i) ? rows.row(i) : null);
}

/** All the strings of `col` joined by `sep`; nulls are left out unless `naRep` stands for them. @internal */
export function catAll(col: Column, sep = "", naRep: string | null = null): string {
  const what = "str.cat";
  checkText(col, what);
  const s = textOption(what, "sep", sep) ?? "";
  const na = textOption(what, "naRep", naRep);
  const get = rowsOf(col);
  const parts: string[] = [];
  for (let i = 0; i < col.length; i++) {
    const x = get(i) ?? na;
    if (x !== null) parts.push(x);
  }
  return parts.join(s);
}

/**
 * Join the strings of several columns row by row with `sep`. A null in
 * any column gives a null, unless `naRep` stands for it. @internal
 */
export function catColumns(
  cols: readonly Column[],
  sep = "",
  naRep: string | null = null,
): Column<StringType> {
  const what = "str.cat";
  const s = textOption(what, "sep", sep) ?? "";
  const na = textOption(what, "naRep", naRep);
  const n = (cols[0] as Column).length;
  cols.forEach((c, k) => {
    checkText(c, `${what} (column ${k})`);
    if (c.length !== n) throw new ShapeError(`${what}: column ${k} has ${c.length} rows, the first has ${n}`);
  });
  const gets = cols.map(rowsOf);
  const type = cols.some((c) => textType(c).kind === "large_utf8")
    ? textType(cols.find((c) => textType(c).kind === "large_utf8") as Column)
    : textType(cols[0] as Column);
  const out = new StrOut(n, 16 * n);
  const bits = new Uint8Array((n + 7) >>> 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    let row = "";
    let ok = true;
    for (let k = 0; k < gets.length; k++) {
      const x = (gets[k] as (i: number) => string | null)(i) ?? na;
      if (x === null) {
        ok = false;
        break;
      }
      row += k === 0 ? x : s + x;
    }
    if (ok) {
      out.text(row);
      bits[i >>> 3] = (bits[i >>> 3] as number) | (1 << (i & 7));
    } else nulls++;
    out.end();
  }
  return Column.fromChunk(out.finish(type, nulls === 0 ? null : bits));
}

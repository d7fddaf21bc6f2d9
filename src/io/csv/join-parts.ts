/**
 * A CSV file read as parts in parallel, the caller's side: the parts
 * (read-part.ts) joined as the chunks of one column each. A part starts
 * where the split fell, which is a row boundary only if that line break
 * was not inside quotes: the part before it proves it by ending there
 * cleanly (a quoted field cut by the range's end is an error). The caller
 * reads the file in one pass instead when a part fails or the parts
 * inferred kinds that cannot be joined exactly as one pass would have
 * inferred them.
 * @internal
 */
import { type Chunk, makeChunk } from "../../core/chunk.js";
import { Column } from "../../core/column.js";
import { cast } from "../../core/kernels/cast.js";
import { dtypeOf, F64, I32, NULL, nullChunk, TS, UTF8 } from "./csv-column.js";
import type { BadLine } from "./fast-rows.js";
import type { FastResult } from "./read-fast.js";
import type { PartResult, WireChunk } from "./read-part.js";

/**
 * The kind one pass over the parts in order would infer, or -1 when it
 * depends on more than the parts' kinds. Equal kinds and all-null parts
 * join exactly; so do number kinds (int32 < int64 < float64), because a
 * value one of them reads is read by every wider one. Any other mix (text
 * after numbers, bools or timestamps, timestamps with and without zone)
 * is settled by the order of the values, which only one pass knows.
 */
export function joinKinds(kinds: readonly number[], tzs: readonly number[]): { kind: number; tz: number } {
  let kind = NULL;
  let tz = 0;
  for (let i = 0; i < kinds.length; i++) {
    const k = kinds[i] as number;
    const z = tzs[i] as number;
    if (k === NULL) continue;
    if (kind === NULL || (k === kind && (k !== TS || z === tz))) {
      kind = k;
      tz = z;
    } else if (k >= I32 && k <= F64 && kind >= I32 && kind <= F64) kind = Math.max(k, kind);
    else return { kind: -1, tz: 0 };
  }
  return { kind, tz };
}

/**
 * The parts joined into the columns of one read, or null when a column's
 * kinds do not join (see `joinKinds`). Each part's chunks become chunks
 * of the column, widened to its dtype where a part inferred a narrower
 * number kind; bad-line numbers of later parts are made absolute.
 */
export function joinParts(parts: readonly PartResult[]): FastResult | null {
  const first = parts[0] as PartResult;
  const rows = parts.reduce((n, p) => n + p.rows, 0);
  const columns: Column[] = [];
  for (let c = 0; c < first.names.length; c++) {
    const joined = joinKinds(
      parts.map((p) => p.kinds[c] as number),
      parts.map((p) => p.tzs[c] as number),
    );
    if (joined.kind < 0) return null;
    // pandas: a column of nulls is float64; a column without rows, text
    const kind = joined.kind !== NULL ? joined.kind : rows === 0 ? UTF8 : F64;
    const dtype = dtypeOf(kind, joined.tz);
    const chunks: Chunk[] = [];
    for (const p of parts) {
      const k = p.kinds[c] as number;
      if (k === NULL) {
        if (p.rows > 0) chunks.push(nullChunk(dtype, p.rows));
        continue;
      }
      const own = dtypeOf(k, p.tzs[c] as number);
      const got = (p.chunks[c] as WireChunk[]).map((w) => makeChunk({ dtype: own, ...w } as never) as Chunk);
      const col = new Column(own, got);
      chunks.push(...(k === kind ? col : cast(col, dtype)).chunks);
    }
    if (chunks.length === 0) chunks.push(nullChunk(dtype, 0));
    columns.push(new Column(dtype, chunks));
  }
  const badLines: BadLine[] = [];
  let lineBefore = 0;
  parts.forEach((p, i) => {
    // a later part counted its lines from 1
    const shift = i === 0 ? 0 : lineBefore - 1;
    for (const b of p.badLines) badLines.push({ line: b.line + shift, reason: b.reason });
    lineBefore = p.endLine + shift;
  });
  return { names: [...first.names], columns, badLines };
}

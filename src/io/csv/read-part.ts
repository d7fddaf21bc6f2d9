/**
 * A CSV file read as parts in parallel, the part's side: each part is a
 * byte range that starts at a line, read on its own (by a worker) into
 * columns whose buffers travel back without a copy (see join-parts.ts for
 * the caller's side). This module stays light: a worker loads it and what
 * it imports, nothing of the frame layer.
 * @internal
 */
import type { Chunk } from "../../core/chunk.js";
import { SKIP } from "./csv-column.js";
import type { BadLine } from "./fast-rows.js";
import { csvSettings, engineOptions, type ReadCSVOptions, textRules } from "./options.js";
import { CsvCore, columnsOf, type Pending, prefixReader } from "./read-fast.js";

/** What a part is read with: the file's options, its header's names and delimiter, and its first line. */
export interface PartJob {
  /** readCSV's options, without callbacks (they cannot be sent to a worker). */
  readonly options: ReadCSVOptions;
  /** Every column's name, as read from the header (or given). */
  readonly names: readonly string[];
  readonly delimiter: number;
  /** The line number of the part's first byte, or 1 when unknown (a later part). */
  readonly firstLine: number;
  /** The part's size in bytes. */
  readonly bytes: number;
}

/** A chunk's buffers, as posted between threads. */
export interface WireChunk {
  readonly length: number;
  readonly offset: number;
  readonly values: ArrayBufferView;
  readonly validity: Uint8Array | null;
  readonly valueOffsets: Int32Array | null;
}

/** A part read: for each kept column its inferred kind, timestamp zone and chunks. */
export interface PartResult {
  readonly names: readonly string[];
  readonly kinds: readonly number[];
  readonly tzs: readonly number[];
  readonly chunks: readonly (readonly WireChunk[])[];
  readonly rows: number;
  readonly badLines: readonly BadLine[];
  /** The line number after the part's last line. */
  readonly endLine: number;
}

/** Rebytes of the part from a byte offset within it, for a column restarted as text. */
export type PartReread = (from: number) => AsyncIterable<Uint8Array>;

/** Read one part's bytes into columns. */
export async function readPart(
  chunks: AsyncIterable<Uint8Array>,
  reread: PartReread,
  job: PartJob,
): Promise<PartResult> {
  const s = csvSettings(job.options);
  const o = {
    ...engineOptions(s, job.delimiter),
    header: false,
    names: job.names,
    skipRows: 0,
    firstLine: job.firstLine,
    bom: false,
  };
  const rules = textRules(s);
  const core = new CsvCore(o, rules, Number.POSITIVE_INFINITY, job.bytes);
  for await (const chunk of chunks) core.feed(chunk);
  core.end();
  const p = core.take()[0] as Pending;
  const prefix = prefixReader(p, rules);
  if (prefix !== null) {
    for await (const c of reread(p.start)) if (prefix.feed(c)) break;
    prefix.close();
  }
  const kept = p.cols.filter((c) => c.kind !== SKIP);
  const r = columnsOf(p);
  return {
    names: r.names,
    kinds: kept.map((c) => c.kind),
    tzs: kept.map((c) => c.tz),
    chunks: r.columns.map((col) => col.chunks.map(wireOf)),
    rows: core.rows,
    badLines: r.badLines,
    endLine: core.line,
  };
}

function wireOf(c: Chunk): WireChunk {
  return {
    length: c.length,
    offset: c.offset,
    values: c.values as ArrayBufferView,
    validity: c.validity,
    valueOffsets: c.valueOffsets as Int32Array | null,
  };
}

/** The buffers of a part's chunks, to transfer rather than copy (each once). */
export function partBuffers(r: PartResult): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const col of r.chunks)
    for (const c of col)
      for (const v of [c.values, c.validity, c.valueOffsets])
        if (v !== null && v.buffer instanceof ArrayBuffer) out.add(v.buffer);
  return [...out];
}

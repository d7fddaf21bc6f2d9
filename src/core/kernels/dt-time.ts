/**
 * The local time of day of timestamps (`s.dt.time`): one pass over the
 * ticks since local midnight of `localDayTicks`, written as exact int64
 * words of a `time64` column. Unary and element-wise: multi-chunk columns
 * map chunk by chunk.
 * @internal
 */
import { sliceBits } from "../bitmap.js";
import { type Chunk, makeChunk } from "../chunk.js";
import { Column } from "../column.js";
import { type DateDay, type Time, type Timestamp, time } from "../dtype.js";
import { DTypeError } from "../errors.js";
import { words } from "../int64.js";
import { localDayTicks } from "./dt-local.js";

const TWO32 = 4294967296;

/** Output ticks per input tick: ns stays ns, s/ms/us become us, dates give 0 anyway. */
const SCALE = { s: 1e6, ms: 1e3, us: 1, ns: 1 } as const;

/** The result dtype of `dtTime` for a timestamp or date dtype. */
function timeOf(d: Timestamp | DateDay): Time {
  return d.kind === "timestamp" && d.unit === "ns" ? time("ns") : time("us");
}

/**
 * The local time of day of each timestamp (pandas' `.dt.time`): a
 * `time64[ns]` column for ns timestamps, `time64[us]` for s/ms/us ones
 * (Python's `datetime.time` holds microseconds), and 00:00:00 for dates.
 * Zoned timestamps read in their zone. Nulls stay null. Fresh buffers,
 * one pass per chunk.
 * @internal
 */
export function dtTime(col: Column<Timestamp | DateDay>): Column<Time> {
  const d = col.dtype;
  if (d.kind !== "timestamp" && d.kind !== "date") {
    throw new DTypeError(`time of day needs timestamps or dates, got ${(d as { kind: string }).kind}`);
  }
  const to = timeOf(d);
  return new Column(
    to,
    col.chunks.map((c) => timeChunk(c, to)),
  );
}

function timeChunk(c: Chunk<Timestamp | DateDay>, to: Time): Chunk<Time> {
  const n = c.length;
  const out = new BigInt64Array(n);
  if (c.dtype.kind === "timestamp") {
    // ticks < 8.64e13 < 2^53 and × scale stays below 8.64e13: exact doubles split into two words
    const { ticks } = localDayTicks(c);
    writeWords(ticks, SCALE[c.dtype.unit], words(out), n);
  }
  return makeChunk({
    dtype: to,
    length: n,
    values: out,
    validity: c.validity === null ? null : sliceBits(c.validity, c.offset, n),
    nullCount: c.nullCount,
  });
}

function writeWords(ticks: Float64Array, scale: number, w: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const t = (ticks[i] as number) * scale;
    const hi = Math.floor(t / TWO32);
    w[2 * i] = t - hi * TWO32;
    w[2 * i + 1] = hi;
  }
}

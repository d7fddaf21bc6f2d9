/**
 * Casts between temporal dtypes and their integer storage: timestamp unit
 * and zone changes, duration unit changes, date ↔ timestamp, and the
 * zero-copy views timestamp/duration/time ↔ int64 and date ↔ int32, and
 * time-of-day unit changes (int64 → time checks that each value is a time
 * of day).
 * @internal
 */
import { type Chunk, makeChunk, type StorageOf } from "../chunk.js";
import { type DType, date, type Time, type Timestamp, type TimeUnit } from "../dtype.js";
import { words } from "../int64.js";
import { type Allow, castError, withValues, wordsText } from "./cast-numeric.js";
import { floorDivWords, mulAddWords, PER_SECOND, safeValue, zoneOf } from "./cast-time-math.js";
import { checkTimesOfDay } from "./cast-time-of-day.js";

/** True when `from → to` is a temporal cast this module performs. */
export function isTemporalCast(from: DType, to: DType): boolean {
  const f = from.kind;
  const t = to.kind;
  if ((f === "timestamp" || f === "duration" || f === "time") && (t === f || t === "int64")) return true;
  if (f === "int64" && (t === "timestamp" || t === "duration" || t === "time")) return true;
  if ((f === "date" && t === "int32") || (f === "int32" && t === "date")) return true;
  return (f === "date" && t === "timestamp") || (f === "timestamp" && t === "date");
}

/** The same buffers under another dtype (no copy). */
function view(c: Chunk, to: DType): Chunk {
  return makeChunk({
    dtype: to,
    length: c.length,
    offset: c.offset,
    values: c.values as StorageOf<DType>,
    validity: c.validity,
    nullCount: c.nullCount,
  });
}

function isValid(c: Chunk, i: number): boolean {
  const v = c.validity;
  if (v === null) return true;
  const j = c.offset + i;
  return ((v[j >>> 3] as number) & (1 << (j & 7))) !== 0;
}

/** Cast a chunk between temporal dtypes (`isTemporalCast` holds). */
export function castTemporal(c: Chunk, to: DType, allow: Allow, row0: number): Chunk {
  const from = c.dtype;
  if (from.kind === "date" || to.kind === "date") {
    if (to.kind === "int32" || from.kind === "int32") return view(c, to);
    return from.kind === "date" ? dateToTimestamp(c, to as Timestamp, row0) : timestampToDate(c, allow, row0);
  }
  if (to.kind === "time" && from.kind === "int64") checkTimesOfDay(c, to as Time, row0);
  if (from.kind === "int64" || to.kind === "int64") return view(c, to);
  const fu = (from as { unit: TimeUnit }).unit;
  const tu = (to as { unit: TimeUnit }).unit;
  // Same unit: a zone change keeps the instants; only the metadata differs.
  // time us ↔ ns: ×1000 cannot overflow below one day; ns → us checks the lost digits.
  if (fu === tu) return view(c, to);
  return rescale(c, to, PER_SECOND[fu], PER_SECOND[tu], allow, row0);
}

/** Change the unit of timestamps or durations: exact multiply or checked floor division. */
function rescale(c: Chunk, to: DType, fromPer: number, toPer: number, allow: Allow, row0: number): Chunk {
  const n = c.length;
  const w = words(c.values as BigInt64Array);
  const out = new BigInt64Array(n);
  const o = words(out);
  const unit = (c.dtype as { unit: TimeUnit }).unit;
  if (toPer > fromPer) {
    const m = toPer / fromPer;
    for (let i = 0; i < n; i++) {
      if (mulAddWords(o, i, w[2 * i + 1] as number, w[2 * i] as number, m, 0) && isValid(c, i)) {
        throw castError(`${wordsText(w, i, true)} ${unit}`, row0 + i, c.dtype, to, "out of the int64 range");
      }
    }
  } else {
    const m = fromPer / toPer;
    for (let i = 0; i < n; i++) {
      const r = floorDivWords(o, i, w[2 * i + 1] as number, w[2 * i] as number, m);
      if (r !== 0 && !allow.timeTruncate && isValid(c, i)) {
        throw castError(
          `${wordsText(w, i, true)} ${unit}`,
          row0 + i,
          c.dtype,
          to,
          "it would be truncated (allowTimeTruncate rounds down)",
        );
      }
    }
  }
  return withValues(c, to, out);
}

/** Midnight of each date, in UTC for naive and UTC zones, local midnight otherwise. */
function dateToTimestamp(c: Chunk, to: Timestamp, row0: number): Chunk {
  const n = c.length;
  const days = c.values as Int32Array;
  const out = new BigInt64Array(n);
  const o = words(out);
  const per = PER_SECOND[to.unit];
  const zone = zoneOf(to.tz);
  for (let i = 0; i < n; i++) {
    let s = (days[i] as number) * 86400;
    if (zone !== null && isValid(c, i)) s -= zone.forLocal(s);
    const hi = Math.floor(s / 4294967296);
    // days × 86400 × 1e9 stays within int64 for every int32 day count below ±106,751 days of 1970.
    if (mulAddWords(o, i, hi, s - hi * 4294967296, per, 0) && isValid(c, i)) {
      throw castError(String(days[i]), row0 + i, c.dtype, to, "out of the timestamp range");
    }
  }
  return withValues(c, to, out);
}

/** The calendar date of each instant (local date for zoned timestamps). */
function timestampToDate(c: Chunk, allow: Allow, row0: number): Chunk {
  const from = c.dtype as Timestamp;
  const to = date;
  const n = c.length;
  const w = words(c.values as BigInt64Array);
  const out = new Int32Array(n);
  const q = new Int32Array(2);
  const per = PER_SECOND[from.unit];
  const zone = zoneOf(from.tz);
  for (let i = 0; i < n; i++) {
    if (!isValid(c, i)) continue;
    const r = per === 1 ? 0 : floorDivWords(q, 0, w[2 * i + 1] as number, w[2 * i] as number, per);
    let s =
      per === 1
        ? safeValue(w[2 * i + 1] as number, w[2 * i] as number)
        : safeValue(q[1] as number, q[0] as number);
    if (zone !== null) s += zone.at(s);
    const d = Math.floor(s / 86400);
    const show = () => `${wordsText(w, i, true)} ${from.unit}`;
    if (!(d >= -2147483648 && d <= 2147483647))
      throw castError(show(), row0 + i, from, to, "out of the date range");
    if ((r !== 0 || s - d * 86400 !== 0) && !allow.timeTruncate) {
      throw castError(
        show(),
        row0 + i,
        from,
        to,
        "the time of day would be lost (allowTimeTruncate drops it)",
      );
    }
    out[i] = d;
  }
  return withValues(c, to, out);
}

/**
 * Time zones of timestamp columns: `tzLocalize` (wall times → instants in
 * a zone, with pandas' `ambiguous` and `nonexistent` options) and
 * `tzConvert` (same instants, another zone: metadata only), plus the
 * wall-clock machinery that rounding, offsets and `dateRange` share.
 *
 * Internally a time is a pair `(sec, frac)`: whole seconds since the epoch
 * (a safe integer) and ticks of the unit below one second. Both are exact
 * doubles, so no BigInt is made per element; results go back to int64
 * words through `mulAddWords`.
 */
import { maybeKeyword, optionsOf, show } from "../../util/is.js";
import { clearBit, filledBits, getBit, sliceBits } from "../bitmap.js";
import { type Chunk, makeChunk } from "../chunk.js";
import { Column } from "../column.js";
import { type DType, dtypeToString, type Timestamp, type TimeUnit, timestamp } from "../dtype.js";
import { CastError, DTypeError, OptionError } from "../errors.js";
import { formatDays, formatTimeOfDay, mulAddWords, PER_SECOND, type Zone, zoneOf } from "./cast-time-math.js";
import { localDayTicks } from "./dt-local.js";

const TWO32 = 4294967296;

/** What to do with a wall time that occurs twice (clocks set back): pandas' `ambiguous`. */
export type Ambiguous = "raise" | "NaT" | "earliest" | "latest" | boolean | ArrayLike<boolean>;
/** What to do with a wall time that never occurs (clocks set forward): pandas' `nonexistent`. */
export type Nonexistent = "raise" | "NaT" | "shiftForward" | "shiftBackward";

/** Options for turning wall times into instants. */
export interface LocalizeOptions {
  /**
   * `"raise"` (default) throws naming the row and the time; `"NaT"` gives
   * null; `"earliest"`/`"latest"` pick the first/second occurrence; `true`
   * (DST) or `false` (standard time), alone or one per row, as pandas'
   * bool array (true picks the larger UTC offset).
   */
  ambiguous?: Ambiguous;
  /**
   * `"raise"` (default) throws naming the row and the time; `"NaT"` gives
   * null; `"shiftForward"` gives the first instant after the gap;
   * `"shiftBackward"` the last instant before it (one tick earlier).
   */
  nonexistent?: Nonexistent;
}

/** Normalized `LocalizeOptions`. @internal */
export interface Resolution {
  readonly fn: string;
  readonly ambiguous: "raise" | "NaT" | "earliest" | "latest" | "flags";
  readonly flags: ArrayLike<boolean> | null;
  readonly nonexistent: Nonexistent;
}

const AMBIGUOUS = ["raise", "NaT", "earliest", "latest"] as const;
const NONEXISTENT = ["raise", "NaT", "shiftForward", "shiftBackward"] as const;

/** Check `ambiguous`/`nonexistent` (a flag array must have `length` entries). @internal */
export function resolution(fn: string, options: LocalizeOptions | undefined, length: number): Resolution {
  const a = options?.ambiguous;
  const nonexistent = maybeKeyword("nonexistent", options?.nonexistent, NONEXISTENT, "raise");
  if (typeof a === "boolean") return { fn, ambiguous: a ? "earliest" : "latest", flags: null, nonexistent };
  if (typeof a === "object" && a !== null && typeof (a as ArrayLike<boolean>).length === "number") {
    const flags = a as ArrayLike<boolean>;
    if (flags.length !== length) {
      throw new OptionError(
        `invalid ambiguous: ${flags.length} flags for ${length} rows (expected one per row)`,
      );
    }
    return { fn, ambiguous: "flags", flags, nonexistent };
  }
  const why = (a as unknown) === "infer" ? ' ("infer" is not supported: pass one boolean per row)' : "";
  if (a !== undefined && !(AMBIGUOUS as readonly unknown[]).includes(a)) {
    throw new OptionError(
      `invalid ambiguous: ${show(a)} (expected one of ${AMBIGUOUS.join(", ")}, a boolean or one boolean per row)${why}`,
    );
  }
  return { fn, ambiguous: (a ?? "raise") as Resolution["ambiguous"], flags: null, nonexistent };
}

/** Times as whole seconds and ticks below a second. @internal */
export interface Times {
  readonly sec: Float64Array;
  readonly frac: Float64Array;
  /** Ticks per second of the unit. */
  readonly per: number;
}

const MAX_DAYS = 1e11; // |days · 86400| stays a safe integer

/**
 * The wall-clock times of a timestamp chunk: its zone's local reading when
 * zoned (`local: true`), else the stored counts as they are.
 * @internal
 */
export function timesOf(c: Chunk<Timestamp>, local: boolean, fn: string, row0: number): Times {
  const src = local || c.dtype.tz === null ? c : makeChunk({ ...c, dtype: timestamp(c.dtype.unit, null) });
  const { days, ticks, perSecond: per } = localDayTicks(src);
  const n = c.length;
  const sec = new Float64Array(n);
  const frac = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = days[i] as number;
    const t = ticks[i] as number;
    const s = Math.floor(t / per);
    if (d > MAX_DAYS || d < -MAX_DAYS) {
      if (c.validity === null || getBit(c.validity, c.offset + i))
        throw new CastError(
          `${fn}: the value at row ${row0 + i} is beyond the calendar range (±270 million years)`,
        );
    }
    sec[i] = d * 86400 + s;
    frac[i] = t - s * per;
  }
  return { sec, frac, per };
}

/** `YYYY-MM-DD HH:MM:SS[.fff…]` of a time, for messages. @internal */
export function formatTime(sec: number, frac: number, per: number): string {
  const d = Math.floor(sec / 86400);
  let s = `${formatDays(d)} ${formatTimeOfDay(sec - d * 86400)}`;
  if (frac !== 0) s += `.${String(frac).padStart(String(per).length - 1, "0")}`;
  return s;
}

/** The instant at which the offset changes inside a gap: binary search between two seconds. */
function transition(zone: Zone, lo: number, hi: number): number {
  const before = zone.at(lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.at(mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * Turn wall times into instants in place (`sec` becomes UTC seconds).
 * Rows that resolve to NaT are cleared in the returned validity bitmap
 * (offset 0), which starts from `validity`/`vOffset`; null rows are skipped.
 * @internal
 */
export function localizeTimes(
  t: Times,
  zone: Zone,
  tz: string,
  r: Resolution,
  validity: Uint8Array | null,
  vOffset: number,
  row0: number,
): Uint8Array | null {
  const { sec, frac, per } = t;
  const n = sec.length;
  let out = validity === null ? null : sliceBits(validity, vOffset, n);
  // rows are named unless row0 is negative (a single endpoint such as dateRange's start)
  const at = (i: number) => (row0 < 0 ? "" : ` at row ${row0 + i}`);
  const nat = (i: number) => {
    if (out === null) out = filledBits(n, true);
    clearBit(out, i);
  };
  for (let i = 0; i < n; i++) {
    if (validity !== null && !getBit(validity, vOffset + i)) continue;
    const L = sec[i] as number;
    const oB = zone.at(L - 86400);
    const oA = zone.at(L + 86400);
    if (oB === oA && zone.at(L - oB) === oB) {
      sec[i] = L - oB;
      continue;
    }
    const vB = zone.at(L - oB) === oB;
    const vA = zone.at(L - oA) === oA;
    if (vB && vA) {
      const hiOff = Math.max(oA, oB);
      const loOff = Math.min(oA, oB);
      let pick = r.ambiguous;
      if (pick === "flags")
        pick = (r.flags as ArrayLike<boolean>)[Math.max(row0, 0) + i] ? "earliest" : "latest";
      if (pick === "earliest") sec[i] = L - hiOff;
      else if (pick === "latest") sec[i] = L - loOff;
      else if (pick === "NaT") nat(i);
      else
        throw new CastError(
          `${r.fn}: ${formatTime(L, frac[i] as number, per)}${at(i)} is ambiguous in ${tz} (it occurs twice; set ambiguous to "NaT", "earliest", "latest" or one boolean per row)`,
        );
    } else if (vB || vA) {
      sec[i] = L - (vB ? oB : oA);
    } else if (r.nonexistent === "NaT") {
      nat(i);
    } else if (r.nonexistent === "raise") {
      throw new CastError(
        `${r.fn}: ${formatTime(L, frac[i] as number, per)}${at(i)} does not exist in ${tz} (clocks skip it; set nonexistent to "NaT", "shiftForward" or "shiftBackward")`,
      );
    } else {
      const T = transition(zone, L - Math.max(oA, oB), L - Math.min(oA, oB));
      if (r.nonexistent === "shiftForward") {
        sec[i] = T;
        frac[i] = 0;
      } else {
        sec[i] = T - 1;
        frac[i] = per - 1;
      }
    }
  }
  return out;
}

/**
 * int64 counts of `(sec, frac)` times; a time beyond int64 in the unit
 * throws a `CastError` naming the row. Null rows (per `validity`, offset
 * 0) are written as 0.
 * @internal
 */
export function writeTimes(
  t: Times,
  validity: Uint8Array | null,
  unit: TimeUnit,
  fn: string,
  row0: number,
): BigInt64Array {
  const { sec, frac, per } = t;
  const n = sec.length;
  const out = new BigInt64Array(n);
  const w = new Int32Array(out.buffer);
  for (let i = 0; i < n; i++) {
    if (validity !== null && !getBit(validity, i)) continue;
    const s = sec[i] as number;
    const hi = Math.floor(s / TWO32);
    const overflow =
      !Number.isSafeInteger(s) || mulAddWords(w, i, hi, s - hi * TWO32, per, frac[i] as number);
    if (overflow) {
      throw new CastError(
        `${fn}: ${formatTime(s, frac[i] as number, per)}${row0 < 0 ? "" : ` at row ${row0 + i}`} is out of range for timestamp[${unit}]${unit === "ns" ? " (1677-09-21 to 2262-04-11)" : ""}`,
      );
    }
  }
  return out;
}

/** A timestamp chunk from written counts and a validity bitmap at offset 0. @internal */
export function timestampChunk(
  dtype: Timestamp,
  values: BigInt64Array,
  validity: Uint8Array | null,
): Chunk<Timestamp> {
  return makeChunk({ dtype, length: values.length, values, validity });
}

function checkTimestamp(fn: string, col: unknown): asserts col is Column<Timestamp> {
  if (!(col instanceof Column)) throw new DTypeError(`${fn} expects a Column, got ${show(col)}`);
  if ((col.dtype as DType).kind !== "timestamp") {
    throw new DTypeError(`${fn} needs timestamps; this column holds ${dtypeToString(col.dtype)}`);
  }
}

/**
 * Attach a time zone to naive timestamps, reading each value as a wall
 * time there (pandas' `tz_localize`); `tz = null` removes the zone of a
 * zoned column, keeping the wall times.
 *
 * Wall times that occur twice (clocks set back) follow `ambiguous`, wall
 * times that never occur (clocks set forward) follow `nonexistent`; both
 * raise by default, naming the row and the time. Nulls stay null; NaT
 * results are nulls. Result: timestamp of the same unit with zone `tz`, a
 * fresh column (UTC zones relabel without moving a value). Cost O(n) with
 * a cached offset lookup per element.
 *
 * @param col - naive timestamps (zoned ones when `tz` is null)
 * @param tz - an IANA zone name, a fixed `±HH:MM` offset, or null
 * @param options - `ambiguous` and `nonexistent`
 * @returns zoned (or, for null, naive) timestamps
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { tzLocalize } from "ndframe/compute";
 * const naive = column([Date.UTC(2018, 2, 1, 9)], "timestamp[ns]");
 * const eastern = tzLocalize(naive, "America/New_York");
 * eastern.dtype.tz; // => "America/New_York"
 * eastern.get(0); // => BigInt(Date.UTC(2018, 2, 1, 14)) * 1000000n
 * ```
 */
export function tzLocalize(
  col: Column<Timestamp>,
  tz: string | null,
  options?: LocalizeOptions,
): Column<Timestamp> {
  const fn = "tzLocalize";
  checkTimestamp(fn, col);
  const opts = optionsOf(fn, options, ["ambiguous", "nonexistent"]) as LocalizeOptions;
  const { unit, tz: from } = col.dtype;
  if (tz === null) {
    if (from === null) return col;
    return mapChunks(col, timestamp(unit, null), (c, row0) => {
      const t = timesOf(c, true, fn, row0);
      const v = c.validity === null ? null : sliceBits(c.validity, c.offset, c.length);
      return timestampChunk(timestamp(unit, null), writeTimes(t, v, unit, fn, row0), v);
    });
  }
  if (from !== null) {
    throw new DTypeError(`${fn}: the column is already zoned (${from}); use tzConvert to convert`);
  }
  const dtype = timestamp(unit, tz);
  const zone = zoneOf(tz);
  if (zone === null) return relabel(col, dtype);
  const r = resolution(fn, opts, col.length);
  return mapChunks(col, dtype, (c, row0) => {
    const t = timesOf(c, false, fn, row0);
    const v = localizeTimes(t, zone, tz, r, c.validity, c.offset, row0);
    return timestampChunk(dtype, writeTimes(t, v, unit, fn, row0), v);
  });
}

/**
 * Show zoned timestamps in another zone (pandas' `tz_convert`): the same
 * instants, so only the dtype changes and every buffer is shared (no copy).
 * `tz = null` gives naive UTC wall times, as pandas. Naive input throws, as
 * pandas: "Cannot convert tz-naive timestamps, use tz_localize to localize".
 *
 * @param col - zoned timestamps
 * @param tz - an IANA zone name, a fixed `±HH:MM` offset, or null
 * @returns the same values with zone `tz`
 * @example
 * ```ts
 * import { column, timestamp } from "ndframe";
 * import { tzConvert } from "ndframe/compute";
 * const berlin = column([Date.UTC(2014, 7, 1, 7)], timestamp("ns", "Europe/Berlin"));
 * tzConvert(berlin, "America/Chicago").dtype.tz; // => "America/Chicago"
 * tzConvert(berlin, null).get(0) === berlin.get(0); // => true
 * ```
 */
export function tzConvert(col: Column<Timestamp>, tz: string | null): Column<Timestamp> {
  const fn = "tzConvert";
  checkTimestamp(fn, col);
  if (col.dtype.tz === null) {
    throw new DTypeError(`${fn}: cannot convert tz-naive timestamps, use tzLocalize to localize`);
  }
  return relabel(col, timestamp(col.dtype.unit, tz));
}

/** The same chunks under another timestamp dtype (no copy). */
function relabel(col: Column<Timestamp>, dtype: Timestamp): Column<Timestamp> {
  return new Column(
    dtype,
    col.chunks.map((c) => makeChunk({ ...c, dtype })),
  );
}

/** Map a column chunk by chunk (`row0` is each chunk's first row). @internal */
export function mapChunks<T extends DType, U extends DType>(
  col: Column<T>,
  dtype: U,
  f: (c: Chunk<T>, row0: number) => Chunk<U>,
): Column<U> {
  let row0 = 0;
  const out: Chunk<U>[] = [];
  for (const c of col.chunks) {
    out.push(f(c, row0));
    row0 += c.length;
  }
  return new Column(dtype, out);
}

/** Ticks per second of a unit (re-exported for the time kernels). @internal */
export const perSecond = (unit: TimeUnit): number => PER_SECOND[unit];

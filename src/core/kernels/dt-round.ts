/**
 * Rounding of timestamps and dates to a fixed frequency (pandas'
 * `dt.floor`, `dt.ceil`, `dt.round`): multiples of the frequency counted
 * from the epoch, on the wall clock of the column's zone.
 */
import { show } from "../../util/is.js";
import { sliceBits } from "../bitmap.js";
import { type Chunk, makeChunk } from "../chunk.js";
import { Column } from "../column.js";
import { type DateDay, type DType, dtypeToString, type Timestamp } from "../dtype.js";
import { DTypeError, OptionError } from "../errors.js";
import { floorDivWords, mulAddWords, zoneOf } from "./cast-time-math.js";
import { describeFrequency, type Frequency, parseFrequency, type TickFrequency } from "./dt-frequency.js";
import {
  type LocalizeOptions,
  localizeTimes,
  mapChunks,
  resolution,
  type Times,
  timesOf,
  timestampChunk,
  writeTimes,
} from "./dt-zone.js";

const TWO31 = 2147483648;
const TWO32 = 4294967296;

type Mode = "floor" | "ceil" | "round";

/** How to round with a step in ticks: whole seconds (`k`), small ticks (`ticks`), or not at all. */
type Plan = { kind: "seconds"; k: number } | { kind: "ticks"; step: number } | { kind: "none" };

function plan(f: TickFrequency, per: number, fn: string, unit: string): Plan {
  if (f.seconds === 0 && f.nanos === 0) return { kind: "none" }; // pandas: a zero step returns a copy
  if (f.seconds < 0)
    throw new OptionError(`${fn}: invalid freq ${JSON.stringify(f.name)} (expected a positive step)`);
  if (f.nanos === 0) return { kind: "seconds", k: f.seconds };
  const nsPerTick = 1e9 / per;
  if (f.nanos % nsPerTick !== 0) {
    // a step below one tick that divides it: every value is already on the grid
    if (f.seconds === 0 && nsPerTick % f.nanos === 0) return { kind: "none" };
    throw new OptionError(`${fn}: ${JSON.stringify(f.name)} is not a whole number of ${unit} ticks`);
  }
  const step = f.seconds * per + f.nanos / nsPerTick;
  if (step >= TWO31) {
    throw new OptionError(
      `${fn}: rounding to ${JSON.stringify(f.name)} needs whole seconds or a step below 2^31 ${unit} ticks`,
    );
  }
  return { kind: "ticks", step };
}

/** Round the times in place. */
function roundTimes(t: Times, p: Plan, mode: Mode): void {
  const { sec, frac, per } = t;
  const n = sec.length;
  if (p.kind === "seconds") {
    const k = p.k;
    for (let i = 0; i < n; i++) {
      const s = sec[i] as number;
      const f = frac[i] as number;
      const r = s - Math.floor(s / k) * k;
      let up: boolean;
      if (mode === "floor") up = false;
      else if (mode === "ceil") up = r !== 0 || f !== 0;
      else {
        // compare the remainder r·per + f with half the step k·per/2 without leaving exact doubles:
        // sign of (2r − k)·per + 2f; a tie goes to the even multiple (NumPy's and pandas' half-even)
        const d = 2 * r - k;
        const c = d >= 1 ? 1 : d <= -2 ? -1 : d === 0 ? (f > 0 ? 1 : 0) : Math.sign(2 * f - per);
        up = c > 0 || (c === 0 && Math.abs((s - r) / k) % 2 === 1);
      }
      sec[i] = s - r + (up ? k : 0);
      frac[i] = 0;
    }
    return;
  }
  if (p.kind === "none") return;
  const step = p.step;
  const w = new Int32Array(2);
  const q = new Int32Array(2);
  for (let i = 0; i < n; i++) {
    const s = sec[i] as number;
    const hi = Math.floor(s / TWO32);
    mulAddWords(w, 0, hi, s - hi * TWO32, per, frac[i] as number);
    const r = floorDivWords(q, 0, w[1] as number, w[0] as number, step);
    let delta: number;
    if (mode === "floor") delta = -r;
    else if (mode === "ceil") delta = r === 0 ? 0 : step - r;
    else {
      const up = 2 * r > step || (2 * r === step && ((q[0] as number) & 1) === 1);
      delta = up ? step - r : -r;
    }
    const x = (frac[i] as number) + delta;
    const carry = Math.floor(x / per);
    sec[i] = s + carry;
    frac[i] = x - carry * per;
  }
}

function fixedFrequency(fn: string, freq: unknown): TickFrequency {
  const f: Frequency = parseFrequency(freq, "freq");
  if (f.kind !== "tick") {
    throw new OptionError(
      `${fn}: ${describeFrequency(f)} is a non-fixed frequency (use one of D, h, min, s, ms, us, ns with a multiple)`,
    );
  }
  return f;
}

function run(mode: Mode, col: Column<Timestamp | DateDay>, freq: string, options?: LocalizeOptions): Column {
  const fn = mode;
  if (!(col instanceof Column)) throw new DTypeError(`${fn} expects a Column, got ${show(col)}`);
  const d = col.dtype as DType;
  if (d.kind !== "timestamp" && d.kind !== "date") {
    throw new DTypeError(`${fn} needs timestamps or dates; this column holds ${dtypeToString(d)}`);
  }
  const f = fixedFrequency(fn, freq);
  if (d.kind === "date") return roundDates(mode, col as Column<DateDay>, f);
  const ts = d as Timestamp;
  const p = plan(f, { s: 1, ms: 1e3, us: 1e6, ns: 1e9 }[ts.unit], fn, ts.unit);
  const zone = zoneOf(ts.tz);
  const r = resolution(fn, options, col.length);
  if (p.kind === "none") return col;
  return mapChunks(col as Column<Timestamp>, ts, (c, row0) => {
    const t = timesOf(c, true, fn, row0);
    roundTimes(t, p, mode);
    const v =
      zone === null
        ? c.validity === null
          ? null
          : sliceBits(c.validity, c.offset, c.length)
        : localizeTimes(t, zone, ts.tz as string, r, c.validity, c.offset, row0);
    return timestampChunk(ts, writeTimes(t, v, ts.unit, fn, row0), v);
  });
}

/** Dates round on day numbers: a step of whole days, or one dividing a day (no change). */
function roundDates(mode: Mode, col: Column<DateDay>, f: TickFrequency): Column<DateDay> {
  const fn = mode;
  if (f.nanos === 0 && f.seconds % 86400 === 0 && f.seconds > 0) {
    const k = f.seconds / 86400;
    return mapChunks(col, col.dtype, (c: Chunk<DateDay>) => {
      const n = c.length;
      const sec = new Float64Array(n);
      const frac = new Float64Array(n);
      const v = c.values as Int32Array;
      for (let i = 0; i < n; i++) sec[i] = v[i] as number;
      roundTimes({ sec, frac, per: 1 }, { kind: "seconds", k }, mode);
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = sec[i] as number;
      const validity = c.validity === null ? null : sliceBits(c.validity, c.offset, n);
      return makeChunk({ dtype: col.dtype, length: n, values: out, validity });
    });
  }
  const total = f.seconds * 1e9 + f.nanos;
  if (total >= 0 && 86400e9 % total === 0) return col;
  throw new OptionError(
    `${fn}: rounding dates to ${JSON.stringify(f.name)} gives a time of day; cast to a timestamp first`,
  );
}

/**
 * Round timestamps down to a multiple of a fixed frequency (pandas'
 * `dt.floor`).
 *
 * Multiples count from the epoch on the wall clock: a zoned column floors
 * its local times, then re-localizes them with `ambiguous`/`nonexistent`
 * (raising by default, as pandas). The frequency must be fixed (`D`, `h`,
 * `min`, `s`, `ms`, `us`, `ns`, with multiples such as `"15min"`);
 * anchored ones (`ME`, `W`…) throw as pandas ("<MonthEnd> is a non-fixed
 * frequency"). Dates floor to whole days. Nulls stay null; same dtype;
 * exact for every int64 (no float rounding, no BigInt per element); O(n).
 *
 * @param col - timestamps or dates
 * @param freq - a fixed frequency alias
 * @param options - `ambiguous` and `nonexistent` for zoned columns
 * @returns the floored column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { floorTime } from "ndframe/compute";
 * const t = column([Date.UTC(2018, 0, 1, 11, 59)], "timestamp[ms]");
 * floorTime(t, "h").get(0); // => BigInt(Date.UTC(2018, 0, 1, 11))
 * ```
 */
export function floorTime<T extends Timestamp | DateDay>(
  col: Column<T>,
  freq: string,
  options?: LocalizeOptions,
): Column<T> {
  return run("floor", col, freq, options) as Column<T>;
}

/**
 * Round timestamps up to a multiple of a fixed frequency (pandas'
 * `dt.ceil`). Same rules as `floorTime`.
 *
 * @param col - timestamps or dates
 * @param freq - a fixed frequency alias
 * @param options - `ambiguous` and `nonexistent` for zoned columns
 * @returns the ceiled column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { ceilTime } from "ndframe/compute";
 * const t = column([Date.UTC(2018, 0, 1, 12, 1)], "timestamp[ms]");
 * ceilTime(t, "h").get(0); // => BigInt(Date.UTC(2018, 0, 1, 13))
 * ```
 */
export function ceilTime<T extends Timestamp | DateDay>(
  col: Column<T>,
  freq: string,
  options?: LocalizeOptions,
): Column<T> {
  return run("ceil", col, freq, options) as Column<T>;
}

/**
 * Round timestamps to the nearest multiple of a fixed frequency (pandas'
 * `dt.round`); halfway values go to the even multiple, as pandas (and
 * NumPy's `round`). Same rules as `floorTime`.
 *
 * @param col - timestamps or dates
 * @param freq - a fixed frequency alias
 * @param options - `ambiguous` and `nonexistent` for zoned columns
 * @returns the rounded column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { roundTime } from "ndframe/compute";
 * const t = column([Date.UTC(2018, 0, 1, 0, 30), Date.UTC(2018, 0, 1, 1, 30)], "timestamp[ms]");
 * roundTime(t, "h").toArray(); // => [BigInt(Date.UTC(2018, 0, 1, 0)), BigInt(Date.UTC(2018, 0, 1, 2))]
 * ```
 */
export function roundTime<T extends Timestamp | DateDay>(
  col: Column<T>,
  freq: string,
  options?: LocalizeOptions,
): Column<T> {
  return run("round", col, freq, options) as Column<T>;
}

/**
 * `dateRange`: evenly spaced timestamps (pandas' `date_range`), as a column.
 * @internal
 */
import { maybeBoolean, maybeKeyword, optionsOf, show } from "../../util/is.js";
import { getBit, sliceBits } from "../bitmap.js";
import { makeChunk } from "../chunk.js";
import { Column } from "../column.js";
import { type Timestamp, type TimeUnit, timestamp } from "../dtype.js";
import { OptionError } from "../errors.js";
import { FRACTION_DIGITS, formatOffset, PER_SECOND, parseIso, type Zone, zoneOf } from "./cast-time-math.js";
import { type Frequency, parseFrequency, tickStep } from "./dt-frequency.js";
import { DateOffset, type OffsetSpec, onOffset, scaleSpec, shiftTimes } from "./dt-offset.js";
import {
  type LocalizeOptions,
  localizeTimes,
  type Resolution,
  resolution,
  type Times,
  writeTimes,
} from "./dt-zone.js";

/** A range endpoint: ISO 8601 text (a wall time, or an instant with `Z`/`±HH:MM`) or a JS Date. */
export type TimeInput = string | Date;

/** Options of `dateRange`. */
export interface DateRangeOptions extends LocalizeOptions {
  /** Left bound. */
  start?: TimeInput;
  /** Right bound. */
  end?: TimeInput;
  /** Number of values. */
  periods?: number;
  /** A frequency alias (`"D"`, `"15min"`, `"ME"`, `"W-MON"`, `"B"`…) or a DateOffset; default `"D"`. */
  freq?: string | DateOffset;
  /** The zone of the result (IANA name or `±HH:MM`); naive by default. */
  tz?: string | null;
  /** Move start and end to midnight first (default false). */
  normalize?: boolean;
  /** Which bounds may be in the result: `"both"` (default), `"neither"`, `"left"`, `"right"`. */
  inclusive?: "both" | "neither" | "left" | "right";
  /** Unit of the result (default `"ns"`). */
  unit?: TimeUnit;
}

const KEYS = [
  "start",
  "end",
  "periods",
  "freq",
  "tz",
  "normalize",
  "inclusive",
  "unit",
  "ambiguous",
  "nonexistent",
];
const MAX_VALUES = 2 ** 27;
const fn = "dateRange";

/** A parsed endpoint: wall seconds (`offset` null) or an instant. */
interface Endpoint {
  sec: number;
  frac: number;
  /** The offset written in the text (an instant), "date" for a JS Date, or null for wall time. */
  offset: number | "date" | null;
}

function endpoint(name: string, v: unknown, unit: TimeUnit): Endpoint {
  const per = PER_SECOND[unit];
  if (v instanceof Date) {
    const ms = v.getTime();
    if (!Number.isFinite(ms)) throw new OptionError(`invalid ${name}: an invalid Date`);
    const sec = Math.floor(ms / 1000);
    const frac = ((ms - sec * 1000) * per) / 1000;
    if (!Number.isInteger(frac))
      throw new OptionError(`invalid ${name}: ${v.toISOString()} is finer than unit ${unit}`);
    return { sec, frac, offset: "date" };
  }
  // ISO 8601's basic date form "20130101", as pandas' date_range("20130101") takes it
  const text =
    typeof v === "string" && /^\d{8}$/.test(v) ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6)}` : v;
  const p = typeof text === "string" ? parseIso(text) : null;
  if (p === null) {
    throw new OptionError(
      `invalid ${name}: ${show(v)} (expected ISO 8601 text such as "2021-03-14", "20210314", "2021-03-14T02:30" or "2021-03-14T02:30:00+01:00", or a Date)`,
    );
  }
  const digits = FRACTION_DIGITS[unit];
  if (/[1-9]/.test(p.fraction.slice(digits))) {
    throw new OptionError(`invalid ${name}: ${show(v)} is finer than unit ${unit}`);
  }
  const frac = digits === 0 ? 0 : Number(p.fraction.slice(0, digits).padEnd(digits, "0"));
  return { sec: p.seconds - (p.offset ?? 0), frac, offset: p.offset };
}

/** The zone of the result: `tz`, else the endpoints' written offset (UTC for `Z`), else naive. */
function resultZone(tz: unknown, ends: Endpoint[]): string | null {
  if (tz !== undefined && tz !== null && typeof tz !== "string") {
    throw new OptionError(
      `invalid tz: ${show(tz)} (expected a zone name such as "Europe/Paris", "+05:30" or null)`,
    );
  }
  if (typeof tz === "string") return tz;
  const written = ends.map((e) => e.offset).filter((o): o is number => typeof o === "number");
  if (written.length === 2 && written[0] !== written[1]) {
    throw new OptionError(
      `${fn}: start and end have different offsets (${formatOffset(written[0] as number)} and ${formatOffset(written[1] as number)}); pass tz`,
    );
  }
  if (written.length === 0) return null;
  return written[0] === 0 ? "UTC" : formatOffset(written[0] as number);
}

/** One-element times. */
const one = (sec: number, frac: number, per: number): Times => ({
  sec: Float64Array.of(sec),
  frac: Float64Array.of(frac),
  per,
});

/** Wall time of an endpoint in the result's zone. */
function wallOf(e: Endpoint, zone: Zone | null): [number, number] {
  if (e.offset === null || zone === null) return [e.sec, e.frac];
  return [e.sec + zone.at(e.sec), e.frac];
}

/** Instant of a wall time or an endpoint. */
function instantOf(
  sec: number,
  frac: number,
  wall: boolean,
  zone: Zone | null,
  tz: string,
  r: Resolution,
  per: number,
): [number, number] {
  if (!wall || zone === null) return [sec, frac];
  const t = one(sec, frac, per);
  localizeTimes(t, zone, tz, r, null, 0, Number.NEGATIVE_INFINITY);
  return [t.sec[0] as number, t.frac[0] as number];
}

const cmp = (s1: number, f1: number, s2: number, f2: number): number => (s1 !== s2 ? s1 - s2 : f1 - f2);

/** Growable (sec, frac) lists. */
class Out {
  sec: number[] = [];
  frac: number[] = [];
  push(s: number, f: number): void {
    if (this.sec.length >= MAX_VALUES) {
      throw new OptionError(`${fn}: more than ${MAX_VALUES} values; narrow the range or use a coarser freq`);
    }
    this.sec.push(s);
    this.frac.push(f);
  }
  times(per: number): Times {
    return { sec: Float64Array.from(this.sec), frac: Float64Array.from(this.frac), per };
  }
}

/** Move one time by `k` times `spec`. */
function step(
  spec: OffsetSpec,
  k: number,
  s: number,
  f: number,
  per: number,
  unit: TimeUnit,
): [number, number] {
  const t = one(s, f, per);
  shiftTimes(t, k === 1 ? spec : scaleSpec(spec, k), fn, unit);
  return [t.sec[0] as number, t.frac[0] as number];
}

/**
 * Evenly spaced timestamps as a column (see `dateRange` in
 * src/series/date-range.ts for the rules).
 * @internal
 */
export function dateRangeColumn(options: DateRangeOptions): Column<Timestamp> {
  const o = optionsOf(fn, options, KEYS) as DateRangeOptions;
  const unit = maybeKeyword("unit", o.unit, ["s", "ms", "us", "ns"] as const, "ns");
  const per = PER_SECOND[unit];
  const inclusive = maybeKeyword(
    "inclusive",
    o.inclusive,
    ["both", "neither", "left", "right"] as const,
    "both",
  );
  const normalize = maybeBoolean("normalize", o.normalize, false);
  const periods = o.periods === undefined || o.periods === null ? undefined : o.periods;
  if (
    periods !== undefined &&
    (typeof periods !== "number" || !Number.isSafeInteger(periods) || periods < 0)
  ) {
    throw new OptionError(`invalid periods: ${show(periods)} (expected a non-negative integer)`);
  }
  if (periods !== undefined && periods > MAX_VALUES)
    throw new OptionError(`invalid periods: ${periods} (at most ${MAX_VALUES})`);
  const hasStart = o.start !== undefined && o.start !== null;
  const hasEnd = o.end !== undefined && o.end !== null;
  const given = [hasStart, hasEnd, periods !== undefined].filter(Boolean).length;
  const linear = given === 3 && o.freq === undefined;
  if (!linear && given !== 2) {
    throw new OptionError(
      `${fn} needs exactly two of start, end and periods with freq, or all three without freq (got ${["start", "end", "periods"].filter((_, i) => [hasStart, hasEnd, periods !== undefined][i]).join(", ") || "none"})`,
    );
  }
  if (Array.isArray(o.ambiguous) || ArrayBuffer.isView(o.ambiguous)) {
    throw new OptionError(
      `${fn}: invalid ambiguous: one boolean per row is not supported here (use "raise", "NaT", "earliest", "latest" or a boolean)`,
    );
  }
  const r = resolution(fn, o, 0);
  let spec: OffsetSpec | null = null;
  if (!linear) {
    const freq = o.freq ?? "D";
    spec = freq instanceof DateOffset ? freq.spec : parseFrequency(freq, "freq");
  }
  const start = hasStart ? endpoint("start", o.start, unit) : null;
  const end = hasEnd ? endpoint("end", o.end, unit) : null;
  const ends = [start, end].filter((e): e is Endpoint => e !== null);
  const tz = resultZone(o.tz, ends);
  const dtype = timestamp(unit, tz);
  const zone = zoneOf(tz);
  const tzName = tz ?? "UTC";
  // the wall form of each endpoint, normalized to midnight when asked
  const wall = (e: Endpoint): [number, number, boolean] => {
    const isWall = e.offset === null || (e.offset === "date" && zone === null);
    if (!normalize) return [e.sec, e.frac, isWall];
    const [s] = wallOf(e, zone);
    return [Math.floor(s / 86400) * 86400, 0, true];
  };
  const ws = start === null ? null : wall(start);
  const we = end === null ? null : wall(end);
  const inst = (w: [number, number, boolean]) => instantOf(w[0], w[1], w[2], zone, tzName, r, per);
  const is = ws === null ? null : inst(ws);
  const ie = we === null ? null : inst(we);
  const out = new Out();
  const calendar = spec !== null && !(spec.kind === "tick" && !spec.day);
  if (linear) {
    linearRange(out, is as [number, number], ie as [number, number], periods as number, per);
  } else if (!calendar) {
    const st = tickStep(spec as Frequency & { kind: "tick" }, per);
    if (st === null)
      throw new OptionError(`${fn}: freq ${JSON.stringify(o.freq)} is not a whole number of ${unit} ticks`);
    fixedRange(out, st, is, ie, periods, per);
  } else {
    const toWall = (w: [number, number, boolean] | null, e: Endpoint | null): [number, number] | null =>
      w === null ? null : w[2] ? [w[0], w[1]] : wallOf(e as Endpoint, zone);
    calendarRange(out, spec as OffsetSpec, toWall(ws, start), toWall(we, end), periods, per, unit);
  }
  const t = out.times(per);
  // rows that localize to NaT (nonexistent/ambiguous "NaT") are nulls
  const valid = calendar && zone !== null ? localizeTimes(t, zone, tzName, r, null, 0, 0) : null;
  let lo = 0;
  let hi = t.sec.length;
  const eq = (i: number, p: [number, number] | null) =>
    p !== null &&
    (valid === null || getBit(valid, i)) &&
    cmp(t.sec[i] as number, t.frac[i] as number, p[0], p[1]) === 0;
  if (is !== null && ie !== null && cmp(is[0], is[1], ie[0], ie[1]) === 0) {
    if (inclusive === "neither") [lo, hi] = [Math.min(1, hi), Math.max(hi - 1, Math.min(1, hi))];
  } else {
    if ((inclusive === "neither" || inclusive === "right") && hi > lo && eq(lo, is)) lo += 1;
    if ((inclusive === "neither" || inclusive === "left") && hi > lo && eq(hi - 1, ie)) hi -= 1;
  }
  const kept: Times = { sec: t.sec.subarray(lo, hi), frac: t.frac.subarray(lo, hi), per };
  const validity = valid === null ? null : sliceBits(valid, lo, hi - lo);
  const values = writeTimes(kept, validity, unit, fn, 0);
  return Column.fromChunk(makeChunk({ dtype, length: values.length, values, validity }));
}

/** pandas' linspace: start + floor(k · (delta / (periods − 1))), the last value exactly end. */
function linearRange(out: Out, s: [number, number], e: [number, number], periods: number, per: number): void {
  const delta = (e[0] - s[0]) * per + (e[1] - s[1]);
  const stepTicks = delta / (periods - 1);
  for (let k = 0; k < periods; k++) {
    if (k === periods - 1 && k > 0) {
      out.push(e[0], e[1]);
      break;
    }
    const off = Math.floor(k * stepTicks) || 0;
    const os = Math.floor(off / per);
    let f = s[1] + (off - os * per);
    let sec = s[0] + os;
    if (f >= per) {
      f -= per;
      sec += 1;
    }
    out.push(sec, f);
  }
}

/** Throw before generating when a span holds far more steps than allowed (`span / step`, in ticks). */
function estimate(span: number, stepTicks: number): void {
  const n = span / stepTicks;
  // calendar steps vary (28–31 days a month): allow a margin before refusing
  if (n > MAX_VALUES * 1.5) {
    throw new OptionError(
      `${fn}: about ${Math.round(n)} values, more than ${MAX_VALUES}; narrow the range or use a coarser freq`,
    );
  }
}

/** Fixed steps on the instants (pandas' `generate_regular_range`). */
function fixedRange(
  out: Out,
  st: [number, number],
  s: [number, number] | null,
  e: [number, number] | null,
  periods: number | undefined,
  per: number,
): void {
  const [ss, sf] = st;
  if (ss === 0 && sf === 0) throw new OptionError(`${fn}: freq must not be zero`);
  const forward = ss >= 0;
  const add = (p: [number, number], sign: number): [number, number] => {
    let sec = p[0] + sign * ss;
    let f = p[1] + sign * sf;
    if (f >= per) {
      f -= per;
      sec += 1;
    } else if (f < 0) {
      f += per;
      sec -= 1;
    }
    return [sec, f];
  };
  if (s !== null && e !== null) {
    estimate((e[0] - s[0]) * per + (e[1] - s[1]), ss * per + sf);
    for (
      let c = s;
      forward ? cmp(c[0], c[1], e[0], e[1]) <= 0 : cmp(c[0], c[1], e[0], e[1]) >= 0;
      c = add(c, 1)
    ) {
      out.push(c[0], c[1]);
    }
  } else if (s !== null) {
    for (let k = 0, c = s; k < (periods as number); k++, c = add(c, 1)) out.push(c[0], c[1]);
  } else {
    const back: [number, number][] = [];
    for (let k = 0, c = e as [number, number]; k < (periods as number); k++, c = add(c, -1)) back.push(c);
    for (let k = back.length - 1; k >= 0; k--)
      out.push((back[k] as [number, number])[0], (back[k] as [number, number])[1]);
  }
}

/** Calendar steps on the wall clock (pandas' `_generate_range` over offsets; `D` as calendar days). */
function calendarRange(
  out: Out,
  spec: OffsetSpec,
  s: [number, number] | null,
  e: [number, number] | null,
  periods: number | undefined,
  per: number,
  unit: TimeUnit,
): void {
  const ymd = new Int32Array(3);
  const on = (p: [number, number]) =>
    spec.kind === "relative" || onOffset(spec, Math.floor(p[0] / 86400), ymd);
  const n = spec.kind === "relative" ? 1 : spec.n;
  // pandas rolls with the offset's single step (`type(self)(1, **kwds)`) whatever its multiple
  const unitSpec: OffsetSpec = spec.kind === "relative" ? spec : ({ ...spec, n: 1 } as Frequency);
  if (spec.kind !== "relative" && spec.n === 0) throw new OptionError(`${fn}: freq must not be zero`);
  let cur: [number, number];
  const count = periods;
  if (s !== null) {
    cur = on(s) ? s : step(unitSpec, 1, s[0], s[1], per, unit);
  } else {
    let last = e as [number, number];
    if (!on(last)) last = step(unitSpec, -1, last[0], last[1], per, unit);
    cur = step(spec, -((periods as number) - 1), last[0], last[1], per, unit);
  }
  const forward = n >= 0;
  if (count === undefined) {
    const first = step(spec, 1, cur[0], cur[1], per, unit);
    const end = e as [number, number];
    estimate((end[0] - cur[0]) * per + (end[1] - cur[1]), (first[0] - cur[0]) * per + (first[1] - cur[1]));
  }
  for (let k = 0; ; k++) {
    if (count !== undefined && k >= count) break;
    if (count === undefined) {
      const c = cmp(cur[0], cur[1], (e as [number, number])[0], (e as [number, number])[1]);
      if (forward ? c > 0 : c < 0) break;
    }
    out.push(cur[0], cur[1]);
    const next = step(spec, 1, cur[0], cur[1], per, unit);
    const moved = cmp(next[0], next[1], cur[0], cur[1]);
    if (forward ? moved <= 0 : moved >= 0)
      throw new OptionError(
        `${fn}: freq ${String(spec.kind === "relative" ? "offset" : spec.name)} does not move the date`,
      );
    cur = next;
  }
}

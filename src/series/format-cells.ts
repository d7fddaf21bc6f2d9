/**
 * The shown values of a column or index as text, formatted together the
 * way pandas prints a column: floats to a common number of decimals;
 * timestamps as dates and times in their zone with as many fraction
 * digits as the shown values need, and as bare dates when every shown
 * value is a midnight; durations as "D days HH:MM:SS"; times of day as
 * "HH:MM:SS" with the fraction digits the shown values need.
 * @internal
 */
import { type DType, isFloat, type TimeUnit } from "../core/dtype.js";
import {
  FRACTION_DIGITS,
  formatDays,
  formatOffset,
  formatTimeOfDay,
  PER_SECOND,
  zoneOf,
} from "../core/kernels/cast-time-math.js";

/** How a missing value prints (pandas' nullable dtypes print `<NA>`). */
export const NULL_TEXT = "<NA>";

/** One value as text: floats with up to 6 significant decimals, as pandas' default precision. */
export function formatValue(v: unknown, dtype: DType): string {
  if (v === null || v === undefined) return NULL_TEXT;
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "NaN";
    if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
    if (isFloat(dtype)) return formatFloat(v);
    return String(v);
  }
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "boolean") return v ? "True" : "False";
  if (v instanceof Uint8Array) return `b'${Array.from(v, (b) => b.toString(16).padStart(2, "0")).join("")}'`;
  if (Array.isArray(v) && dtype.kind === "list") {
    // pandas prints a list cell as [a, b], its items unquoted
    return `[${v.map((x) => (x === null ? "None" : formatValue(x, dtype.value))).join(", ")}]`;
  }
  return String(v);
}

function formatFloat(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e16 || a < 1e-4)) return v.toExponential(6).replace(/\.?0+e/, "e");
  const s = v.toFixed(6).replace(/0+$/, "");
  return s.endsWith(".") ? `${s}0` : s;
}

/** Pad fixed-point numbers to the longest fraction among them (`1.5`, `2.25` → `1.50`, `2.25`). */
export function alignDecimals(values: string[]): void {
  const fixed = (s: string) => /^-?\d+\.\d+$/.test(s);
  let digits = 0;
  for (const s of values) if (fixed(s)) digits = Math.max(digits, s.length - s.indexOf(".") - 1);
  for (let k = 0; k < values.length; k++) {
    const s = values[k] as string;
    if (fixed(s)) values[k] = s.padEnd(s.indexOf(".") + 1 + digits, "0");
  }
}

/** Units per second, as a bigint (display works on a few shown values, so BigInt costs nothing here). */
const perSecond = (unit: TimeUnit) => BigInt(PER_SECOND[unit]);

/** Seconds (floored) and the non-negative rest in the unit. */
function split(v: bigint, per: bigint): [bigint, bigint] {
  let s = v / per;
  let f = v % per;
  if (f < 0n) {
    f += per;
    s -= 1n;
  }
  return [s, f];
}

/** Fraction digits the rests need: the first of `allowed` (ascending) that shows every rest exactly. */
function digitsFor(rests: readonly bigint[], unit: TimeUnit, allowed: readonly number[]): number {
  const max = FRACTION_DIGITS[unit];
  let need = 0;
  for (const f of rests) {
    if (f === 0n) continue;
    for (const d of allowed) {
      // the rest is a whole number of 10^-d seconds (always so from the unit's own digits on)
      if (d >= max || f % 10n ** BigInt(max - d) === 0n) {
        need = Math.max(need, d);
        break;
      }
    }
  }
  return need;
}

/** `.fff…` of a rest with `digits` digits (empty for none). */
function fraction(f: bigint, unit: TimeUnit, digits: number): string {
  if (digits === 0) return "";
  const scaled = (f * 10n ** BigInt(digits)) / perSecond(unit);
  return `.${scaled.toString().padStart(digits, "0")}`;
}

/** Timestamps in their zone; null when a value is outside the years a date can show. */
/** Times of day as "HH:MM:SS", with 3, 6 or 9 fraction digits when a shown value needs them. */
function times(values: readonly (bigint | null)[], unit: TimeUnit): (string | null)[] | null {
  const per = perSecond(unit);
  const day = 86400n * per;
  const parts: [bigint, bigint][] = [];
  for (const v of values) {
    if (v === null) continue;
    // a value outside one day (only from a raw int64 build) prints as its count
    if (v < 0n || v >= day) return null;
    parts.push(split(v, per));
  }
  const digits = digitsFor(
    parts.map((p) => p[1]),
    unit,
    [3, 6, 9],
  );
  let k = 0;
  return values.map((v) => {
    if (v === null) return null;
    const [s, rest] = parts[k++] as [bigint, bigint];
    return formatTimeOfDay(Number(s)) + fraction(rest, unit, digits);
  });
}

function timestamps(
  values: readonly (bigint | null)[],
  unit: TimeUnit,
  tz: string | null,
): (string | null)[] | null {
  const per = perSecond(unit);
  const zone = zoneOf(tz);
  const parts: { local: number; rest: bigint; off: number }[] = [];
  for (const v of values) {
    if (v === null) continue;
    const [s, rest] = split(v, per);
    const secs = Number(s);
    if (!(Math.abs(secs) <= 8.64e12)) return null;
    const off = zone === null ? 0 : zone.at(secs);
    parts.push({ local: secs + off, rest, off });
  }
  const digits = digitsFor(
    parts.map((p) => p.rest),
    unit,
    [3, 6, 9],
  );
  // pandas prints a zone-less column of midnights as dates
  const datesOnly = tz === null && parts.every((p) => p.rest === 0n && p.local % 86400 === 0);
  let k = 0;
  return values.map((v) => {
    if (v === null) return null;
    const p = parts[k++] as (typeof parts)[number];
    const days = Math.floor(p.local / 86400);
    if (datesOnly) return formatDays(days);
    const time = formatTimeOfDay(p.local - days * 86400) + fraction(p.rest, unit, digits);
    return `${formatDays(days)} ${time}${tz === null ? "" : formatOffset(p.off)}`;
  });
}

/** Durations as pandas prints timedeltas: "-1 days +23:59:59", "2 days" when every shown value is whole days. */
function durations(values: readonly (bigint | null)[], unit: TimeUnit): (string | null)[] {
  const per = perSecond(unit);
  const parts = values.map((v) => (v === null ? null : split(v, per)));
  const present = parts.filter((p): p is [bigint, bigint] => p !== null);
  const digits = digitsFor(
    present.map((p) => p[1]),
    unit,
    [6, 9],
  );
  const wholeDays = present.every(([s, rest]) => rest === 0n && s % 86400n === 0n);
  return parts.map((p) => {
    if (p === null) return null;
    const [s, rest] = p;
    const days = s >= 0n ? s / 86400n : -((-s + 86399n) / 86400n);
    if (wholeDays) return `${days} days`;
    const sod = Number(s - days * 86400n);
    return `${days} days ${days < 0n ? "+" : ""}${formatTimeOfDay(sod)}${fraction(rest, unit, digits)}`;
  });
}

/**
 * Text for the values at `rows` (null: the gap between head and tail,
 * printed as `gap`) of a column or index read through `get`.
 */
export function formatCells(
  get: (i: number) => unknown,
  dtype: DType,
  rows: readonly (number | null)[],
  gap: string,
): string[] {
  if (dtype.kind === "timestamp" || dtype.kind === "duration" || dtype.kind === "time") {
    const values = rows.flatMap((i) => (i === null ? [] : [get(i) as bigint | null]));
    const text =
      dtype.kind === "timestamp"
        ? timestamps(values, dtype.unit, dtype.tz)
        : dtype.kind === "time"
          ? times(values, dtype.unit)
          : durations(values, dtype.unit);
    if (text !== null) {
      let k = 0;
      return rows.map((i) => (i === null ? gap : (text[k++] ?? NULL_TEXT)));
    }
  }
  const out = rows.map((i) => {
    if (i === null) return gap;
    const v = get(i);
    return dtype.kind === "date" && typeof v === "number" ? formatDays(v) : formatValue(v, dtype);
  });
  if (isFloat(dtype)) alignDecimals(out);
  return out;
}

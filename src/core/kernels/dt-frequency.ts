/**
 * pandas' frequency aliases (`"D"`, `"15min"`, `"ME"`, `"W-MON"`, `"2B"`…)
 * parsed into a `Frequency`: a fixed step ("tick") or a calendar rule
 * (anchored month, quarter and year ends and starts, weeks, business days).
 *
 * The names are pandas 2.2's: the spellings it deprecated (`H`, `T`, `S`,
 * `L`, `U`, `N`, `M`, `Q`, `Y`, `A`…) fail with a message naming the
 * current alias instead of silently meaning something else.
 * @internal
 */
import { OptionError } from "../errors.js";

/** Units of fixed frequencies; `D` is a calendar day where the distinction matters (zones). */
export type TickUnit = "D" | "h" | "min" | "s" | "ms" | "us" | "ns";

/** A fixed step: `seconds` whole seconds plus `nanos` (0 ≤ nanos < 1e9), times already applied. */
export interface TickFrequency {
  readonly kind: "tick";
  readonly n: number;
  readonly unit: TickUnit;
  /** True for `D` alone (`"3D"`): a calendar day in a zone, 24 hours otherwise. */
  readonly day: boolean;
  readonly seconds: number;
  readonly nanos: number;
  readonly name: string;
}

/** Month, quarter or year starts/ends (`MS`, `ME`, `QS-JAN`, `QE-DEC`, `YS-JAN`, `YE-DEC`). */
export interface MonthFrequency {
  readonly kind: "month";
  readonly n: number;
  /** Months per period: 1, 3 or 12. */
  readonly span: 1 | 3 | 12;
  /** Anchor month 1–12 (pandas' `startingMonth`/`month`; unused when span is 1). */
  readonly month: number;
  /** True for ends (`ME`, `QE`, `YE`), false for starts. */
  readonly end: boolean;
  readonly name: string;
}

/** Weeks ending on a weekday (`W` = `W-SUN`); weekday 0 = Monday … 6 = Sunday, as pandas. */
export interface WeekFrequency {
  readonly kind: "week";
  readonly n: number;
  readonly weekday: number;
  readonly name: string;
}

/** Business days (`B`): Monday to Friday. */
export interface BusinessDayFrequency {
  readonly kind: "bday";
  readonly n: number;
  readonly name: string;
}

/** A parsed frequency alias. */
export type Frequency = TickFrequency | MonthFrequency | WeekFrequency | BusinessDayFrequency;

const TICK_SECONDS: Record<TickUnit, number> = { D: 86400, h: 3600, min: 60, s: 1, ms: 0, us: 0, ns: 0 };
const TICK_PER_SECOND: Record<TickUnit, number> = { D: 1, h: 1, min: 1, s: 1, ms: 1e3, us: 1e6, ns: 1e9 };
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];

// pandas 2.2 renamed these (FutureWarning there); a silent other meaning would be worse than an error.
const RENAMED: Record<string, string> = {
  H: "h",
  T: "min",
  S: "s",
  L: "ms",
  U: "us",
  N: "ns",
  M: "ME",
  Q: "QE",
  Y: "YE",
  A: "YE",
  AS: "YS",
  BM: "BME",
  BQ: "BQE",
  BA: "BYE",
  BY: "BYE",
  BAS: "BYS",
};

const EXPECTED =
  "expected an optional integer multiple and one of D, h, min, s, ms, us, ns, B, W, W-MON…W-SUN, MS, ME, QS, QE, YS, YE; QS/QE/YS/YE take an optional anchor month such as QE-JAN";

function bad(option: string, text: string, why: string): OptionError {
  return new OptionError(`invalid ${option}: ${JSON.stringify(text)} (${why})`);
}

/** A fixed step of `n` units. */
function tick(n: number, unit: TickUnit, name: string, day: boolean): TickFrequency {
  const per = TICK_PER_SECOND[unit];
  let seconds: number;
  let nanos: number;
  if (per === 1) {
    seconds = n * TICK_SECONDS[unit];
    nanos = 0;
  } else {
    // split n into whole seconds and a remainder so that large counts stay exact
    seconds = Math.floor(n / per);
    nanos = (n - seconds * per) * (1e9 / per);
  }
  if (!Number.isSafeInteger(seconds)) throw bad("freq", name, "the step is too large");
  return Object.freeze({ kind: "tick", n, unit, day, seconds, nanos, name });
}

/** Sum of fixed steps (`"1h30min"`), in pandas' manner: a fixed duration, never a calendar day. */
function sumTicks(parts: TickFrequency[], name: string, sign: number): TickFrequency {
  let seconds = 0;
  let nanos = 0;
  for (const p of parts) {
    seconds += p.seconds;
    nanos += p.nanos;
  }
  seconds += Math.floor(nanos / 1e9);
  nanos %= 1e9;
  if (sign < 0) {
    seconds = -seconds - (nanos > 0 ? 1 : 0);
    nanos = nanos > 0 ? 1e9 - nanos : 0;
  }
  const unit = parts.reduce(
    (u, p) => (TICK_PER_SECOND[p.unit] > TICK_PER_SECOND[u] ? p.unit : u),
    "s" as TickUnit,
  );
  return Object.freeze({ kind: "tick", n: sign, unit, day: false, seconds, nanos, name });
}

/** One alias with its multiple. */
function single(n: number, alias: string, text: string, option: string): Frequency {
  const name = text;
  if (Object.hasOwn(TICK_SECONDS, alias)) return tick(n, alias as TickUnit, name, alias === "D");
  if (alias === "B") return Object.freeze({ kind: "bday", n, name });
  if (alias === "W") return Object.freeze({ kind: "week", n, weekday: 6, name });
  const [base = "", anchor, extra] = alias.split("-");
  if (extra !== undefined) throw bad(option, text, EXPECTED);
  if (base === "W" && anchor !== undefined) {
    const weekday = DAYS.indexOf(anchor);
    if (weekday < 0) throw bad(option, text, `unknown weekday ${anchor}: expected one of ${DAYS.join(", ")}`);
    return Object.freeze({ kind: "week", n, weekday, name });
  }
  const shape: Record<string, [1 | 3 | 12, boolean, number]> = {
    MS: [1, false, 1],
    ME: [1, true, 12],
    QS: [3, false, 1],
    QE: [3, true, 12],
    YS: [12, false, 1],
    YE: [12, true, 12],
  };
  const s = Object.hasOwn(shape, base) ? shape[base] : undefined;
  if (s !== undefined && (anchor === undefined || s[0] !== 1)) {
    let month = s[2];
    if (anchor !== undefined) {
      month = MONTHS.indexOf(anchor) + 1;
      if (month === 0)
        throw bad(option, text, `unknown month ${anchor}: expected one of ${MONTHS.join(", ")}`);
    }
    return Object.freeze({ kind: "month", n, span: s[0], month, end: s[1], name });
  }
  const renamed = Object.hasOwn(RENAMED, base) ? RENAMED[base] : undefined;
  if (renamed !== undefined) {
    const to = anchor === undefined ? renamed : `${renamed}-${anchor}`;
    const from = anchor === undefined ? base : `${base}-${anchor}`;
    const how = from === text ? `pandas 2.2 renamed it "${to}"` : `pandas 2.2 renamed "${from}" to "${to}"`;
    const supported = renamed.startsWith("B") ? ", which ndframe does not support yet" : "";
    throw bad(option, text, how + supported);
  }
  throw bad(option, text, EXPECTED);
}

/**
 * Parse a pandas frequency alias. Throws an `OptionError` naming the text,
 * the current alias for a spelling pandas 2.2 renamed, or the list of
 * valid aliases.
 * @internal
 */
export function parseFrequency(text: unknown, option = "freq"): Frequency {
  if (typeof text !== "string") throw new OptionError(`invalid ${option}: ${String(text)} (${EXPECTED})`);
  const m = /^\s*([+-])?(.*?)\s*$/.exec(text) as RegExpExecArray;
  const sign = m[1] === "-" ? -1 : 1;
  const body = m[2] as string;
  const tokens = [...body.matchAll(/(\d*)([A-Za-z]+(?:-[A-Za-z]+)*)/g)];
  if (tokens.length === 0 || tokens.map((t) => t[0]).join("") !== body) throw bad(option, text, EXPECTED);
  if (tokens.length === 1) {
    const t = tokens[0] as RegExpExecArray;
    const n = t[1] === "" ? 1 : Number(t[1]);
    if (!Number.isSafeInteger(n)) throw bad(option, text, "the multiple is too large");
    return single(sign * n, t[2] as string, text, option);
  }
  const parts = tokens.map((t) => {
    const f = single(t[1] === "" ? 1 : Number(t[1]), t[2] as string, text, option);
    if (f.kind !== "tick") throw bad(option, text, "only fixed units (D, h, min, s, ms, us, ns) combine");
    return f;
  });
  return sumTicks(parts, text, sign);
}

/** True for a fixed frequency (D, h, min, s, ms, us, ns and their sums). */
export function isFixed(f: Frequency): f is TickFrequency {
  return f.kind === "tick";
}

/** pandas' repr of an offset (`<MonthEnd>`, `<2 * BusinessDays>`, `<Week: weekday=6>`), for messages. */
export function describeFrequency(f: Frequency): string {
  let cls: string;
  let extra = "";
  switch (f.kind) {
    case "tick":
      cls = { D: "Day", h: "Hour", min: "Minute", s: "Second", ms: "Milli", us: "Micro", ns: "Nano" }[f.unit];
      break;
    case "bday":
      cls = "BusinessDay";
      break;
    case "week":
      cls = "Week";
      extra = `: weekday=${f.weekday}`;
      break;
    case "month":
      cls = `${f.span === 1 ? "Month" : f.span === 3 ? "Quarter" : "Year"}${f.end ? "End" : "Begin"}`;
      if (f.span === 3) extra = `: startingMonth=${f.month}`;
      if (f.span === 12) extra = `: month=${f.month}`;
      break;
  }
  return f.n === 1 ? `<${cls}${extra}>` : `<${f.n} * ${cls}s${extra}>`;
}

/**
 * The step of a fixed frequency in ticks of a unit with `perSecond` ticks
 * per second, as `[seconds, ticks]` (0 ≤ ticks < perSecond), or null when
 * the step is not a whole number of ticks (`"1500us"` in unit `ms`).
 * @internal
 */
export function tickStep(f: TickFrequency, perSecond: number): [number, number] | null {
  const nsPerTick = 1e9 / perSecond;
  if (f.nanos % nsPerTick !== 0) return null;
  return [f.seconds, f.nanos / nsPerTick];
}

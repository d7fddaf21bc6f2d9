import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { date, timestamp } from "../../../src/core/dtype.js";
import { CastError, DTypeError, OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { ceilTime, floorTime, roundTime } from "../../../src/core/kernels/dt-round.js";

const NS = 1_000_000n;
const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0): bigint =>
  BigInt(Date.UTC(y, m - 1, d, h, mi, s)) * NS;
const naive = (values: (bigint | null)[]) => column(values, timestamp("ns", null));

// Naive references in BigInt: floor / ceil / round-half-even to a multiple of `s`.
const fmod = (v: bigint, s: bigint) => ((v % s) + s) % s;
const refFloor = (v: bigint, s: bigint) => v - fmod(v, s);
const refCeil = (v: bigint, s: bigint) => (fmod(v, s) === 0n ? v : v - fmod(v, s) + s);
const refRound = (v: bigint, s: bigint) => {
  const r = fmod(v, s);
  const q = (v - r) / s;
  const up = 2n * r > s || (2n * r === s && q % 2n !== 0n);
  return v - r + (up ? s : 0n);
};

describe("floorTime / ceilTime / roundTime(col, freq)", () => {
  it("floorTime, ceilTime, roundTime follow pandas' docstring (11:59, 12:00, 12:01 to 'h')", () => {
    // pandas: date_range('1/1/2018 11:59:00', periods=3, freq='min')
    const rng = naive([utc(2018, 1, 1, 11, 59), utc(2018, 1, 1, 12), utc(2018, 1, 1, 12, 1)]);
    expect(roundTime(rng, "h").toArray()).toEqual([
      utc(2018, 1, 1, 12),
      utc(2018, 1, 1, 12),
      utc(2018, 1, 1, 12),
    ]);
    expect(floorTime(rng, "h").toArray()).toEqual([
      utc(2018, 1, 1, 11),
      utc(2018, 1, 1, 12),
      utc(2018, 1, 1, 12),
    ]);
    expect(ceilTime(rng, "h").toArray()).toEqual([
      utc(2018, 1, 1, 12),
      utc(2018, 1, 1, 12),
      utc(2018, 1, 1, 13),
    ]);
  });

  it("floorTime(zoned, '2h', {ambiguous}) follows pandas' docstring (Europe/Amsterdam 2021-10-31 03:30)", () => {
    // 03:30 CET (+1) = 02:30 UTC; the wall time floors to 02:00, which occurs twice that night
    const rng = column([utc(2021, 10, 31, 2, 30)], timestamp("ns", "Europe/Amsterdam"));
    // ambiguous=False → 02:00+01:00 = 01:00 UTC; ambiguous=True → 02:00+02:00 = 00:00 UTC
    expect(floorTime(rng, "2h", { ambiguous: false }).toArray()).toEqual([utc(2021, 10, 31, 1)]);
    expect(floorTime(rng, "2h", { ambiguous: true }).toArray()).toEqual([utc(2021, 10, 31, 0)]);
    expect(() => floorTime(rng, "2h")).toThrow(
      "floor: 2021-10-31 02:00:00 at row 0 is ambiguous in Europe/Amsterdam",
    );
  });

  it("ceilTime(zoned, 'h', {ambiguous}) follows pandas' docstring (Europe/Amsterdam 2021-10-31 01:30)", () => {
    // 01:30 CEST (+2) = 2021-10-30 23:30 UTC; the wall time ceils to 02:00 (ambiguous)
    const rng = column([utc(2021, 10, 30, 23, 30)], timestamp("ns", "Europe/Amsterdam"));
    expect(ceilTime(rng, "h", { ambiguous: false }).toArray()).toEqual([utc(2021, 10, 31, 1)]);
    expect(ceilTime(rng, "h", { ambiguous: true }).toArray()).toEqual([utc(2021, 10, 31, 0)]);
  });

  it("floorTime in New York across 2021-03-14: a wall time in the gap follows nonexistent", () => {
    // 03:30 EDT = 07:30 UTC; floor '2h' of the wall time is 02:00, which does not exist
    const rng = column([utc(2021, 3, 14, 7, 30)], timestamp("ns", "America/New_York"));
    expect(() => floorTime(rng, "2h")).toThrow(
      "2021-03-14 02:00:00 at row 0 does not exist in America/New_York",
    );
    // shiftForward → 03:00 EDT = 07:00 UTC; shiftBackward → 01:59:59.999999999 EST = 06:59:59.999999999 UTC
    expect(floorTime(rng, "2h", { nonexistent: "shiftForward" }).toArray()).toEqual([utc(2021, 3, 14, 7)]);
    expect(floorTime(rng, "2h", { nonexistent: "shiftBackward" }).toArray()).toEqual([
      utc(2021, 3, 14, 7) - 1n,
    ]);
    expect(floorTime(rng, "2h", { nonexistent: "NaT" }).toArray()).toEqual([null]);
    // 'h' works on the wall clock: 03:30 EDT → 03:00 EDT = 07:00 UTC
    expect(floorTime(rng, "h").toArray()).toEqual([utc(2021, 3, 14, 7)]);
    // 'D' floors to the local midnight: 00:00 EST = 05:00 UTC
    expect(floorTime(rng, "D").toArray()).toEqual([utc(2021, 3, 14, 5)]);
  });

  it("floorTime in Berlin: 'D' of 2021-10-31 12:00 CET is midnight CEST (22:00 UTC the day before)", () => {
    const rng = column([BigInt(Date.UTC(2021, 9, 31, 11))], timestamp("ms", "Europe/Berlin"));
    expect(floorTime(rng, "D").toArray()).toEqual([BigInt(Date.UTC(2021, 9, 30, 22))]);
    // ceil 'D' → 2021-11-01 00:00 CET = 2021-10-31 23:00 UTC (a 25-hour day ends there)
    expect(ceilTime(rng, "D").toArray()).toEqual([BigInt(Date.UTC(2021, 9, 31, 23))]);
  });

  it("roundTime breaks ties to the even multiple, as pandas (whole-second and tick steps)", () => {
    // 00:30 → 00:00 (quotient 0 even), 01:30 → 02:00 (quotient 1 odd), 02:30 → 02:00
    const t = naive([utc(2000, 1, 1, 0, 30), utc(2000, 1, 1, 1, 30), utc(2000, 1, 1, 2, 30)]);
    expect(roundTime(t, "h").toArray()).toEqual([utc(2000, 1, 1, 0), utc(2000, 1, 1, 2), utc(2000, 1, 1, 2)]);
    // 1500 ns → 2000 (q 1 odd), 2500 → 2000 (q 2 even), 3500 → 4000, -1500 → -2000, -2500 → -2000
    const u = naive([1500n, 2500n, 3500n, -1500n, -2500n, 2501n]);
    expect(roundTime(u, "us").toArray()).toEqual([2000n, 2000n, 4000n, -2000n, -2000n, 3000n]);
    // an odd step has no ties: 3 s with values 1 s and 2 s (unit s) → 0 and 3
    const s = column([1n, 2n, -2n], timestamp("s", null));
    expect(roundTime(s, "3s").toArray()).toEqual([0n, 3n, -3n]);
  });

  it("floorTime is exact beyond 2^53 ns and before 1970", () => {
    const big = 2n ** 62n + 123_456_789n;
    const col = naive([big, -1n, 2n ** 53n + 1n, null]);
    // -1 ns floors to -1 s = -1e9 ns; ceils to 0
    expect(floorTime(col, "s").toArray()).toEqual([
      refFloor(big, 1_000_000_000n),
      -1_000_000_000n,
      refFloor(2n ** 53n + 1n, 1_000_000_000n),
      null,
    ]);
    expect(ceilTime(col, "s").toArray()).toEqual([
      refCeil(big, 1_000_000_000n),
      0n,
      refCeil(2n ** 53n + 1n, 1_000_000_000n),
      null,
    ]);
    expect(floorTime(col, "ns").toArray()).toEqual(col.toArray());
    // 2038-01-19 03:14:08 + 0.6 s rounds to 03:14:09 (past 2^31 seconds)
    expect(roundTime(naive([utc(2038, 1, 19, 3, 14, 8) + 600_000_000n]), "s").toArray()).toEqual([
      utc(2038, 1, 19, 3, 14, 9),
    ]);
  });

  it("floorTime / ceilTime / roundTime equal BigInt references on random values, slices, chunks and nulls", () => {
    const steps: [string, bigint][] = [
      ["ns", 1n],
      ["7ns", 7n],
      ["us", 1000n],
      ["250ms", 250_000_000n],
      ["300ms", 300_000_000n],
      ["1500ms", 1_500_000_000n],
      ["s", 1_000_000_000n],
      ["7s", 7_000_000_000n],
      ["15min", 900_000_000_000n],
      ["5h", 18_000_000_000_000n],
      ["D", 86_400_000_000_000n],
      ["3D", 259_200_000_000_000n],
    ];
    const lo = -(2n ** 63n) + 10n ** 15n;
    const hi = 2n ** 63n - 10n ** 15n;
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.bigInt({ min: lo, max: hi }), { nil: null, freq: 5 }), { maxLength: 30 }),
        fc.array(fc.bigInt({ min: lo, max: hi }), { maxLength: 5 }),
        fc.constantFrom(...steps),
        fc.nat(3),
        (a, b, [freq, s], k) => {
          const ca = naive(a).slice(Math.min(k, a.length));
          const col = new Column(ca.dtype, [ca.chunks[0] as never, naive(b).chunks[0] as never]);
          const vals = col.toArray();
          const ref = (f: (v: bigint, s: bigint) => bigint) =>
            vals.map((v) => (v === null ? null : f(v as bigint, s)));
          expect(floorTime(col, freq).toArray()).toEqual(ref(refFloor));
          expect(ceilTime(col, freq).toArray()).toEqual(ref(refCeil));
          expect(roundTime(col, freq).toArray()).toEqual(ref(refRound));
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it("floorTime on a 1e5-row column equals the reference", () => {
    const n = 100_000;
    const vals = new BigInt64Array(n);
    for (let i = 0; i < n; i++) vals[i] = BigInt(i) * 987_654_321_123n - 5n * 10n ** 16n;
    const col = column(vals, timestamp("ns", null));
    const out = floorTime(col, "15min").toArray();
    for (let i = 0; i < n; i += 997) expect(out[i]).toBe(refFloor(vals[i] as bigint, 900_000_000_000n));
  });

  it("floorTime on dates floors whole days from the epoch; steps that divide a day change nothing", () => {
    const d = column([10, -1, 13, null], date);
    // 7-day multiples from 1970-01-01: 10 → 7, -1 → -7, 13 → 7
    expect(floorTime(d, "7D").toArray()).toEqual([7, -7, 7, null]);
    expect(ceilTime(d, "7D").toArray()).toEqual([14, 0, 14, null]);
    expect(floorTime(d, "h").toArray()).toEqual([10, -1, 13, null]);
    expect(() => floorTime(d, "5h")).toThrow('floor: rounding dates to "5h" gives a time of day');
  });

  it("floorTime keeps other units: ms and s columns", () => {
    const ms = column([BigInt(Date.UTC(2020, 0, 1, 0, 0, 1, 999))], timestamp("ms", null));
    expect(floorTime(ms, "s").toArray()).toEqual([BigInt(Date.UTC(2020, 0, 1, 0, 0, 1))]);
    // 'ms' on a second column is already on the grid; '1500ms' is not a whole number of seconds
    const s = column([7n], timestamp("s", null));
    expect(floorTime(s, "ms").toArray()).toEqual([7n]);
    expect(() => floorTime(s, "1500ms")).toThrow('floor: "1500ms" is not a whole number of s ticks');
  });

  it("floorTime errors name the frequency, dtype or option", () => {
    const t = naive([0n]);
    expect(() => floorTime(t, "ME")).toThrow(OptionError);
    expect(() => floorTime(t, "ME")).toThrow("floor: <MonthEnd> is a non-fixed frequency");
    expect(() => ceilTime(t, "W")).toThrow("ceil: <Week: weekday=6> is a non-fixed frequency");
    expect(() => roundTime(t, "B")).toThrow("round: <BusinessDay> is a non-fixed frequency");
    expect(() => floorTime(t, "T")).toThrow('invalid freq: "T" (pandas 2.2 renamed it "min")');
    expect(() => floorTime(t, "-1h")).toThrow("expected a positive step");
    expect(() => floorTime(t, "2500ms")).toThrow("needs whole seconds or a step below 2^31 ns ticks");
    expect(() => floorTime(column([1.5]) as never, "h")).toThrow(DTypeError);
    expect(() => floorTime(column([1.5]) as never, "h")).toThrow(
      "floor needs timestamps or dates; this column holds float64",
    );
    expect(() => floorTime(t, "h", { ambiguous: "sometimes" as never })).toThrow(
      'invalid ambiguous: "sometimes"',
    );
    // a result beyond the ns range names the row
    expect(() => ceilTime(naive([2n ** 63n - 1n]), "D")).toThrow(CastError);
    expect(() => ceilTime(naive([0n, 2n ** 63n - 1n]), "D")).toThrow(
      "at row 1 is out of range for timestamp[ns]",
    );
    // a zero step returns the column, as pandas
    expect(floorTime(t, "0h")).toBe(t);
  });
});

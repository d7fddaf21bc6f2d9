import { describe, expect, it } from "vitest";
import { OptionError } from "../../../src/core/errors.js";
import { describeFrequency, parseFrequency, tickStep } from "../../../src/core/kernels/dt-frequency.js";

describe("parseFrequency(text)", () => {
  it("parseFrequency reads fixed units with multiples as seconds + nanoseconds", () => {
    // 15 min = 900 s; 2 h = 7200 s; 3 D = 3 × 86400 = 259200 s
    expect(parseFrequency("15min")).toMatchObject({
      kind: "tick",
      n: 15,
      unit: "min",
      seconds: 900,
      nanos: 0,
      day: false,
    });
    expect(parseFrequency("2h")).toMatchObject({ seconds: 7200, nanos: 0 });
    expect(parseFrequency("3D")).toMatchObject({ seconds: 259200, day: true, n: 3 });
    expect(parseFrequency("D")).toMatchObject({ seconds: 86400, day: true, n: 1 });
    // 1500 ms = 1 s + 500 000 000 ns; 2500 us = 0 s + 2 500 000 ns; 7 ns
    expect(parseFrequency("1500ms")).toMatchObject({ seconds: 1, nanos: 500_000_000 });
    expect(parseFrequency("2500us")).toMatchObject({ seconds: 0, nanos: 2_500_000 });
    expect(parseFrequency("7ns")).toMatchObject({ seconds: 0, nanos: 7 });
    expect(parseFrequency("s")).toMatchObject({ seconds: 1, nanos: 0 });
  });

  it("parseFrequency sums compound fixed strings as pandas ('1h30min' = 5400 s, never a calendar day)", () => {
    expect(parseFrequency("1h30min")).toMatchObject({ kind: "tick", seconds: 5400, nanos: 0, day: false });
    // 1 D 2 h = 86400 + 7200 = 93600 s, a fixed duration
    expect(parseFrequency("1D2h")).toMatchObject({ seconds: 93600, day: false });
    expect(parseFrequency("1s500ms")).toMatchObject({ seconds: 1, nanos: 500_000_000 });
  });

  it("parseFrequency accepts a sign: '-1D' and '-1500ms' (floored: −2 s + 0.5 s)", () => {
    expect(parseFrequency("-1D")).toMatchObject({ n: -1, seconds: -86400 });
    expect(parseFrequency("-1500ms")).toMatchObject({ seconds: -2, nanos: 500_000_000 });
  });

  it("parseFrequency reads anchored aliases with pandas' default anchors", () => {
    expect(parseFrequency("ME")).toMatchObject({ kind: "month", span: 1, end: true, n: 1 });
    expect(parseFrequency("MS")).toMatchObject({ kind: "month", span: 1, end: false });
    // QE = QE-DEC, QS = QS-JAN, YE = YE-DEC, YS = YS-JAN (pandas' alias table)
    expect(parseFrequency("QE")).toMatchObject({ span: 3, end: true, month: 12 });
    expect(parseFrequency("QS")).toMatchObject({ span: 3, end: false, month: 1 });
    expect(parseFrequency("YE")).toMatchObject({ span: 12, end: true, month: 12 });
    expect(parseFrequency("YS")).toMatchObject({ span: 12, end: false, month: 1 });
    expect(parseFrequency("QE-JAN")).toMatchObject({ month: 1 });
    expect(parseFrequency("100YS-JUL")).toMatchObject({ n: 100, month: 7 });
    expect(parseFrequency("3ME")).toMatchObject({ n: 3 });
  });

  it("parseFrequency reads weeks (W = W-SUN, Monday = 0) and business days", () => {
    expect(parseFrequency("W")).toMatchObject({ kind: "week", weekday: 6, n: 1 });
    expect(parseFrequency("W-MON")).toMatchObject({ kind: "week", weekday: 0 });
    expect(parseFrequency("2W-FRI")).toMatchObject({ weekday: 4, n: 2 });
    expect(parseFrequency("B")).toMatchObject({ kind: "bday", n: 1 });
    expect(parseFrequency("5B")).toMatchObject({ kind: "bday", n: 5 });
  });

  it("parseFrequency rejects pandas 2.2's renamed spellings, naming the current alias", () => {
    const cases: [string, string][] = [
      ["M", 'invalid freq: "M" (pandas 2.2 renamed it "ME")'],
      ["H", 'invalid freq: "H" (pandas 2.2 renamed it "h")'],
      ["T", 'invalid freq: "T" (pandas 2.2 renamed it "min")'],
      ["S", 'invalid freq: "S" (pandas 2.2 renamed it "s")'],
      ["L", 'invalid freq: "L" (pandas 2.2 renamed it "ms")'],
      ["U", 'invalid freq: "U" (pandas 2.2 renamed it "us")'],
      ["N", 'invalid freq: "N" (pandas 2.2 renamed it "ns")'],
      ["Q", 'invalid freq: "Q" (pandas 2.2 renamed it "QE")'],
      ["Y", 'invalid freq: "Y" (pandas 2.2 renamed it "YE")'],
      ["A", 'invalid freq: "A" (pandas 2.2 renamed it "YE")'],
      ["AS", 'invalid freq: "AS" (pandas 2.2 renamed it "YS")'],
      ["2M", 'invalid freq: "2M" (pandas 2.2 renamed "M" to "ME")'],
      ["Q-DEC", 'invalid freq: "Q-DEC" (pandas 2.2 renamed it "QE-DEC")'],
      ["A-JUN", 'invalid freq: "A-JUN" (pandas 2.2 renamed it "YE-JUN")'],
    ];
    for (const [text, message] of cases) {
      expect(() => parseFrequency(text)).toThrow(OptionError);
      expect(() => parseFrequency(text)).toThrow(message);
    }
    expect(() => parseFrequency("BM")).toThrow(
      'pandas 2.2 renamed it "BME", which ndframe does not support yet',
    );
  });

  it("parseFrequency rejects other text with the list of aliases", () => {
    for (const bad of [
      "",
      "X",
      "fortnight",
      "W-XYZ",
      "QE-FOO",
      "ME-JAN",
      "1.5h",
      "3 D",
      "h-h-h",
      "constructor",
      "toString",
    ]) {
      expect(() => parseFrequency(bad)).toThrow(OptionError);
    }
    expect(() => parseFrequency("X")).toThrow(
      /invalid freq: "X" \(expected an optional integer multiple and one of D, h, min/,
    );
    expect(() => parseFrequency("W-XYZ")).toThrow("unknown weekday XYZ");
    expect(() => parseFrequency("QE-FOO")).toThrow("unknown month FOO");
    expect(() => parseFrequency("1h2ME")).toThrow("only fixed units");
    expect(() => parseFrequency(15)).toThrow("invalid freq: 15");
    expect(() => parseFrequency("ME", "offset")).not.toThrow();
    expect(() => parseFrequency("M", "offset")).toThrow('invalid offset: "M"');
  });

  it("describeFrequency prints pandas' offset reprs", () => {
    expect(describeFrequency(parseFrequency("ME"))).toBe("<MonthEnd>");
    expect(describeFrequency(parseFrequency("2B"))).toBe("<2 * BusinessDays>");
    expect(describeFrequency(parseFrequency("W"))).toBe("<Week: weekday=6>");
    expect(describeFrequency(parseFrequency("QE"))).toBe("<QuarterEnd: startingMonth=12>");
    expect(describeFrequency(parseFrequency("YS"))).toBe("<YearBegin: month=1>");
    expect(describeFrequency(parseFrequency("h"))).toBe("<Hour>");
  });

  it("tickStep gives the step in ticks of a unit, or null when not whole", () => {
    // 1500 ms in ms ticks (1000 per second): 1 s + 500 ticks
    expect(tickStep(parseFrequency("1500ms") as never, 1e3)).toEqual([1, 500]);
    // 1500 us is 1.5 ms: not whole in ms
    expect(tickStep(parseFrequency("1500us") as never, 1e3)).toBeNull();
    expect(tickStep(parseFrequency("h") as never, 1)).toEqual([3600, 0]);
  });
});

import { describe, expect, it } from "vitest";
import type { Column } from "../../src/core/column.js";
import { timestamp } from "../../src/core/dtype.js";
import { column } from "../../src/core/from-values.js";
import { DataFrame } from "../../src/frame/frame.js";
import { info } from "../../src/frame/verbs/info.js";

describe("info(df)", () => {
  it("info(df) reproduces pandas' DataFrame.info example (object → utf8, exact memory)", () => {
    const df = new DataFrame({
      int_col: column([1, 2, 3, 4, 5], "int64"),
      text_col: ["alpha", "beta", "gamma", "delta", "epsilon"],
      float_col: [0.0, 0.25, 0.5, 0.75, 1.0],
    });
    // memory by hand: int64 5 × 8 = 40; utf8 offsets 6 × 4 = 24 + 5+4+5+5+7 = 26 bytes
    // of text = 50; float64 5 × 8 = 40; RangeIndex 0 → 130 bytes (pandas: "248.0+ bytes")
    expect(info(df)).toBe(
      [
        "<class 'ndframe.DataFrame'>",
        "RangeIndex: 5 entries, 0 to 4",
        "Data columns (total 3 columns):",
        " #   Column     Non-Null Count  Dtype",
        "---  ------     --------------  -----",
        " 0   int_col    5 non-null      int64",
        " 1   text_col   5 non-null      utf8",
        " 2   float_col  5 non-null      float64",
        "dtypes: float64(1), int64(1), utf8(1)",
        "memory usage: 130.0 bytes",
      ].join("\n"),
    );
  });

  it("info(df) counts nulls and NaN as missing and names a labeled index by its first and last labels", () => {
    const df = new DataFrame({ x: [1, null, Number.NaN] }, { index: ["a", "b", "c"] });
    const lines = info(df).split("\n");
    expect(lines[1]).toBe("Index: 3 entries, a to c");
    expect(lines[5]).toBe(" 0   x       1 non-null      float64");
    // 3 × 8 values + 8 bytes of validity + the index: offsets 4 × 4 + 3 bytes of text
    expect(lines[7]).toBe("memory usage: 51.0 bytes");
  });

  it("info(df) writes date labels in ISO 8601", () => {
    const df = new DataFrame({ v: [1, 2] }, { index: column([19000, 19001], "date") });
    expect(info(df).split("\n")[1]).toBe("Index: 2 entries, 2022-01-08 to 2022-01-09");
  });

  it("info(df) writes timestamp labels as the table prints them: midnights as dates ('10 minutes to pandas': 2013-01-01 to 2013-01-06)", () => {
    // 2013-01-01 is day 15706 after the epoch; six days in nanoseconds
    const days = Array.from({ length: 6 }, (_, i) => (15_706n + BigInt(i)) * 86_400_000_000_000n);
    const df = new DataFrame(
      { v: column([1, 2, 3, 4, 5, 6], "int32") },
      { index: column(days, timestamp("ns")) },
    );
    expect(info(df).split("\n")[1]).toBe("Index: 6 entries, 2013-01-01 to 2013-01-06");
  });

  it("info(df) widens the table for long names and many columns, and counts dtypes in name order", () => {
    const cols = new Map<string, Column>();
    for (let i = 0; i < 11; i++)
      cols.set(i === 10 ? "a long column name" : `c${i}`, column([i % 2 === 0], "bool"));
    cols.set("z", column([1], "int8"));
    const lines = info(new DataFrame(cols)).split("\n");
    expect(lines[2]).toBe("Data columns (total 12 columns):");
    expect(lines[3]).toBe(" #   Column              Non-Null Count  Dtype");
    expect(lines[4]).toBe("---  ------              --------------  -----");
    expect(lines[5]).toBe(" 0   c0                  1 non-null      bool");
    expect(lines[15]).toBe(" 10  a long column name  1 non-null      bool");
    expect(lines[16]).toBe(" 11  z                   1 non-null      int8");
    expect(lines[17]).toBe("dtypes: bool(11), int8(1)");
    // 11 bool columns of one bit, each 8 bytes (a 64-bit word), + 1 int8 byte = 89
    expect(lines[18]).toBe("memory usage: 89.0 bytes");
  });

  it("info(df) writes memory in KB and MB (powers of 1024, one decimal)", () => {
    const df = new DataFrame({ x: new Float64Array(2000) });
    // 16000 / 1024 = 15.625
    expect(info(df).split("\n").at(-1)).toBe("memory usage: 15.6 KB");
    const big = new DataFrame({ x: new Float64Array(262144) });
    expect(info(big).split("\n").at(-1)).toBe("memory usage: 2.0 MB");
  });

  it("info(df) on frames without columns or rows", () => {
    expect(info(new DataFrame({}))).toBe(
      "<class 'ndframe.DataFrame'>\nRangeIndex: 0 entries\nEmpty DataFrame",
    );
    const lines = info(new DataFrame({ a: new Float64Array(0) })).split("\n");
    expect(lines[1]).toBe("RangeIndex: 0 entries");
    expect(lines[5]).toBe(" 0   a       0 non-null      float64");
  });
});

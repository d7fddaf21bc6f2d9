import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate } from "../../../scripts/gen-cast-loops.js";
import { Column } from "../../../src/core/column.js";
import { CastError, DTypeError, OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { cast } from "../../../src/core/kernels/cast.js";
import { categorical } from "../../../src/core/kernels/categorical.js";

describe("cast", () => {
  it("cast(col, same dtype) returns the input column", () => {
    const c = column([1, 2], "int32");
    expect(cast(c, "int32")).toBe(c);
  });

  it("cast(int64, float64) throws for 2^53 + 1 unless safe: false (Arrow: 'Integer value 9007199254740993 not in range')", () => {
    const c = column([1n, null, 2n ** 53n + 1n], "int64");
    expect(() => cast(c, "float64")).toThrow(CastError);
    expect(() => cast(c, "float64")).toThrow(/9007199254740993 at row 2 from int64 to float64/);
    expect(cast(c, "float64", { safe: false }).toArray()).toEqual([1, null, 2 ** 53]);
    // 2^60 is exactly representable: no error
    expect(cast(column([2n ** 60n], "int64"), "float64").toArray()).toEqual([2 ** 60]);
  });

  it("cast(float, int) checks NaN, infinities, fractions and range (np: float('nan') → int raises in pandas)", () => {
    expect(() => cast(column([1, Number.NaN]), "int32")).toThrow(
      /NaN at row 1 from float64 to int32: not a finite/,
    );
    expect(() => cast(column([Number.POSITIVE_INFINITY]), "int64")).toThrow(CastError);
    expect(() => cast(column([0.5]), "int8")).toThrow(/fraction/);
    expect(cast(column([1.9, -1.9, null]), "int8", { allowFloatTruncate: true }).toArray()).toEqual([
      1,
      -1,
      null,
    ]);
    expect(() => cast(column([128]), "int8")).toThrow(/128 at row 0 from float64 to int8: out of range/);
    expect(cast(column([127.5]), "int8", { allowFloatTruncate: true }).toArray()).toEqual([127]);
    // safe: false wraps as C and NumPy's astype do for integers: 300 → 44 in int8/uint8, -1 → 255 in uint8
    expect(cast(column([300, -1], "int32"), "uint8", { safe: false }).toArray()).toEqual([44, 255]);
    // nulls are never checked: a NaN under a null is fine
    const withNull = column([Number.NaN, 2]);
    const masked = new Column(withNull.dtype, [
      { ...withNull.chunks[0]!, validity: new Uint8Array([2]), nullCount: 1 },
    ]);
    expect(cast(masked, "int32").toArray()).toEqual([null, 2]);
  });

  it("cast(int, int) checks the target range, both signs, 64-bit included", () => {
    expect(cast(column([-128, 127], "int32"), "int8").toArray()).toEqual([-128, 127]);
    expect(() => cast(column([-1], "int32"), "uint32")).toThrow(/-1 at row 0/);
    expect(() => cast(column([-1n], "int64"), "uint64")).toThrow(/-1 at row 0 from int64 to uint64/);
    expect(() => cast(column([2n ** 63n], "uint64"), "int64")).toThrow(/9223372036854775808/);
    expect(cast(column([2n ** 31n - 1n, -(2n ** 31n)], "int64"), "int32").toArray()).toEqual([
      2 ** 31 - 1,
      -(2 ** 31),
    ]);
    expect(() => cast(column([2n ** 31n], "int64"), "int32")).toThrow(/2147483648 at row 0/);
    expect(cast(column([2n ** 32n + 5n], "int64"), "int32", { safe: false }).toArray()).toEqual([5]);
    expect(cast(column([-5, 7], "int8"), "int64").toArray()).toEqual([-5n, 7n]);
    expect(cast(column([-(2 ** 62), 2 ** 63 - 1024]), "int64").toArray()).toEqual([
      -(2n ** 62n),
      2n ** 63n - 1024n,
    ]);
    expect(() => cast(column([16777217], "int32"), "float32")).toThrow(/float32 cannot hold/);
  });

  it("cast(int64, uint64) is a view of the same buffer", () => {
    const c = column([5n], "int64");
    const u = cast(c, "uint64");
    expect(u.chunks[0]!.values.buffer).toBe(c.chunks[0]!.values.buffer);
    expect(u.toArray()).toEqual([5n]);
  });

  it("cast(bool ↔ numeric): true → 1, non-zero and NaN → true (np.array([0, 2, nan]).astype(bool) → [F, T, T])", () => {
    expect(cast(column([true, false, null]), "int64").toArray()).toEqual([1n, 0n, null]);
    expect(cast(column([true, false]), "float32").toArray()).toEqual([1, 0]);
    expect(cast(column([0, 2, Number.NaN]), "bool").toArray()).toEqual([false, true, true]);
    expect(cast(column([0n, 2n ** 40n], "int64"), "bool").toArray()).toEqual([false, true]);
  });

  it("cast(x, utf8) formats integers exactly, floats shortest, bools, dates and timestamps as ISO 8601", () => {
    expect(cast(column([-(2n ** 63n), 2n ** 63n - 1n, null], "int64"), "utf8").toArray()).toEqual([
      "-9223372036854775808",
      "9223372036854775807",
      null,
    ]);
    expect(cast(column([2n ** 64n - 1n], "uint64"), "utf8").toArray()).toEqual(["18446744073709551615"]);
    expect(cast(column([0.1, 1e21, -0]), "utf8").toArray()).toEqual(["0.1", "1e+21", "0"]);
    // float32 0.1 is 0.100000001490116…; its shortest round-trip text is "0.1"
    expect(cast(column([0.1], "float32"), "utf8").toArray()).toEqual(["0.1"]);
    expect(cast(column([true, false]), "utf8").toArray()).toEqual(["true", "false"]);
    // 2022-01-08 is day 19000 (datetime.date(1970,1,1) + timedelta(19000))
    expect(cast(column([19000, -1], "date"), "utf8").toArray()).toEqual(["2022-01-08", "1969-12-31"]);
    // pd.Timestamp(1700000000123456789) → 2023-11-14 22:13:20.123456789
    expect(cast(column([1700000000123456789n, -1n], "timestamp[ns]"), "utf8").toArray()).toEqual([
      "2023-11-14T22:13:20.123456789",
      "1969-12-31T23:59:59.999999999",
    ]);
    expect(cast(column([1700000000n], "timestamp[s, UTC]"), "utf8").toArray()).toEqual([
      "2023-11-14T22:13:20Z",
    ]);
    // Paris is UTC+1 in November, UTC+2 in July
    expect(
      cast(column([1700000000123n, 1690000000000n], "timestamp[ms, Europe/Paris]"), "large_utf8").toArray(),
    ).toEqual(["2023-11-14T23:13:20.123+01:00", "2023-07-22T06:26:40.000+02:00"]);
  });

  it("cast(utf8, x) parses numbers, bools, dates and timestamps; errors name the row and the text", () => {
    expect(cast(column([" 12 ", "-7", null, "+3"]), "int16").toArray()).toEqual([12, -7, null, 3]);
    expect(
      cast(
        column(["9223372036854775807", "-9223372036854775808", "00000000000000000042"]),
        "int64",
      ).toArray(),
    ).toEqual([2n ** 63n - 1n, -(2n ** 63n), 42n]);
    expect(() => cast(column(["9223372036854775808"]), "int64")).toThrow(
      /"9223372036854775808" at row 0.*out of range/,
    );
    expect(() => cast(column(["1", "x1"]), "int32")).toThrow(/"x1" at row 1 from utf8 to int32/);
    expect(() => cast(column(["1.0"]), "int32")).toThrow(CastError);
    expect(cast(column(["1.5", "-1e3", "nan", "-inf", ".5"]), "float64").toArray()).toEqual([
      1.5,
      -1000,
      Number.NaN,
      -Infinity,
      0.5,
    ]);
    expect(() => cast(column(["0x10"]), "float64")).toThrow(/"0x10"/);
    expect(cast(column(["true", "FALSE", "1", "0"]), "bool").toArray()).toEqual([true, false, true, false]);
    expect(cast(column(["2022-01-08", "2024-02-29"]), "date").toArray()).toEqual([19000, 19782]);
    expect(() => cast(column(["2023-02-29"]), "date")).toThrow(/"2023-02-29" at row 0/);
    expect(
      cast(column(["2023-11-14T22:13:20.123456789", "2023-11-14 22:13"]), "timestamp[ns]").toArray(),
    ).toEqual([1700000000123456789n, 1699999980000000000n]);
    expect(cast(column(["2023-11-14T23:13:20+01:00"]), "timestamp[s, UTC]").toArray()).toEqual([1700000000n]);
    expect(() => cast(column(["2023-11-14T23:13:20+01:00"]), "timestamp[s]")).toThrow(/offset/);
    expect(() => cast(column(["2023-11-14T22:13:20.5"]), "timestamp[s]")).toThrow(/more precision than s/);
  });

  it("cast round trips through utf8 for ints (int64 extremes), floats and timestamps", () => {
    const cases: [unknown[], string][] = [
      [[-(2n ** 63n), 2n ** 63n - 1n, 0n, null, -1n, 2n ** 53n + 1n], "int64"],
      [[0n, 2n ** 64n - 1n, 2n ** 63n], "uint64"],
      [[-128, 127, 0], "int8"],
      [[-(2 ** 31), 2 ** 31 - 1], "int32"],
      [[0.1, -1e-300, 5e-324, Number.MAX_VALUE, Number.NaN, Infinity, -0.5], "float64"],
      [[0.1, 3.4028234663852886e38, 1e-45], "float32"],
      [[-(2n ** 63n), 2n ** 63n - 1n, 0n, 1700000000123456789n], "timestamp[ns]"],
      [[1700000000123n, -1n], "timestamp[ms, UTC]"],
      [[1700000000123n, 1690000000000n], "timestamp[ms, America/New_York]"],
      [[-719162, 2932896, 0], "date"],
    ];
    for (const [values, d] of cases) {
      const c = column(values, d);
      expect(cast(cast(c, "utf8"), d).toArray()).toEqual(c.toArray());
    }
  });

  it("cast round trips int64 ↔ utf8 on random values", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n), { nil: null })), (xs) => {
        const c = column(xs, "int64");
        const text = cast(c, "utf8");
        expect(text.toArray()).toEqual(xs.map((x) => (x === null ? null : String(x))));
        expect(cast(text, "int64").toArray()).toEqual(xs);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it("cast(numeric, numeric) matches a naive reference over dtypes, slices and chunks", () => {
    const kinds = [
      "int8",
      "int16",
      "int32",
      "uint8",
      "uint16",
      "uint32",
      "float32",
      "float64",
      "int64",
      "uint64",
    ];
    const ranges: Record<string, [bigint, bigint]> = {
      int8: [-128n, 127n],
      int16: [-32768n, 32767n],
      int32: [-(2n ** 31n), 2n ** 31n - 1n],
      uint8: [0n, 255n],
      uint16: [0n, 65535n],
      uint32: [0n, 2n ** 32n - 1n],
      int64: [-(2n ** 63n), 2n ** 63n - 1n],
      uint64: [0n, 2n ** 64n - 1n],
    };
    const big = (d: string) => d === "int64" || d === "uint64";
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.constantFrom(...kinds),
        fc.array(fc.option(fc.integer({ min: -300, max: 70000 }), { nil: null }), { maxLength: 30 }),
        fc.nat(4),
        (from, to, raw, off) => {
          const [lo, hi] = ranges[from] ?? [-(2n ** 60n), 2n ** 60n];
          const xs = raw.map((x) => (x === null ? null : BigInt(x) < lo || BigInt(x) > hi ? null : x));
          const vals = xs.map((x) => (x === null ? null : big(from) ? BigInt(x) : x));
          const c1 = column([...Array(off).fill(null), ...vals.slice(0, 5)], from);
          const c2 = column(vals.slice(5), from);
          const col = new Column(c1.dtype, [...c1.chunks, ...c2.chunks]).slice(off);
          const [tlo, thi] = ranges[to] ?? [-(2n ** 60n), 2n ** 60n];
          const fits = xs.every((x) => x === null || (BigInt(x) >= tlo && BigInt(x) <= thi));
          if (!fits) {
            expect(() => cast(col, to)).toThrow(CastError);
            return;
          }
          const want = xs.map((x) => (x === null ? null : big(to) ? BigInt(x) : x));
          expect(cast(col, to).toArray()).toEqual(want);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it("cast(float64, int32) and back on 1e5 rows", () => {
    const n = 100_001;
    const xs = Float64Array.from({ length: n }, (_, i) => (i % 2 ? -i : i));
    const back = cast(cast(column(xs), "int32"), "float64");
    const got = back.chunks[0]!.values as Float64Array;
    let bad = 0;
    for (let i = 0; i < n; i++) if (got[i] !== xs[i]) bad++;
    expect(bad).toBe(0);
    expect(got.length).toBe(n);
  });

  it("cast(timestamp ↔ int64, duration ↔ int64, date ↔ int32, zone change) are views of the same buffer", () => {
    const t = column([1n, 2n], "timestamp[ms]");
    for (const to of ["int64", "timestamp[ms, UTC]"]) {
      const v = cast(t, to);
      expect(v.chunks[0]!.values.buffer).toBe(t.chunks[0]!.values.buffer);
    }
    const i = column([3n], "int64");
    expect(cast(i, "duration[s]").chunks[0]!.values.buffer).toBe(i.chunks[0]!.values.buffer);
    expect(cast(i, "timestamp[s]").get(0)).toBe(3n);
    const d = column([19000], "date");
    expect(cast(d, "int32").chunks[0]!.values.buffer).toBe(d.chunks[0]!.values.buffer);
  });

  it("cast(timestamp, coarser unit) throws when it truncates, rounds down with allowTimeTruncate", () => {
    const c = column([1500n, 2000n, -1500n], "timestamp[ms]");
    expect(() => cast(c, "timestamp[s]")).toThrow(/1500 ms at row 0 from timestamp\[ms\] to timestamp\[s\]/);
    expect(cast(c, "timestamp[s]", { allowTimeTruncate: true }).toArray()).toEqual([1n, 2n, -2n]);
    expect(cast(column([1n, -3n], "timestamp[s]"), "timestamp[ns]").toArray()).toEqual([
      1000000000n,
      -3000000000n,
    ]);
    expect(() => cast(column([2n ** 62n], "timestamp[s]"), "timestamp[ms]")).toThrow(
      /out of the int64 range/,
    );
    expect(cast(column([7n], "duration[s]"), "duration[us]").toArray()).toEqual([7000000n]);
  });

  it("cast(date ↔ timestamp): midnight UTC, local midnight in a zone; time of day checked", () => {
    expect(cast(column([1, null], "date"), "timestamp[s]").toArray()).toEqual([86400n, null]);
    // 1970-01-02 00:00 in New York (UTC-5) is 05:00Z
    expect(cast(column([1], "date"), "timestamp[s, America/New_York]").toArray()).toEqual([86400n + 18000n]);
    expect(cast(column([86400000n * 3n], "timestamp[ms]"), "date").toArray()).toEqual([3]);
    expect(() => cast(column([100n], "timestamp[ms]"), "date")).toThrow(/time of day/);
    expect(cast(column([-1n], "timestamp[s]"), "date", { allowTimeTruncate: true }).toArray()).toEqual([-1]);
  });

  it("cast(utf8 ↔ dictionary, dictionary ↔ dictionary, utf8 ↔ large_utf8, binary ↔ utf8)", () => {
    const s = column(["b", "a", null, "b"]);
    const d = cast(s, "dictionary<int8, utf8>");
    // categories sorted, as pandas' astype("category"); the code under the null is 0
    expect(d.chunks[0]!.dictionary!.toArray()).toEqual(["a", "b"]);
    expect(Array.from(d.chunks[0]!.values as Int8Array).slice(0, 4)).toEqual([1, 0, 0, 1]);
    // numbers sort by value before they become text (pd.Series([10, 9, 100]).astype("category"): [9, 10, 100])
    const n = cast(column([10, 9, 100, null, 9]), "category");
    expect(n.chunks[0]!.dictionary!.toArray()).toEqual(["9", "10", "100"]);
    expect(n.toArray()).toEqual(["10", "9", "100", null, "9"]);
    // a dictionary keeps its own categories
    const zy = categorical(["y", "z"], { categories: ["z", "y"] });
    const kept = cast(zy, "dictionary<int8, utf8>");
    expect(kept.chunks[0]!.dictionary!.toArray()).toEqual(["z", "y"]);
    expect(kept.toArray()).toEqual(["y", "z"]);
    expect(cast(d, "utf8").toArray()).toEqual(["b", "a", null, "b"]);
    expect(cast(d, "dictionary<uint64, large_utf8>").toArray()).toEqual(["b", "a", null, "b"]);
    // one dictionary shared by every chunk
    const two = new Column(s.dtype, [...s.chunks, ...column(["c", "a"]).chunks]);
    const dd = cast(two, "category");
    expect(dd.chunks[0]!.dictionary).toBe(dd.chunks[1]!.dictionary);
    expect(dd.toArray()).toEqual(["b", "a", null, "b", "c", "a"]);
    const many = column(Array.from({ length: 130 }, (_, i) => `v${i}`));
    expect(() => cast(many, "dictionary<int8, utf8>")).toThrow(/"v128" at row 128.*more than 128 distinct/);
    const wide = cast(many, "dictionary<int16, utf8>");
    expect(() => cast(wide, "dictionary<int8, utf8>")).toThrow(/code does not fit int8/);
    expect(cast(cast(column([1, 2, 1], "int32"), "category"), "int64").toArray()).toEqual([1n, 2n, 1n]);
    const large = cast(s, "large_utf8");
    expect(large.chunks[0]!.values).toBe(s.chunks[0]!.values);
    expect(cast(large, "utf8").toArray()).toEqual(s.toArray());
    const bin = column([new Uint8Array([0xe2, 0x82, 0xac]), new Uint8Array([0xff])], "binary");
    expect(cast(bin.slice(0, 1), "utf8").toArray()).toEqual(["€"]);
    expect(() => cast(bin, "utf8")).toThrow(/at row 1 from binary to utf8: invalid UTF-8/);
    expect(cast(column(["é"]), "binary").toArray()).toEqual([new Uint8Array([0xc3, 0xa9])]);
  });

  it("cast(col, to, options) errors: unknown dtype, unsupported pair, bad option", () => {
    expect(() => cast(column([1]), "float99")).toThrow(DTypeError);
    expect(() => cast(column([1]), "float99")).toThrow(/float99/);
    expect(() => cast(column([1]), "binary")).toThrow(/cannot cast float64 to binary/);
    expect(() => cast(column([1n], "timestamp[s]"), "duration[s]")).toThrow(DTypeError);
    expect(() => cast(column([1]), "int8", { sfe: false } as never)).toThrow(OptionError);
    expect(() => cast(column([1]), "int8", { safe: "no" } as never)).toThrow(/invalid safe: "no"/);
  });

  it("cast-loops.ts equals the output of scripts/gen-cast-loops.ts", () => {
    const file = readFileSync(new URL("../../../src/core/kernels/cast-loops.ts", import.meta.url), "utf8");
    expect(file).toBe(generate());
  });
});

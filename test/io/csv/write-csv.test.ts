import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DType, dictionary, dtypeToString, duration, timestamp } from "../../../src/core/dtype.js";
import { DTypeError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { DataFrame } from "../../../src/frame/frame.js";
import { parseCSV } from "../../../src/io/csv/read-csv.js";
import { toCSV, toCSVBytes, writeCSV } from "../../../src/io/csv/write-csv.js";

const NS = 10n ** 9n;
// 2021-03-14 is day 18700 since 1970-01-01
const DAY = 18700n * 86400n * NS;

describe("toCSV", () => {
  it("toCSV(df) quotes fields holding the delimiter, quotes or line breaks, and empty strings (RFC 4180)", () => {
    const df = new DataFrame({
      s: ["a,b", 'say "hi"', "two\nlines", "", null, "plain"],
      n: [1, 2, 3, 4, 5, 6],
    });
    expect(toCSV(df)).toBe('s,n\n"a,b",1\n"say ""hi""",2\n"two\nlines",3\n"",4\n,5\nplain,6\n');
  });

  it("toCSV writes bools as True/False, int64 exactly, floats shortest, NaN and null by their texts", () => {
    const df = new DataFrame({
      b: column([true, false, null]),
      i: column([2n ** 63n - 1n, -(2n ** 53n) - 1n, null], "int64"),
      f: column([0.1, Number.NaN, null]),
    });
    expect(toCSV(df, { nullText: "NULL", nanText: "nan" })).toBe(
      "b,i,f\nTrue,9223372036854775807,0.1\nFalse,-9007199254740993,nan\nNULL,NULL,NULL\n",
    );
  });

  it("toCSV writes timestamps as pandas: dates alone at midnight, the fraction digits needed, offsets of zoned columns", () => {
    const ts = (vals: (bigint | null)[], tz: string | null = null) => column(vals, timestamp("ns", tz));
    expect(toCSV(new DataFrame({ t: ts([DAY, DAY + 86400n * NS, null]) }))).toBe(
      't\n2021-03-14\n2021-03-15\n""\n',
    );
    expect(toCSV(new DataFrame({ t: ts([DAY + 500_000_000n, DAY + 3600n * NS]) }))).toBe(
      "t\n2021-03-14 00:00:00.500\n2021-03-14 01:00:00.000\n",
    );
    expect(toCSV(new DataFrame({ t: ts([DAY + 1n]) }))).toBe("t\n2021-03-14 00:00:00.000000001\n");
    // 12:00 UTC is 13:00 in Berlin (CET, +01:00, before the switch on 2021-03-28)
    expect(toCSV(new DataFrame({ t: ts([DAY + 12n * 3600n * NS], "Europe/Berlin") }))).toBe(
      "t\n2021-03-14 13:00:00+01:00\n",
    );
    expect(
      toCSV(new DataFrame({ t: ts([DAY + 12n * 3600n * NS], "UTC") }), { dateFormat: "dd/MM/yyyy HH:mm" }),
    ).toBe("t\n14/03/2021 12:00\n");
  });

  it("toCSV writes dates as YYYY-MM-DD and durations as integers of their unit", () => {
    const df = new DataFrame({ d: column([18700, null], "date"), u: column([90n, -1n], duration("s")) });
    expect(toCSV(df, { delimiter: ";", lineTerminator: "\r\n" })).toBe("d;u\r\n2021-03-14;90\r\n;-1\r\n");
  });

  it("toCSVBytes(df) is toCSV's text as UTF-8; writeCSV(df, stream) writes it in pieces", async () => {
    const df = new DataFrame({ city: ["Zürich", "東京"], n: [1, 2] });
    expect(new TextDecoder().decode(toCSVBytes(df))).toBe(toCSV(df));
    const parts: Uint8Array[] = [];
    await writeCSV(df, new WritableStream({ write: (c) => void parts.push(c) }));
    expect(new TextDecoder().decode(Buffer.concat(parts))).toBe("city,n\nZürich,1\n東京,2\n");
  });

  it("toCSV errors: a binary column, unknown options, a bad delimiter", () => {
    const bin = new DataFrame({ b: column([new Uint8Array([1])], "binary") });
    expect(() => toCSV(bin)).toThrow(DTypeError);
    expect(() => toCSV(bin)).toThrow('toCSV: column "b" is binary');
    expect(() => toCSV(new DataFrame({ a: [1] }), { sep: ";" } as never)).toThrow(/unknown option "sep"/);
    expect(() => toCSV(new DataFrame({ a: [1] }), { delimiter: '"' })).toThrow(/invalid delimiter/);
  });
});

/** Values of each dtype, within what CSV text carries (timestamps in 1678–2261, where ns fit). */
const LIMIT_NS = 9_200_000_000n * NS;
const cases: [DType, fc.Arbitrary<unknown>][] = [
  [{ kind: "bool" } as DType, fc.boolean()],
  [{ kind: "int8" } as DType, fc.integer({ min: -128, max: 127 })],
  [{ kind: "int16" } as DType, fc.integer({ min: -32768, max: 32767 })],
  [{ kind: "int32" } as DType, fc.integer()],
  [{ kind: "int64" } as DType, fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })],
  [{ kind: "uint8" } as DType, fc.integer({ min: 0, max: 255 })],
  [{ kind: "uint32" } as DType, fc.integer({ min: 0, max: 2 ** 32 - 1 })],
  [{ kind: "uint64" } as DType, fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })],
  [{ kind: "float32" } as DType, fc.float({ noDefaultInfinity: false }).map((x) => Math.fround(x))],
  [{ kind: "float64" } as DType, fc.double()],
  [
    { kind: "utf8" } as DType,
    fc.string({ unit: fc.constantFrom("a", "é", ",", '"', "\n", "\r", " ", "N", "A", "1", "#") }),
  ],
  [{ kind: "large_utf8" } as DType, fc.string({ maxLength: 4 })],
  [dictionary(), fc.constantFrom("x", "y", "", "z z")],
  [{ kind: "date" } as DType, fc.integer({ min: -106000, max: 106000 })],
  [timestamp("ns"), fc.bigInt({ min: -LIMIT_NS, max: LIMIT_NS })],
  [timestamp("us", "UTC"), fc.bigInt({ min: -LIMIT_NS / 1000n, max: LIMIT_NS / 1000n })],
  [timestamp("s", "Europe/Berlin"), fc.bigInt({ min: -9_000_000_000n, max: 9_000_000_000n })],
  [duration("ms"), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })],
];

describe("readCSV(toCSV(df)) round trip", () => {
  it("parseCSV(toCSV(df), {dtypes}) equals df for every dtype, with nulls, no rows and one row", () => {
    fc.assert(
      fc.property(
        fc.subarray(cases, { minLength: 1 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 1 << 30 }),
        (picked, rows, seed) => {
          const data: Record<string, unknown> = {};
          picked.forEach(([dtype, arb], k) => {
            const values = fc.sample(fc.option(arb, { freq: 4 }), { numRuns: rows, seed: seed + k });
            data[`c${k} ${dtypeToString(dtype)}`] = column(values as never[], dtype);
          });
          const df = new DataFrame(data as never);
          const text = toCSV(df, { nullText: "\\N" });
          const back = parseCSV(text, {
            nullValues: ["\\N"],
            keepDefaultNulls: false,
            dtypes: df.dtypes as never,
          });
          expect(back.columns).toEqual(df.columns);
          for (const name of df.columns) {
            expect(dtypeToString(back.get(name).dtype), name).toBe(dtypeToString(df.get(name).dtype));
            expect(back.get(name).toArray(), `${name} from ${JSON.stringify(text)}`).toEqual(
              df.get(name).toArray(),
            );
          }
        },
      ),
      { seed: 5, numRuns: 200 },
    );
  });
});

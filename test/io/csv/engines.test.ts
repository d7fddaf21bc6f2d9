import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DType, dtypeToString } from "../../../src/core/dtype.js";
import type { DataFrame } from "../../../src/frame/frame.js";
import { parseCSV } from "../../../src/io/csv/read-csv.js";

/** Cells: text with delimiters, quotes and line breaks, numbers, null markers, empty fields. */
const cell = fc.oneof(
  fc.constantFrom("", "NA", "null", "x", "a,b", 'say "hi"', "two\nlines", "cr\r\nlf", " padded ", "é ü 中"),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((x) => x.toFixed(3)),
  fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", " ", "1", "."), maxLength: 6 }),
);

interface Table {
  names: string[];
  rows: string[][];
  eol: string;
  bom: boolean;
  finalEol: boolean;
  quoteAll: boolean;
}

const table: fc.Arbitrary<Table> = fc.integer({ min: 1, max: 4 }).chain((width) =>
  fc.record({
    names: fc.constant(Array.from({ length: width }, (_, i) => `c${i}`)),
    rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 12 }),
    eol: fc.constantFrom("\n", "\r\n"),
    bom: fc.boolean(),
    finalEol: fc.boolean(),
    quoteAll: fc.boolean(),
  }),
);

/** RFC 4180: quote fields holding the delimiter, a quote or a line break (or all, or empty one-column fields). */
function toText(t: Table): string {
  const field = (s: string) =>
    t.quoteAll || /[",\r\n]/.test(s) || (s === "" && t.names.length === 1)
      ? `"${s.replaceAll('"', '""')}"`
      : s;
  const lines = [t.names, ...t.rows].map((r) => r.map(field).join(","));
  return (t.bom ? "\ufeff" : "") + lines.join(t.eol) + (t.finalEol ? t.eol : "");
}

const content = (df: DataFrame) => ({
  dtypes: Object.values(df.dtypes).map((d) => dtypeToString(d as DType)),
  columns: Object.fromEntries(df.columns.map((c) => [c, df.get(c).toArray()])),
});

const NULLS = new Set(["", "NA", "null"]);

describe("the fast engine and the papaparse engine", () => {
  it("parseCSV(text, {engine}) gives identical frames from both engines on random CSV", () => {
    fc.assert(
      fc.property(table, (t) => {
        const text = toText(t);
        const fast = parseCSV(text, { delimiter: "," });
        const papa = parseCSV(text, { delimiter: ",", engine: "papaparse" });
        expect(content(fast)).toEqual(content(papa));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it("parseCSV(text, {dtypes: utf8}) gives back every cell's text, nulls for null markers", () => {
    fc.assert(
      fc.property(table, fc.constantFrom("fast", "papaparse" as const), (t, engine) => {
        const dtypes = Object.fromEntries(t.names.map((n) => [n, "utf8"]));
        const df = parseCSV(toText(t), { delimiter: ",", dtypes, engine });
        expect(df.shape).toEqual([t.rows.length, t.names.length]);
        t.names.forEach((n, c) => {
          expect(df.get(n).toArray()).toEqual(t.rows.map((r) => (NULLS.has(r[c] as string) ? null : r[c])));
        });
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

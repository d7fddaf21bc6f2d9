import { describe, expect, it } from "vitest";
import { type DType, dtypeToString } from "../../../src/core/dtype.js";
import { ParseError } from "../../../src/core/errors.js";
import type { DataFrame } from "../../../src/frame/frame.js";
import { parseCSV, type ReadCSVOptions } from "../../../src/io/csv/read-csv.js";

const dtypes = (df: DataFrame) =>
  Object.fromEntries(Object.entries(df.dtypes).map(([k, d]) => [k, dtypeToString(d as DType)]));
const ENGINES = ["fast", "papaparse"] as const;
const big = (v: unknown) => (typeof v === "bigint" ? `${v}n` : v);
const cols = (text: string, o?: ReadCSVOptions) => {
  const df = parseCSV(text, o);
  return Object.fromEntries(df.columns.map((c) => [c, df.get(c).toArray().map(big)]));
};

describe.each(ENGINES)("parseCSV with engine %s", (engine) => {
  const read = (text: string, o?: ReadCSVOptions) => parseCSV(text, { engine, ...o });
  const values = (text: string, o?: ReadCSVOptions) => cols(text, { engine, ...o });

  it("parseCSV(text) infers bool, int32, float64, utf8 and timestamp columns", () => {
    const df = read("b,i,f,s,t\nTrue,1,2.5,x,2021-03-14\nfalse,-2,NaN,y,2021-03-15T01:30:00\n");
    expect(dtypes(df)).toEqual({ b: "bool", i: "int32", f: "float64", s: "utf8", t: "timestamp[ns]" });
    expect(df.get("b").toArray()).toEqual([true, false]);
    expect(df.get("i").toArray()).toEqual([1, -2]);
    // "NaN" is one of pandas' null markers
    expect(df.get("f").toArray()).toEqual([2.5, null]);
    // 2021-03-14 is day 18700 since 1970-01-01 (51 years with 13 leap days: 51·365 + 13 + 72)
    expect(df.get("t").toArray()).toEqual([
      18700n * 86400n * 10n ** 9n,
      (18701n * 86400n + 5400n) * 10n ** 9n,
    ]);
  });

  it("parseCSV keeps integers beyond 2^53 exact as int64, and integers beyond int64 as text", () => {
    const v = values("a,b\n1,9223372036854775807\n9007199254740993,99999999999999999999\n");
    expect(v.a).toEqual(["1n", "9007199254740993n"]);
    expect(v.b).toEqual(["9223372036854775807", "99999999999999999999"]);
  });

  it("parseCSV widens int32 → int64 → float64 across blocks of rows", () => {
    const n = 70000;
    const lines = Array.from({ length: n }, (_, i) => String(i % 7));
    lines.push("4000000000");
    lines.push("0.5");
    const df = read(`x\n${lines.join("\n")}\n`);
    expect(dtypes(df)).toEqual({ x: "float64" });
    expect(df.get("x").get(n - 1)).toBe((n - 1) % 7);
    expect(df.get("x").get(n)).toBe(4000000000);
    expect(df.get("x").get(n + 1)).toBe(0.5);
    expect(df.get("x").sum()).toBe(4000000000.5 + 3 * (n - (n % 7)) + ((n % 7) * ((n % 7) - 1)) / 2);
  });

  it("parseCSV reads a number column that turns out to hold text again as text, original spelling kept", () => {
    const n = 70000;
    const lines = Array.from({ length: n }, (_, i) => `00${i % 10},${i}`);
    lines.push("n/a,1");
    lines.push("abc,2");
    const df = read(`code,k\n${lines.join("\n")}\n`);
    expect(dtypes(df)).toEqual({ code: "utf8", k: "int32" });
    expect(df.get("code").get(0)).toBe("000");
    expect(df.get("code").get(65537)).toBe("007");
    expect(df.get("code").get(n)).toBeNull();
    expect(df.get("code").get(n + 1)).toBe("abc");
    expect(df.shape).toEqual([n + 2, 2]);
  });

  it("parseCSV handles quotes: doubled quotes, delimiters and line breaks inside, CRLF, no final line break", () => {
    const v = values('name,note\r\n"Smith, J.","said ""hi""\r\nthen left"\r\nLee,plain\r\n"",x');
    expect(v.name).toEqual(["Smith, J.", "Lee", null]);
    expect(v.note).toEqual(['said "hi"\r\nthen left', "plain", "x"]);
  });

  it("parseCSV skips blank lines and comment lines, and skipRows lines before the header", () => {
    const v = values("junk line\n# note\na,b\n\n1,2\n# another\n3,4\n", { skipRows: 1, comment: "#" });
    expect(v).toEqual({ a: [1, 3], b: [2, 4] });
  });

  it("parseCSV removes a UTF-8 byte order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("é,b\n1,2\n")]);
    expect(parseCSV(bytes, { engine }).columns).toEqual(["é", "b"]);
  });

  it("parseCSV sniffs tab, semicolon and pipe delimiters", () => {
    expect(read("a\tb\n1\t2\n").columns).toEqual(["a", "b"]);
    expect(read("a;b;c\n1,5;2;3\n", { decimal: "," }).get("a").toArray()).toEqual([1.5]);
    expect(read('a|b\n"x|y"|2\n').get("a").toArray()).toEqual(["x|y"]);
  });

  it("parseCSV mangles empty and repeated header names as pandas", () => {
    expect(read(",a,a,a\n1,2,3,4\n").columns).toEqual(["Unnamed: 0", "a", "a.1", "a.2"]);
  });

  it("parseCSV(text, {header: false, names}) names the columns", () => {
    expect(read("1,2\n3,4\n", { header: false }).columns).toEqual(["0", "1"]);
    expect(values("1,2\n3,4\n", { header: false, names: ["x", "y"] })).toEqual({ x: [1, 3], y: [2, 4] });
  });

  it("parseCSV(text, {nRows, useCols}) reads the rows and columns asked for", () => {
    const v = values("a,b,c\n1,x,2\n3,y,4\n5,z,6\n", { nRows: 2, useCols: ["c", 0] });
    expect(v).toEqual({ a: [1, 3], c: [2, 4] });
  });

  it("parseCSV null markers: pandas' defaults, replaced or extended", () => {
    expect(values("a\n1\nNA\n#N/A\n-\n").a).toEqual(["1", null, null, "-"]);
    expect(values("a\n1\n-\n", { nullValues: ["-"] }).a).toEqual([1, null]);
    expect(values("a\nx\nNA\n", { nullValues: [], keepDefaultNulls: false }).a).toEqual(["x", "NA"]);
  });

  it("parseCSV reads a column of nulls as float64 and a header without rows as empty text columns", () => {
    expect(dtypes(read("a,b\n,1\n,2\n"))).toEqual({ a: "float64", b: "int32" });
    expect(read("a,b\n").shape).toEqual([0, 2]);
  });

  it("parseCSV thousands and decimal separators", () => {
    expect(values('n;m\n"1.234.567";1.234,5\n', { delimiter: ";", thousands: ".", decimal: "," })).toEqual({
      n: [1234567],
      m: [1234.5],
    });
  });

  it("parseCSV(text, {dtypes}) reads requested dtypes, casting where the parser reads a wider one", () => {
    const df = read("a,b,c,d\n1,2,x,2020-01-02\n3,,y,\n", {
      dtypes: { a: "int64", b: "float32", c: "category", d: "date32" },
    });
    expect(dtypes(df)).toEqual({ a: "int64", b: "float32", c: "dictionary<int32, utf8>", d: "date" });
    expect(df.get("a").toArray()).toEqual([1n, 3n]);
    expect(df.get("d").toArray()).toEqual([18263, null]);
  });

  it("parseCSV(text, {dateFormats}) parses dates with a date-fns format", () => {
    const df = read("day\n14/03/2021\n\n01/01/1970\n", { dateFormats: { day: "dd/MM/yyyy" } });
    expect(dtypes(df)).toEqual({ day: "timestamp[ns]" });
    expect(df.get("day").toArray()).toEqual([18700n * 86400n * 10n ** 9n, 0n]);
  });

  it("parseCSV reads timestamps with offsets as UTC, and mixed offset and naive text as text", () => {
    const df = read(
      "t,u\n2021-03-14T12:00:00+01:00,2021-03-14T12:00:00Z\n2021-03-14T12:00:00.5Z,2021-03-14T12:00:00\n",
    );
    expect(dtypes(df)).toEqual({ t: "timestamp[ns, UTC]", u: "utf8" });
    expect(df.get("t").toArray()).toEqual([
      (18700n * 86400n + 11n * 3600n) * 10n ** 9n,
      (18700n * 86400n + 12n * 3600n) * 10n ** 9n + 500000000n,
    ]);
    expect(dtypes(read("t\n2021-02-29\n"))).toEqual({ t: "utf8" });
    expect(dtypes(read("t\n2021-02-28\n", { parseDates: false }))).toEqual({ t: "utf8" });
  });

  it("parseCSV(text, {dictionary: true}) encodes text columns as dictionaries", () => {
    const df = read("s,n\nx,1\ny,2\nx,3\n", { dictionary: true });
    expect(dtypes(df)).toEqual({ s: "dictionary<int32, utf8>", n: "int32" });
    expect(df.get("s").toArray()).toEqual(["x", "y", "x"]);
  });

  describe("errors", () => {
    const fails = (text: string, pattern: RegExp, o?: ReadCSVOptions) => {
      expect(() => read(text, o)).toThrow(ParseError);
      expect(() => read(text, o)).toThrow(pattern);
    };

    it("parseCSV: a row with too many or too few fields names its line", () => {
      fails("a,b\n1,2\n3,4,5\n", /line 3: expected 2 fields, found 3/);
      fails("a,b\n1,2\n\n3\n", /line 4: expected 2 fields, found 1/);
    });

    it('parseCSV(text, {onBadLines: "skip"}) leaves bad rows out, lists them, and never shifts columns', () => {
      let report: unknown = null;
      const v = values('a,b\n1,2\n3,"x\ny",5\n6,7\n8\n', {
        onBadLines: "skip",
        badLines: (rows) => (report = rows),
      });
      expect(v).toEqual({ a: [1, 6], b: [2, 7] });
      expect(report).toEqual([
        { line: 3, reason: "expected 2 fields, found 3" },
        { line: 6, reason: "expected 2 fields, found 1" },
      ]);
    });

    it("parseCSV: an unclosed quote names the line it opens on", () => {
      fails('a,b\n1,2\n3,"open\n4,5\n', /line 3: a quoted field is not closed/);
    });

    it("parseCSV: a character after a closing quote is an error", () => {
      fails('a,b\n"x"y,2\n', /line 2.*follows the closing quote/);
    });

    it("parseCSV: a value that does not fit a requested dtype names line and column", () => {
      fails("a,b\n1,2\n3,x\n", /line 3, column "b": cannot read "x" as int32/, { dtypes: { b: "int32" } });
      fails("a\n1\n2\n5000000000\n", /line 4, column "a": cannot read "5000000000" as int32/, {
        dtypes: { a: "int32" },
      });
      fails("a\n300\n", /column "a" as int8/, { dtypes: { a: "int8" } });
    });

    it("parseCSV: bytes that are not UTF-8 are an error naming the line", () => {
      const bytes = new Uint8Array([...new TextEncoder().encode("a\nok\n"), 0x63, 0x61, 0x66, 0xe9, 10]);
      expect(() => parseCSV(bytes, { engine })).toThrow(/not valid UTF-8/);
      if (engine === "fast") expect(() => parseCSV(bytes, { engine })).toThrow(/line 3, column "a"/);
    });

    it("parseCSV: useCols and dtypes naming absent columns list the columns there are", () => {
      fails("a,b\n1,2\n", /useCols names "c", which the file does not have \(columns: "a", "b"\)/, {
        useCols: ["c"],
      });
      fails("a,b\n1,2\n", /dtypes names "z"/, { dtypes: { z: "int32" } });
    });
  });
});

describe("parseCSV options", () => {
  it("parseCSV rejects unknown options and bad keywords with one message shape", () => {
    expect(() => parseCSV("a\n1\n", { sep: ";" } as never)).toThrow(/unknown option "sep"/);
    expect(() => parseCSV("a\n1\n", { engine: "c" as never })).toThrow(
      'invalid engine: "c" (expected one of fast, papaparse)',
    );
    expect(() => parseCSV("a\n1\n", { delimiter: "::" })).toThrow(/invalid delimiter/);
    expect(() => parseCSV("a\n1\n", { dtypes: { a: "int99" } })).toThrow(/column "a": unknown dtype/);
    expect(() => parseCSV("a\n1\n", { dtypes: { a: "binary" } })).toThrow(/cannot be read as binary/);
  });
});

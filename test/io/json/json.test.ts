import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type DType, dictionary, dtypeToString, duration, timestamp } from "../../../src/core/dtype.js";
import { ParseError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { DataFrame } from "../../../src/frame/frame.js";
import { parseJSON, readJSON } from "../../../src/io/json/read-json.js";
import { toJSON } from "../../../src/io/json/write-json.js";
import { readJSON as readJSONPath } from "../../../src/node/json.js";

const kinds = (df: DataFrame) => Object.values(df.dtypes).map((d) => dtypeToString(d as DType));
const DATA = "node_modules/vega-datasets/data";

describe("parseJSON", () => {
  it("parseJSON(records) gives a row per object, nulls for missing keys, columns in first-seen order", () => {
    const df = parseJSON('[{"a": 1, "b": "x"}, {"b": "y", "c": true}, {"a": 2.5}]');
    expect(df.columns).toEqual(["a", "b", "c"]);
    expect(kinds(df)).toEqual(["float64", "utf8", "bool"]);
    expect(df.toRecords()).toEqual([
      { a: 1, b: "x", c: null },
      { a: null, b: "y", c: true },
      { a: 2.5, b: null, c: null },
    ]);
  });

  it("parseJSON(columns) and NDJSON (blank lines, CRLF) give the same frame", () => {
    const cols = parseJSON('{"n": [1, 2], "s": ["p", null]}');
    const nd = parseJSON('{"n": 1, "s": "p"}\r\n\r\n{"n": 2, "s": null}\r\n', { lines: true });
    expect(kinds(cols)).toEqual(["int32", "utf8"]);
    expect(nd.toRecords()).toEqual(cols.toRecords());
  });

  it("parseJSON keeps integers beyond 2^53 exact, and infers ISO timestamps", () => {
    const df = parseJSON(
      '[{"id": 9223372036854775807, "t": "2021-03-14T12:00:00Z"}, {"id": -9007199254740993, "t": null}]',
    );
    expect(kinds(df)).toEqual(["int64", "timestamp[ns, UTC]"]);
    expect(df.get("id").toArray()).toEqual([2n ** 63n - 1n, -(2n ** 53n) - 1n]);
    // 2021-03-14 is day 18700 since 1970-01-01
    expect(df.get("t").toArray()).toEqual([(18700n * 86400n + 12n * 3600n) * 10n ** 9n, null]);
  });

  it("parseJSON(…, {dtypes}) reads requested dtypes", () => {
    const df = parseJSON('{"a": [1, 2], "b": ["x", "y"], "c": [1, "2"]}', {
      dtypes: { a: "int8", b: "category", c: "utf8" },
    });
    expect(kinds(df)).toEqual(["int8", "dictionary<int32, utf8>", "utf8"]);
    expect(df.get("c").toArray()).toEqual(["1", "2"]);
  });

  it("parseJSON errors: mixed kinds, nested values, broken text, wrong shapes — each naming where", () => {
    expect(() => parseJSON('[{"a": 1}, {"a": "x"}]')).toThrow(ParseError);
    expect(() => parseJSON('[{"a": 1}, {"a": "x"}]')).toThrow(
      /column "a" mixes numbers \(row 0\) and strings \(row 1\)/,
    );
    expect(() => parseJSON('[{"a": {"b": 1}}]')).toThrow(
      /column "a", row 0: nested objects are not supported/,
    );
    expect(() => parseJSON('[{"a": 1},\n {"a": 2')).toThrow(/line 2, column \d+/);
    expect(() => parseJSON('{"a": 1}\nnot json\n', { lines: true })).toThrow(
      /line 2, column 1: unexpected "n"/,
    );
    expect(() => parseJSON("[1, 2]")).toThrow("parseJSON: record 0 is a number, not an object");
    expect(() => parseJSON('{"a": [1], "b": [1, 2]}')).toThrow(
      'column "b" has 2 values, the columns before it 1',
    );
    expect(() => parseJSON("[]", { orient: "columns" })).toThrow(/expected an object of columns/);
    expect(() => parseJSON("[]", { lines: "yes" as never })).toThrow("invalid lines");
  });

  it("readJSON(movies.json): 3201 films; Title mixes numbers and strings until read as text; sums match a plain loop", async () => {
    await expect(readJSONPath(`${DATA}/movies.json`)).rejects.toThrow(
      /column "Title" mixes strings \(row 0\) and numbers/,
    );
    const df = await readJSONPath(`${DATA}/movies.json`, { dtypes: { Title: "utf8" } });
    expect(df.shape).toEqual([3201, 16]);
    const rows = JSON.parse(readFileSync(`${DATA}/movies.json`, "utf8")) as Record<string, number | null>[];
    let gross = 0;
    let rated = 0;
    for (const r of rows) {
      gross += r["Worldwide Gross"] ?? 0;
      if (r["IMDB Rating"] !== null && r["IMDB Rating"] !== undefined) rated++;
    }
    expect(Number(df.get("Worldwide Gross").sum())).toBe(gross);
    expect(df.get("IMDB Rating").count()).toBe(rated);
  });

  it("readJSON(Blob, {lines: true}) reads NDJSON from any source", async () => {
    const df = await readJSON(new Blob(['{"a": 1}\n{"a": 2}\n']), { lines: true });
    expect(df.get("a").toArray()).toEqual([1, 2]);
  });
});

describe("toJSON", () => {
  const df = new DataFrame({
    i: column([2n ** 63n - 1n, null], "int64"),
    u: column([2n ** 64n - 1n, 0n], "uint64"),
    f: column([Number.NaN, 0.1]),
    s: column(['q"uote', null]),
    t: column([18700n * 86400n * 10n ** 9n, null], timestamp("ns", "UTC")),
    d: column([18700, null], "date"),
    dur: column([90n, null], duration("s")),
    c: column(["x", "y"], dictionary()),
  });

  it("toJSON(df) writes int64/uint64 exactly, NaN as null, timestamps and dates as ISO strings", () => {
    expect(toJSON(df.select("i", "u", "f", "s"))).toBe(
      '[{"i":9223372036854775807,"u":18446744073709551615,"f":null,"s":"q\\"uote"},{"i":null,"u":0,"f":0.1,"s":null}]',
    );
    const rec = JSON.parse(toJSON(df.select("t", "d", "dur", "c"))) as unknown[];
    expect(rec[0]).toEqual({ t: "2021-03-14T00:00:00.000000000Z", d: "2021-03-14", dur: 90, c: "x" });
  });

  it("parseJSON(toJSON(df, options), {dtypes}) gives df back, NaN aside, in every orientation", () => {
    const noNaN = df.drop("f");
    for (const o of [{}, { orient: "columns" as const }, { lines: true }]) {
      const back = parseJSON(toJSON(noNaN, o), { ...o, dtypes: noNaN.dtypes as never });
      expect(kinds(back)).toEqual(kinds(noNaN));
      expect(back.toRecords()).toEqual(noNaN.toRecords());
    }
  });

  it("toJSON rejects a binary column and bad options", () => {
    expect(() => toJSON(new DataFrame({ b: column([new Uint8Array([1])], "binary") }))).toThrow(/binary/);
    expect(() => toJSON(df, { orient: "index" as never })).toThrow(
      'invalid orient: "index" (expected one of records, columns)',
    );
    expect(() => toJSON(df, { orient: "columns", lines: true })).toThrow(/lines: true writes records/);
  });
});

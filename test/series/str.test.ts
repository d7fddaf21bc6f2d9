import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DTypeError, OptionError } from "../../src/core/errors.js";
import type { DataFrame } from "../../src/frame/frame.js";
import { readJSON } from "../../src/node/json.js";
import { Series } from "../../src/series/series.js";

const frame = (df: DataFrame) => Object.fromEntries(df.columns.map((k) => [k, df.get(k).toArray()]));
const labels = (x: { index: { toColumn(): { toArray(): unknown[] } } }) => x.index.toColumn().toArray();

describe("s.str keeps the Series' index and name", () => {
  const s = new Series(["Ab", null, "cD"], { index: ["x", "y", "z"], name: "n" });
  it("s.str.lower() / len() / contains() / split() keep labels and name", () => {
    for (const r of [s.str.lower(), s.str.len(), s.str.contains("a", { case: false }), s.str.split("b")]) {
      expect(labels(r)).toEqual(["x", "y", "z"]);
      expect(r.name).toBe("n");
    }
    expect(s.str.lower().toArray()).toEqual(["ab", null, "cd"]);
  });
  it("s.str on a categorical Series gives the same results as on utf8", () => {
    const c = s.astype("category");
    expect(c.str.upper().toArray()).toEqual(["AB", null, "CD"]);
    expect(c.str.len().toArray()).toEqual([2, null, 2]);
    expect(labels(c.str.upper())).toEqual(["x", "y", "z"]);
  });
  it("s.str.upper() on a large_utf8 Series keeps large_utf8; s.str.len() is int32", () => {
    const l = s.astype("large_utf8");
    expect(l.str.upper().dtype.kind).toBe("large_utf8");
    expect(l.str.len().dtype.kind).toBe("int32");
  });
});

describe("s.str on the wrong dtype", () => {
  it("new Series([1n], {dtype: 'int64'}).str raises a DTypeError naming int64", () => {
    const s = new Series([1n, 2n], { dtype: "int64" });
    expect(() => s.str).toThrow(DTypeError);
    expect(() => s.str).toThrow(/\.str needs strings.*int64/);
  });
  it("s.str.join on a utf8 Series raises a DTypeError (join needs lists)", () => {
    expect(() => new Series(["a"]).str.join("-")).toThrow(/needs lists, got utf8/);
  });
});

describe("s.str.extract / extractAll build frames (pandas docstring)", () => {
  const s = new Series(["a1", "b2", "c3"], { index: ["A11", "B22", "C33"] });
  it("s.str.extract('([ab])(\\\\d)') has columns '0', '1' on the Series' index", () => {
    const df = s.str.extract("([ab])(\\d)");
    expect(df.columns).toEqual(["0", "1"]);
    expect(frame(df)).toEqual({ 0: ["a", "b", null], 1: ["1", "2", null] });
    expect(labels(df)).toEqual(["A11", "B22", "C33"]);
  });
  it("s.str.extract with named groups, one group expand true (frame) and expand false (Series)", () => {
    expect(frame(s.str.extract("(?P<letter>[ab])(?P<digit>\\d)"))).toEqual({
      letter: ["a", "b", null],
      digit: ["1", "2", null],
    });
    expect(frame(s.str.extract("[ab](\\d)"))).toEqual({ 0: ["1", "2", null] });
    const one = s.str.extract("[ab](\\d)", { expand: false });
    expect(one.toArray()).toEqual(["1", "2", null]);
    expect(labels(one)).toEqual(["A11", "B22", "C33"]);
    expect(() => s.str.extract("([ab])(\\d)", { expand: false })).toThrow(
      /expand: false needs one capture group, the pattern has 2/,
    );
  });
  it("s.str.extractAll — user guide: ['a1a2', 'b1', 'c1'] indexed A, B, C with two named groups", () => {
    const t = new Series(["a1a2", "b1", "c1"], { index: ["A", "B", "C"] });
    const df = t.str.extractAll("(?P<letter>[a-z])(?P<digit>[0-9])");
    expect(labels(df)).toEqual(["A", "A", "B", "C"]);
    expect(frame(df)).toEqual({
      match: [0, 1, 0, 0],
      letter: ["a", "a", "b", "c"],
      digit: ["1", "2", "1", "1"],
    });
    // when every string matches once, the match-0 rows equal extract (pandas' extractall(pat).xs(0, level='match'))
    expect(t.str.extract("(?P<letter>[a-z])(?P<digit>[0-9])").get("letter").toArray()).toEqual([
      "a",
      "b",
      "c",
    ]);
  });
  it("s.str.extractAll with a group named 'match' raises an OptionError", () => {
    expect(() => s.str.extractAll("(?P<match>\\d)")).toThrow(OptionError);
    expect(() => s.str.extractAll("(?P<match>\\d)")).toThrow(/named "match"/);
  });
});

describe("s.str.split(..., {expand: true}) builds frames (pandas docstring)", () => {
  const s = new Series(["this is a regular sentence", "https://docs.python.org/3/tutorial/index.html", null]);
  it("s.str.split(null, {expand: true}) has columns '0'..'4', padded with nulls", () => {
    const df = s.str.split(null, { expand: true });
    expect(df.columns).toEqual(["0", "1", "2", "3", "4"]);
    expect(frame(df)).toEqual({
      0: ["this", "https://docs.python.org/3/tutorial/index.html", null],
      1: ["is", null, null],
      2: ["a", null, null],
      3: ["regular", null, null],
      4: ["sentence", null, null],
    });
  });
  it("s.str.rsplit('/', {n: 1, expand: true})", () => {
    expect(frame(s.str.rsplit("/", { n: 1, expand: true }))).toEqual({
      0: ["this is a regular sentence", "https://docs.python.org/3/tutorial", null],
      1: [null, "index.html", null],
    });
  });
  it("s.str.split('_', {expand: true, n: 1}) keeps the index — user guide", () => {
    const t = new Series(["a_b_c", "c_d_e", null, "f_g_h"], { index: [10, 20, 30, 40] });
    const df = t.str.split("_", { expand: true, n: 1 });
    expect(frame(df)).toEqual({ 0: ["a", "c", null, "f"], 1: ["b_c", "d_e", null, "g_h"] });
    expect(labels(df)).toEqual([10, 20, 30, 40]);
    expect(t.str.split("_").str.get(1).toArray()).toEqual(["b", "d", null, "g"]);
    expect(t.str.split("_").str.len().toArray()).toEqual([3, 3, null, 3]);
    expect(t.str.split("_").str.join("-").toArray()).toEqual(["a-b-c", "c-d-e", null, "f-g-h"]);
  });
});

describe("s.str.cat (pandas docstring / user guide)", () => {
  const s = new Series(["a", "b", null, "d"]);
  it("s.str.cat({sep}) joins all; with others row by row; naRep fills", () => {
    expect(s.str.cat({ sep: " " })).toBe("a b d");
    expect(s.str.cat({ sep: " ", naRep: "?" })).toBe("a b ? d");
    expect(s.str.cat(["A", "B", "C", "D"], { sep: "," }).toArray()).toEqual(["a,A", "b,B", null, "d,D"]);
    expect(s.str.cat(["A", "B", "C", "D"], { sep: ",", naRep: "-" }).toArray()).toEqual([
      "a,A",
      "b,B",
      "-,C",
      "d,D",
    ]);
  });
  it("s.str.cat([['x', 'y'], ['1', '2']], {sep: ','}) takes a list of arrays", () => {
    expect(
      new Series(["a", "b"]).str
        .cat(
          [
            ["x", "y"],
            ["1", "2"],
          ],
          { sep: "," },
        )
        .toArray(),
    ).toEqual(["a,x,1", "b,y,2"]);
  });
  // pandas aligns a Series of others on the caller's labels (join="left"), whatever its index
  it("s.str.cat(t) aligns t on s's labels (join='left'): t = ['d', 'a', 'e', 'c'] at [3, 0, 4, 2], naRep '-'", () => {
    const t = new Series(["d", "a", "e", "c"], { index: [3, 0, 4, 2] });
    const r = s.str.cat(t, { naRep: "-" });
    expect(r.toArray()).toEqual(["aa", "b-", "-c", "dd"]);
    expect(labels(r)).toEqual([0n, 1n, 2n, 3n]); // a RangeIndex's labels are int64
  });
  it("s.str.cat(u) with u = ['b', 'd', 'a', 'c'] at [1, 3, 0, 2] — user guide: aligned gives aa bb cc dd", () => {
    const abcd = new Series(["a", "b", "c", "d"]);
    const u = new Series(["b", "d", "a", "c"], { index: [1, 3, 0, 2] });
    expect(abcd.str.cat(u).toArray()).toEqual(["aa", "bb", "cc", "dd"]);
  });
  it("s.str.cat(t) aligns when neither index is the default: labels p, q against q, p", () => {
    const a = new Series(["a", "b"], { index: ["p", "q"] });
    const b = new Series(["Q", "P"], { index: ["q", "p"] });
    expect(a.str.cat(b, { sep: "-" }).toArray()).toEqual(["a-P", "b-Q"]);
    const c = new Series(["R", "P"], { index: ["r", "p"] });
    expect(a.str.cat(c, { sep: "-", naRep: "?" }).toArray()).toEqual(["a-P", "b-?"]);
  });
  it("s.str.cat of an array of the wrong length raises a ShapeError naming the column", () => {
    expect(() => s.str.cat(["A"])).toThrow(/column 1 has 1 rows, the first has 4/);
  });
});

describe("s.str.encode / decode on Series", () => {
  it("encode('utf-8') then decode() round-trips and keeps the index", () => {
    const s = new Series(["né", null, "😀"], { index: ["a", "b", "c"] });
    const back = s.str.encode().str.decode();
    expect(back.toArray()).toEqual(["né", null, "😀"]);
    expect(labels(back)).toEqual(["a", "b", "c"]);
  });
});

describe("real data: movies.json titles (vega-datasets)", async () => {
  const PATH = "node_modules/vega-datasets/data/movies.json";
  const df = await readJSON(PATH, { dtypes: { Title: "utf8" } });
  const raw = JSON.parse(readFileSync(PATH, "utf8")) as { Title: string | number | null }[];
  // the reference: plain JS over the parsed JSON (a numeric title is read as its text)
  const titles = raw.map((r) => (r.Title === null || r.Title === undefined ? null : String(r.Title)));
  const t = df.get("Title");

  it("the Title column holds the parsed titles", () => {
    expect(t.toArray()).toEqual(titles);
  });
  it("s.str.contains('Star', {regex: false}) counts the titles containing 'Star'", () => {
    const want = titles.filter((x) => x?.includes("Star")).length;
    expect(t.str.contains("Star", { regex: false }).sum()).toBe(want);
    expect(t.str.contains("Star").sum()).toBe(want);
  });
  it("s.str.startsWith('The ') counts the titles starting with 'The '", () => {
    expect(t.str.startsWith("The ").sum()).toBe(titles.filter((x) => x?.startsWith("The ")).length);
  });
  it("s.str.len().max() is the longest title in code points", () => {
    expect(t.str.len().max()).toBe(Math.max(...titles.map((x) => (x === null ? 0 : Array.from(x).length))));
  });
  it("s.str.split().str.len().sum() equals a naive count of whitespace-separated words", () => {
    const words = titles.reduce(
      (k, x) => k + (x === null ? 0 : x.split(/\s+/).filter((w) => w !== "").length),
      0,
    );
    expect(t.str.split().str.len().sum()).toBe(words);
  });
  it("s.str.lower() / upper() agree with toLowerCase / toUpperCase on every title, and on the categorical", () => {
    expect(t.str.lower().toArray()).toEqual(titles.map((x) => x?.toLowerCase() ?? null));
    expect(t.astype("category").str.upper().toArray()).toEqual(titles.map((x) => x?.toUpperCase() ?? null));
  });
  it("s.str.extract('\\\\b(\\\\d{4})\\\\b') finds the first four-digit number in each title", () => {
    const want = titles.map((x) => (x === null ? null : (/\b(\d{4})\b/.exec(x)?.[1] ?? null)));
    expect(t.str.extract("\\b(\\d{4})\\b", { expand: false }).toArray()).toEqual(want);
  });
  it("s.str.replace(': ', ' - ') changes exactly the titles holding ': '", () => {
    const r = t.str.replace(": ", " - ");
    expect(r.toArray()).toEqual(titles.map((x) => (x === null ? null : x.split(": ").join(" - "))));
  });
});

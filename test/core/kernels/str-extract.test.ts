import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { dictionary, utf8 } from "../../../src/core/dtype.js";
import { DTypeError, OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { extract, extractAll } from "../../../src/core/kernels/str-extract.js";

/** The same values as utf8, a categorical, large_utf8, a slice at a non-zero offset and two chunks. */
function layouts(values: (string | null)[]): [string, Column][] {
  const h = values.length >> 1;
  const a = column(values.slice(0, h), utf8);
  const b = column(["pad", ...values.slice(h)], utf8).slice(1);
  return [
    ["utf8", column(values, utf8)],
    ["dictionary", column(values, dictionary())],
    ["large_utf8", column(values, "large_utf8")],
    ["sliced", column(["é", "x", null, ...values], utf8).slice(3)],
    ["two chunks", new Column(utf8, [a.chunks[0]!, b.chunks[0]!])],
  ];
}

const asObject = (m: Map<string, Column>) => Object.fromEntries([...m].map(([k, c]) => [k, c.toArray()]));

describe("extract(col, pat): pandas docstring ['a1', 'b2', 'c3']", () => {
  for (const [name, col] of layouts(["a1", "b2", "c3", null])) {
    it(`extract with two groups, optional groups and named groups over ${name}`, () => {
      expect(asObject(extract(col, "([ab])(\\d)"))).toEqual({
        0: ["a", "b", null, null],
        1: ["1", "2", null, null],
      });
      expect(asObject(extract(col, "([ab])?(\\d)"))).toEqual({
        0: ["a", "b", null, null],
        1: ["1", "2", "3", null],
      });
      expect(asObject(extract(col, "(?P<letter>[ab])(?P<digit>\\d)"))).toEqual({
        letter: ["a", "b", null, null],
        digit: ["1", "2", null, null],
      });
      expect(asObject(extract(col, "[ab](\\d)"))).toEqual({ 0: ["1", "2", null, null] });
    });
  }
  it("extract keeps the column order of the groups and the text dtype (large_utf8 stays large_utf8)", () => {
    const r = extract(column(["x-1"], "large_utf8"), "(?<z>\\w)-(?<a>\\d)");
    expect([...r.keys()]).toEqual(["z", "a"]);
    expect(r.get("z")?.dtype.kind).toBe("large_utf8");
  });
  it("extract takes the first match only and counts groups past non-capturing ones and escapes", () => {
    const r = extract(column(["a1b2", "\\(x)"], utf8), "(?:[a-z])(\\d)|\\\\\\((\\w)\\)");
    expect(asObject(r)).toEqual({ 0: ["1", null], 1: [null, "x"] });
  });
  it("extract groups in a character class are not groups: '[(](\\w)[)]' has one", () => {
    expect(asObject(extract(column(["(q)"], utf8), "[(](\\w)[)]"))).toEqual({ 0: ["q"] });
  });
  it("extract with case: false and non-ASCII text", () => {
    const r = extract(column(["Éa😀b", "xy"], utf8), "(é)(.)(.)", { case: false });
    expect(asObject(r)).toEqual({ 0: ["É", null], 1: ["a", null], 2: ["😀", null] });
  });
  it("extract(col, 'a\\\\d') with no group raises an OptionError naming the pattern", () => {
    expect(() => extract(column(["a1"], utf8), "a\\d")).toThrow(OptionError);
    expect(() => extract(column(["a1"], utf8), "a\\d")).toThrow(/a\\d has no capture groups/);
    expect(() => extract(column([1], "int32"), "(a)")).toThrow(DTypeError);
  });
});

describe("extractAll(col, pat): pandas docstring ['a1a2', 'b1', 'c1']", () => {
  for (const [name, col] of layouts(["a1a2", "b1", "c1", null])) {
    it(`extractAll rows, match numbers and groups over ${name}`, () => {
      const r = extractAll(col, "[ab](\\d)");
      expect(Array.from(r.rows)).toEqual([0, 0, 1]);
      expect(Array.from(r.match)).toEqual([0, 1, 0]);
      expect(asObject(r.groups)).toEqual({ 0: ["1", "2", "1"] });
      const two = extractAll(col, "(?P<letter>[ab])?(?P<digit>\\d)");
      expect(Array.from(two.rows)).toEqual([0, 0, 1, 2]);
      expect(Array.from(two.match)).toEqual([0, 1, 0, 0]);
      expect(asObject(two.groups)).toEqual({ letter: ["a", "a", "b", null], digit: ["1", "2", "1", "1"] });
    });
  }
  it("extractAll with empty matches around astral characters terminates: re.findall('(x?)', '😀x') == ['', 'x', '']", () => {
    const r = extractAll(column(["😀x"], utf8), "(x?)");
    expect(asObject(r.groups)).toEqual({ 0: ["", "x", ""] });
    expect(Array.from(r.match)).toEqual([0, 1, 2]);
  });
  it("extractAll with no match anywhere gives no rows", () => {
    const r = extractAll(column(["zz", null], utf8), "(\\d)");
    expect(r.rows.length).toBe(0);
    expect(r.groups.get("0")?.length).toBe(0);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { dictionary, utf8 } from "../../../src/core/dtype.js";
import { DTypeError, OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { split } from "../../../src/core/kernels/str-split.js";

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

const DOC = ["this is a regular sentence", "https://docs.python.org/3/tutorial/index.html", null];
const rsplit = (c: Column, pat: string | null, o = {}) => split(c, pat, o, true);

describe("split(col, pat, {n}) / rsplit: pandas docstring", () => {
  for (const [name, col] of layouts(DOC)) {
    it(`split() / split(n: 2) / rsplit(n: 2) / split('/') over ${name}`, () => {
      expect(split(col).toArray()).toEqual([
        ["this", "is", "a", "regular", "sentence"],
        ["https://docs.python.org/3/tutorial/index.html"],
        null,
      ]);
      expect(split(col, null, { n: 2 }).toArray()).toEqual([
        ["this", "is", "a regular sentence"],
        ["https://docs.python.org/3/tutorial/index.html"],
        null,
      ]);
      expect(rsplit(col, null, { n: 2 }).toArray()).toEqual([
        ["this is a", "regular", "sentence"],
        ["https://docs.python.org/3/tutorial/index.html"],
        null,
      ]);
      expect(split(col, "/").toArray()).toEqual([
        ["this is a regular sentence"],
        ["https:", "", "docs.python.org", "3", "tutorial", "index.html"],
        null,
      ]);
      expect(rsplit(col, "/", { n: 1 }).toArray()).toEqual([
        ["this is a regular sentence"],
        ["https://docs.python.org/3/tutorial", "index.html"],
        null,
      ]);
    });
  }
  it("split(col, 'and|plus') is a regex (longer than one character) — ['foo and bar plus baz']", () => {
    expect(split(column(["foo and bar plus baz"], utf8), "and|plus").toArray()).toEqual([
      ["foo ", " bar ", " baz"],
    ]);
  });
  it("split(col, '.') is plain text, '\\\\.jpg' a regex unless regex: false — ['foojpgbar.jpg']", () => {
    const c = column(["foojpgbar.jpg"], utf8);
    expect(split(c, ".").toArray()).toEqual([["foojpgbar", "jpg"]]);
    expect(split(c, "\\.jpg").toArray()).toEqual([["foojpgbar", ""]]);
    expect(split(c, /\.jpg/).toArray()).toEqual([["foojpgbar", ""]]);
    expect(split(c, "\\.jpg", { regex: false }).toArray()).toEqual([["foojpgbar.jpg"]]);
  });
  it("split(col, '_') / n: 1 / rsplit n: 1 — user guide ['a_b_c', 'c_d_e', NaN, 'f_g_h']", () => {
    const c = column(["a_b_c", "c_d_e", null, "f_g_h"], utf8);
    expect(split(c, "_").toArray()).toEqual([["a", "b", "c"], ["c", "d", "e"], null, ["f", "g", "h"]]);
    expect(split(c, "_", { n: 1 }).toArray()).toEqual([["a", "b_c"], ["c", "d_e"], null, ["f", "g_h"]]);
    expect(rsplit(c, "_", { n: 1 }).toArray()).toEqual([["a_b", "c"], ["c_d", "e"], null, ["f_g", "h"]]);
  });
});

describe("split: Python's str.split / re.split edge cases (checked against CPython)", () => {
  const V = ["  a  b  ", "\ta\n\nb", "", "   ", "a", " é  ß ", "x\u3000y"];
  for (const [name, col] of layouts(V)) {
    it(`split() on whitespace runs, with n 1, and rsplit n 1 over ${name}`, () => {
      expect(split(col).toArray()).toEqual([["a", "b"], ["a", "b"], [], [], ["a"], ["é", "ß"], ["x", "y"]]);
      expect(split(col, null, { n: 1 }).toArray()).toEqual([
        ["a", "b  "],
        ["a", "b"],
        [],
        [],
        ["a"],
        ["é", "ß "],
        ["x", "y"],
      ]);
      expect(rsplit(col, null, { n: 1 }).toArray()).toEqual([
        ["  a", "b"],
        ["\ta", "b"],
        [],
        [],
        ["a"],
        [" é", "ß"],
        ["x", "y"],
      ]);
    });
  }
  it("split(col, ' ') keeps empty parts: '  a  b  '.split(' ') has 7 parts; ''.split(' ') == ['']", () => {
    expect(split(column(["  a  b  ", ""], utf8), " ").toArray()).toEqual([
      ["", "", "a", "", "b", "", ""],
      [""],
    ]);
  });
  it("split(col, 'ab', {regex: false}) and rsplit('ab', n 1) with a multi-character plain separator", () => {
    const c = column(["xabyabz", "ab", "éabé"], utf8);
    expect(split(c, "ab", { regex: false }).toArray()).toEqual([
      ["x", "y", "z"],
      ["", ""],
      ["é", "é"],
    ]);
    expect(rsplit(c, "ab", { n: 1 }).toArray()).toEqual([
      ["xaby", "z"],
      ["", ""],
      ["é", "é"],
    ]);
  });
  it("split(col, '(-)') includes groups (re.split); a group that took no part is null (Python's None)", () => {
    expect(split(column(["a-b", "ab"], utf8), "(-)").toArray()).toEqual([["a", "-", "b"], ["ab"]]);
    expect(split(column(["a-b"], utf8), "(-)|(_)").toArray()).toEqual([["a", "-", null, "b"]]);
  });
  it("split(col, '-+', {n: 1}) limits regex splits; split('x*') splits on empty matches (Python 3.7+)", () => {
    expect(split(column(["a--b-c"], utf8), "-+", { n: 1 }).toArray()).toEqual([["a", "b-c"]]);
    expect(split(column(["ab", "😀a"], utf8), "x*").toArray()).toEqual([
      ["", "a", "b", ""],
      ["", "😀", "a", ""],
    ]);
  });
  it("split(col, '_') of an ASCII chunk sliced to a non-zero offset (one-byte fast path)", () => {
    const c = column(["skip_me", "a_b", null, "_", "c"], utf8).slice(1);
    expect(split(c, "_").toArray()).toEqual([["a", "b"], null, ["", ""], ["c"]]);
    expect(split(c, "_", { n: 0 }).toArray()).toEqual([["a", "b"], null, ["", ""], ["c"]]);
  });
  it("split keeps large_utf8 items; a categorical splits per category", () => {
    expect(split(column(["a b"], "large_utf8")).dtype).toEqual({
      kind: "list",
      value: { kind: "large_utf8" },
    });
    expect(split(column(["a b", null, "a b", "c"], dictionary())).toArray()).toEqual([
      ["a", "b"],
      null,
      ["a", "b"],
      ["c"],
    ]);
  });
});

describe("split: errors", () => {
  it("split(col, '') raises an OptionError: empty separator", () => {
    expect(() => split(column(["a"], utf8), "")).toThrow(OptionError);
    expect(() => split(column(["a"], utf8), "")).toThrow(/empty separator/);
  });
  it("rsplit with a RegExp or regex: true raises an OptionError (pandas' rsplit splits on plain text)", () => {
    expect(() => split(column(["a"], utf8), /a/, {}, true)).toThrow(/str\.rsplit: splits on plain text only/);
    expect(() => split(column(["a"], utf8), "a|b", { regex: true }, true)).toThrow(OptionError);
  });
  it("split(col, 'a', {n: -2}) and {n: 1.5} raise OptionErrors naming n; split on int32 a DTypeError", () => {
    expect(() => split(column(["a"], utf8), "a", { n: -2 })).toThrow(/invalid n: -2/);
    expect(() => split(column(["a"], utf8), "a", { n: 1.5 })).toThrow(/invalid n: 1\.5/);
    expect(() => split(column(["a"], utf8), 3 as never)).toThrow(/invalid pat: 3/);
    expect(() => split(column([1], "int32"))).toThrow(DTypeError);
  });
});

const unit = fc.constantFrom("a", "b", " ", "  ", "\t", "é", "ß", "😀", "_");
const rows = fc.array(fc.option(fc.string({ unit, maxLength: 8 }), { freq: 5 }), { maxLength: 40 });
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python's whitespace includes \x1c-\x1f
const WS = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

describe("split: property tests vs naive JS", () => {
  it("split(col, '_') and split(col) over every layout", () => {
    fc.assert(
      fc.property(rows, (values) => {
        for (const [, col] of layouts(values)) {
          expect(split(col, "_").toArray()).toEqual(values.map((v) => (v === null ? null : v.split("_"))));
          expect(split(col).toArray()).toEqual(
            values.map((v) => (v === null ? null : v.split(WS).filter((x) => x !== ""))),
          );
          expect(rsplit(col, "_").toArray()).toEqual(values.map((v) => (v === null ? null : v.split("_"))));
        }
      }),
      { seed: 42, numRuns: 120 },
    );
  });
  it("split(col, '_') / split(col) over 1e4 random rows in two chunks", () => {
    const values = fc.sample(fc.option(fc.string({ unit, maxLength: 10 }), { freq: 8 }), {
      seed: 13,
      numRuns: 10000,
    });
    const [, two] = layouts(values)[4]!;
    expect(split(two, "_").toArray()).toEqual(values.map((v) => (v === null ? null : v.split("_"))));
    expect(split(two).toArray()).toEqual(
      values.map((v) => (v === null ? null : v.split(WS).filter((x) => x !== ""))),
    );
  });
});

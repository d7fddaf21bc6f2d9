import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { dictionary, utf8 } from "../../../src/core/dtype.js";
import { DTypeError, OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { contains, endsWith, fullmatch, match, startsWith } from "../../../src/core/kernels/str-search.js";

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

const S1 = ["Mouse", "dog", "house and parrot", "23", null];

describe("contains(col, pat): pandas docstring examples", () => {
  for (const [name, col] of layouts(S1)) {
    it(`contains(col, 'og', {regex: false}) and friends over ${name}`, () => {
      expect(contains(col, "og", { regex: false }).toArray()).toEqual([false, true, false, false, null]);
      expect(contains(col, "oG", { case: true }).toArray()).toEqual([false, false, false, false, null]);
      expect(contains(col, "oG", { case: false }).toArray()).toEqual([false, true, false, false, null]);
      expect(contains(col, "house|dog", { regex: true }).toArray()).toEqual([false, true, true, false, null]);
      expect(contains(col, "MOUSE", { flags: "i" }).toArray()).toEqual([true, false, false, false, null]);
      expect(contains(col, "\\d").toArray()).toEqual([false, false, false, true, null]);
      expect(contains(col, "\\d", { na: false }).toArray()).toEqual([false, false, false, true, false]);
      expect(contains(col, "og", { regex: false, na: true }).toArray()).toEqual([
        false,
        true,
        false,
        false,
        true,
      ]);
    });
  }
  it("contains(col, '.0', {regex: true}) matches any character before 0 (docstring: ['40', '40.0', '41', '41.0', '35'])", () => {
    const c = column(["40", "40.0", "41", "41.0", "35"], utf8);
    expect(contains(c, ".0", { regex: true }).toArray()).toEqual([true, true, false, true, false]);
    expect(contains(c, ".0", { regex: false }).toArray()).toEqual([false, true, false, true, false]);
  });
  it("contains(col, 'A', {na: false}) — user guide", () => {
    const c = column(["A", "B", "C", "Aaba", "Baca", null, "CABA", "dog", "cat"], utf8);
    expect(contains(c, "A", { na: false }).toArray()).toEqual([
      true,
      false,
      false,
      true,
      false,
      false,
      true,
      false,
      false,
    ]);
  });
  it("contains / match / fullmatch with '[0-9][a-z]' — user guide", () => {
    const c = column(["1", "2", "3a", "3b", "03c", "4dx"], utf8);
    expect(contains(c, "[0-9][a-z]").toArray()).toEqual([false, false, true, true, true, true]);
    expect(match(c, "[0-9][a-z]").toArray()).toEqual([false, false, true, true, false, true]);
    expect(fullmatch(c, "[0-9][a-z]").toArray()).toEqual([false, false, true, true, false, false]);
  });
});

describe("contains(col, pat): byte search, case folding and non-ASCII rows", () => {
  it("contains(col, '') is true for every valid row (Python: '' in s)", () => {
    expect(contains(column(["", "a", null], utf8), "", { regex: false }).toArray()).toEqual([
      true,
      true,
      null,
    ]);
  });
  it("contains(col, 'é', {regex: false}) finds a multi-byte needle and does not match across rows", () => {
    const c = column(["caf", "é", "xé", "e\u0301", "ab"], utf8);
    expect(contains(c, "é", { regex: false }).toArray()).toEqual([false, true, true, false, false]);
    // "b" + "c" across a row boundary is not a match
    expect(contains(column(["ab", "cd"], utf8), "bc", { regex: false }).toArray()).toEqual([false, false]);
  });
  it("contains(col, pat, {case: false}) folds non-ASCII letters: 'É' finds 'é', 'STRASSE' does not find 'ß' (Python's re.I uses simple folding)", () => {
    const c = column(["école", "ÉCOLE", "straße", "ascii"], utf8);
    expect(contains(c, "É", { case: false, regex: false }).toArray()).toEqual([true, true, false, false]);
    expect(contains(c, "ASCII", { case: false, regex: false }).toArray()).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect(contains(c, "ß", { case: false }).toArray()).toEqual([false, false, true, false]);
  });
  it("contains(col, 'ab') over an ASCII chunk sliced to a non-zero offset", () => {
    const c = column(["ab", "xx", "zab", "b", null, "a"], utf8).slice(1);
    expect(contains(c, "ab", { regex: false }).toArray()).toEqual([false, true, false, null, false]);
    expect(contains(c, "AB", { regex: false, case: false }).toArray()).toEqual([
      false,
      true,
      false,
      null,
      false,
    ]);
  });
  it("contains(col, /RegExp/g) ignores the global flag's state between rows", () => {
    const re = /a/g;
    expect(contains(column(["a", "a", "a"], utf8), re).toArray()).toEqual([true, true, true]);
  });
});

describe("startsWith / endsWith (pandas docstring examples)", () => {
  for (const [name, col] of layouts(["bat", "Bear", "cat", null])) {
    it(`startsWith(col, 'b' | ['b', 'B']) over ${name}`, () => {
      expect(startsWith(col, "b").toArray()).toEqual([true, false, false, null]);
      expect(startsWith(col, ["b", "B"]).toArray()).toEqual([true, true, false, null]);
      expect(startsWith(col, "b", { na: false }).toArray()).toEqual([true, false, false, false]);
    });
  }
  for (const [name, col] of layouts(["bat", "bear", "caT", null])) {
    it(`endsWith(col, 't' | ['t', 'T']) over ${name}`, () => {
      expect(endsWith(col, "t").toArray()).toEqual([true, false, false, null]);
      expect(endsWith(col, ["t", "T"]).toArray()).toEqual([true, false, true, null]);
      expect(endsWith(col, "t", { na: false }).toArray()).toEqual([true, false, false, false]);
    });
  }
  it("startsWith(col, '') is true everywhere; multi-byte prefixes and suffixes compare bytes", () => {
    const c = column(["", "éa", "aé", "😀!"], utf8);
    expect(startsWith(c, "").toArray()).toEqual([true, true, true, true]);
    expect(startsWith(c, "é").toArray()).toEqual([false, true, false, false]);
    expect(endsWith(c, "é").toArray()).toEqual([false, false, true, false]);
    expect(startsWith(c, "😀").toArray()).toEqual([false, false, false, true]);
  });
});

describe("match / fullmatch (Python's re.match / re.fullmatch)", () => {
  it("match(col, 'c.t') anchors at the start only; fullmatch anchors both ends", () => {
    const c = column(["cat", "concat", "cats", "dog", null], utf8);
    expect(match(c, "c.t").toArray()).toEqual([true, false, true, false, null]);
    expect(fullmatch(c, "c.t").toArray()).toEqual([true, false, false, false, null]);
    expect(fullmatch(c, "cat|dog").toArray()).toEqual([true, false, false, true, null]);
    expect(match(c, "c.t", { na: false }).toArray()).toEqual([true, false, true, false, false]);
  });
  it("match(col, '.') takes one code point: '😀' matches '^.$' as in Python", () => {
    expect(fullmatch(column(["😀", "ab"], utf8), ".").toArray()).toEqual([true, false]);
  });
  it("match(col, 'A', {case: false}) and fullmatch with the m flag still anchor the whole string", () => {
    const c = column(["abc", "x\nab"], utf8);
    expect(match(c, "A", { case: false }).toArray()).toEqual([true, false]);
    expect(fullmatch(c, "ab", { flags: "m" }).toArray()).toEqual([false, false]);
  });
});

describe("search kernels: errors", () => {
  it("contains(col, /re/, {regex: false}) raises an OptionError naming the pattern", () => {
    expect(() => contains(column(["a"], utf8), /a/, { regex: false })).toThrow(OptionError);
    expect(() => contains(column(["a"], utf8), /a/, { regex: false })).toThrow(
      /regex: false needs a string pattern/,
    );
  });
  it("contains(col, pat, {flags: 'x'}) raises an OptionError naming the flags", () => {
    expect(() => contains(column(["a"], utf8), "a", { flags: "x" })).toThrow(/invalid flags: "x"/);
  });
  it("contains(col, '(') raises an OptionError naming the regex", () => {
    expect(() => contains(column(["a"], utf8), "(")).toThrow(OptionError);
    expect(() => contains(column(["a"], utf8), "(")).toThrow(/invalid regular expression "\("/);
  });
  it("contains(col, 'a', {na: 'x'}) and startsWith(col, 3) raise OptionErrors", () => {
    expect(() => contains(column(["a"], utf8), "a", { na: "x" as never })).toThrow(/invalid na: "x"/);
    expect(() => startsWith(column(["a"], utf8), 3 as never)).toThrow(/invalid pattern: 3/);
  });
  it("contains on a float64 column raises a DTypeError naming the dtype", () => {
    expect(() => contains(column([1.5], "float64"), "a")).toThrow(DTypeError);
    expect(() => contains(column([1.5], "float64"), "a")).toThrow(/float64/);
  });
});

const SEP = "ab";
const unit = fc.constantFrom("a", "b", "B", " ", "\t", "é", "É", "ß", "😀", "ab");
const rows = fc.array(fc.option(fc.string({ unit, maxLength: 8 }), { freq: 5 }), { maxLength: 40 });

describe("search kernels: property tests vs naive JS", () => {
  it("contains (literal, literal case-folded, regex) / startsWith / endsWith over every layout", () => {
    fc.assert(
      fc.property(rows, fc.constantFrom("a", "é", "ab", "😀", "B", " "), (values, pat) => {
        const map = (f: (s: string) => boolean) => values.map((v) => (v === null ? null : f(v)));
        for (const [, col] of layouts(values)) {
          expect(contains(col, pat, { regex: false }).toArray()).toEqual(map((s) => s.includes(pat)));
          expect(contains(col, pat, { regex: false, case: false }).toArray()).toEqual(
            map((s) => s.toLowerCase().includes(pat.toLowerCase())),
          );
          expect(contains(col, `${pat}|z+`).toArray()).toEqual(
            map((s) => s.includes(pat) || s.includes("z")),
          );
          expect(startsWith(col, pat).toArray()).toEqual(map((s) => s.startsWith(pat)));
          expect(endsWith(col, pat).toArray()).toEqual(map((s) => s.endsWith(pat)));
        }
      }),
      { seed: 42, numRuns: 120 },
    );
  });
  it(`contains(col, '${SEP}') over 1e4 random rows in two chunks`, () => {
    const values = fc.sample(fc.option(fc.string({ unit, maxLength: 10 }), { freq: 8 }), {
      seed: 3,
      numRuns: 10000,
    });
    const [, two] = layouts(values)[4]!;
    expect(contains(two, SEP, { regex: false }).toArray()).toEqual(
      values.map((v) => (v === null ? null : v.includes(SEP))),
    );
    expect(contains(two, "é", { regex: true }).toArray()).toEqual(
      values.map((v) => (v === null ? null : v.includes("é"))),
    );
  });
});

describe("Python's regex dialect (string patterns)", () => {
  // Expected values: CPython 3's re module, where \w, \d, \s and \b are Unicode-aware
  const s = column(["é½", "٣4", "écat", "a cat", "a\n", "x\u3000y", "ab"], utf8);
  it("fullmatch('\\w*') accepts letters and numbers beyond ASCII (re.fullmatch(r'\\w*', 'é½') matches)", () => {
    expect(fullmatch(s, "\\w*").toArray()).toEqual([true, true, true, false, false, false, true]);
  });
  it("contains('\\d') finds the Arabic-Indic digit ٣ (re.search(r'\\d', '٣') matches)", () => {
    expect(contains(column(["٣", "x"], utf8), "\\d").toArray()).toEqual([true, false]);
  });
  it("contains('\\bcat\\b'): é is a word character, so 'écat' has no word boundary before 'cat'", () => {
    expect(contains(s, "\\bcat\\b").toArray()).toEqual([false, false, false, true, false, false, false]);
  });
  it("contains('a$') matches before a final newline, as Python's $ does without re.M", () => {
    expect(contains(column(["a\n", "a\nb", "a"], utf8), "a$").toArray()).toEqual([true, false, true]);
  });
  it("contains('\\s') matches the ideographic space U+3000 (str.isspace() is True for it)", () => {
    expect(contains(s, "x\\sy").toArray()).toEqual([false, false, false, false, false, true, false]);
  });
  it("a RegExp object keeps JavaScript's own semantics (ASCII \\w)", () => {
    expect(contains(column(["é"], utf8), /^\w$/).toArray()).toEqual([false]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { dictionary, utf8 } from "../../../src/core/dtype.js";
import { DTypeError, OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { count, find, len, predicate, type StringPredicate } from "../../../src/core/kernels/str-measure.js";

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

describe("len(col)", () => {
  for (const [name, col] of layouts(["dog", "", null, "😀", "e\u0301", "é", "ñandú", "a😀b"])) {
    it(`len(col) counts code points (emoji 1, decomposed é 2) over ${name}`, () => {
      const r = len(col);
      expect(r.dtype.kind).toBe("int32");
      expect(r.toArray()).toEqual([3, 0, null, 1, 2, 1, 5, 3]);
    });
  }
  it("len(col) — user guide: ['A', 'B', 'C', 'Aaba', 'Baca', NaN, 'CABA', 'dog', 'cat']", () => {
    const c = column(["A", "B", "C", "Aaba", "Baca", null, "CABA", "dog", "cat"], utf8);
    expect(len(c).toArray()).toEqual([1, 1, 1, 4, 4, null, 4, 3, 3]);
  });
});

describe("find(col, sub, start, end) / rfind — Python's str.find", () => {
  it("find/rfind('an') — ['apple', 'banana']", () => {
    const c = column(["apple", "banana", null], utf8);
    expect(find(c, "an").toArray()).toEqual([-1, 1, null]);
    expect(find(c, "an", 0, null, true).toArray()).toEqual([-1, 3, null]);
  });
  it("find counts code points before the match: 'é😀ab'.find('a') == 2, rfind('a') == 2", () => {
    const c = column(["é😀ab", "😀😀a😀a"], utf8);
    expect(find(c, "a").toArray()).toEqual([2, 2]);
    expect(find(c, "a", 0, null, true).toArray()).toEqual([2, 4]);
    expect(find(c, "😀", 1).toArray()).toEqual([1, 1]);
  });
  it("find with start/end: 'abcabc'.find('c', 3) == 5, .find('c', 0, 2) == -1, .find('bc', -3) == 4, .rfind('a', 0, 3) == 0", () => {
    const c = column(["abcabc"], utf8);
    expect(find(c, "c", 3).toArray()).toEqual([5]);
    expect(find(c, "c", 0, 2).toArray()).toEqual([-1]);
    expect(find(c, "bc", -3).toArray()).toEqual([4]);
    expect(find(c, "a", 0, 3, true).toArray()).toEqual([0]);
    expect(find(c, "bc", 0, -1, true).toArray()).toEqual([1]);
    expect(find(c, "a", -100, 100).toArray()).toEqual([0]);
  });
  it("find(col, '') is start when start <= len, else -1 ('abc'.find('', 3) == 3, 'abc'.find('', 4) == -1)", () => {
    const c = column(["abc", "", "😀😀"], utf8);
    expect(find(c, "", 3).toArray()).toEqual([3, -1, -1]);
    expect(find(c, "", 2).toArray()).toEqual([2, -1, 2]);
    expect(find(c, "", 4).toArray()).toEqual([-1, -1, -1]);
    expect(find(c, "", 0, null, true).toArray()).toEqual([3, 0, 2]);
  });
  it("find(col, 3) and find(col, 'a', 1.5) raise OptionErrors naming the argument", () => {
    expect(() => find(column(["a"], utf8), 3 as never)).toThrow(/invalid sub: 3/);
    expect(() => find(column(["a"], utf8), "a", 1.5)).toThrow(/invalid start: 1\.5/);
  });
});

describe("count(col, pat) — non-overlapping regex matches", () => {
  it("count(col, 'a') — docstring ['A', 'B', 'Aaba', 'Baca', NaN, 'CABA', 'cat']", () => {
    const c = column(["A", "B", "Aaba", "Baca", null, "CABA", "cat"], utf8);
    expect(count(c, "a").toArray()).toEqual([0, 0, 2, 2, null, 0, 1]);
  });
  it("count(col, '\\\\$') escapes the dollar — docstring ['$', 'B', 'Aab$', '$$ca', 'C$B$', 'cat']", () => {
    const c = column(["$", "B", "Aab$", "$$ca", "C$B$", "cat"], utf8);
    expect(count(c, "\\$").toArray()).toEqual([1, 0, 1, 2, 2, 0]);
  });
  it("count does not overlap: 'aaa'.count('aa') == 1, 'aaaa' has 2", () => {
    expect(count(column(["aaa", "aaaa", "a"], utf8), "aa").toArray()).toEqual([1, 2, 0]);
  });
  it("count(col, '') counts the gaps between code points: len(re.findall('', s)) == len(s) + 1", () => {
    expect(count(column(["", "ab", "😀", "é😀"], utf8), "").toArray()).toEqual([1, 3, 2, 3]);
  });
  it("count(col, 'x*') counts empty matches around astral characters without looping (re.findall('x*', '😀x😀') has 4)", () => {
    expect(count(column(["😀x😀", "😀"], utf8), "x*").toArray()).toEqual([4, 2]);
  });
  it("count(col, 'A', {case: false})", () => {
    expect(count(column(["Aaba", "bcd"], utf8), "A", { case: false }).toArray()).toEqual([3, 0]);
  });
});

describe("predicate(col, which) — Python's str.isX", () => {
  const P = (values: (string | null)[], which: StringPredicate) =>
    predicate(column(values, utf8), which).toArray();
  it("docstring: isDecimal / isDigit / isNumeric on ['23', '³', '⅕', '']", () => {
    const v = ["23", "³", "⅕", ""];
    expect(P(v, "isDecimal")).toEqual([true, false, false, false]);
    expect(P(v, "isDigit")).toEqual([true, true, false, false]);
    expect(P(v, "isNumeric")).toEqual([true, true, true, false]);
  });
  it("docstring: isAlpha / isNumeric / isAlnum on ['one', 'one1', '1', '']; isAlnum on ['A B', '1.5', '3,000']", () => {
    const v = ["one", "one1", "1", ""];
    expect(P(v, "isAlpha")).toEqual([true, false, false, false]);
    expect(P(v, "isNumeric")).toEqual([false, false, true, false]);
    expect(P(v, "isAlnum")).toEqual([true, true, true, false]);
    expect(P(["A B", "1.5", "3,000"], "isAlnum")).toEqual([false, false, false]);
  });
  it("docstring: isSpace on [' ', '\\t\\r\\n ', '']; isLower / isUpper / isTitle on ['leopard', 'Golden Eagle', 'SNAKE', '']", () => {
    expect(P([" ", "\t\r\n ", ""], "isSpace")).toEqual([true, true, false]);
    const v = ["leopard", "Golden Eagle", "SNAKE", ""];
    expect(P(v, "isLower")).toEqual([true, false, false, false]);
    expect(P(v, "isUpper")).toEqual([false, false, true, false]);
    expect(P(v, "isTitle")).toEqual([false, true, false, false]);
  });
  it("edge cases: '²' is a digit not a decimal, '½' numeric only, '٣' decimal, ' \\t' space, '' nothing", () => {
    const v = ["", "²", "½", "٣", " \t", "é", "一", "\u00a0", "\x1c", "\ufeff", null];
    expect(P(v, "isDigit")).toEqual([
      false,
      true,
      false,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      null,
    ]);
    expect(P(v, "isDecimal")).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      null,
    ]);
    // CPython: '一'.isnumeric() is True (a CJK ideograph with a numeric value)
    expect(P(v, "isNumeric")).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      true,
      false,
      false,
      false,
      null,
    ]);
    expect(P(v, "isAlpha")).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      false,
      false,
      false,
      null,
    ]);
    expect(P(v, "isAlnum")).toEqual([false, true, true, true, false, true, true, false, false, false, null]);
    // '\x1c' (file separator) is whitespace for Python, the BOM is not
    expect(P(v, "isSpace")).toEqual([
      false,
      false,
      false,
      false,
      true,
      false,
      false,
      true,
      true,
      false,
      null,
    ]);
  });
  it("isDigit covers the Ethiopic digits (U+1369) and circled digits (U+2460), as Python's isdigit", () => {
    expect(P(["\u1369\u136a", "\u2460", "\u{1F101}"], "isDigit")).toEqual([true, true, true]);
  });
  it("isLower / isUpper / isTitle use the Unicode properties: 'ĸ' and 'ª' are lowercase, 'ℂ' upper, 'ǅ' title", () => {
    const v = ["ĸ", "ª", "ℂ", "ǅ", "ǅa", "ß", "1a", "A1", "Ab Cd", "AB", "Ab1Cd", "ǅungla"];
    expect(P(v, "isLower")).toEqual([
      true,
      true,
      false,
      false,
      false,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(P(v, "isUpper")).toEqual([
      false,
      false,
      true,
      false,
      false,
      false,
      false,
      true,
      false,
      true,
      false,
      false,
    ]);
    expect(P(v, "isTitle")).toEqual([
      false,
      false,
      true,
      true,
      true,
      false,
      false,
      true,
      true,
      false,
      true,
      true,
    ]);
  });
  for (const [name, col] of layouts(["abc", null, "ABC", "", "Ab", "12"])) {
    it(`predicate(col, 'isLower' | 'isDigit') over ${name}`, () => {
      expect(predicate(col, "isLower").toArray()).toEqual([true, null, false, false, false, false]);
      expect(predicate(col, "isDigit").toArray()).toEqual([false, null, false, false, false, true]);
    });
  }
  it("predicate(col, 'isFoo') raises an OptionError listing the predicates", () => {
    expect(() => predicate(column(["a"], utf8), "isFoo" as never)).toThrow(OptionError);
    expect(() => predicate(column(["a"], utf8), "isFoo" as never)).toThrow(
      /invalid predicate: "isFoo".*isAlpha/,
    );
  });
  it("len / count / predicate on int64 raise DTypeErrors naming int64", () => {
    const c = column([1n], "int64");
    expect(() => len(c)).toThrow(DTypeError);
    expect(() => count(c, "a")).toThrow(/str\.count needs strings.*int64/);
    expect(() => predicate(c, "isDigit")).toThrow(/str\.isDigit needs strings.*int64/);
  });
});

const unit = fc.constantFrom("a", "b", " ", "\t", "é", "ß", "😀", "ab", "e\u0301");
const rows = fc.array(fc.option(fc.string({ unit, maxLength: 8 }), { freq: 5 }), { maxLength: 40 });
const cps = (s: string) => Array.from(s).length;

describe("measure kernels: property tests vs naive JS", () => {
  it("len / find / rfind / count (literal) over every layout", () => {
    fc.assert(
      fc.property(rows, fc.constantFrom("a", "é", "ab", "😀", " "), (values, sub) => {
        const map = <R>(f: (s: string) => R) => values.map((v) => (v === null ? null : f(v)));
        // naive: code point position of the first / last occurrence, counted on arrays of code points
        const findCp = (s: string, last: boolean) => {
          const a = Array.from(s);
          const b = Array.from(sub);
          const at = (i: number) => b.every((c, k) => a[i + k] === c);
          if (last) {
            for (let i = a.length - b.length; i >= 0; i--) if (at(i)) return i;
          } else {
            for (let i = 0; i + b.length <= a.length; i++) if (at(i)) return i;
          }
          return -1;
        };
        const countNaive = (s: string) => {
          let k = 0;
          for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length)) k++;
          return k;
        };
        for (const [, col] of layouts(values)) {
          expect(len(col).toArray()).toEqual(map(cps));
          expect(find(col, sub).toArray()).toEqual(map((s) => findCp(s, false)));
          expect(find(col, sub, 0, null, true).toArray()).toEqual(map((s) => findCp(s, true)));
          expect(count(col, sub).toArray()).toEqual(map(countNaive));
        }
      }),
      { seed: 42, numRuns: 120 },
    );
  });
  it("len(col) over 1e4 random rows in two chunks", () => {
    const values = fc.sample(fc.option(fc.string({ unit, maxLength: 12 }), { freq: 8 }), {
      seed: 11,
      numRuns: 10000,
    });
    const [, two] = layouts(values)[4]!;
    expect(len(two).toArray()).toEqual(values.map((v) => (v === null ? null : cps(v))));
  });
});

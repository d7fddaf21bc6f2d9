import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { dictionary, utf8 } from "../../../src/core/dtype.js";
import { DTypeError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { capitalize, lower, swapcase, title, upper } from "../../../src/core/kernels/str-case.js";

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

const DOC = ["lower", "CAPITALS", "this is a sentence", "SwApCaSe"];

describe("case kernels: pandas docstring examples (Series.str.lower and friends)", () => {
  it("lower(col) / upper(col) / title(col) / capitalize(col) / swapcase(col)", () => {
    const c = column(DOC, utf8);
    expect(lower(c).toArray()).toEqual(["lower", "capitals", "this is a sentence", "swapcase"]);
    expect(upper(c).toArray()).toEqual(["LOWER", "CAPITALS", "THIS IS A SENTENCE", "SWAPCASE"]);
    expect(title(c).toArray()).toEqual(["Lower", "Capitals", "This Is A Sentence", "Swapcase"]);
    expect(capitalize(c).toArray()).toEqual(["Lower", "Capitals", "This is a sentence", "Swapcase"]);
    expect(swapcase(c).toArray()).toEqual(["LOWER", "capitals", "THIS IS A SENTENCE", "sWaPcAsE"]);
  });
  it("lower(col) on the user guide's Series with NaN keeps the null", () => {
    const c = column(["A", "B", "C", "Aaba", "Baca", null, "CABA", "dog", "cat"], utf8);
    expect(lower(c).toArray()).toEqual(["a", "b", "c", "aaba", "baca", null, "caba", "dog", "cat"]);
    expect(upper(c).toArray()).toEqual(["A", "B", "C", "AABA", "BACA", null, "CABA", "DOG", "CAT"]);
  });
});

describe("case kernels: Python semantics (hand-computed with CPython's str methods)", () => {
  it("title(col): an apostrophe ends a word, as Python's \"they're bill's friends\".title()", () => {
    expect(title(column(["they're bill's friends", "hello world", "3rd place", ""], utf8)).toArray()).toEqual(
      ["They'Re Bill'S Friends", "Hello World", "3Rd Place", ""],
    );
  });
  it("title(col) / capitalize(col) titlecase a character whose uppercase is two letters: 'ßa' -> 'Ssa', 'ﬁx' -> 'Fix'", () => {
    const c = column(["ßa", "ﬁx", "ǆemal", "straße"], utf8);
    expect(title(c).toArray()).toEqual(["Ssa", "Fix", "ǅemal", "Straße"]);
    expect(capitalize(c).toArray()).toEqual(["Ssa", "Fix", "ǅemal", "Straße"]);
  });
  it("capitalize(col) lowers the rest: 'hELLO wORLD' -> 'Hello world', '😀aB' -> '😀ab', 'éCOLE' -> 'École'", () => {
    expect(capitalize(column(["hELLO wORLD", "😀aB", "éCOLE", "", "a"], utf8)).toArray()).toEqual([
      "Hello world",
      "😀ab",
      "École",
      "",
      "A",
    ]);
  });
  it("upper(col) / swapcase(col) expand 'ß' to 'SS' as Python; lower(col) of 'İ' is 'i̇' (two code points)", () => {
    const c = column(["ß", "straße", "İ", "Straße"], utf8);
    expect(upper(c).toArray()).toEqual(["SS", "STRASSE", "İ", "STRASSE"]);
    expect(swapcase(c).toArray()).toEqual(["SS", "STRASSE", "i\u0307", "sTRASSE"]);
    expect(lower(c).toArray()).toEqual(["ß", "straße", "i\u0307", "straße"]);
  });
  it("lower(col) / swapcase(col) / title(col) use the final sigma: 'ΟΔΟΣ' -> 'οδος' (Python applies Final_Sigma)", () => {
    const c = column(["ΟΔΟΣ", "ΣΑ"], utf8);
    expect(lower(c).toArray()).toEqual(["οδος", "σα"]);
    expect(swapcase(c).toArray()).toEqual(["οδος", "σα"]);
    expect(title(c).toArray()).toEqual(["Οδος", "Σα"]);
  });
  it("swapcase(col) leaves a titlecase digraph alone ('ǅ' is neither upper nor lower in Python)", () => {
    expect(swapcase(column(["ǅa", "ǄA"], utf8)).toArray()).toEqual(["ǅA", "ǆa"]);
  });
});

describe("case kernels: layouts, nulls and dtypes", () => {
  const values = ["Ab", null, "éÉ", "", "x Y", "ßQ", "😀z", null, "plain ASCII"];
  const expected = {
    lower: ["ab", null, "éé", "", "x y", "ßq", "😀z", null, "plain ascii"],
    upper: ["AB", null, "ÉÉ", "", "X Y", "SSQ", "😀Z", null, "PLAIN ASCII"],
    swapcase: ["aB", null, "Éé", "", "X y", "SSq", "😀Z", null, "PLAIN ascii"],
    title: ["Ab", null, "Éé", "", "X Y", "Ssq", "😀Z", null, "Plain Ascii"],
    capitalize: ["Ab", null, "Éé", "", "X y", "Ssq", "😀z", null, "Plain ascii"],
  };
  const fns = { lower, upper, swapcase, title, capitalize };
  for (const [name, col] of layouts(values)) {
    for (const [fn, f] of Object.entries(fns)) {
      it(`${fn}(col) over ${name}`, () => {
        const r = f(col);
        expect(r.toArray()).toEqual(expected[fn as keyof typeof expected]);
        expect(r.nullCount).toBe(2);
      });
    }
  }
  it("lower(col) keeps large_utf8; a categorical gives its value dtype (utf8)", () => {
    expect(lower(column(["A"], "large_utf8")).dtype.kind).toBe("large_utf8");
    expect(lower(column(["A"], dictionary())).dtype.kind).toBe("utf8");
  });
  it("upper(col) of an ASCII chunk sliced off a longer one (fast path with non-zero offsets)", () => {
    const c = column(["skip me", "ab", "Cd", null, "e f"], utf8).slice(1, 4);
    expect(upper(c).toArray()).toEqual(["AB", "CD", null]);
    const r = lower(c).chunks[0]!;
    expect(r.offset).toBe(0);
    expect(Array.from(r.valueOffsets as Int32Array)).toEqual([0, 2, 4, 4]);
  });
  it("lower(col) on an empty column and an all-null column", () => {
    expect(lower(column([], utf8)).toArray()).toEqual([]);
    expect(lower(column([null, null], utf8)).toArray()).toEqual([null, null]);
  });
  it("lower(col) on int64 raises a DTypeError naming the dtype", () => {
    expect(() => lower(column([1n], "int64"))).toThrow(DTypeError);
    expect(() => lower(column([1n], "int64"))).toThrow(/str\.lower needs strings.*int64/);
  });
});

const unit = fc.constantFrom("a", "B", "z", " ", "\t", "é", "É", "ß", "😀", "_");
const rows = fc.array(fc.option(fc.string({ unit, maxLength: 8 }), { freq: 5 }), { maxLength: 40 });

describe("case kernels: property tests vs naive JS", () => {
  it("lower(col) / upper(col) equal toLowerCase / toUpperCase per row over every layout", () => {
    fc.assert(
      fc.property(rows, (values) => {
        for (const [, col] of layouts(values)) {
          expect(lower(col).toArray()).toEqual(values.map((v) => v?.toLowerCase() ?? null));
          expect(upper(col).toArray()).toEqual(values.map((v) => v?.toUpperCase() ?? null));
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });
  it("lower(col) / upper(col) over 1e4 random rows in two chunks", () => {
    const values = fc.sample(fc.option(fc.string({ unit, maxLength: 12 }), { freq: 8 }), {
      seed: 7,
      numRuns: 10000,
    });
    const [, two] = layouts(values)[4]!;
    expect(lower(two).toArray()).toEqual(values.map((v) => v?.toLowerCase() ?? null));
    expect(upper(two).toArray()).toEqual(values.map((v) => v?.toUpperCase() ?? null));
  });
});

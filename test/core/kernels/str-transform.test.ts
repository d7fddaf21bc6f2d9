import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { dictionary, utf8 } from "../../../src/core/dtype.js";
import { OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { len } from "../../../src/core/kernels/str-measure.js";
import {
  get,
  normalize,
  pad,
  removePrefix,
  removeSuffix,
  repeat,
  slice,
  strip,
  zfill,
} from "../../../src/core/kernels/str-transform.js";

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

const center = (c: Column, w: number, f = " ") => pad(c, w, { side: "both", fillchar: f });

describe("strip(col, chars, side) — pandas docstring ['1. Ant.  ', '2. Bee!\\n', '3. Cat?\\t', NaN]", () => {
  for (const [name, col] of layouts(["1. Ant.  ", "2. Bee!\n", "3. Cat?\t", null])) {
    it(`strip / lstrip('123.') / rstrip('.!? \\n\\t') / strip('123.!? \\n\\t') over ${name}`, () => {
      expect(strip(col).toArray()).toEqual(["1. Ant.", "2. Bee!", "3. Cat?", null]);
      expect(strip(col, "123.", "left").toArray()).toEqual([" Ant.  ", " Bee!\n", " Cat?\t", null]);
      expect(strip(col, ".!? \n\t", "right").toArray()).toEqual(["1. Ant", "2. Bee", "3. Cat", null]);
      expect(strip(col, "123.!? \n\t").toArray()).toEqual(["Ant", "Bee", "Cat", null]);
    });
  }
  it("strip / lstrip / rstrip — user guide [' jack', 'jill ', ' jesse ', 'frank']", () => {
    const c = column([" jack", "jill ", " jesse ", "frank"], utf8);
    expect(strip(c).toArray()).toEqual(["jack", "jill", "jesse", "frank"]);
    expect(strip(c, null, "left").toArray()).toEqual(["jack", "jill ", "jesse ", "frank"]);
    expect(strip(c, null, "right").toArray()).toEqual([" jack", "jill", " jesse", "frank"]);
  });
  it("strip(col) removes Python's whitespace, Unicode spaces included ('\\u3000a\\xa0' -> 'a'), but not the BOM", () => {
    const c = column(["\u3000a\u00a0", "\x1c b \x1f", " é ", "   ", ""], utf8);
    expect(strip(c).toArray()).toEqual(["a", "b", "é", "", ""]);
    // the BOM stays (read back through len: reading a value that starts with U+FEFF drops it, see chunk.ts decodeUtf8)
    expect(len(strip(column(["\ufeffx ", "ab"], utf8))).toArray()).toEqual([2, 2]);
    expect(strip(column(["x\ufeff", "ab"], utf8)).toArray()).toEqual(["x\ufeff", "ab"]);
  });
  it("strip(col, chars) with non-ASCII chars strips whole code points: '😀é😀ab😀'.strip('😀é') == 'ab'", () => {
    expect(strip(column(["😀é😀ab😀", "é"], utf8), "😀é").toArray()).toEqual(["ab", ""]);
    expect(strip(column(["xxaxx"], utf8), "").toArray()).toEqual(["xxaxx"]);
  });
  it("strip(col) of an ASCII chunk sliced to a non-zero offset (fast path)", () => {
    const c = column(["  skip", " a ", "\tb\n", null, "c"], utf8).slice(1);
    expect(strip(c).toArray()).toEqual(["a", "b", null, "c"]);
    expect(strip(c, null, "left").toArray()).toEqual(["a ", "b\n", null, "c"]);
  });
  it("strip(col, 3) raises an OptionError naming chars", () => {
    expect(() => strip(column(["a"], utf8), 3 as never)).toThrow(/str\.strip: invalid chars: 3/);
  });
});

describe("pad / center / ljust / rjust / zfill", () => {
  it("pad(col, 10) with sides — pandas docstring ['caribou', 'tiger']", () => {
    const c = column(["caribou", "tiger"], utf8);
    expect(pad(c, 10).toArray()).toEqual(["   caribou", "     tiger"]);
    expect(pad(c, 10, { side: "right", fillchar: "-" }).toArray()).toEqual(["caribou---", "tiger-----"]);
    expect(pad(c, 10, { side: "both", fillchar: "-" }).toArray()).toEqual(["-caribou--", "--tiger---"]);
  });
  it("center / ljust / rjust (8, '.') — pandas docstring ['dog', 'bird', 'mouse']", () => {
    const c = column(["dog", "bird", "mouse"], utf8);
    expect(center(c, 8, ".").toArray()).toEqual(["..dog...", "..bird..", ".mouse.."]);
    expect(pad(c, 8, { side: "right", fillchar: "." }).toArray()).toEqual([
      "dog.....",
      "bird....",
      "mouse...",
    ]);
    expect(pad(c, 8, { side: "left", fillchar: "." }).toArray()).toEqual([
      ".....dog",
      "....bird",
      "...mouse",
    ]);
  });
  it("center follows Python for odd/even widths: 'ab'.center(5,'*') == '**ab*', 'abc'.center(6,'*') == '*abc**'", () => {
    expect(center(column(["ab"], utf8), 5, "*").toArray()).toEqual(["**ab*"]);
    expect(center(column(["abc"], utf8), 6, "*").toArray()).toEqual(["*abc**"]);
    expect(center(column(["a", "ab", "abc", "abcd"], utf8), 4, "*").toArray()).toEqual([
      "*a**",
      "*ab*",
      "abc*",
      "abcd",
    ]);
    expect(center(column(["a", "ab", ""], utf8), 3, "*").toArray()).toEqual(["*a*", "*ab", "***"]);
  });
  it("pad counts code points and fills with an astral character: 'é😀'.rjust(4, '😀') == '😀😀é😀'", () => {
    expect(pad(column(["é😀", "e\u0301"], utf8), 4, { fillchar: "😀" }).toArray()).toEqual([
      "😀😀é😀",
      "😀😀e\u0301",
    ]);
  });
  it("zfill(col, 3) — pandas docstring ['-1', '1', '1000', NaN]", () => {
    expect(zfill(column(["-1", "1", "1000", null], utf8), 3).toArray()).toEqual(["-01", "001", "1000", null]);
  });
  it("zfill keeps a leading sign first: '+5'.zfill(4) == '+005', '-'.zfill(3) == '-00', ''.zfill(2) == '00', 'a-1'.zfill(5) == '00a-1'", () => {
    expect(zfill(column(["+5", "-", "", "a-1", "--1", "é"], utf8), 5).toArray()).toEqual([
      "+0005",
      "-0000",
      "00000",
      "00a-1",
      "-00-1",
      "0000é",
    ]);
  });
  for (const [name, col] of layouts(["a", null, "é", "abcd"])) {
    it(`pad / zfill keep nulls over ${name}`, () => {
      expect(pad(col, 3, { fillchar: "." }).toArray()).toEqual(["..a", null, "..é", "abcd"]);
      expect(zfill(col, 2).toArray()).toEqual(["0a", null, "0é", "abcd"]);
    });
  }
  it("pad(col, -1), pad(col, 1.5), fillchar 'ab' and side 'up' raise OptionErrors naming the option", () => {
    const c = column(["a"], utf8);
    expect(() => pad(c, -1)).toThrow(OptionError);
    expect(() => pad(c, -1)).toThrow(/width/);
    expect(() => pad(c, 1.5)).toThrow(/width/);
    expect(() => pad(c, 3, { fillchar: "ab" })).toThrow(/invalid fillchar: "ab" \(expected one character\)/);
    expect(() => pad(c, 3, { fillchar: "" })).toThrow(/invalid fillchar/);
    expect(() => pad(c, 3, { side: "up" as never })).toThrow(/invalid side: "up"/);
    expect(() => zfill(c, -1)).toThrow(/width/);
  });
});

describe("slice(col, start, stop, step) — Python's s[start:stop:step] on code points", () => {
  it("pandas docstring: ['koala', 'dog', 'chameleon']", () => {
    const c = column(["koala", "dog", "chameleon"], utf8);
    expect(slice(c, 1).toArray()).toEqual(["oala", "og", "hameleon"]);
    expect(slice(c, -1).toArray()).toEqual(["a", "g", "n"]);
    expect(slice(c, null, 2).toArray()).toEqual(["ko", "do", "ch"]);
    expect(slice(c, null, null, 2).toArray()).toEqual(["kaa", "dg", "caeen"]);
    expect(slice(c, 0, 5, 3).toArray()).toEqual(["kl", "d", "cm"]);
  });
  it("negative steps: 'abcdef'[::-1] == 'fedcba', [4:1:-2] == 'ec', [-1:-4:-1] == 'fed', [:2:-1] == 'fed', [10::-3] == 'fc'", () => {
    const c = column(["abcdef"], utf8);
    expect(slice(c, null, null, -1).toArray()).toEqual(["fedcba"]);
    expect(slice(c, 4, 1, -2).toArray()).toEqual(["ec"]);
    expect(slice(c, -1, -4, -1).toArray()).toEqual(["fed"]);
    expect(slice(c, null, 2, -1).toArray()).toEqual(["fed"]);
    expect(slice(c, 10, null, -3).toArray()).toEqual(["fc"]);
    expect(slice(c, 1, 4, -1).toArray()).toEqual([""]);
  });
  it("slice counts code points: 'a😀é'[1:] == '😀é', [::-1] == 'é😀a'; a decomposed é reverses its mark", () => {
    const c = column(["a😀é", "e\u0301x"], utf8);
    expect(slice(c, 1).toArray()).toEqual(["😀é", "\u0301x"]);
    expect(slice(c, null, null, -1).toArray()).toEqual(["é😀a", "x\u0301e"]);
  });
  it("slice(col, 0, 1, 0) raises an OptionError: a slice step cannot be zero; slice(col, 0.5) names start", () => {
    expect(() => slice(column(["a"], utf8), 0, 1, 0)).toThrow(OptionError);
    expect(() => slice(column(["a"], utf8), 0, 1, 0)).toThrow(/step: 0/);
    expect(() => slice(column(["a"], utf8), 0.5)).toThrow(/invalid start: 0\.5/);
  });
});

describe("a leading U+FEFF (BOM) in a chunk is data", () => {
  it("slice(col) / len after a chunk whose first row starts with U+FEFF: later rows do not shift", () => {
    const c = column(["\ufeffxé", "abc", "déf"], utf8);
    expect(slice(c, 0, 2).toArray().slice(1)).toEqual(["ab", "dé"]);
    expect(len(slice(c, 0, 2)).toArray()).toEqual([2, 2, 2]);
  });
});

describe("get / repeat / normalize / removePrefix / removeSuffix", () => {
  it("get(col, i) — user guide s.str[0] / s.str[1] on ['A', 'B', 'C', 'Aaba', 'Baca', NaN, 'CABA', 'dog', 'cat']", () => {
    const c = column(["A", "B", "C", "Aaba", "Baca", null, "CABA", "dog", "cat"], utf8);
    expect(get(c, 0).toArray()).toEqual(["A", "B", "C", "A", "B", null, "C", "d", "c"]);
    expect(get(c, 1).toArray()).toEqual([null, null, null, "a", "a", null, "A", "o", "a"]);
  });
  it("get(col, -1) and astral characters: 'String'[-1] == 'g', 'a😀'[1] == '😀', ''[0] is missing", () => {
    const c = column(["String", "a😀", ""], utf8);
    expect(get(c, -1).toArray()).toEqual(["g", "😀", null]);
    expect(get(c, 1).toArray()).toEqual(["t", "😀", null]);
    expect(get(c, -7).toArray()).toEqual([null, null, null]);
  });
  it("get over a categorical gives the same as over utf8", () => {
    const v = ["ab", null, "ab", "c"];
    expect(get(column(v, dictionary()), 1).toArray()).toEqual(get(column(v, utf8), 1).toArray());
  });
  it("repeat(col, 2) and repeat(col, [1, 2, 3]) — pandas docstring ['a', 'b', 'c']", () => {
    const c = column(["a", "b", "c"], utf8);
    expect(repeat(c, 2).toArray()).toEqual(["aa", "bb", "cc"]);
    expect(repeat(c, [1, 2, 3]).toArray()).toEqual(["a", "bb", "ccc"]);
    expect(repeat(c, 0).toArray()).toEqual(["", "", ""]);
  });
  for (const [name, col] of layouts(["a", null, "é", "b", "c"])) {
    it(`repeat(col, counts per row) lines counts up with rows over ${name}`, () => {
      expect(repeat(col, [3, 9, 2, 1, 0]).toArray()).toEqual(["aaa", null, "éé", "b", ""]);
    });
  }
  it("repeat(col, [1]) of the wrong length, repeat(col, -1) and repeat(col, [1, -1]) raise OptionErrors", () => {
    const c = column(["a", "b"], utf8);
    expect(() => repeat(c, [1])).toThrow(/expected a count or 2 counts/);
    expect(() => repeat(c, -1)).toThrow(/repeats/);
    expect(() => repeat(c, [1, -1])).toThrow(/invalid repeats at row 1: -1/);
  });
  it("normalize(col, form): NFC composes 'e\\u0301' to 'é', NFKC folds 'ﬁ' to 'fi' and '²' to '2', NFD decomposes", () => {
    const c = column(["e\u0301", "ﬁ²", "é", null], utf8);
    expect(normalize(c, "NFC").toArray()).toEqual(["é", "ﬁ²", "é", null]);
    expect(normalize(c, "NFKC").toArray()).toEqual(["é", "fi2", "é", null]);
    expect(normalize(c, "NFD").toArray()).toEqual(["e\u0301", "ﬁ²", "e\u0301", null]);
    expect(() => normalize(c, "NFX" as never)).toThrow(/invalid form: "NFX"/);
  });
  it("removePrefix / removeSuffix — pandas docstring", () => {
    expect(removePrefix(column(["str_foo", "str_bar", "no_prefix", null], utf8), "str_").toArray()).toEqual([
      "foo",
      "bar",
      "no_prefix",
      null,
    ]);
    expect(removeSuffix(column(["foo_str", "bar_str", "no_suffix"], utf8), "_str").toArray()).toEqual([
      "foo",
      "bar",
      "no_suffix",
    ]);
    expect(removeSuffix(column(["abc"], utf8), "").toArray()).toEqual(["abc"]);
  });
});

const unit = fc.constantFrom("a", "b", " ", "\t", "\n", "é", "ß", "😀", "\u00a0");
const rows = fc.array(fc.option(fc.string({ unit, maxLength: 8 }), { freq: 5 }), { maxLength: 40 });
// Python's whitespace (str.isspace), \x1c-\x1f included
const WS_CLASS =
  "[\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const PY_WS = new RegExp(`^${WS_CLASS}+|${WS_CLASS}+$`, "g");

describe("transform kernels: property tests vs naive JS", () => {
  it("strip / slice / center over every layout", () => {
    fc.assert(
      fc.property(
        rows,
        fc.integer({ min: -6, max: 6 }),
        fc.integer({ min: -6, max: 6 }),
        fc.constantFrom(1, 2, -1, -2),
        fc.integer({ min: 0, max: 9 }),
        (values, a, b, step, w) => {
          const map = <R>(f: (s: string) => R) => values.map((v) => (v === null ? null : f(v)));
          // naive Python slice: walk the indices the slice visits
          const pySlice = (s: string) => {
            const cp = Array.from(s);
            const n = cp.length;
            const norm = (x: number, lo: number, hi: number) => Math.min(Math.max(x < 0 ? x + n : x, lo), hi);
            let out = "";
            if (step > 0) for (let i = norm(a, 0, n); i < norm(b, 0, n); i += step) out += cp[i];
            else for (let i = norm(a, -1, n - 1); i > norm(b, -1, n - 1); i += step) out += cp[i];
            return out;
          };
          const pyCenter = (s: string) => {
            const k = w - Array.from(s).length;
            if (k <= 0) return s;
            const left = Math.floor(k / 2) + (k & w & 1);
            return "*".repeat(left) + s + "*".repeat(k - left);
          };
          for (const [, col] of layouts(values)) {
            expect(strip(col).toArray()).toEqual(map((s) => s.replace(PY_WS, "")));
            expect(slice(col, a, b, step).toArray()).toEqual(map(pySlice));
            expect(center(col, w, "*").toArray()).toEqual(map(pyCenter));
          }
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });
  it("strip(col) over 1e4 random rows in two chunks", () => {
    const values = fc.sample(fc.option(fc.string({ unit, maxLength: 12 }), { freq: 8 }), {
      seed: 5,
      numRuns: 10000,
    });
    const [, two] = layouts(values)[4]!;
    expect(strip(two).toArray()).toEqual(values.map((v) => (v === null ? null : v.replace(PY_WS, ""))));
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { dictionary, utf8 } from "../../../src/core/dtype.js";
import { DTypeError, OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { pythonTemplate, replace } from "../../../src/core/kernels/str-replace.js";

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

describe("replace(col, pat, repl): pandas docstring and user guide", () => {
  for (const [name, col] of layouts(["foo", "fuz", null])) {
    it(`replace(col, 'f.', 'ba', {regex: true}) over ${name}`, () => {
      expect(replace(col, "f.", "ba", { regex: true }).toArray()).toEqual(["bao", "baz", null]);
    });
  }
  it("replace(col, 'f.', 'ba', {regex: false}) on ['f.o', 'fuz', NaN]", () => {
    expect(replace(column(["f.o", "fuz", null], utf8), "f.", "ba", { regex: false }).toArray()).toEqual([
      "bao",
      "fuz",
      null,
    ]);
  });
  it("replace(col, /[a-z]+/, reverse) with a function of the match", () => {
    const c = column(["foo 123", "bar baz", null], utf8);
    const r = replace(c, /[a-z]+/, (m) => [...m[0]].reverse().join(""));
    expect(r.toArray()).toEqual(["oof 123", "rab zab", null]);
  });
  it("replace with named groups and a function: m.groups.two swapcased — ['One Two Three', 'Foo Bar Baz']", () => {
    const c = column(["One Two Three", "Foo Bar Baz"], utf8);
    const swap = (s: string) =>
      [...s].map((ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())).join("");
    const r = replace(c, "(?P<one>\\w+) (?P<two>\\w+) (?P<three>\\w+)", (m) => swap(m.groups?.two ?? ""), {
      regex: true,
    });
    expect(r.toArray()).toEqual(["tWO", "bAR"]);
  });
  it("replace(col, /FUZ/i, 'bar') — a compiled regex with IGNORECASE", () => {
    expect(replace(column(["foo", "fuz", null], utf8), /FUZ/i, "bar").toArray()).toEqual([
      "foo",
      "bar",
      null,
    ]);
  });
  it("replace(col, '^.a|dog', 'XX-XX ', {case: false, regex: true}) — user guide", () => {
    const c = column(["A", "B", "C", "Aaba", "Baca", "", null, "CABA", "dog", "cat"], utf8);
    expect(replace(c, "^.a|dog", "XX-XX ", { case: false, regex: true }).toArray()).toEqual([
      "A",
      "B",
      "C",
      "XX-XX ba",
      "XX-XX ca",
      "",
      null,
      "XX-XX BA",
      "XX-XX ",
      "XX-XX t",
    ]);
  });
  it("replace(col, '-\\\\$', '-', {regex: true}) and replace(col, '-$', '-', {regex: false}) — user guide dollars", () => {
    const c = column(["12", "-$10", "$10,000"], utf8);
    expect(replace(c, "-\\$", "-", { regex: true }).toArray()).toEqual(["12", "-10", "$10,000"]);
    expect(replace(c, "-$", "-", { regex: false }).toArray()).toEqual(["12", "-10", "$10,000"]);
  });
});

describe("replace(col, pat, repl): Python semantics", () => {
  it("replace with n: 'aaaa'.replace('a', 'b', 2) == 'bbaa'; n: 0 changes nothing", () => {
    const c = column(["aaaa", "a", "", null], utf8);
    expect(replace(c, "a", "b", { n: 2 }).toArray()).toEqual(["bbaa", "b", "", null]);
    expect(replace(c, "a", "b", { n: 0 }).toArray()).toEqual(["aaaa", "a", "", null]);
    expect(replace(c, "a+", "X", { n: 1, regex: true }).toArray()).toEqual(["X", "X", "", null]);
  });
  it("replace of '' inserts between characters: 'ab'.replace('', '-') == '-a-b-', with n 2 == '-a-b'", () => {
    const c = column(["ab", "", "😀"], utf8);
    expect(replace(c, "", "-").toArray()).toEqual(["-a-b-", "-", "-😀-"]);
    expect(replace(c, "", "-", { n: 2 }).toArray()).toEqual(["-a-b", "-", "-😀-"]);
  });
  it("replace(col, 'A', 'x', {case: false}) folds case for plain text too (re.sub(re.escape, flags=re.I))", () => {
    expect(replace(column(["aAb.", "a.A"], utf8), "A.", "x", { case: false }).toArray()).toEqual([
      "aAb.",
      "xA",
    ]);
    expect(replace(column(["aAb"], utf8), "A", "x", { case: false }).toArray()).toEqual(["xxb"]);
  });
  it("replace with Python templates: \\1, \\g<1>, \\g<name>, a missing group gives ''", () => {
    const c = column(["John Smith", "Ada"], utf8);
    expect(replace(c, "(\\w+) (\\w+)", "\\2, \\1", { regex: true }).toArray()).toEqual([
      "Smith, John",
      "Ada",
    ]);
    expect(
      replace(c, "(?P<first>\\w+) (?P<last>\\w+)", "\\g<last> \\g<1>", { regex: true }).toArray(),
    ).toEqual(["Smith John", "Ada"]);
    expect(replace(column(["ab", "b"], utf8), "(a)?b", "[\\1]", { regex: true }).toArray()).toEqual([
      "[a]",
      "[]",
    ]);
  });
  it("replace keeps a literal '$' in the replacement, regex or not: re.sub('a', '$1$&', 'a') == '$1$&'", () => {
    const c = column(["a", "ba"], utf8);
    expect(replace(c, "a", "$1$&").toArray()).toEqual(["$1$&", "b$1$&"]);
    expect(replace(c, "a", "$1$&", { regex: true }).toArray()).toEqual(["$1$&", "b$1$&"]);
    expect(replace(c, "a", "$", { n: 1 }).toArray()).toEqual(["$", "b$"]);
  });
  it("pythonTemplate translates \\n and \\\\ escapes and doubles $", () => {
    expect(pythonTemplate("\\1-\\g<x>\\n\\\\$")).toBe("$1-$<x>\n\\$$");
  });
  it("replace on non-ASCII rows: 'é' -> 'e' in 'café crème' (first only with n: 1)", () => {
    const c = column(["café crème", "é"], utf8);
    expect(replace(c, "é", "e").toArray()).toEqual(["cafe crème", "e"]);
    expect(replace(c, "è|é", "e", { regex: true }).toArray()).toEqual(["cafe creme", "e"]);
  });
  it("replace errors: n: -2, regex: false with a RegExp, repl 3, bad regex", () => {
    const c = column(["a"], utf8);
    expect(() => replace(c, "a", "b", { n: -2 })).toThrow(OptionError);
    expect(() => replace(c, "a", "b", { n: -2 })).toThrow(/invalid n: -2/);
    expect(() => replace(c, /a/, "b", { regex: false })).toThrow(/regex: false needs a string pattern/);
    expect(() => replace(c, "a", 3 as never)).toThrow(/invalid repl: 3/);
    expect(() => replace(c, "(", "b", { regex: true })).toThrow(/invalid regular expression/);
    expect(() => replace(column([1], "int32"), "a", "b")).toThrow(DTypeError);
  });
});

const unit = fc.constantFrom("a", "b", " ", "\t", "é", "ß", "😀", "ab", "$");
const rows = fc.array(fc.option(fc.string({ unit, maxLength: 8 }), { freq: 5 }), { maxLength: 40 });

describe("replace: property tests vs naive JS", () => {
  it("replace(col, literal, repl) and with n: 1 over every layout", () => {
    fc.assert(
      fc.property(
        rows,
        fc.constantFrom("a", "ab", "é", "😀", "$", " "),
        fc.constantFrom("", "X", "$1", "é"),
        (values, pat, repl) => {
          const map = (f: (s: string) => string) => values.map((v) => (v === null ? null : f(v)));
          const first = (s: string) => {
            const i = s.indexOf(pat);
            return i < 0 ? s : s.slice(0, i) + repl + s.slice(i + pat.length);
          };
          for (const [, col] of layouts(values)) {
            expect(replace(col, pat, repl).toArray()).toEqual(map((s) => s.split(pat).join(repl)));
            expect(replace(col, pat, repl, { n: 1 }).toArray()).toEqual(map(first));
          }
        },
      ),
      { seed: 42, numRuns: 120 },
    );
  });
  it("replace(col, 'ab', '-') over 1e4 random rows in two chunks", () => {
    const values = fc.sample(fc.option(fc.string({ unit, maxLength: 10 }), { freq: 8 }), {
      seed: 9,
      numRuns: 10000,
    });
    const [, two] = layouts(values)[4]!;
    expect(replace(two, "ab", "-").toArray()).toEqual(
      values.map((v) => (v === null ? null : v.split("ab").join("-"))),
    );
  });
});

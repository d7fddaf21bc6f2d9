import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../src/core/column.js";
import { DTypeError, KeyError, OptionError } from "../../src/core/errors.js";
import { categorical } from "../../src/core/kernels/categorical.js";
import { Series } from "../../src/series/series.js";

const cat = (values: (string | null)[], categories?: string[], ordered = false) =>
  new Series(categorical(values, categories === undefined ? { ordered } : { categories, ordered }));

/** A Series over two chunks with different dictionaries: [x, y, null] over [x, y], [z, x] over [z, x]. */
function twoDictionaries(): Series {
  const a = categorical(["x", "y", null], { categories: ["x", "y"] });
  const b = categorical(["z", "x"], { categories: ["z", "x"] });
  return new Series(new Column(a.dtype, [...a.chunks, ...b.chunks]), { name: "k" });
}

describe("s.cat basics (pandas categorical user guide)", () => {
  it("s.astype('category').cat.categories / codes / ordered (pd.Series(['a', 'b', 'c', 'a'], dtype='category'))", () => {
    const s = new Series(["a", "b", "c", "a"], { name: "s" }).astype("category");
    expect(s.cat.categories.toArray()).toEqual(["a", "b", "c"]);
    expect(s.cat.codes.toArray()).toEqual([0, 1, 2, 0]);
    expect(s.cat.codes.dtype).toEqual({ kind: "int8" });
    expect(s.cat.codes.name).toBe("s");
    expect(s.cat.ordered).toBe(false);
  });
  it("new Series(values, {dtype: 'category'}) also sorts the categories", () => {
    expect(new Series(["b", "a"], { dtype: "category" }).cat.categories.toArray()).toEqual(["a", "b"]);
  });
  it("s.cat.codes is -1 for missing values (user guide: pd.Series(['a', 'b', np.nan], dtype='category'))", () => {
    expect(new Series(["a", "b", null]).astype("category").cat.codes.toArray()).toEqual([0, 1, -1]);
  });
  it("s.cat on a non-categorical Series raises a DTypeError naming the dtype", () => {
    expect(() => new Series([1, 2]).cat).toThrow(/\.cat needs a categorical.*float64/);
  });
  it("s.cat methods keep the index and the name", () => {
    const s = new Series(["b", "a"], { index: ["p", "q"], name: "n" }).astype("category");
    const r = s.cat.renameCategories(["A", "B"]);
    expect(r.index.toColumn().toArray()).toEqual(["p", "q"]);
    expect(r.name).toBe("n");
    expect(r.toArray()).toEqual(["B", "A"]);
  });
});

describe("renameCategories", () => {
  it("s.cat.renameCategories(list) (user guide: 'Group a', 'Group b', 'Group c')", () => {
    const s = new Series(["a", "b", "c", "a"]).astype("category");
    const r = s.cat.renameCategories(["Group a", "Group b", "Group c"]);
    expect(r.toArray()).toEqual(["Group a", "Group b", "Group c", "Group a"]);
    // the codes are shared, not copied
    expect(r.column.chunks[0]?.values).toBe(s.column.chunks[0]?.values);
  });
  it("s.cat.renameCategories(mapping object | Map | function); unknown keys are ignored", () => {
    const s = new Series(["1", "2", "3"]).astype("category");
    expect(s.cat.renameCategories({ "1": "x", "2": "y", "3": "z", "9": "q" }).toArray()).toEqual([
      "x",
      "y",
      "z",
    ]);
    expect(s.cat.renameCategories(new Map([["2", "two"]])).toArray()).toEqual(["1", "two", "3"]);
    expect(s.cat.renameCategories((c, i) => `${c}:${i}`).cat.categories.toArray()).toEqual([
      "1:0",
      "2:1",
      "3:2",
    ]);
  });
  it("s.cat.renameCategories with repeated, null, or too few names raises an OptionError (user guide: [1, 1, 1])", () => {
    const s = new Series(["a", "b", "c"]).astype("category");
    expect(() => s.cat.renameCategories(["x", "x", "y"])).toThrow(/"x" is repeated/);
    expect(() => s.cat.renameCategories(["x", "y", null as never])).toThrow(/cannot be null/);
    expect(() => s.cat.renameCategories(["x"])).toThrow(/same number of items.*got 1, expected 3/);
    expect(() => s.cat.renameCategories({ a: "b" })).toThrow(OptionError);
    expect(() => s.cat.renameCategories(5 as never)).toThrow(
      /expected an array, an object, a Map or a function/,
    );
  });
});

describe("reorderCategories, addCategories, removeCategories, removeUnusedCategories", () => {
  it("s.cat.reorderCategories(order, {ordered: true}) then sortValues (user guide: 2, 3, 1, 1)", () => {
    const s = new Series(["1", "2", "3", "1"]).astype("category");
    const r = s.cat.reorderCategories(["2", "3", "1"], { ordered: true });
    expect(r.cat.categories.toArray()).toEqual(["2", "3", "1"]);
    expect(r.cat.ordered).toBe(true);
    const sorted = r.sortValues();
    expect(sorted.toArray()).toEqual(["2", "3", "1", "1"]);
    expect(sorted.index.toColumn().toArray()).toEqual([1n, 2n, 0n, 3n]);
    expect([r.min(), r.max()]).toEqual(["2", "1"]);
    // the ordered flag is kept when not given
    expect(s.cat.reorderCategories(["3", "2", "1"]).cat.ordered).toBe(false);
  });
  it("s.cat.reorderCategories with another set raises an OptionError naming the missing and extra ones", () => {
    const s = new Series(["a", "b", "c"]).astype("category");
    expect(() => s.cat.reorderCategories(["a", "b", "x"])).toThrow(/missing "c"; extra "x"/);
    expect(() => s.cat.reorderCategories(["a", "b"])).toThrow(/missing "c"\)/);
    expect(() => s.cat.reorderCategories(["c", "b", "a"], { ordered: 1 } as never)).toThrow(
      /invalid ordered: 1/,
    );
    expect(() => s.cat.reorderCategories(["c", "b", "a"], { rename: true } as never)).toThrow(
      /unknown option "rename"/,
    );
  });
  it("s.cat.addCategories(values) appends unused categories; an existing one raises an OptionError", () => {
    const s = new Series(["1", "2", "3"]).astype("category");
    const a = s.cat.addCategories(["4"]);
    expect(a.cat.categories.toArray()).toEqual(["1", "2", "3", "4"]);
    expect(a.toArray()).toEqual(["1", "2", "3"]);
    expect(a.valueCounts().toArray()).toEqual([1n, 1n, 1n, 0n]);
    expect(() => s.cat.addCategories(["4", "2"])).toThrow(/must not include old ones: "2"/);
  });
  it("s.cat.removeCategories(values) nulls their values; an absent one raises a KeyError naming it", () => {
    const s = new Series(["1", "2", "3", "4"]).astype("category").cat.removeCategories(["4"]);
    expect(s.toArray()).toEqual(["1", "2", "3", null]);
    expect(s.cat.categories.toArray()).toEqual(["1", "2", "3"]);
    expect(() => s.cat.removeCategories(["9", "1"])).toThrow(KeyError);
    expect(() => s.cat.removeCategories("9")).toThrow(/not found: "9"/);
  });
  it("s.cat.removeUnusedCategories() (user guide: categories a, b, c, d → a, b)", () => {
    const s = cat(["a", "b", "a"], ["a", "b", "c", "d"]);
    const r = s.cat.removeUnusedCategories();
    expect(r.cat.categories.toArray()).toEqual(["a", "b"]);
    expect(r.toArray()).toEqual(["a", "b", "a"]);
    // a slice uses fewer: only "b" stays
    expect(new Series(s.column.slice(1, 2)).cat.removeUnusedCategories().cat.categories.toArray()).toEqual([
      "b",
    ]);
  });
});

describe("setCategories, asOrdered, asUnordered", () => {
  it("s.cat.setCategories(new) (user guide: one, two, four, - → one, two, four, NaN)", () => {
    const s = new Series(["one", "two", "four", "-"]).astype("category");
    const t = s.cat.setCategories(["one", "two", "three", "four"]);
    expect(t.toArray()).toEqual(["one", "two", "four", null]);
    expect(t.cat.categories.toArray()).toEqual(["one", "two", "three", "four"]);
  });
  it("s.cat.setCategories(new, {ordered: true}) then min/max (user guide: set_categories([2, 3, 1]) → min 2, max 1)", () => {
    const s = new Series(["1", "2", "3", "1"])
      .astype("category")
      .cat.setCategories(["2", "3", "1"], { ordered: true });
    expect(s.sortValues().toArray()).toEqual(["2", "3", "1", "1"]);
    expect([s.min(), s.max()]).toEqual(["2", "1"]);
  });
  it("s.cat.setCategories(names, {rename: true}) renames by position; extra old categories become null", () => {
    const s = new Series(["a", "b", "c"]).astype("category");
    expect(s.cat.setCategories(["A", "B", "C", "D"], { rename: true }).toArray()).toEqual(["A", "B", "C"]);
    expect(s.cat.setCategories(["A", "B"], { rename: true }).toArray()).toEqual(["A", "B", null]);
    expect(() => s.cat.setCategories(["a"], { rename: "yes" } as never)).toThrow(/invalid rename: "yes"/);
    expect(() => s.cat.setCategories(["a", "a"])).toThrow(/"a" is repeated/);
  });
  it("s.cat.asOrdered() / asUnordered() flip the flag; min/max work only when ordered (user guide)", () => {
    const s = new Series(["a", "b", "c", "a"]).astype("category");
    expect(() => s.min()).toThrow(DTypeError);
    expect(() => s.max()).toThrow(/Categorical is not ordered for operation max/);
    const o = s.cat.asOrdered();
    expect(o.cat.ordered).toBe(true);
    expect([o.min(), o.max()]).toEqual(["a", "c"]);
    expect(o.column.chunks[0]?.values).toBe(s.column.chunks[0]?.values);
    expect(o.cat.asUnordered().cat.ordered).toBe(false);
  });
});

describe("sortValues, valueCounts and comparisons of a categorical Series", () => {
  it("s.sortValues() of an unordered categorical follows category order, nulls last (user guide: a, a, b, c)", () => {
    const s = new Series(["a", "b", "c", "a"]).astype("category");
    expect(s.sortValues().toArray()).toEqual(["a", "a", "b", "c"]);
    const custom = cat(["a", null, "b", "c"], ["c", "a", "b"]);
    expect(custom.sortValues().toArray()).toEqual(["c", "a", "b", null]);
    expect(custom.sortValues({ ascending: false }).toArray()).toEqual(["b", "a", "c", null]);
  });
  it("s.valueCounts() lists unobserved categories; its index stays categorical (user guide: c 2, a 1, b 1, d 0)", () => {
    const vc = cat(["a", "b", "c", "c"], ["c", "a", "b", "d"]).valueCounts();
    expect(vc.toArray()).toEqual([2n, 1n, 1n, 0n]);
    expect(vc.name).toBe("count");
    const idx = vc.index.toColumn();
    expect(idx.toArray()).toEqual(["c", "a", "b", "d"]);
    expect(idx.dtype.kind).toBe("dictionary");
    expect(idx.chunks[0]?.dictionary?.toArray()).toEqual(["c", "a", "b", "d"]);
  });
  it("s.gt(string) and s.eq(string) on an ordered categorical (user guide: cat > 2, cat == 2)", () => {
    const c = cat(["1", "2", "3"], ["3", "2", "1"], true);
    expect(c.gt("2").toArray()).toEqual([true, false, false]);
    expect(c.eq("2").toArray()).toEqual([false, true, false]);
    expect(() => cat(["a"]).lt("a")).toThrow(/unordered categoricals can only compare equality/);
  });
});

describe("categoricals over chunks with different dictionaries", () => {
  it("s.cat members unify the dictionaries first (categories in first appearance order)", () => {
    const s = twoDictionaries();
    expect(s.cat.categories.toArray()).toEqual(["x", "y", "z"]);
    expect(s.cat.codes.toArray()).toEqual([0, 1, -1, 2, 0]);
    const r = s.cat.renameCategories({ z: "Z" });
    expect(r.toArray()).toEqual(["x", "y", null, "Z", "x"]);
    expect(r.column.chunks[0]?.dictionary).toBe(r.column.chunks[1]?.dictionary);
    expect(s.cat.removeCategories("x").toArray()).toEqual([null, "y", null, "z", null]);
    expect(s.cat.asOrdered().max()).toBe("z");
    expect(s.valueCounts().index.toColumn().toArray()).toEqual(["x", "y", "z"]);
    expect(s.cat.reorderCategories(["z", "y", "x"]).sortValues().toArray()).toEqual([
      "z",
      "y",
      "x",
      "x",
      null,
    ]);
  });
});

// ---------------------------------------------------------------------------
// Properties: every method against the same operation on decoded strings

type Op =
  | { op: "rename"; suffix: string }
  | { op: "reorder"; seed: number; ordered: boolean }
  | { op: "add"; extra: string[] }
  | { op: "remove"; pick: boolean[] }
  | { op: "removeUnused" }
  | { op: "set"; next: string[]; rename: boolean };

const POOL = ["a", "b", "c", "d", "e", "f", "g"];

/** A permutation of `xs` from a seed (Fisher–Yates with an LCG). */
function permute<T>(xs: readonly T[], seed: number): T[] {
  const out = xs.slice();
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 48271) % 2147483647;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The naive result: categories and values after `op`, computed on strings. */
function naive(
  cats: string[],
  values: (string | null)[],
  op: Op,
): { cats: string[]; values: (string | null)[] } {
  const keepIf = (keep: (c: string) => boolean) => {
    const next = cats.filter(keep);
    return { cats: next, values: values.map((v) => (v !== null && next.includes(v) ? v : null)) };
  };
  switch (op.op) {
    case "rename": {
      const next = cats.map((c) => c + op.suffix);
      return {
        cats: next,
        values: values.map((v) => (v === null ? null : (next[cats.indexOf(v)] as string))),
      };
    }
    case "reorder":
      return { cats: permute(cats, op.seed), values };
    case "add":
      return { cats: [...cats, ...op.extra], values };
    case "remove":
      return keepIf((c) => !op.pick[cats.indexOf(c)]);
    case "removeUnused":
      return keepIf((c) => values.includes(c));
    case "set":
      if (op.rename) {
        return {
          cats: op.next,
          values: values.map((v) => (v === null ? null : (op.next[cats.indexOf(v)] ?? null))),
        };
      }
      return { cats: op.next, values: values.map((v) => (v !== null && op.next.includes(v) ? v : null)) };
  }
}

function apply(s: Series, cats: string[], op: Op): Series {
  switch (op.op) {
    case "rename":
      return s.cat.renameCategories((c) => c + op.suffix);
    case "reorder":
      return s.cat.reorderCategories(permute(cats, op.seed), { ordered: op.ordered });
    case "add":
      return s.cat.addCategories(op.extra);
    case "remove":
      return s.cat.removeCategories(cats.filter((_, k) => op.pick[k]));
    case "removeUnused":
      return s.cat.removeUnusedCategories();
    case "set":
      return s.cat.setCategories(op.next, { rename: op.rename });
  }
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant("rename" as const), suffix: fc.constantFrom("!", "_x", "é") }),
  fc.record({ op: fc.constant("reorder" as const), seed: fc.nat(1000), ordered: fc.boolean() }),
  fc.record({
    op: fc.constant("add" as const),
    extra: fc.uniqueArray(fc.constantFrom("p", "q", "r"), { maxLength: 3 }),
  }),
  fc.record({
    op: fc.constant("remove" as const),
    pick: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
  }),
  fc.record({ op: fc.constant("removeUnused" as const) }),
  fc.record({
    op: fc.constant("set" as const),
    next: fc.uniqueArray(fc.constantFrom(...POOL, "z"), { maxLength: 8 }),
    rename: fc.boolean(),
  }),
);

describe("s.cat methods vs a naive implementation over decoded strings", () => {
  it("renameCategories, reorderCategories, addCategories, removeCategories, removeUnusedCategories, setCategories", () => {
    const arb = fc.record({
      cats: fc.uniqueArray(fc.constantFrom(...POOL), { minLength: 1, maxLength: 7 }),
      rows: fc.array(fc.option(fc.nat(6), { nil: null, freq: 4 }), { maxLength: 50 }),
      how: fc.integer({ min: 0, max: 2 }),
      op: opArb,
    });
    fc.assert(
      fc.property(arb, ({ cats, rows, how, op }) => {
        const values = rows.map((r) => (r === null ? null : (cats[r % cats.length] as string)));
        let col = categorical(values, { categories: cats }) as Column;
        let all = cats;
        if (how === 1 && values.length > 3) col = col.slice(3);
        if (how === 2 && values.length > 3) {
          // second chunk with its own dictionary: the categories reversed, unified to first appearance = cats
          const h = values.length >> 1;
          const b = categorical(values.slice(h), { categories: cats.slice().reverse() });
          col = new Column(col.dtype, [...col.slice(0, h).chunks, ...b.chunks]);
          all = cats;
        }
        const s = new Series(col);
        const decoded = col.toArray() as (string | null)[];
        const got = apply(s, all, op);
        const want = naive(all, decoded, op);
        expect(got.cat.categories.toArray()).toEqual(want.cats);
        expect(got.toArray()).toEqual(want.values);
        const codes = got.cat.codes.toArray();
        expect(codes).toEqual(want.values.map((v) => (v === null ? -1 : want.cats.indexOf(v))));
      }),
      { seed: 7, numRuns: 300 },
    );
  });
  it("setCategories on 1e5 rows equals the naive result", () => {
    const values = Array.from({ length: 100_000 }, (_, i) =>
      i % 13 === 0 ? null : (POOL[(i * 5) % 7] as string),
    );
    const s = new Series(values).astype("category");
    const got = s.cat.setCategories(["g", "a", "q", "c"]).toArray();
    expect(got).toEqual(values.map((v) => (v === "g" || v === "a" || v === "c" ? v : null)));
  });
});

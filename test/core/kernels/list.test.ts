import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { columnFromArrow, columnToArrow, dtypeFromArrow, dtypeToArrow } from "../../../src/core/arrow.js";
import { Column } from "../../../src/core/column.js";
import { bool, dtypeToString, int32, list, parseDType, utf8 } from "../../../src/core/dtype.js";
import { CastError, DTypeError, OptionError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { concat } from "../../../src/core/kernels/concat.js";
import { filter } from "../../../src/core/kernels/filter.js";
import { listGet, listJoin, listLen, listToColumns } from "../../../src/core/kernels/list.js";
import { split } from "../../../src/core/kernels/str-split.js";
import { take } from "../../../src/core/kernels/take.js";
import { Series } from "../../../src/series/series.js";

const VALUES = [["a", "b"], null, [], ["c", null, "é"], ["😀"]];
const lists = () => column(VALUES, list(utf8));

/** The lists in two chunks, the second a slice at a non-zero offset of a longer chunk. */
function twoChunks(): Column {
  const a = column(VALUES.slice(0, 2), list(utf8));
  const b = column([["skip", "me"], ...VALUES.slice(2)], list(utf8)).slice(1);
  return new Column(list(utf8), [a.chunks[0]!, b.chunks[0]!]);
}

describe("list dtype", () => {
  it("list(utf8) prints as list<utf8>, parses back, and maps to Arrow's List", () => {
    const d = list(utf8);
    expect(dtypeToString(d)).toBe("list<utf8>");
    expect(parseDType("list<int32>")).toEqual(list(int32));
    expect(dtypeToArrow(d).toString()).toBe("List<Utf8>");
    expect(dtypeFromArrow(dtypeToArrow(list(int32)))).toEqual(list(int32));
  });
});

describe("ListBuilder (through column(values, list(...)))", () => {
  it("column(arrays, list(utf8)) keeps lists, empty lists, null lists and null items", () => {
    const c = lists();
    expect(c.toArray()).toEqual(VALUES);
    expect(c.nullCount).toBe(1);
    expect(c.get(3)).toEqual(["c", null, "é"]);
    expect(Array.from(c.chunks[0]!.valueOffsets as Int32Array)).toEqual([0, 2, 2, 2, 5, 6]);
  });
  it("column(arrays, list(int32)) builds numeric lists; 100 rows with a null past the first 64 grow the validity", () => {
    const values = Array.from({ length: 100 }, (_, i) => (i === 70 ? null : [i, i + 1]));
    const c = column(values, list(int32));
    expect(c.toArray()).toEqual(values);
    expect(c.nullCount).toBe(1);
  });
  it("column([1], list(utf8)) raises a CastError naming the row", () => {
    expect(() => column([["a"], "b"], list(utf8))).toThrow(CastError);
    expect(() => column([["a"], "b"], list(utf8))).toThrow(/"b" at row 1 in a list column/);
  });
});

describe("gathering, slicing and combining lists", () => {
  it("take(col, [4, 1, 0, 3]) gathers whole lists (null stays null)", () => {
    expect(take(lists(), [4, 1, 0, 3]).toArray()).toEqual([["😀"], null, ["a", "b"], ["c", null, "é"]]);
  });
  it("take over two chunks (the second sliced) gives the same as over one chunk", () => {
    expect(take(twoChunks(), [3, 0, 4, 2]).toArray()).toEqual([["c", null, "é"], ["a", "b"], ["😀"], []]);
  });
  it("col.slice(2) is a zero-copy view; get and toArray read through the offsets", () => {
    const base = lists();
    const s = base.slice(2);
    expect(s.toArray()).toEqual(VALUES.slice(2));
    expect(s.get(1)).toEqual(["c", null, "é"]);
    expect(s.chunks[0]!.child).toBe(base.chunks[0]!.child);
  });
  it("filter(col, mask) and Series.filter keep the chosen lists", () => {
    const mask = column([true, true, false, true, false], bool);
    expect(filter(lists(), mask).toArray()).toEqual([["a", "b"], null, ["c", null, "é"]]);
    expect(filter(twoChunks(), mask).toArray()).toEqual([["a", "b"], null, ["c", null, "é"]]);
    const s = new Series(lists(), { index: ["p", "q", "r", "s", "t"] });
    const f = s.filter(new Series([false, false, true, false, true]) as Series<never>);
    expect(f.toArray()).toEqual([[], ["😀"]]);
    expect(f.index.toColumn().toArray()).toEqual(["r", "t"]);
  });
  it("combine / rechunk of two chunks (one sliced) rebases the offsets and joins the children", () => {
    const one = twoChunks().combine();
    expect(Array.from(one.valueOffsets as Int32Array)).toEqual([0, 2, 2, 2, 5, 6]);
    expect((one.child as Column).toArray()).toEqual(["a", "b", "c", null, "é", "😀"]);
    expect(twoChunks().rechunk().toArray()).toEqual(VALUES);
  });
  it("concat([lists, lists.slice(3)]) appends the lists", () => {
    expect(concat([lists(), lists().slice(3)]).toArray()).toEqual([...VALUES, ...VALUES.slice(3)]);
  });
});

describe("Arrow round trip of lists (apache-arrow)", () => {
  it("columnToArrow gives a List<Utf8> vector with the same lists; columnFromArrow reads it back", () => {
    const v = columnToArrow(twoChunks());
    expect(v.type.toString()).toBe("List<Utf8>");
    expect(v.toArray().map((x: arrow.Vector | null) => (x === null ? null : x.toArray()))).toEqual(VALUES);
    const back = columnFromArrow(v);
    expect(back.dtype).toEqual(list(utf8));
    expect(back.toArray()).toEqual(VALUES);
  });
  it("columnFromArrow(vectorFromArray(lists)) reads an Arrow list vector, and a slice of it", () => {
    const type = new arrow.List(new arrow.Field("item", new arrow.Int32(), true));
    const v = arrow.vectorFromArray([[1, 2], null, [3]], type);
    const c = columnFromArrow(v);
    expect(c.dtype).toEqual(list(int32));
    expect(c.toArray()).toEqual([[1, 2], null, [3]]);
    expect(c.slice(1).toArray()).toEqual([null, [3]]);
  });
});

describe("list kernels: listLen / listGet / listJoin / listToColumns", () => {
  for (const [name, make] of [
    ["one chunk", lists],
    ["two chunks", twoChunks],
  ] as const) {
    it(`listLen / listGet(0, -1, 5) over ${name}`, () => {
      const c = make();
      expect(listLen(c).toArray()).toEqual([2, null, 0, 3, 1]);
      expect(listGet(c, 0).toArray()).toEqual(["a", null, null, "c", "😀"]);
      expect(listGet(c, -1).toArray()).toEqual(["b", null, null, "é", "😀"]);
      expect(listGet(c, 1).toArray()).toEqual(["b", null, null, null, null]);
      expect(listGet(c, 5).toArray()).toEqual([null, null, null, null, null]);
    });
    it(`listJoin('-') over ${name}: a list holding a null gives null (pandas)`, () => {
      expect(listJoin(make(), "-").toArray()).toEqual(["a-b", null, "", null, "😀"]);
    });
    it(`listToColumns over ${name}: one column per position, null where shorter`, () => {
      const cols = listToColumns(make());
      expect(cols.map((c) => c.toArray())).toEqual([
        ["a", null, null, "c", "😀"],
        ["b", null, null, null, null],
        [null, null, null, "é", null],
      ]);
    });
  }
  it("listJoin — docstring [['lion', 'elephant', 'zebra'], ['cat', NaN, 'dog']] gives 'lion-elephant-zebra', NaN", () => {
    const c = column(
      [
        ["lion", "elephant", "zebra"],
        ["cat", null, "dog"],
      ],
      list(utf8),
    );
    expect(listJoin(c, "-").toArray()).toEqual(["lion-elephant-zebra", null]);
  });
  it("listGet / listToColumns on lists built by split(col, '_') sliced to a non-zero offset", () => {
    const parts = split(column(["a_b_c", "c_d_e", null, "f_g_h"], utf8), "_").slice(1);
    expect(listGet(parts, 1).toArray()).toEqual(["d", null, "g"]);
    expect(listToColumns(parts).map((c) => c.toArray())).toEqual([
      ["c", null, "f"],
      ["d", null, "g"],
      ["e", null, "h"],
    ]);
  });
  it("listToColumns of all-null or empty lists gives no columns", () => {
    expect(listToColumns(column([null, []], list(utf8)))).toEqual([]);
  });
  it("listLen(utf8) and listJoin(list<int32>) raise DTypeErrors naming the dtype; listGet(col, 1.5) an OptionError", () => {
    expect(() => listLen(column(["a"], utf8))).toThrow(DTypeError);
    expect(() => listLen(column(["a"], utf8))).toThrow(/needs lists, got utf8/);
    expect(() => listJoin(column([[1]], list(int32)), "-")).toThrow(/lists of strings, got list<int32>/);
    expect(() => listGet(lists(), 1.5)).toThrow(OptionError);
    expect(() => listJoin(lists(), 3 as never)).toThrow(/invalid sep: 3/);
  });
});

describe("list display (series/format-cells)", () => {
  it("a Series of lists prints each cell as [a, b] with None for a null item (pandas)", () => {
    const text = String(new Series(column([["a", "b"], ["c", null], []], list(utf8))));
    expect(text).toContain("[a, b]");
    expect(text).toContain("[c, None]");
    expect(text).toContain("[]");
    expect(text).toContain("list<utf8>");
  });
});

describe("list columns in the Series verbs", () => {
  const s = new Series(["a b", "c", null]).str.split(" ");
  it("shift(1) moves whole lists down, a null list shifted in", () => {
    expect(s.shift(1).toArray()).toEqual([null, ["a", "b"], ["c"]]);
    expect(s.shift(-1).toArray()).toEqual([["c"], null, null]);
  });
  it("count() counts the non-null lists", () => {
    expect(s.count()).toBe(2);
  });
  it("astype('utf8'), eq, sortValues and unique raise a DTypeError naming the list dtype or lists", () => {
    expect(() => s.astype("utf8")).toThrow(/cannot cast list<utf8> to utf8/);
    expect(() => s.eq("a")).toThrow(/list<utf8>/);
    expect(() => s.sortValues()).toThrow(/cannot sort lists/);
    expect(() => s.unique()).toThrow(/cannot hash lists/);
  });
});

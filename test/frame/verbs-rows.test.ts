import { describe, expect, it } from "vitest";
import { KeyError, OptionError } from "../../src/core/errors.js";
import { column } from "../../src/core/from-values.js";
import { DataFrame } from "../../src/frame/frame.js";

const labels = (df: { index: { toColumn(): { toArray(): unknown[] } } }) =>
  df.index
    .toColumn()
    .toArray()
    .map((v) => (typeof v === "bigint" ? Number(v) : v));

describe("frame row verbs, with pandas' documented answers", () => {
  // pandas' DataFrame.sort_values documentation frame
  const df = new DataFrame({
    col1: ["A", "A", "B", null, "D", "C"],
    col2: [2, 1, 9, 8, 7, 4],
    col3: [0, 1, 9, 4, 2, 3],
    col4: ["a", "B", "c", "D", "e", "F"],
  });

  it("sortValues as pandas' docs", () => {
    expect(labels(df.sortValues("col1"))).toEqual([0, 1, 2, 5, 4, 3]);
    expect(labels(df.sortValues(["col1", "col2"]))).toEqual([1, 0, 2, 5, 4, 3]);
    expect(labels(df.sortValues("col1", { ascending: false }))).toEqual([4, 5, 2, 0, 1, 3]);
    expect(labels(df.sortValues("col1", { naPosition: "first" }))).toEqual([3, 0, 1, 2, 5, 4]);
    expect(() => df.sortValues(["col1", "col2"], { ascending: [true] })).toThrow(/1 flags for 2 sort keys/);
    expect(() => df.sortValues("col9" as never)).toThrow(KeyError);
  });

  it("sortIndex orders by label", () => {
    const d = new DataFrame({ v: [1, 2, 3] }, { index: [30, 10, 20] });
    expect(d.sortIndex().get("v").toArray()).toEqual([2, 3, 1]);
    expect(d.sortIndex({ ascending: false }).get("v").toArray()).toEqual([1, 3, 2]);
  });

  it("dropNull as pandas' dropna docs (name, toy, born)", () => {
    const d = new DataFrame({
      name: ["Alfred", "Batman", "Catwoman"],
      toy: [null, "Batmobile", "Bullwhip"],
      born: [null, "1940-04-25", null],
    });
    expect(labels(d.dropNull())).toEqual([1]);
    expect(labels(d.dropNull({ how: "all" }))).toEqual([0, 1, 2]);
    expect(labels(d.dropNull({ thresh: 2 }))).toEqual([1, 2]);
    expect(labels(d.dropNull({ subset: ["name", "toy"] }))).toEqual([1, 2]);
    expect(() => d.dropNull({ how: "some" as never })).toThrow(OptionError);
    expect(() => d.dropNull({ how: "any", thresh: 1 })).toThrow(/how or thresh/);
  });

  // pandas' DataFrame.fillna documentation frame
  const nan = () =>
    new DataFrame({
      A: [null, 3, null, null],
      B: [2, 4, null, 3],
      C: column([null, null, null, null], "float64"),
      D: [0, 1, null, 4],
    });

  it("fillNull as pandas' fillna docs: scalar, ffill, per-column values, limit", () => {
    const z = nan().fillNull(0);
    expect(z.get("A").toArray()).toEqual([0, 3, 0, 0]);
    expect(z.get("C").toArray()).toEqual([0, 0, 0, 0]);
    const f = nan().fillNull({ method: "forward" });
    expect(f.toRecords()).toEqual([
      { A: null, B: 2, C: null, D: 0 },
      { A: 3, B: 4, C: null, D: 1 },
      { A: 3, B: 4, C: null, D: 1 },
      { A: 3, B: 3, C: null, D: 4 },
    ]);
    const values = { A: 0, B: 1, C: 2, D: 3 };
    const v = nan().fillNull(values);
    expect([v.get("A").toArray(), v.get("B").toArray(), v.get("C").toArray(), v.get("D").toArray()]).toEqual([
      [0, 3, 0, 0],
      [2, 4, 1, 3],
      [2, 2, 2, 2],
      [0, 1, 3, 4],
    ]);
    const l = nan().fillNull(values, { limit: 1 });
    expect([l.get("A").toArray(), l.get("C").toArray()]).toEqual([
      [0, 3, null, null],
      [2, null, null, null],
    ]);
    expect(() => nan().fillNull({ Z: 1 } as never)).toThrow(KeyError);
  });

  it("fillNull(scalar) leaves columns whose dtype the scalar does not fit", () => {
    const d = new DataFrame({ n: [null, 1], s: ["a", null] });
    expect(d.fillNull(0).toRecords()).toEqual([
      { n: 0, s: "a" },
      { n: 1, s: null },
    ]);
  });

  // pandas' DataFrame.drop_duplicates / duplicated documentation frame
  const ramen = new DataFrame({
    brand: ["Yum Yum", "Yum Yum", "Indomie", "Indomie", "Indomie"],
    style: ["cup", "cup", "cup", "pack", "pack"],
    rating: [4, 4, 3.5, 15, 5],
  });

  it("duplicated / dropDuplicates as pandas' docs (ramen)", () => {
    expect(ramen.duplicated().toArray()).toEqual([false, true, false, false, false]);
    expect(ramen.duplicated({ keep: "last" }).toArray()).toEqual([true, false, false, false, false]);
    expect(ramen.duplicated({ keep: false }).toArray()).toEqual([true, true, false, false, false]);
    expect(ramen.duplicated({ subset: ["brand"] }).toArray()).toEqual([false, true, false, true, true]);
    expect(labels(ramen.dropDuplicates())).toEqual([0, 2, 3, 4]);
    expect(labels(ramen.dropDuplicates({ subset: ["brand"] }))).toEqual([0, 2]);
    expect(labels(ramen.dropDuplicates({ subset: ["brand", "style"], keep: "last" }))).toEqual([1, 2, 4]);
    expect(() => ramen.duplicated({ keep: "middle" as never })).toThrow(OptionError);
  });

  it("setIndex / resetIndex move a column into the labels and back", () => {
    const d = new DataFrame({ id: ["a", "b"], v: [1, 2] }).setIndex("id");
    expect(d.columns).toEqual(["v"]);
    expect(labels(d)).toEqual(["a", "b"]);
    const back = d.resetIndex({ name: "id" });
    expect(back.columns).toEqual(["id", "v"]);
    expect(labels(back)).toEqual([0, 1]);
    expect(() => new DataFrame({ index: [1] }, { index: ["x"] }).resetIndex()).toThrow(
      /already named "index"/,
    );
    expect(new DataFrame({ v: [1] }, { index: ["x"] }).resetIndex({ drop: true }).columns).toEqual(["v"]);
  });
});

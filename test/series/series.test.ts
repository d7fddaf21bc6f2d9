import { describe, expect, it } from "vitest";
import { Column } from "../../src/core/column.js";
import { DTypeError, KeyError, ShapeError } from "../../src/core/errors.js";
import { column } from "../../src/core/from-values.js";
import { RangeIndex } from "../../src/core/index/range-index.js";
import { Series } from "../../src/series/series.js";

const labels = (s: Series) => s.index.toColumn().toArray();

describe("Series", () => {
  it("new Series(values) as '10 minutes to pandas': pd.Series([1, 3, 5, np.nan, 6, 8])", () => {
    const s = new Series([1, 3, 5, null, 6, 8]);
    expect(s.length).toBe(6);
    expect(s.dtype).toEqual({ kind: "float64" });
    expect(s.index).toBeInstanceOf(RangeIndex);
    expect(s.nullCount).toBe(1);
    // (1 + 3 + 5 + 6 + 8) / 5, the missing value skipped
    expect(s.mean()).toBe(4.6);
    expect(s.count()).toBe(5);
    expect(s.sum()).toBe(23);
  });

  it("new Series(typedArray) shares the buffer and values returns it without a copy", () => {
    const a = new Float64Array([1, 2, 3]);
    const s = new Series(a, { name: "a" });
    expect(s.values).toBe(a);
    expect(s.column.chunks[0]?.values.buffer).toBe(a.buffer);
  });

  it("new Series(column, {dtype}) casts, checked", () => {
    expect(new Series(column([1, 2]), { dtype: "int8" }).toArray()).toEqual([1, 2]);
    expect(() => new Series(column([1.5]), { dtype: "int8" })).toThrow(/1\.5/);
  });

  it("new Series rejects an index of the wrong length, bad options and bad values, naming them", () => {
    expect(() => new Series([1, 2], { index: ["a"] })).toThrow(
      new ShapeError("Series: the index has 1 labels for 2 values"),
    );
    expect(() => new Series([1], { nme: "x" } as never)).toThrow(
      new DTypeError('unknown option for Series: "nme" (expected dtype, name, index)'),
    );
    expect(() => new Series(5 as never)).toThrow(DTypeError);
    expect(() => new Series([1], { name: 3 as never })).toThrow(/invalid Series name/);
  });

  it("get(i) reads positions, at(label) reads labels (pandas' iat / at)", () => {
    const s = new Series([10, 20, 30], { index: ["a", "b", "c"] });
    expect(s.get(0)).toBe(10);
    expect(s.get(-1)).toBe(30);
    expect(s.at("b")).toBe(20);
    expect(() => s.at("z")).toThrow(KeyError);
    expect(() => new Series([1, 2], { index: ["a", "a"] }).at("a")).toThrow(/repeated 2 times/);
  });

  it("iteration and toArray() give JS values, bigints for int64", () => {
    const s = new Series([1, null, 3], { dtype: "int64" });
    expect([...s]).toEqual([1n, null, 3n]);
    expect(s.toArray()).toEqual([1n, null, 3n]);
  });

  it("values refuses nulls and non-numeric dtypes with a message saying what to do", () => {
    expect(() => new Series([1, null]).values).toThrow(/1 null\(s\).*fillNull\(\) or dropNull\(\)/);
    expect(() => new Series(["a"]).values).toThrow(/use toArray\(\)/);
  });

  it("rename(name) shares the column; copy() does not", () => {
    const s = new Series([1, 2], { name: "a" });
    const r = s.rename("b");
    expect(r.name).toBe("b");
    expect(r.column).toBe(s.column);
    const c = s.copy();
    expect(c.toArray()).toEqual([1, 2]);
    expect(c.column.chunks[0]?.values.buffer).not.toBe(s.column.chunks[0]?.values.buffer);
  });

  it("head(n)/tail(n) keep their labels, negative n as pandas", () => {
    const s = new Series([1, 2, 3, 4, 5, 6, 7], { index: ["a", "b", "c", "d", "e", "f", "g"] });
    expect(labels(s.head(2))).toEqual(["a", "b"]);
    expect(s.head().length).toBe(5);
    expect(labels(s.tail(2))).toEqual(["f", "g"]);
    expect(s.head(-5).toArray()).toEqual([1, 2]);
    expect(s.tail(-5).toArray()).toEqual([6, 7]);
  });

  it("filter(mask) keeps true rows with their labels; a null in the mask drops the row", () => {
    const s = new Series([1, 2, 3], { index: ["a", "b", "c"] });
    const r = s.filter(new Series([true, null, true], { dtype: "bool" }) as Series<never>);
    expect(r.toArray()).toEqual([1, 3]);
    expect(labels(r)).toEqual(["a", "c"]);
    expect(s.filter(s.gt(1)).toArray()).toEqual([2, 3]);
  });

  it("add aligns labeled Series on the union of labels (pandas basics: s[1:] + s[:-1])", () => {
    // pandas: a NaN, b 4, c 6, d 8, e NaN (s = 1..5 on a..e)
    const s = new Series([1, 2, 3, 4, 5], { index: ["a", "b", "c", "d", "e"] });
    const r = s.tail(4).add(s.head(4));
    expect(labels(r)).toEqual(["a", "b", "c", "d", "e"]);
    expect(r.toArray()).toEqual([null, 4, 6, 8, null]);
  });

  it("binary operations on default indexes pair by position and check lengths", () => {
    const a = new Series([1, 2, 3]);
    expect(a.mul(new Series([2, 2, 2])).toArray()).toEqual([2, 4, 6]);
    expect(() => a.add(new Series([1, 2]))).toThrow(
      new ShapeError("add: operands have different lengths, 3 and 2"),
    );
  });

  it("a labeled and an unlabeled operand pair by position and keep the labels", () => {
    const a = new Series([1, 2], { index: ["x", "y"] });
    const r = a.sub(new Series([10, 20]));
    expect(labels(r)).toEqual(["x", "y"]);
    expect(r.toArray()).toEqual([-9, -18]);
  });

  it("the result keeps a name both operands share and drops differing names", () => {
    const a = new Series([1], { name: "v" });
    expect(a.add(new Series([1], { name: "v" })).name).toBe("v");
    expect(a.add(new Series([1], { name: "w" })).name).toBe(null);
    expect(a.add(1).name).toBe("v");
  });

  it("comparisons and Kleene logic return bool Series", () => {
    const s = new Series([1, null, 3]);
    expect(s.gt(1).toArray()).toEqual([false, null, true]);
    expect(s.gt(1).or(true).toArray()).toEqual([true, true, true]);
    expect(s.gt(1).and(false).toArray()).toEqual([false, false, false]);
    expect(s.eq(3).not().toArray()).toEqual([true, null, false]);
  });

  it("reductions skip nulls; idxmin/idxmax give labels", () => {
    const s = new Series([4, null, 1, 9], { index: ["a", "b", "c", "d"] });
    expect(s.min()).toBe(1);
    expect(s.max()).toBe(9);
    expect(s.idxmin()).toBe("c");
    expect(s.idxmax()).toBe("d");
    expect(s.argmax()).toBe(3);
    // sample variance of 4, 1, 9: mean 14/3, squares (4-14/3)^2 + (1-14/3)^2 + (9-14/3)^2 = 98/3, / 2
    expect(s.var()).toBeCloseTo(49 / 3, 12);
    expect(s.median()).toBe(4);
  });

  it("missing data: isNull vs isNaN, fillNull, fillNaN, dropNull keep labels", () => {
    const s = new Series([1, null, Number.NaN], { index: ["a", "b", "c"] });
    expect(s.isNull().toArray()).toEqual([false, true, false]);
    expect(s.isNaN().toArray()).toEqual([false, null, true]);
    expect(s.fillNull(0).toArray()).toEqual([1, 0, Number.NaN]);
    expect(s.fillNaN(0).toArray()).toEqual([1, null, 0]);
    expect(labels(s.dropNull())).toEqual(["a", "c"]);
  });

  it("astype(dtype) casts, checked", () => {
    expect(new Series([1, 2]).astype("int16").dtype).toEqual({ kind: "int16" });
    expect(() => new Series([1.5]).astype("int16")).toThrow(/1\.5/);
  });

  it("toString() prints as pandas: labels, right-aligned values, name and dtype", () => {
    const s = new Series([1.5, null, 3], { name: "x" });
    expect(s.toString()).toBe(["0     1.5", "1    <NA>", "2     3.0", "Name: x, dtype: float64"].join("\n"));
    const t = new Series(["a", "bb"], { index: ["r1", "r2"] });
    expect(t.toString()).toBe(["r1     a", "r2    bb", "dtype: utf8"].join("\n"));
  });

  it("toString() of a long Series shows five rows at each end and the length", () => {
    const s = new Series(Int32Array.from({ length: 100 }, (_, i) => i));
    const lines = s.toString().split("\n");
    expect(lines).toHaveLength(12);
    expect(lines[0]).toBe("0      0");
    expect(lines[5]).toBe("      ..");
    expect(lines[10]).toBe("99    99");
    expect(lines[11]).toBe("Length: 100, dtype: int32");
  });

  it("is immutable", () => {
    const s = new Series([1]);
    expect(Object.isFrozen(s)).toBe(true);
    expect(new Series(column([1])).column).toBeInstanceOf(Column);
  });
});

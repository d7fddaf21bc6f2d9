import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OptionError, ShapeError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { duplicated } from "../../../src/core/kernels/duplicated.js";
import { keyOf } from "./hash-naive.js";
import { columnArb, layout } from "./sort-arbitraries.js";

describe("duplicated", () => {
  const animals = column(["llama", "cow", "llama", "beetle", "llama"]);
  it("duplicated(col) (pandas doc: keep='first')", () => {
    expect(duplicated(animals).toArray()).toEqual([false, false, true, false, true]);
  });
  it("duplicated(col, {keep: 'last'}) (pandas doc)", () => {
    expect(duplicated(animals, { keep: "last" }).toArray()).toEqual([true, false, true, false, false]);
  });
  it("duplicated(col, {keep: false}) (pandas doc)", () => {
    expect(duplicated(animals, { keep: false }).toArray()).toEqual([true, false, true, false, true]);
  });
  it("duplicated([a, b]) compares row tuples (pandas DataFrame.duplicated doc: brand/style)", () => {
    const brand = column(["Yum Yum", "Yum Yum", "Indomie", "Indomie", "Indomie"]);
    const style = column(["cup", "cup", "cup", "pack", "pack"]);
    expect(duplicated([brand, style]).toArray()).toEqual([false, true, false, false, true]);
    expect(duplicated([brand]).toArray()).toEqual([false, true, false, true, true]);
  });
  it("duplicated(col) treats nulls as equal", () => {
    expect(duplicated(column([null, 1, null])).toArray()).toEqual([false, false, true]);
  });
  it("duplicated(cols) errors name the option or the column", () => {
    expect(() => duplicated(animals, { keep: "none" as never })).toThrow(OptionError);
    expect(() => duplicated(animals, { keep: "none" as never })).toThrow(/invalid keep: "none"/);
    expect(() => duplicated([animals, column([1])])).toThrow(ShapeError);
    expect(() => duplicated([])).toThrow(ShapeError);
  });
  it("duplicated(col, {keep}) matches a Map of rendered values", () => {
    fc.assert(
      fc.property(columnArb(40), fc.constantFrom("first", "last", false), ([kind, values, how], keep) => {
        const col = layout(kind, values, how);
        const keys = col.toArray().map(keyOf);
        const count = new Map<string, number>();
        for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
        const ref = keys.map((k, i) =>
          keep === false
            ? (count.get(k) as number) > 1
            : keep === "first"
              ? keys.indexOf(k) !== i
              : keys.lastIndexOf(k) !== i,
        );
        expect(duplicated(col, { keep: keep as "first" }).toArray()).toEqual(ref);
      }),
      { seed: 9, numRuns: 200 },
    );
  });
});

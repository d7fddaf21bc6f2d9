import { describe, expect, it } from "vitest";
import { OptionError } from "../../src/core/errors.js";
import { DataFrame } from "../../src/frame/frame.js";

const labels = (df: { index: { toColumn(): { toArray(): unknown[] } } }) => df.index.toColumn().toArray();

// the frame of pandas' DataFrame.nlargest / nsmallest documentation
const df = new DataFrame(
  {
    population: [59000000, 65000000, 434000, 434000, 434000, 337000, 337000, 11300, 11300],
    GDP: [1937894, 2583560, 12011, 4520, 12128, 17036, 182, 38, 311],
    "alpha-2": ["IT", "FR", "MT", "MV", "BN", "IS", "NR", "TV", "AI"],
  },
  { index: ["Italy", "France", "Malta", "Maldives", "Brunei", "Iceland", "Nauru", "Tuvalu", "Anguilla"] },
);

describe("frame nlargest / nsmallest / sample / apply", () => {
  it("nlargest as pandas' docs", () => {
    expect(labels(df.nlargest(3, "population"))).toEqual(["France", "Italy", "Malta"]);
    expect(labels(df.nlargest(3, "population", "last"))).toEqual(["France", "Italy", "Brunei"]);
    expect(labels(df.nlargest(3, "population", "all"))).toEqual([
      "France",
      "Italy",
      "Malta",
      "Maldives",
      "Brunei",
    ]);
    expect(labels(df.nlargest(3, ["population", "GDP"]))).toEqual(["France", "Italy", "Brunei"]);
  });

  it("nsmallest as pandas' docs", () => {
    expect(labels(df.nsmallest(3, "population"))).toEqual(["Tuvalu", "Anguilla", "Iceland"]);
    expect(labels(df.nsmallest(3, "population", "last"))).toEqual(["Anguilla", "Tuvalu", "Nauru"]);
    expect(labels(df.nsmallest(3, "population", "all"))).toEqual(["Tuvalu", "Anguilla", "Iceland", "Nauru"]);
    expect(labels(df.nsmallest(3, ["population", "GDP"]))).toEqual(["Tuvalu", "Anguilla", "Nauru"]);
    expect(() => df.nsmallest(3, [])).toThrow(OptionError);
    expect(() => df.nsmallest(-1, "GDP")).toThrow(/invalid n/);
  });

  it("nlargest leaves out rows with a null or NaN key", () => {
    const d = new DataFrame({ v: [null, Number.NaN, 1, 2] });
    expect(d.nlargest(5, "v").get("v").toArray()).toEqual([2, 1]);
  });

  it("sample draws seeded rows with their labels", () => {
    const a = df.sample({ n: 4, seed: 5 });
    expect(a.length).toBe(4);
    expect(labels(df.sample({ n: 4, seed: 5 }))).toEqual(labels(a));
    // each sampled label keeps its own row
    for (const r of a.toRecords()) expect(typeof r.population).toBe("number");
    expect(new Set(labels(a)).size).toBe(4);
  });

  it("apply calls back per row with the row's values", () => {
    const perHead = df.apply((r) => (r.GDP as number) / (r.population as number));
    expect(perHead.length).toBe(9);
    expect(perHead.get(0)).toBe(1937894 / 59000000);
    expect(labels(perHead)[0]).toBe("Italy");
    expect(() => df.apply(5 as never)).toThrow(/expects a function/);
  });
});

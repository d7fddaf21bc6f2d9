import { describe, expect, it } from "vitest";
import { type DType, dtypeToString } from "../../../src/core/dtype.js";
import type { DataFrame } from "../../../src/frame/frame.js";
import { parseCSV, readCSV } from "../../../src/io/csv/read-csv.js";
import { scanCSV } from "../../../src/io/csv/scan-csv.js";

// Past the reader's first block of 65536 rows, columns are sized from the
// bytes per row so far; these inputs change kinds after that point.
const N = 150000;

function text(): string {
  const lines = ["a,b,c,d"];
  for (let i = 0; i < N; i++) {
    const a = i % 1000 === 999 ? "" : String(i);
    const b = i === 100000 ? "0.5" : String(i);
    const c = i === 120000 ? "text" : String(i % 7);
    lines.push(`${a},${b},${c},${i % 3 === 0 ? "True" : "False"}`);
  }
  return `${lines.join("\n")}\n`;
}

function dtypes(df: DataFrame): string[] {
  return Object.values(df.dtypes).map((d) => dtypeToString(d as DType));
}

function check(df: DataFrame): void {
  expect(df.shape).toEqual([N, 4]);
  expect(dtypes(df)).toEqual(["int32", "float64", "utf8", "bool"]);
  const a = df.get("a").toArray() as (number | null)[];
  // 150 nulls (rows 999, 1999, …); the rest are their row numbers
  expect(a.filter((v) => v === null).length).toBe(150);
  expect(a[998]).toBe(998);
  expect(a[149998]).toBe(149998);
  const b = df.get("b").toArray() as number[];
  expect(b[99999]).toBe(99999);
  expect(b[100000]).toBe(0.5);
  expect(b[149999]).toBe(149999);
  const c = df.get("c").toArray() as string[];
  expect(c[0]).toBe("0");
  expect(c[70000]).toBe(String(70000 % 7));
  expect(c[120000]).toBe("text");
  expect(c[149999]).toBe(String(149999 % 7));
  const d = df.get("d").toArray() as boolean[];
  // a third of the rows are True: 0, 3, … 149997
  expect(d.filter((v) => v).length).toBe(50000);
}

describe("reading past the first block", () => {
  it("parseCSV(bytes) of 150000 rows widens and restarts columns after the first block", () => {
    check(parseCSV(text()));
  });

  it("readCSV(Blob) of the same rows, read in chunks, gives the same frame", async () => {
    check(await readCSV(new Blob([text()])));
  });

  it("scanCSV(bytes, {batchSize: 100000}) yields batches of 100000 and 50000 rows", async () => {
    const sizes: number[] = [];
    let nulls = 0;
    for await (const batch of scanCSV(new TextEncoder().encode(text()), {
      batchSize: 100000,
      dtypes: { b: "float64", c: "utf8" },
    })) {
      sizes.push(batch.shape[0]);
      nulls += (batch.get("a").toArray() as (number | null)[]).filter((v) => v === null).length;
    }
    expect(sizes).toEqual([100000, 50000]);
    expect(nulls).toBe(150);
  });
});

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type DType, dtypeToString } from "../../src/core/dtype.js";
import { OptionError, ParseError } from "../../src/core/errors.js";
import type { DataFrame } from "../../src/frame/frame.js";
import { frameFrom } from "../../src/io/csv/finish-frame.js";
import { csvSettings, type ReadCSVOptions } from "../../src/io/csv/options.js";
import { parseCSV } from "../../src/io/csv/read-csv.js";
import { readCSV } from "../../src/node/csv.js";
import { readParallel } from "../../src/node/csv-parallel.js";

const dir = mkdtempSync(join(tmpdir(), "ndframe-csv-parallel-"));
let files = 0;

function file(text: string): { path: string; size: number } {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, text);
  return { path, size: Buffer.byteLength(text) };
}

/** readParallel with parts of at least `minPart` bytes, finished as readCSV finishes it; null when it fell back. */
async function parts(text: string, threads: number, minPart: number, options: ReadCSVOptions = {}) {
  const { path, size } = file(text);
  const s = csvSettings(options);
  const r = await readParallel(path, options, s, size, threads, minPart);
  return r === null ? null : frameFrom(r, s, "readCSV");
}

function dtypes(df: DataFrame): string[] {
  return Object.values(df.dtypes).map((d) => dtypeToString(d as DType));
}

function expectSame(a: DataFrame, b: DataFrame): void {
  expect(a.columns).toEqual(b.columns);
  expect(dtypes(a)).toEqual(dtypes(b));
  for (const c of a.columns) expect(a.get(c).toArray()).toEqual(b.get(c).toArray());
}

/** Rows of `id,name,score,day,flag`: row i has id i, a quoted name with a comma every 7th row, nulls every 5th. */
function rows(from: number, to: number): string {
  let out = "";
  for (let i = from; i < to; i++) {
    const name = i % 7 === 0 ? `"Doe, J${i}"` : `n${i}`;
    const score = i % 5 === 0 ? "" : `${i}.5`;
    const day = `2021-03-${String(1 + (i % 28)).padStart(2, "0")}`;
    out += `${i},${name},${score},${day},${i % 2 === 0 ? "true" : "false"}\n`;
  }
  return out;
}

describe("readCSV of a file path in parts on worker threads", () => {
  it("readParallel(path) in 3 parts gives the frame one pass gives, checked by hand", async () => {
    const text = `id,name,score,day,flag\n${rows(0, 3000)}`;
    const df = (await parts(text, 3, 20000)) as DataFrame;
    expect(df).not.toBeNull();
    expectSame(df, parseCSV(text));
    expect(dtypes(df)).toEqual(["int32", "utf8", "float64", "timestamp[ns]", "bool"]);
    expect(df.shape).toEqual([3000, 5]);
    // every column has one chunk per part
    expect(df.get("id").column.chunks.length).toBe(3);
    // sum of ids 0..2999 = 2999 * 3000 / 2
    expect((df.get("id").toArray() as number[]).reduce((a, b) => a + b, 0)).toBe(4498500);
    expect(df.get("name").get(7)).toBe("Doe, J7");
    expect(df.get("score").get(5)).toBeNull();
    expect(df.get("score").get(2999)).toBe(2999.5);
  });

  it("readParallel(path) widens number kinds across parts and fills all-null parts", async () => {
    // part 1: ints, nulls in b, small ints in c; part 2: decimals, text in b, ints past int32 in c
    let first = "";
    for (let i = 0; i < 2000; i++) first += `${i},,${i}\n`;
    let second = "";
    for (let i = 0; i < 2000; i++) second += `${i}.25,x${i},${3000000000 + i}\n`;
    const text = `a,b,c\n${first}${second}`;
    const df = (await parts(text, 2, 10000)) as DataFrame;
    expect(df).not.toBeNull();
    expectSame(df, parseCSV(text));
    expect(dtypes(df)).toEqual(["float64", "utf8", "int64"]);
    expect(df.get("a").get(1999)).toBe(1999);
    expect(df.get("a").get(2000)).toBe(0.25);
    expect(df.get("b").get(0)).toBeNull();
    expect(df.get("c").get(3999)).toBe(3000001999n);
  });

  it("readParallel(path) falls back (null) when text follows numbers in a later part; readCSV then reads one pass", async () => {
    let body = "";
    for (let i = 0; i < 4000; i++) body += `${i},${i < 3000 ? String(i) : `t${i}`}\n`;
    const text = `a,b\n${body}`;
    expect(await parts(text, 2, 10000)).toBeNull();
    const { path } = file(text);
    const df = await readCSV(path, { threads: 2 });
    expect(dtypes(df)).toEqual(["int32", "utf8"]);
    expect(df.get("b").get(0)).toBe("0");
    expect(df.get("b").get(3999)).toBe("t3999");
  });

  it("readParallel(path) falls back when a split falls inside a quoted field with line breaks", async () => {
    // a quoted field of 200 lines in the middle, where the split point lands
    const quoted = `"${Array.from({ length: 200 }, (_, i) => `line ${i}`).join("\n")}"`;
    const text = `k,v\n${rows(0, 300).replace(/^(\d+),.*$/gm, "$1,a")}999,${quoted}\n${rows(0, 300).replace(/^(\d+),.*$/gm, "$1,b")}`;
    const { size } = file(text);
    const mid = text.indexOf(quoted) + quoted.length / 2;
    expect(Math.abs(mid - size / 2)).toBeLessThan(quoted.length / 2);
    expect(await parts(text, 2, 1000)).toBeNull();
    const df = parseCSV(text);
    expect(df.shape).toEqual([601, 2]);
    expect(String(df.get("v").get(300)).split("\n").length).toBe(200);
  });

  it("readParallel(path, {onBadLines: 'skip'}) reports bad lines of later parts with their line in the file", async () => {
    const lines = ["a,b"];
    for (let i = 0; i < 3000; i++) lines.push(i === 100 || i === 2500 ? `${i}` : `${i},${i * 2}`);
    const text = `${lines.join("\n")}\n`;
    const reported: { line: number; reason: string }[][] = [];
    const df = (await parts(text, 2, 5000, {
      onBadLines: "skip",
      badLines: (b) => reported.push(b),
    })) as DataFrame;
    expect(df).not.toBeNull();
    expect(df.shape).toEqual([2998, 2]);
    // the header is line 1, so row i is on line i + 2
    expect(reported).toEqual([
      [
        { line: 102, reason: "expected 2 fields, found 1" },
        { line: 2502, reason: "expected 2 fields, found 1" },
      ],
    ]);
  });

  it("readCSV(path, {threads: 2}) raises a later part's error with its line in the file", async () => {
    const lines = ["a,b"];
    for (let i = 0; i < 600000; i++)
      lines.push(i === 590000 ? "1,2,3" : `${i},the value ${i % 97} of the row`);
    const { path, size } = file(`${lines.join("\n")}\n`);
    // big enough for two parts of at least 8 MiB; the bad row is in the second
    expect(size).toBeGreaterThan(16 * 2 ** 20);
    await expect(readCSV(path, { threads: 2 })).rejects.toThrow(ParseError);
    await expect(readCSV(path, { threads: 2 })).rejects.toThrow("line 590002: expected 2 fields, found 3");
  });

  it("readCSV(path, {threads: 2}) of a 17 MB file equals {threads: 1}, with useCols and dtypes", async () => {
    let body = "";
    for (let i = 0; i < 400000; i++)
      body += `${i},id${i % 1000},${(i % 10007) / 8},2020-01-01T00:00:${String(i % 60).padStart(2, "0")},some longer text ${i}\n`;
    const { path, size } = file(`n,k,x,t,s\n${body}`);
    expect(size).toBeGreaterThan(16 * 2 ** 20);
    const options = { useCols: ["n", "k", "x", "t"], dtypes: { k: "category", n: "int64" } };
    const two = await readCSV(path, { ...options, threads: 2 });
    const one = await readCSV(path, { ...options, threads: 1 });
    expectSame(two, one);
    expect(two.get("n").column.chunks.length).toBe(2);
    expect(dtypes(two)).toEqual(["int64", "dictionary<int32, utf8>", "float64", "timestamp[ns]"]);
    expect(two.get("n").get(399999)).toBe(399999n);
  });

  it("readCSV(source, {threads}) checks the option; more than 1 thread needs a file path", async () => {
    expect(() => parseCSV("a\n1\n", { threads: 2 })).toThrow(OptionError);
    expect(() => parseCSV("a\n1\n", { threads: 2 })).toThrow("only ndframe/node's readCSV of a file path");
    expect(parseCSV("a\n1\n", { threads: 1 }).shape).toEqual([1, 1]);
    const { path } = file("a\n1\n");
    await expect(readCSV(path, { threads: -1 })).rejects.toThrow("invalid threads: -1");
    await expect(readCSV(path, { threads: 1.5 })).rejects.toThrow(OptionError);
  });
});

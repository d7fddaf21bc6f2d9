import { describe, expect, it } from "vitest";
import {
  column,
  DataFrame,
  dtypeToString,
  KeyError,
  OptionError,
  type ParquetProgress,
  scanParquet,
  toParquet,
} from "../../../src/index.js";

/** A frame of `n` rows: a = 0..n-1 (int64), b = "r0".."r<n-1>". */
function numbered(n: number): DataFrame {
  const a = Array.from({ length: n }, (_, i) => i);
  return new DataFrame({ a: column(a.map(BigInt), "int64"), b: a.map((i) => `r${i}`) });
}

/** The frames of a scan, and the progress reported after each. */
async function scan(b: Uint8Array, options: Parameters<typeof scanParquet>[1] = {}) {
  const frames: DataFrame[] = [];
  const progress: ParquetProgress[] = [];
  for await (const f of scanParquet(b, { ...options, onProgress: (p) => progress.push(p) })) frames.push(f);
  return { frames, progress };
}

describe("scanParquet(bytes)", () => {
  it("scanParquet(bytes) yields one frame per row group, 3, 3, 3 and 1 rows of a 10-row file", async () => {
    const b = await toParquet(numbered(10), { rowGroupSize: 3 });
    const { frames } = await scan(b);
    expect(frames.map((f) => f.shape)).toEqual([
      [3, 2],
      [3, 2],
      [3, 2],
      [1, 2],
    ]);
    expect(frames.map((f) => f.get("a").toArray())).toEqual([[0n, 1n, 2n], [3n, 4n, 5n], [6n, 7n, 8n], [9n]]);
    expect(frames[3]?.get("b").toArray()).toEqual(["r9"]);
    for (const f of frames)
      expect(f.columns.map((c) => dtypeToString(f.get(c).dtype))).toEqual(["int64", "utf8"]);
  });

  it("scanParquet(bytes, {onProgress}) reports rows, totalRows, rowGroups and totalRowGroups after each row group", async () => {
    const b = await toParquet(numbered(10), { rowGroupSize: 3 });
    const { progress } = await scan(b);
    expect(progress).toEqual([
      { rows: 3, totalRows: 10, rowGroups: 1, totalRowGroups: 4 },
      { rows: 6, totalRows: 10, rowGroups: 2, totalRowGroups: 4 },
      { rows: 9, totalRows: 10, rowGroups: 3, totalRowGroups: 4 },
      { rows: 10, totalRows: 10, rowGroups: 4, totalRowGroups: 4 },
    ]);
  });

  it("scanParquet(bytes, {onProgress}) is called before each frame is yielded", async () => {
    const b = await toParquet(numbered(5), { rowGroupSize: 2 });
    const events: string[] = [];
    for await (const f of scanParquet(b, { onProgress: (p) => events.push(`progress ${p.rows}`) }))
      events.push(`frame ${f.shape[0]}`);
    expect(events).toEqual(["progress 2", "frame 2", "progress 4", "frame 2", "progress 5", "frame 1"]);
  });

  it("scanParquet(bytes, {columns, rowGroups}) reads the columns asked of the row groups asked, in order", async () => {
    const b = await toParquet(numbered(10), { rowGroupSize: 3 });
    const { frames, progress } = await scan(b, { columns: ["b"], rowGroups: [3, 1] });
    expect(frames.map((f) => f.columns)).toEqual([["b"], ["b"]]);
    expect(frames.map((f) => f.get("b").toArray())).toEqual([["r9"], ["r3", "r4", "r5"]]);
    // the totals count the row groups being read: 1 + 3 rows
    expect(progress.at(-1)).toEqual({ rows: 4, totalRows: 4, rowGroups: 2, totalRowGroups: 2 });
  });

  it("scanParquet(a file without rows) yields nothing", async () => {
    const { frames, progress } = await scan(await toParquet(numbered(0)));
    expect(frames).toEqual([]);
    expect(progress).toEqual([]);
  });

  it("scanParquet(bytes, {columns}) with an unknown column fails before the first frame is yielded", async () => {
    const b = await toParquet(numbered(10), { rowGroupSize: 3 });
    let yielded = 0;
    const run = async () => {
      for await (const _ of scanParquet(b, { columns: ["a", "nope"] })) yielded++;
    };
    await expect(run()).rejects.toThrow(KeyError);
    await expect(run()).rejects.toThrow('scanParquet: no column "nope" in the file (it has "a", "b")');
    expect(yielded).toBe(0);
  });

  it("scanParquet(bytes, {rowGroups}) out of range and bad options fail before the first frame", async () => {
    const b = await toParquet(numbered(10), { rowGroupSize: 3 });
    const first = (o: object) => scanParquet(b, o as never).next();
    await expect(first({ rowGroups: [0, 7] })).rejects.toThrow(OptionError);
    await expect(first({ rowGroups: [0, 7] })).rejects.toThrow(
      "scanParquet: rowGroups has 7, but the file has 4 row groups (0 to 3)",
    );
    await expect(first({ onProgress: 1 })).rejects.toThrow("scanParquet: invalid onProgress: 1");
    await expect(first({ batchSize: 2 })).rejects.toThrow('scanParquet: unknown option "batchSize"');
  });
});

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { type Chunk, makeChunk } from "../../../src/core/chunk.js";
import {
  Column,
  column,
  DataFrame,
  DTypeError,
  dictionary,
  dtypeToString,
  duration,
  IOError,
  int8,
  int32,
  KeyError,
  largeUtf8,
  OptionError,
  readParquet,
  scanParquet,
  timestamp,
  toParquet,
  utf8,
  writeParquet,
} from "../../../src/index.js";
import { parquetWasm } from "../../../src/io/parquet/wasm.js";

const FIXTURES = "test/fixtures/parquet";

/** Each column's dtype and values: what a frame holds, index aside. */
const content = (df: DataFrame) =>
  Object.fromEntries(df.columns.map((c) => [c, [dtypeToString(df.get(c).dtype), df.get(c).toArray()]]));

/** The frames are equal: same columns in the same order, same dtypes, same values (NaN equals NaN). */
function expectSameFrame(actual: DataFrame, expected: DataFrame): void {
  expect(actual.columns).toEqual(expected.columns);
  expect(actual.shape).toEqual(expected.shape);
  expect(content(actual)).toEqual(content(expected));
}

const bytes = (...b: number[]) => new Uint8Array(b);
// 2023-11-14T22:13:20.123456789Z in ns: beyond 2^53, so a float would round it
const NS = 1_700_000_000_123_456_789n;

/** A frame with a column of every dtype, each with a null (3 rows). */
function everyDtype(): DataFrame {
  return new DataFrame({
    b: column([true, null, false], "bool"),
    i8: column([-128, 127, null], "int8"),
    i16: column([-32768, null, 32767], "int16"),
    i32: column([-(2 ** 31), 2 ** 31 - 1, null], "int32"),
    i64: column([2n ** 63n - 1n, null, -(2n ** 63n)], "int64"),
    u8: column([0, 255, null], "uint8"),
    u16: column([0, null, 65535], "uint16"),
    u32: column([2 ** 32 - 1, 0, null], "uint32"),
    u64: column([2n ** 64n - 1n, 2n ** 53n + 1n, null], "uint64"),
    f32: column([0.5, null, Number.NaN], "float32"),
    f64: column([Number.NaN, -1e300, null], "float64"),
    s: column(["é", null, ""], "utf8"),
    ls: column(["a", "𝄞", null], "large_utf8"),
    bin: column([bytes(0, 255), null, bytes()], "binary"),
    d: column([19675, null, -1], "date"),
    ts_s: column([1_700_000_000n, null, -1n], timestamp("s")),
    ts_ms: column([1_700_000_000_123n, -1n, null], timestamp("ms", "UTC")),
    ts_us: column([null, 1_700_000_000_123_456n, 0n], timestamp("us", "America/New_York")),
    ts_ns: column([NS, null, -NS], timestamp("ns")),
    ts_ns_ny: column([NS, -1n, null], timestamp("ns", "America/New_York")),
    ts_ns_utc: column([null, NS, 1n], timestamp("ns", "UTC")),
    dur_s: column([86_400n, null, -1n], duration("s")),
    dur_ms: column([1n, -1n, null], duration("ms")),
    dur_us: column([null, 2n ** 60n, 0n], duration("us")),
    dur_ns: column([NS, null, -NS], duration("ns")),
    cat: column(["x", null, "x"], dictionary()),
    cat_ordered: column(["lo", "hi", null], dictionary(int32, utf8, true)),
    cat_i8_large: column(["p", "q", null], dictionary(int8, largeUtf8)),
  });
}

/** A frame of `n` rows: a = 0..n-1 (int32), b = "r0".."r<n-1>", c = a * 10 (float64). */
function numbered(n: number): DataFrame {
  const a = Array.from({ length: n }, (_, i) => i);
  return new DataFrame({
    a: column(a, "int32"),
    b: a.map((i) => `r${i}`),
    c: column(
      a.map((i) => i * 10),
      "float64",
    ),
  });
}

describe("readParquet(toParquet(df)) round trip", () => {
  it("readParquet(await toParquet(df)) gives back every dtype, nulls and NaN included", async () => {
    const df = everyDtype();
    expectSameFrame(await readParquet(await toParquet(df)), df);
  });

  it("readParquet(await toParquet(df)) of a one-row and an empty frame keeps columns and dtypes", async () => {
    const df = everyDtype();
    expectSameFrame(await readParquet(await toParquet(df.head(1))), df.head(1));
    const empty = await readParquet(await toParquet(df.head(0)));
    expect(empty.shape).toEqual([0, df.shape[1]]);
    expectSameFrame(empty, df.head(0));
  });

  it("readParquet(await toParquet(df)) keeps int64 and uint64 beyond 2^53 exact", async () => {
    // 2^53 + 1 is the first integer a float64 cannot hold
    const i64 = [2n ** 53n + 1n, -(2n ** 53n) - 1n, 2n ** 63n - 1n, -(2n ** 63n)];
    const u64 = [2n ** 53n + 1n, 2n ** 63n, 2n ** 64n - 1n, 0n];
    const df = await readParquet(
      await toParquet(new DataFrame({ i: column(i64, "int64"), u: column(u64, "uint64") })),
    );
    expect(df.get("i").toArray()).toEqual(i64);
    expect(df.get("u").toArray()).toEqual(u64);
  });

  it("readParquet keeps a dictionary column a dictionary: its codes and categories", async () => {
    const df = await readParquet(
      await toParquet(new DataFrame({ k: column(["x", "y", null, "x", "z"], dictionary()) })),
    );
    const col = df.column("k");
    expect(col.dtype.kind).toBe("dictionary");
    expect(dtypeToString(col.dtype)).toBe("dictionary<int32, utf8>");
    const chunk = col.chunks[0] as Chunk;
    // categories in order of first appearance, as Parquet's dictionary page holds them
    expect(chunk.dictionary?.toArray()).toEqual(["x", "y", "z"]);
    const codes = chunk.values as Int32Array;
    expect([codes[0], codes[1], codes[3], codes[4]]).toEqual([0, 1, 0, 2]);
    expect(col.nullCount).toBe(1);
    expect(df.get("k").toArray()).toEqual(["x", "y", null, "x", "z"]);
  });

  // Parquet stores a dictionary column's values; readers rebuild categories from the
  // values in order of appearance. ndframe keeps the categories in the key-value metadata.
  it("readParquet keeps an ordered dictionary's categories, their order and unused ones", async () => {
    // categories low < mid < high; the data uses high and low only, high first
    const cats = column(["low", "mid", "high"], utf8);
    const dtype = dictionary(int32, utf8, true);
    const values = new Int32Array([2, 0, 2, 0]);
    const col = Column.fromChunk(makeChunk({ dtype, length: 4, values, dictionary: cats }));
    const back = (await readParquet(await toParquet(new DataFrame({ o: col })))).column("o");
    expect(dtypeToString(back.dtype)).toBe("dictionary<int32, utf8, ordered>");
    expect(back.chunks[0]?.dictionary?.toArray()).toEqual(["low", "mid", "high"]);
    expect(Array.from(back.chunks[0]?.values as Int32Array)).toEqual([2, 0, 2, 0]);
  });

  it("scanParquet keeps the categories in every row group, also one that uses none of them", async () => {
    const cats = column(["low", "mid", "high"], utf8);
    const dtype = dictionary(int32, utf8, true);
    const validity = new Uint8Array([0b0111]);
    const values = new Int32Array([1, 1, 2, 0]);
    const col = Column.fromChunk(makeChunk({ dtype, length: 4, values, validity, dictionary: cats }));
    const bytes = await toParquet(new DataFrame({ o: col }), { rowGroupSize: 3 });
    const seen: unknown[] = [];
    for await (const batch of scanParquet(bytes)) {
      const c = batch.column("o");
      seen.push([dtypeToString(c.dtype), c.chunks[0]?.dictionary?.toArray(), c.toArray()]);
    }
    expect(seen).toEqual([
      ["dictionary<int32, utf8, ordered>", ["low", "mid", "high"], ["mid", "mid", "high"]],
      ["dictionary<int32, utf8, ordered>", ["low", "mid", "high"], [null]],
    ]);
  });

  it("writeParquet(batches) stores the first batch's categories; a later batch's other values make the reader keep the file's", async () => {
    const a = column(["x", "y"], dictionary());
    const b = column(["z", "x"], dictionary());
    const chunks: Uint8Array[] = [];
    const sink = new WritableStream<Uint8Array>({ write: (c) => void chunks.push(c) });
    await writeParquet([new DataFrame({ k: a }), new DataFrame({ k: b })], sink);
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    const back = (await readParquet(bytes)).column("k");
    // "z" is not among the stored categories (x, y): the values come back as read
    expect(back.toArray()).toEqual(["x", "y", "z", "x"]);
    expect(dtypeToString(back.dtype)).toBe("dictionary<int32, utf8>");
  });
});

describe("readParquet(bytes, {columns, rowGroups})", () => {
  it("readParquet(bytes, {rowGroups: [2, 0]}) returns rows 6-8 then 0-2 of a file of 3-row groups", async () => {
    const b = await toParquet(numbered(10), { rowGroupSize: 3 });
    const df = await readParquet(b, { rowGroups: [2, 0] });
    expect(df.get("a").toArray()).toEqual([6, 7, 8, 0, 1, 2]);
    expect(df.get("b").toArray()).toEqual(["r6", "r7", "r8", "r0", "r1", "r2"]);
    expect(df.get("c").toArray()).toEqual([60, 70, 80, 0, 10, 20]);
  });

  it("readParquet(bytes, {columns}) returns the columns asked, in the order asked, and no other", async () => {
    const b = await toParquet(numbered(4));
    const df = await readParquet(b, { columns: ["c", "a"] });
    expect(df.columns).toEqual(["c", "a"]);
    expect(df.shape).toEqual([4, 2]);
    expect(df.get("c").toArray()).toEqual([0, 10, 20, 30]);
    expect(df.get("a").toArray()).toEqual([0, 1, 2, 3]);
    expect(() => df.column("b")).toThrow(KeyError);
  });

  it("readParquet of a file of 4 row groups gives every column one chunk per row group", async () => {
    const df = await readParquet(await toParquet(numbered(10), { rowGroupSize: 3 }));
    for (const c of df.columns) {
      expect(df.column(c).chunks.map((k) => k.length)).toEqual([3, 3, 3, 1]);
    }
    expect(df.get("a").toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe("readParquet views the decoded buffers", () => {
  it("readParquet: no copy between decode and frame (each buffer its own, out of wasm memory, viewed whole)", async () => {
    // (the second row group of cat_ordered and cat_i8_large holds no category: its codes are
    // remapped onto the stored categories, fresh buffers viewed whole, which this also checks)
    const df = await readParquet(await toParquet(everyDtype(), { rowGroupSize: 2 }));
    const wasm = (await parquetWasm()).wasmMemory().buffer;
    const seen = new Set<ArrayBufferLike>();
    const views: ArrayBufferView[] = [];
    const dicts = new Set<unknown>();
    const collect = (chunk: Chunk) => {
      views.push(chunk.values);
      if (chunk.validity !== null) views.push(chunk.validity);
      if (chunk.valueOffsets !== null) views.push(chunk.valueOffsets);
      // a dictionary shared by chunks (the stored categories both row groups map onto) counts once
      if (chunk.dictionary !== null && !dicts.has(chunk.dictionary)) {
        dicts.add(chunk.dictionary);
        for (const d of chunk.dictionary.chunks) collect(d);
      }
    };
    for (const c of df.columns) {
      const chunks = df.column(c).chunks;
      expect(chunks.length).toBe(2);
      for (const chunk of chunks) collect(chunk);
    }
    for (const v of views) {
      expect(v.buffer).toBeInstanceOf(ArrayBuffer);
      expect(v.buffer).not.toBe(wasm);
      // the frame views the buffer copied out of wasm as it is: no slice, no second copy
      expect(v.byteOffset).toBe(0);
      expect(v.byteLength).toBe(v.buffer.byteLength);
      expect(seen.has(v.buffer)).toBe(false);
      seen.add(v.buffer);
    }
    expect(content(df)).toEqual(content(everyDtype()));
  });
});

/** Where a read in a worker ended: a frame, a rejection, an uncaught error, or nothing before the time limit. */
type Outcome =
  | { kind: "resolved"; rows: number; sum: string }
  | { kind: "rejected" | "crashed"; name: string; message: string }
  | { kind: "hung" };

/**
 * readParquet(bytes) in a worker thread, so that a failure of parquet-wasm
 * that escapes the promise (a wasm trap) or never settles cannot take the
 * test process down with it.
 */
function readInWorker(b: Uint8Array, ms = 10_000): Promise<Outcome> {
  const req = createRequire(import.meta.url);
  const tsx = pathToFileURL(req.resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href;
  const index = new URL("../../../src/index.ts", import.meta.url).href;
  const code = `
    const { parentPort, workerData } = require("node:worker_threads");
    (async () => {
      (await import(${JSON.stringify(tsx)})).register();
      const nd = await import(${JSON.stringify(index)});
      try {
        const df = await nd.readParquet(workerData);
        parentPort.postMessage({ kind: "resolved", rows: df.shape[0], sum: String(df.get("a").sum()) });
      } catch (e) {
        parentPort.postMessage({ kind: "rejected", name: e.name, message: e.message });
      }
    })();`;
  return new Promise((resolve) => {
    const w = new Worker(code, { eval: true, workerData: b });
    const end = (o: Outcome) => {
      clearTimeout(timer);
      void w.terminate();
      resolve(o);
    };
    const timer = setTimeout(() => end({ kind: "hung" }), ms);
    w.on("message", (o: Outcome) => end(o));
    w.on("error", (e) => end({ kind: "crashed", name: e.name, message: e.message }));
  });
}

describe("readParquet errors", () => {
  it("readParquet(bytes that are not Parquet) is an IOError saying so", async () => {
    const csv = new TextEncoder().encode("a,b\n1,2\n3,4\n5,6\n");
    await expect(readParquet(csv)).rejects.toThrow(IOError);
    await expect(readParquet(csv)).rejects.toThrow("readParquet: the bytes are not Parquet");
    await expect(readParquet(bytes(1, 2, 3))).rejects.toThrow("readParquet: 3 bytes are too few");
  });

  it("readParquet(a truncated file) is an IOError saying it is truncated", async () => {
    const b = await toParquet(numbered(100));
    const cut = b.slice(0, b.length - 10);
    await expect(readParquet(cut)).rejects.toThrow(IOError);
    await expect(readParquet(cut)).rejects.toThrow(/readParquet: .*truncated/);
  });

  it("readParquet(a file with bytes flipped inside row group 1's column chunk) is an IOError naming row group 1", async () => {
    const n = 1000;
    const df = new DataFrame({ a: column(Array.from({ length: 2 * n }, (_, i) => i)) });
    const b = await toParquet(df, { rowGroupSize: n, compression: "snappy" });
    // the column chunks follow the leading "PAR1": row group 0's, then row group 1's
    const pw = await parquetWasm();
    const file = await pw.ParquetFile.fromFile(new Blob([b as Uint8Array<ArrayBuffer>]));
    const meta = file.metadata();
    const [size0, size1] = [meta.rowGroup(0).compressedSize(), meta.rowGroup(1).compressedSize()];
    meta.free();
    file.free();
    const bad = b.slice();
    const mid = 4 + size0 + Math.floor(size1 / 2);
    for (let k = mid; k < mid + 16; k++) bad[k] = (bad[k] as number) ^ 0xff;
    // the sane file: 2000 rows summing to 1999 * 2000 / 2
    expect(await readInWorker(b)).toEqual({ kind: "resolved", rows: 2000, sum: "1999000" });
    const outcome = await readInWorker(bad);
    expect(outcome).toMatchObject({ kind: "rejected", name: "IOError" });
    expect((outcome as { message: string }).message).toMatch(/^readParquet: row group 1 is corrupted/);
  });

  it("readParquet(bytes, {columns}) with an unknown column is a KeyError listing the file's columns", async () => {
    const b = await toParquet(numbered(3));
    await expect(readParquet(b, { columns: ["a", "zz"] })).rejects.toThrow(KeyError);
    await expect(readParquet(b, { columns: ["a", "zz"] })).rejects.toThrow(
      'readParquet: no column "zz" in the file (it has "a", "b", "c")',
    );
  });

  it("readParquet(bytes, {columns}) with a name twice is an OptionError naming it", async () => {
    const b = await toParquet(numbered(3));
    await expect(readParquet(b, { columns: ["a", "b", "a"] })).rejects.toThrow(OptionError);
    await expect(readParquet(b, { columns: ["a", "b", "a"] })).rejects.toThrow(/columns lists a name twice/);
  });

  it("readParquet(bytes, {rowGroups}) out of range is an OptionError giving the file's row groups", async () => {
    const b = await toParquet(numbered(10), { rowGroupSize: 3 });
    await expect(readParquet(b, { rowGroups: [4] })).rejects.toThrow(OptionError);
    await expect(readParquet(b, { rowGroups: [4] })).rejects.toThrow(
      "readParquet: rowGroups has 4, but the file has 4 row groups (0 to 3)",
    );
    await expect(readParquet(b, { rowGroups: [-1] })).rejects.toThrow(/rowGroups has -1/);
    await expect(readParquet(b, { rowGroups: [1.5] })).rejects.toThrow(/rowGroups has 1\.5/);
  });

  it("readParquet(bytes, {unknown option}) is an OptionError naming the key", async () => {
    const b = await toParquet(numbered(3));
    const bad = { colums: ["a"] } as unknown as { columns: string[] };
    await expect(readParquet(b, bad)).rejects.toThrow(OptionError);
    await expect(readParquet(b, bad)).rejects.toThrow(
      'readParquet: unknown option "colums" (expected one of columns, rowGroups, threads)',
    );
    await expect(readParquet(b, { columns: "a" } as never)).rejects.toThrow(/invalid columns: "a"/);
    await expect(readParquet(b, { threads: -1 })).rejects.toThrow("invalid threads: -1");
  });

  it("readParquet(a file with decimal and list columns) is a DTypeError naming the column; {columns: ['i']} reads", async () => {
    // written by DuckDB: COPY (SELECT 1.5::DECIMAL(10,2) AS d, [1,2] AS l, 1 AS i
    //                          UNION ALL SELECT 2.25, [3], 2) TO 'decimal-list.parquet'
    const b = readFileSync(`${FIXTURES}/decimal-list.parquet`);
    await expect(readParquet(b)).rejects.toThrow(DTypeError);
    await expect(readParquet(b)).rejects.toThrow(
      /column "d": ndframe cannot hold the Parquet\/Arrow type decimal/,
    );
    await expect(readParquet(b, { columns: ["i", "l"] })).rejects.toThrow(/column "l": .*list/);
    const df = await readParquet(b, { columns: ["i"] });
    expect(content(df)).toEqual({ i: ["int32", [1, 2]] });
  });
});

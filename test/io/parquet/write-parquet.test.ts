import { describe, expect, it } from "vitest";
import {
  column,
  DataFrame,
  dictionary,
  dtypeToString,
  OptionError,
  readParquet,
  scanParquet,
  type ToParquetOptions,
  timestamp,
  toParquet,
  writeParquet,
} from "../../../src/index.js";
import { parquetWasm } from "../../../src/io/parquet/wasm.js";

/** Each column's dtype and values. */
const content = (df: DataFrame) =>
  Object.fromEntries(df.columns.map((c) => [c, [dtypeToString(df.get(c).dtype), df.get(c).toArray()]]));

/** A WritableStream that keeps what is written; `bytes()` joins it. */
function sink() {
  const parts: Uint8Array[] = [];
  let closed = false;
  const stream = new WritableStream<Uint8Array>({
    write: (c) => {
      parts.push(c.slice());
    },
    close: () => {
      closed = true;
    },
  });
  const bytes = () => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };
  return { stream, bytes, closed: () => closed };
}

/** The file's row group sizes and the codec of its first column chunk, as parquet-wasm's metadata says. */
async function layout(b: Uint8Array): Promise<{ rows: number[]; codec: number }> {
  const pw = await parquetWasm();
  const file = await pw.ParquetFile.fromFile(new Blob([b as Uint8Array<ArrayBuffer>]));
  const meta = file.metadata();
  const groups = meta.rowGroups();
  const rows = groups.map((g) => g.numRows());
  const codec = groups.length === 0 ? -1 : (groups[0]?.column(0).compression() as number);
  meta.free();
  file.free();
  return { rows, codec };
}

const CODECS = ["snappy", "zstd", "gzip", "brotli", "lz4", "none"] as const;
// parquet-wasm's Compression enum: lz4 is written as LZ4_RAW, the codec Parquet 2.9 recommends
const CODE = { none: 0, snappy: 1, gzip: 2, brotli: 3, zstd: 5, lz4: 6 } as const;

/** 10,000 rows of five repeated strings, plus a timestamp and a dictionary column. */
function repetitive(): DataFrame {
  const words = ["alpha", "bravo", "charlie", "delta", "echo"];
  const s = Array.from({ length: 10_000 }, (_, i) => words[i % 5] as string);
  return new DataFrame({
    s,
    t: column(
      s.map((_, i) => BigInt(i) * 1000n),
      timestamp("ms", "UTC"),
    ),
    k: column(s, dictionary()),
  });
}

describe("toParquet(df, {compression})", () => {
  it.each(CODECS)("toParquet(df, {compression: %s}) round-trips and records the codec", async (codec) => {
    const df = repetitive();
    const b = await toParquet(df, { compression: codec });
    expect(content(await readParquet(b))).toEqual(content(df));
    expect((await layout(b)).codec).toBe(CODE[codec]);
  });

  it("toParquet(df, {compression}) compresses: every codec writes fewer bytes than none", async () => {
    // plain encoding (dictionary: false) so that the strings reach the codec as 10,000 repeated words
    const df = new DataFrame({ s: repetitive().get("s") });
    const size = async (compression: ToParquetOptions["compression"]) =>
      (await toParquet(df, { compression, dictionary: false })).length;
    const none = await size("none");
    // 10,000 words of 4 to 7 letters, each with a 4-byte length
    expect(none).toBeGreaterThan(10_000 * 8);
    for (const codec of CODECS.filter((c) => c !== "none")) {
      expect(await size(codec), codec).toBeLessThan(none / 4);
    }
  });

  it("toParquet(df, {compression: 'lzo'}) is an OptionError listing the codecs", async () => {
    const df = new DataFrame({ a: [1] });
    const bad = { compression: "lzo" } as unknown as ToParquetOptions;
    await expect(toParquet(df, bad)).rejects.toThrow(OptionError);
    await expect(toParquet(df, bad)).rejects.toThrow(
      'invalid compression: "lzo" (expected one of snappy, zstd, gzip, brotli, lz4, none)',
    );
  });

  it("toParquet(df, {unknown option}) and a bad rowGroupSize are OptionErrors naming them", async () => {
    const df = new DataFrame({ a: [1] });
    await expect(toParquet(df, { rowgroupsize: 3 } as never)).rejects.toThrow(
      'toParquet: unknown option "rowgroupsize" (expected one of compression, rowGroupSize, dictionary)',
    );
    await expect(toParquet(df, { rowGroupSize: 0 })).rejects.toThrow(OptionError);
    await expect(toParquet(df, { rowGroupSize: 0 })).rejects.toThrow("invalid rowGroupSize: 0");
    await expect(toParquet({ a: [1] } as never)).rejects.toThrow("toParquet: expected a DataFrame");
  });
});

describe("toParquet(df, {rowGroupSize})", () => {
  it("toParquet(10 rows, {rowGroupSize: 3}) writes 4 row groups of 3, 3, 3 and 1 rows", async () => {
    const df = new DataFrame({ a: column([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], "int32") });
    const b = await toParquet(df, { rowGroupSize: 3 });
    expect((await layout(b)).rows).toEqual([3, 3, 3, 1]);
    expect((await readParquet(b)).get("a").toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

/** Frames of a = start..start+n-1 (int64) and s = "s<a>". */
const batch = (start: number, n: number) => {
  const a = Array.from({ length: n }, (_, i) => start + i);
  return new DataFrame({ a: column(a.map(BigInt), "int64"), s: a.map((i) => `s${i}`) });
};

describe("writeParquet(frames, WritableStream)", () => {
  it("writeParquet([df1, df2, df3], stream) writes one file of the rows one after another", async () => {
    const out = sink();
    await writeParquet([batch(0, 3), batch(3, 2), batch(5, 4)], out.stream);
    expect(out.closed()).toBe(true);
    const df = await readParquet(out.bytes());
    expect(df.get("a").toArray()).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n]);
    expect(df.get("s").toArray()).toEqual(["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"]);
  });

  it("writeParquet(async generator, stream, {rowGroupSize}) writes one file that scanParquet reads in row groups", async () => {
    async function* gen() {
      for (let k = 0; k < 5; k++) yield batch(4 * k, 4);
    }
    const out = sink();
    await writeParquet(gen(), out.stream, { rowGroupSize: 8, compression: "zstd" });
    const b = out.bytes();
    const df = await readParquet(b);
    expect(df.get("a").toArray()).toEqual(Array.from({ length: 20 }, (_, i) => BigInt(i)));
    const sizes: number[] = [];
    for await (const f of scanParquet(b)) sizes.push(f.shape[0]);
    expect(sizes).toEqual([8, 8, 4]);
    expect((await layout(b)).codec).toBe(CODE.zstd);
  });

  it("writeParquet(df, stream) writes a single frame", async () => {
    const out = sink();
    await writeParquet(batch(0, 2), out.stream);
    expect(content(await readParquet(out.bytes()))).toEqual(content(batch(0, 2)));
  });

  it("writeParquet(frames, stream) with a batch of another dtype is an OptionError naming the batch and column", async () => {
    const other = new DataFrame({ a: column([9], "int32"), s: ["x"] });
    await expect(writeParquet([batch(0, 2), batch(2, 2), other], sink().stream)).rejects.toThrow(
      'writeParquet: column "a" of batch 2 is int32, in the first batch int64',
    );
    await expect(writeParquet([batch(0, 2), other], sink().stream)).rejects.toThrow(OptionError);
  });

  it("writeParquet(frames, stream) with a batch of other columns is an OptionError naming the batch and columns", async () => {
    const renamed = new DataFrame({ a: column([9n], "int64"), t: ["x"] });
    await expect(writeParquet([batch(0, 2), renamed], sink().stream)).rejects.toThrow(OptionError);
    await expect(writeParquet([batch(0, 2), renamed], sink().stream)).rejects.toThrow(
      'writeParquet: batch 1 has columns ["a","t"], the first batch ["a","s"]',
    );
  });

  it("writeParquet(frames, stream) rejects with the error of a source that fails after its first batch", async () => {
    async function* failing() {
      yield batch(0, 2);
      throw new Error("source failed at line 3");
    }
    const out = sink();
    await expect(writeParquet(failing(), out.stream)).rejects.toThrow("source failed at line 3");
    // no file that looks whole: the stream is not closed as if the write had succeeded
    expect(out.closed()).toBe(false);
  });

  it("writeParquet(df, not a stream) is an OptionError naming the destination", async () => {
    await expect(writeParquet(batch(0, 1), "out.parquet" as never)).rejects.toThrow(OptionError);
    await expect(writeParquet(batch(0, 1), "out.parquet" as never)).rejects.toThrow(
      /writeParquet: invalid destination "out.parquet" \(expected a WritableStream/,
    );
  });

  it("writeParquet(42, stream) is an OptionError saying frames were expected", async () => {
    await expect(writeParquet(42 as never, sink().stream)).rejects.toThrow(OptionError);
    await expect(writeParquet(42 as never, sink().stream)).rejects.toThrow(
      "writeParquet: expected a DataFrame or an (async) iterable of DataFrames, got 42",
    );
  });

  it("writeParquet([df, 42], stream) is an OptionError naming batch 1", async () => {
    await expect(writeParquet([batch(0, 1), 42] as never, sink().stream)).rejects.toThrow(
      "writeParquet: batch 1: expected a DataFrame, got 42",
    );
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Chunk } from "../../src/core/chunk.js";
import {
  column,
  DataFrame,
  dictionary,
  dtypeToString,
  IOError,
  OptionError,
  readCSV,
  readParquet,
  scanCSV,
  scanParquet,
  timestamp,
  writeParquet,
} from "../../src/node.js";
import { duck, duckRows } from "../duck.js";

const FLIGHTS = "node_modules/vega-datasets/data/flights-3m.parquet";
const WEATHER = "node_modules/vega-datasets/data/seattle-weather.csv";

const dtypes = (df: DataFrame) => df.columns.map((c) => dtypeToString(df.get(c).dtype));
const content = (df: DataFrame) =>
  Object.fromEntries(df.columns.map((c) => [c, [dtypeToString(df.get(c).dtype), df.get(c).toArray()]]));

const bytesOf = (v: ArrayBufferView | null) =>
  v === null ? null : Buffer.from(v.buffer, v.byteOffset, v.byteLength);

/** Two chunks hold the same data: dtype, length, nulls, and the bytes of every buffer (no value is boxed, so 3e6 rows compare fast). */
function expectSameChunk(a: Chunk, b: Chunk, where: string): void {
  expect(dtypeToString(a.dtype), where).toBe(dtypeToString(b.dtype));
  expect([a.length, a.offset, a.nullCount], where).toEqual([b.length, b.offset, b.nullCount]);
  for (const k of ["values", "validity", "valueOffsets"] as const) {
    const [x, y] = [bytesOf(a[k]), bytesOf(b[k])];
    expect(x === null ? null : y !== null && x.equals(y), `${where} ${k}`).toBe(x === null ? null : true);
  }
}

/** Two frames hold the same columns, chunked alike, with the same bytes. */
function expectSameFrame(a: DataFrame, b: DataFrame): void {
  expect(a.columns).toEqual(b.columns);
  expect(a.shape).toEqual(b.shape);
  for (const c of a.columns) {
    const [x, y] = [a.column(c).chunks, b.column(c).chunks];
    expect(x.length, c).toBe(y.length);
    x.forEach((chunk, i) => {
      expectSameChunk(chunk, y[i] as Chunk, `${c} chunk ${i}`);
    });
  }
}

describe("readParquet(flights-3m.parquet) (ndframe/node)", () => {
  let flights: DataFrame;
  beforeAll(async () => {
    flights = await readParquet(FLIGHTS, { threads: 1 });
  });

  it("readParquet(path): shape [3000000, 5] and the dtypes of the file's Arrow schema", () => {
    expect(flights.shape).toEqual([3_000_000, 5]);
    expect(flights.columns).toEqual(["date", "delay", "distance", "origin", "destination"]);
    expect(dtypes(flights)).toEqual(["timestamp[us]", "int64", "int64", "large_utf8", "large_utf8"]);
  });

  it("readParquet(path): sums, distinct counts, date range and null counts equal DuckDB's", async () => {
    const [delay, distance, origins, destinations, first, last, n, sfo] = await duck(
      `SELECT sum(delay)::BIGINT, sum(distance)::BIGINT, count(DISTINCT origin), count(DISTINCT destination),
              epoch_us(min(date)), epoch_us(max(date)), count(*), count(*) FILTER (origin = 'SFO')
       FROM '${FLIGHTS}'`,
    );
    expect(n).toBe(3_000_000n);
    expect(flights.get("delay").sum()).toBe(delay);
    expect(flights.get("distance").sum()).toBe(distance);
    expect(flights.get("origin").nunique()).toBe(Number(origins));
    expect(flights.get("destination").nunique()).toBe(Number(destinations));
    expect(flights.get("date").min()).toBe(first);
    expect(flights.get("date").max()).toBe(last);
    expect(flights.get("origin").eq("SFO").sum()).toBe(Number(sfo));
    const nulls = await duck(
      `SELECT ${flights.columns.map((c) => `count(*) - count(${c})`).join(", ")} FROM '${FLIGHTS}'`,
    );
    expect(flights.columns.map((c) => flights.get(c).nullCount)).toEqual(nulls.map(Number));
  });

  it("readParquet(path): one chunk per row group, as DuckDB's parquet_metadata lists them", async () => {
    const groups = await duckRows(
      `SELECT row_group_id, any_value(row_group_num_rows) FROM parquet_metadata('${FLIGHTS}') GROUP BY ALL ORDER BY 1`,
    );
    for (const c of flights.columns)
      expect(flights.column(c).chunks.map((k) => k.length)).toEqual(groups.map((g) => Number(g[1])));
  });

  it("readParquet(path, {threads: 2}) gives the frame {threads: 1} gives", async () => {
    expectSameFrame(await readParquet(FLIGHTS, { threads: 2 }), flights);
  });

  it("scanParquet(path) yields the row groups of readParquet(path), in order", async () => {
    let k = 0;
    let rows = 0;
    for await (const batch of scanParquet(FLIGHTS)) {
      expect(batch.columns).toEqual(flights.columns);
      for (const c of flights.columns)
        expectSameChunk(
          batch.column(c).chunks[0] as Chunk,
          flights.column(c).chunks[k] as Chunk,
          `row group ${k} ${c}`,
        );
      rows += batch.shape[0];
      k++;
    }
    expect([k, rows]).toEqual([flights.column("date").chunks.length, 3_000_000]);
  });

  it("readParquet(path, {columns, rowGroups}) reads a part: the delays of row group 10 sum as DuckDB says", async () => {
    const part = await readParquet(FLIGHTS, { columns: ["delay"], rowGroups: [10] });
    const [rows, sum] = await duck(
      `SELECT count(*), sum(delay)::BIGINT FROM (SELECT delay FROM '${FLIGHTS}' OFFSET ${10 * 272_727})`,
    );
    expect(part.shape).toEqual([Number(rows), 1]);
    expect(part.get("delay").sum()).toBe(sum);
  });
});

describe("readParquet and scanParquet errors (ndframe/node)", () => {
  it("readParquet(a missing path) is an IOError naming the path", async () => {
    await expect(readParquet("no/such/file.parquet")).rejects.toThrow(IOError);
    await expect(readParquet("no/such/file.parquet")).rejects.toThrow(
      'readParquet: cannot read "no/such/file.parquet": no such file',
    );
  });

  it("scanParquet(a missing path) is an IOError naming the path and saying there is no such file", async () => {
    const first = () => scanParquet("no/such/file.parquet").next();
    await expect(first()).rejects.toThrow(IOError);
    await expect(first()).rejects.toThrow('scanParquet: cannot read "no/such/file.parquet": no such file');
  });

  it("scanParquet(a directory) is an IOError naming it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ndframe-pq-"));
    await expect(scanParquet(dir).next()).rejects.toThrow(IOError);
    await expect(scanParquet(dir).next()).rejects.toThrow(`scanParquet: cannot read ${JSON.stringify(dir)}`);
  });

  it("readParquet(a directory) is an IOError naming it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ndframe-pq-"));
    await expect(readParquet(dir)).rejects.toThrow(IOError);
    await expect(readParquet(dir)).rejects.toThrow(`readParquet: cannot read ${JSON.stringify(dir)}`);
  });

  it("readParquet(a CSV file's path) is an IOError saying it is not Parquet", async () => {
    await expect(readParquet(WEATHER)).rejects.toThrow("readParquet: the bytes are not Parquet");
  });
});

describe("writeParquet(frames, path) (ndframe/node)", () => {
  const dir = mkdtempSync(join(tmpdir(), "ndframe-pq-"));
  const NS = 1_700_000_000_123_456_789n; // 2023-11-14T22:13:20.123456789Z, beyond 2^53

  it("writeParquet([df1, df2], path) then readParquet(path) gives the rows of both", async () => {
    const path = join(dir, "two.parquet");
    const a = new DataFrame({ n: column([1n, 2n ** 60n], "int64"), s: ["a", null] });
    const b = new DataFrame({ n: column([null], "int64"), s: ["c"] });
    await writeParquet([a, b], path);
    expect(content(await readParquet(path))).toEqual({
      n: ["int64", [1n, 2n ** 60n, null]],
      s: ["utf8", ["a", null, "c"]],
    });
  });

  it("writeParquet(scanCSV(path, {batchSize}), path) writes one file of every batch", async () => {
    const csv = join(dir, "small.csv");
    // 10 rows: i, i / 4, a word
    const lines = Array.from({ length: 10 }, (_, i) => `${i},${i / 4},w${i % 3}`);
    writeFileSync(csv, `i,x,w\n${lines.join("\n")}\n`);
    let batches = 0;
    async function* counted() {
      for await (const f of scanCSV(csv, { batchSize: 3 })) {
        batches++;
        yield f;
      }
    }
    const path = join(dir, "small.parquet");
    await writeParquet(counted(), path, { rowGroupSize: 4 });
    expect(batches).toBe(4);
    const df = await readParquet(path);
    expect(df.shape).toEqual([10, 3]);
    expect(df.get("i").toArray().map(Number)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(df.get("x").toArray()).toEqual([0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25]);
    expect(df.get("w").toArray()).toEqual(["w0", "w1", "w2", "w0", "w1", "w2", "w0", "w1", "w2", "w0"]);
    expect(content(df)).toEqual(content(await readCSV(csv)));
    const [rows, groups] = await duck(
      `SELECT count(*), (SELECT count(DISTINCT row_group_id) FROM parquet_metadata('${path}')) FROM '${path}'`,
    );
    expect([rows, groups]).toEqual([10n, 3n]);
  });

  it("writeParquet(scanCSV(seattle-weather.csv), path) reads back as readCSV reads the CSV", async () => {
    const path = join(dir, "weather.parquet");
    await writeParquet(scanCSV(WEATHER, { batchSize: 400 }), path);
    expect(content(await readParquet(path))).toEqual(content(await readCSV(WEATHER)));
  });

  it("writeParquet(df, path): DuckDB reads int64 beyond 2^53, timestamp[ns, UTC] and the dictionary column", async () => {
    const path = join(dir, "duck.parquet");
    const df = new DataFrame({
      i: column([2n ** 53n + 1n, -(2n ** 63n), null], "int64"),
      t: column([NS, null, 1000n], timestamp("ns", "UTC")),
      naive: column([NS, -1n, null], timestamp("ns")),
      k: column(["x", "y", "x"], dictionary()),
    });
    await writeParquet(df, path);
    const rows = await duckRows(
      `SELECT i::VARCHAR, typeof(t), epoch_us(t), typeof(naive), epoch_ns(naive), k FROM '${path}'`,
    );
    // DuckDB holds zoned timestamps in microseconds: NS / 1000 truncated
    expect(rows).toEqual([
      ["9007199254740993", "TIMESTAMP WITH TIME ZONE", 1_700_000_000_123_456n, "TIMESTAMP_NS", NS, "x"],
      ["-9223372036854775808", "TIMESTAMP WITH TIME ZONE", null, "TIMESTAMP_NS", -1n, "y"],
      [null, "TIMESTAMP WITH TIME ZONE", 1n, "TIMESTAMP_NS", null, "x"],
    ]);
    // the file says nanoseconds adjusted to UTC, and dictionary-encodes k
    const [logical] = await duck(`SELECT logical_type FROM parquet_schema('${path}') WHERE name = 't'`);
    expect(logical).toMatch(/isAdjustedToUTC=1.*NANOS=NanoSeconds/);
    const [encodings] = await duck(
      `SELECT encodings FROM parquet_metadata('${path}') WHERE path_in_schema = 'k'`,
    );
    expect(encodings).toMatch(/RLE_DICTIONARY/);
    // and ndframe reads back the exact nanoseconds and the dictionary
    expect(content(await readParquet(path))).toEqual(content(df));
  });

  it("writeParquet(frames, path) with a batch of another dtype is an OptionError, not a file of the first batches", async () => {
    const path = join(dir, "bad.parquet");
    const a = new DataFrame({ n: column([1, 2], "int64") });
    const b = new DataFrame({ n: column([3], "float64") });
    await expect(writeParquet([a, b], path)).rejects.toThrow(OptionError);
    await expect(writeParquet([a, b], path)).rejects.toThrow(
      'writeParquet: column "n" of batch 1 is float64, in the first batch int64',
    );
  });

  it("writeParquet(df, path in a missing directory) is an IOError naming the path", async () => {
    const bad = join(dir, "missing", "out.parquet");
    const df = new DataFrame({ a: [1] });
    await expect(writeParquet(df, bad)).rejects.toThrow(IOError);
    await expect(writeParquet(df, bad)).rejects.toThrow(
      `writeParquet: cannot write ${JSON.stringify(bad)}: no such directory`,
    );
    mkdirSync(join(dir, "missing"));
    await writeParquet(df, bad);
    expect((await readParquet(bad)).get("a").toArray()).toEqual([1]);
  });
});

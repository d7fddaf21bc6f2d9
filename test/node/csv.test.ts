import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type DType, dtypeToString } from "../../src/core/dtype.js";
import { IOError } from "../../src/core/errors.js";
import { DataFrame } from "../../src/frame/frame.js";
import { readCSV, scanCSV, writeCSV } from "../../src/node/csv.js";
import { duck } from "../duck.js";

const DATA = "node_modules/vega-datasets/data";

describe("readCSV from a path (ndframe/node)", () => {
  it("readCSV(seattle-weather.csv): 1461 days, dtypes, and sums checked against DuckDB", async () => {
    const df = await readCSV(`${DATA}/seattle-weather.csv`);
    expect(df.shape).toEqual([1461, 6]);
    expect(Object.values(df.dtypes).map((d) => dtypeToString(d as DType))).toEqual([
      "timestamp[ns]",
      "float64",
      "float64",
      "float64",
      "float64",
      "utf8",
    ]);
    // first row of the file: 2012-01-01,0.0,12.8,5.0,4.7,drizzle
    expect(df.toRecords()[0]).toEqual({
      date: 15340n * 86400n * 10n ** 9n,
      precipitation: 0,
      temp_max: 12.8,
      temp_min: 5,
      wind: 4.7,
      weather: "drizzle",
    });
    const [sum, mean, sun] = await duck(
      `SELECT sum(precipitation), avg(temp_max), count(*) FILTER (weather = 'sun') FROM '${DATA}/seattle-weather.csv'`,
    );
    expect(df.get("precipitation").sum()).toBeCloseTo(sum as number, 9);
    expect(df.get("temp_max").mean()).toBeCloseTo(mean as number, 12);
    expect(df.get("weather").eq("sun").sum()).toBe(Number(sun));
  });

  it("readCSV(stocks.csv) and airports.csv: row counts and values against DuckDB", async () => {
    const stocks = await readCSV(`${DATA}/stocks.csv`);
    const [n, total] = await duck(
      `SELECT count(*), sum(price) FROM read_csv('${DATA}/stocks.csv', all_varchar = false)`,
    );
    expect(stocks.shape[0]).toBe(Number(n));
    expect(stocks.get("price").sum()).toBeCloseTo(total as number, 6);
    const airports = await readCSV(`${DATA}/airports.csv`);
    const [m, lat] = await duck(`SELECT count(*), sum(latitude) FROM '${DATA}/airports.csv'`);
    expect(airports.shape[0]).toBe(Number(m));
    expect(airports.get("latitude").sum()).toBeCloseTo(lat as number, 6);
  });

  it("readCSV(path, {engine: papaparse}) reads the file as the fast engine does", async () => {
    const fast = await readCSV(`${DATA}/seattle-weather.csv`);
    const papa = await readCSV(`${DATA}/seattle-weather.csv`, { engine: "papaparse" });
    expect(papa.toRecords()).toEqual(fast.toRecords());
  });

  it("readCSV(path) of a missing file is an IOError naming the path", async () => {
    await expect(readCSV("no/such/file.csv")).rejects.toThrow(IOError);
    await expect(readCSV("no/such/file.csv")).rejects.toThrow(
      'readCSV: cannot read "no/such/file.csv": no such file',
    );
  });

  it("scanCSV(path, {batchSize, onProgress}) reads the file in batches and reports the file size", async () => {
    let last = { bytes: 0, rows: 0, totalBytes: null as number | null };
    let rows = 0;
    for await (const b of scanCSV(`${DATA}/seattle-weather.csv`, {
      batchSize: 400,
      onProgress: (p) => (last = p),
    }))
      rows += b.shape[0];
    expect(rows).toBe(1461);
    expect(last.totalBytes).toBe(last.bytes);
    expect(last.rows).toBe(1461);
  });

  it("writeCSV(df, path) writes the file readCSV(path) reads back; a missing directory is an IOError naming it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ndframe-test-"));
    const path = join(dir, "out.csv");
    const df = new DataFrame({ city: ["Oslo", "Lima, PE"], t: [-3.5, 19] });
    await writeCSV(df, path);
    expect(readFileSync(path, "utf8")).toBe('city,t\nOslo,-3.5\n"Lima, PE",19\n');
    expect((await readCSV(path)).toRecords()).toEqual(df.toRecords());
    const bad = join(dir, "missing", "out.csv");
    await expect(writeCSV(df, bad)).rejects.toThrow(IOError);
    await expect(writeCSV(df, bad)).rejects.toThrow(
      `writeCSV: cannot write ${JSON.stringify(bad)}: no such directory`,
    );
  });
});

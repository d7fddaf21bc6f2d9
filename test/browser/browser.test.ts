/**
 * ndframe in a real browser: Debian's Chromium, driven by playwright-core,
 * loads an esbuild bundle of ndframe (as a user's bundler would make it)
 * from a local server that sends a strict Content-Security-Policy (no
 * eval; wasm allowed), and reads vega-datasets' files over fetch. The
 * expected values come from DuckDB and apache-arrow, run here in Node.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { duck } from "../duck.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const DATA = resolve("node_modules/vega-datasets/data");
const WASM = resolve("node_modules/parquet-wasm/esm/parquet_wasm_bg.wasm");
const FLIGHTS = join(DATA, "flights-3m.parquet");

// CI installs Chromium (.ci/run) and must run these tests; elsewhere they are skipped, loudly, without it
const present = existsSync(CHROMIUM);
if (!present && process.env.CI) throw new Error(`the browser tests need Chromium at ${CHROMIUM}`);
if (!present) console.warn(`test/browser skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

// no eval or new Function; wasm may compile; everything from this server
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'";
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".csv": "text/csv",
  ".json": "application/json",
};
const PAGE = `<!doctype html><meta charset="utf-8"><title>ndframe</title><script type="module" src="page.js"></script>`;

/** The server's files: site /a/ has the wasm file next to the bundle, site /b/ does not. */
function routes(bundle: string): Map<string, () => Buffer> {
  const file = (p: string) => () => readFileSync(p);
  const r = new Map<string, () => Buffer>();
  for (const site of ["a", "b"]) {
    r.set(`/${site}/index.html`, () => Buffer.from(PAGE));
    r.set(`/${site}/page.js`, file(join(bundle, "page.js")));
    r.set(`/${site}/worker.js`, file(join(bundle, "worker.js")));
  }
  r.set("/a/parquet_wasm_bg.wasm", file(WASM));
  r.set("/wasm/parquet_wasm_bg.wasm", file(WASM));
  for (const name of ["airports.csv", "flights-3m.parquet", "flights-200k.arrow", "movies.json"])
    r.set(`/data/${name}`, file(join(DATA, name)));
  return r;
}

function serve(files: Map<string, () => Buffer>, log: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    log.push(path);
    const body = files.get(path);
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(path)] ?? "application/octet-stream",
      "content-security-policy": CSP,
    });
    res.end(body());
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

type Report = Record<string, unknown> & { error?: string };

describe.skipIf(!present)("ndframe in Chromium (esbuild bundle, strict CSP)", () => {
  let server: Server;
  let browser: Browser;
  let base = "";
  const log: string[] = [];

  beforeAll(async () => {
    const bundle = mkdtempSync(join(tmpdir(), "ndframe-browser-"));
    await build({
      entryPoints: { page: "test/browser/page.ts", worker: "test/browser/worker.ts" },
      outdir: bundle,
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      logLevel: "error",
    });
    server = await serve(routes(bundle), log);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // the flags this machine's closed network needs (no background connections)
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok(null)));
  });

  /** Open a page of `site` in `mode` and wait for its report. */
  async function run(site: string, mode: string): Promise<Report> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    try {
      await page.goto(`${base}/${site}/index.html?mode=${mode}`);
      const report = (await page.evaluate(() => (globalThis as { report?: unknown }).report)) as Report;
      expect(errors).toEqual([]);
      expect(report.error).toBeUndefined();
      expect(report.cspRefusesEval).toBe(true);
      expect(report.cspViolations).toEqual([]);
      return report;
    } finally {
      await page.close();
    }
  }

  let defaults: Promise<Report> | null = null;
  /** The default page's report, run once for the tests that read it. */
  const defaultReport = () => {
    defaults ??= run("a", "default");
    return defaults;
  };

  /** flights-3m.parquet's facts, from DuckDB. */
  async function flightsFacts(): Promise<Record<string, unknown>> {
    const [delay, distance, origins, sfo, first] = await duck(
      `SELECT sum(delay)::BIGINT, sum(distance)::BIGINT, count(DISTINCT origin),
              count(*) FILTER (origin = 'SFO'), epoch_us(min(date)) FROM '${FLIGHTS}'`,
    );
    return {
      shape: [3_000_000, 5],
      dtypes: ["timestamp[us]", "int64", "int64", "large_utf8", "large_utf8"],
      delay: String(delay),
      distance: String(distance),
      origins: Number(origins),
      sfo: Number(sfo),
      first: String(first),
    };
  }

  it("readCSV/scanCSV/readParquet/readArrow/readJSON over fetch: the values DuckDB and apache-arrow read; parquet-wasm fetched once, on the first Parquet call", async () => {
    const r = await defaultReport();
    const [airports, states] = await duck(
      // "NA" is one of pandas' default null markers (12 airports have it for city and state); DuckDB keeps it as text
      `SELECT count(*), count(DISTINCT NULLIF(state, 'NA')) FROM read_csv('${join(DATA, "airports.csv")}')`,
    );
    expect(r.airports).toEqual({
      shape: [Number(airports), 7],
      columns: ["iata", "name", "city", "state", "country", "latitude", "longitude"],
      dtypes: ["utf8", "utf8", "utf8", "utf8", "utf8", "float64", "float64"],
      states: Number(states),
    });
    expect(r.airportsBlob).toEqual([Number(airports), 7]);
    const size = readFileSync(join(DATA, "airports.csv")).length;
    expect(r.airportsScan).toEqual({
      batches: Math.ceil(Number(airports) / 1000),
      rows: Number(airports),
      lastBytes: size,
    });
    expect(r.csvRoundTrip).toBe(true);

    expect(r.wasmBeforeParquet).toEqual([]);
    expect(r.wasmAfterCSV).toEqual([]);
    expect(r.flights).toEqual(await flightsFacts());
    expect(r.wasmAfterParquet).toEqual(["/a/parquet_wasm_bg.wasm"]);
    const [rows10, delay10] = await duck(
      `SELECT count(*), sum(delay)::BIGINT FROM '${FLIGHTS}' WHERE file_row_number >= 10 * 272727`,
    );
    expect(r.flightsPart).toEqual({ shape: [Number(rows10), 1], delay: String(delay10) });
    expect(r.threadsError).toMatch(/^OptionError: readParquet: threads: 2 needs decode workers.*Web Worker/);
    expect(r.corrupt).toMatch(/^IOError: readParquet/);
    expect(r.wasmAtEnd).toEqual(["/a/parquet_wasm_bg.wasm"]);
  });

  it("toParquet → readParquet in the browser keeps every dtype and value, with each compression", async () => {
    const r = await defaultReport();
    const dtypes = [
      "int64",
      "uint64",
      "float64",
      "utf8",
      "bool",
      "date",
      "timestamp[us, America/New_York]",
      "timestamp[ns]",
      "dictionary<int32, utf8>",
    ];
    for (const c of ["zstd", "snappy", "gzip", "none"])
      expect(r[`parquet-${c}`], c).toEqual({ same: true, dtypes });
  });

  it("readArrow(fetch(flights-200k.arrow)) sums as apache-arrow does; parseArrow(toArrowIPC(df)) views the bytes", async () => {
    const r = await defaultReport();
    const table = tableFromIPC(readFileSync(join(DATA, "flights-200k.arrow")));
    let delay = 0;
    for (const v of table.getChild("delay") ?? []) delay += Number(v);
    expect(r.arrow).toMatchObject({ shape: [table.numRows, table.numCols], delay: String(delay) });
    expect(r.arrowViewsBytes).toBe(true);
    const [movies] = await duck(`SELECT count(*) FROM read_json('${join(DATA, "movies.json")}')`);
    expect(r.movies).toEqual({ shape: [Number(movies), 16], title: "The Land Girls" });
  });

  it("a bundle without the wasm file next to it: the first read says to call initParquet; initParquet(url) then loads it", async () => {
    const r = await run("b", "init");
    expect(r.defaultError).toMatch(/^IOError: cannot instantiate parquet-wasm's wasm file.*initParquet/);
    expect(r.flights).toEqual(await flightsFacts());
    expect(r.wasm).toEqual(["/b/parquet_wasm_bg.wasm", "/wasm/parquet_wasm_bg.wasm"]);
  });

  it("readParquet in a Web Worker, the frame posted back as Arrow IPC and read by parseArrow", async () => {
    const r = await run("a", "worker");
    expect(r.flights).toEqual(await flightsFacts());
    expect(r.wasm).toEqual([]);
    expect(log.filter((p) => p === "/a/worker.js").length).toBeGreaterThan(0);
  });
});

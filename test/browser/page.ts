/**
 * The page side of the real-browser test: bundled by esbuild for
 * Chromium, it runs ndframe's readers and writers on files fetched from
 * the test's server and reports plain JSON (bigints as strings).
 */
import {
  column,
  DataFrame,
  dictionary,
  dtypeToString,
  initParquet,
  parseArrow,
  parseCSV,
  readArrow,
  readCSV,
  readJSON,
  readParquet,
  scanCSV,
  timestamp,
  toArrowIPC,
  toCSV,
  toJSON,
  toParquet,
} from "../../src/index.js";

type Report = Record<string, unknown>;

/** The paths of the wasm files this page has fetched so far. */
const wasmFetched = () =>
  performance
    .getEntriesByType("resource")
    .filter((e) => e.name.endsWith(".wasm"))
    .map((e) => new URL(e.name).pathname);

async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "no error";
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

const dtypes = (df: DataFrame) => df.columns.map((c) => dtypeToString(df.get(c).dtype));

/** What the flights-3m file reads as: shape, dtypes and aggregates the test compares with DuckDB's. */
function flightsFacts(df: DataFrame): Report {
  return {
    shape: df.shape,
    dtypes: dtypes(df),
    delay: String(df.get("delay").sum()),
    distance: String(df.get("distance").sum()),
    origins: df.get("origin").nunique(),
    sfo: df.get("origin").eq("SFO").sum(),
    first: String(df.get("date").min()),
  };
}

/** A frame of every dtype Parquet keeps, with nulls. */
function everyDtype(): DataFrame {
  return new DataFrame({
    i64: column([2n ** 53n + 1n, null, -(2n ** 63n)], "int64"),
    u64: column([2n ** 64n - 1n, 0n, null], "uint64"),
    f: column([1.5, Number.NaN, null], "float64"),
    s: column(["é", null, "a,b"], "utf8"),
    b: column([true, null, false], "bool"),
    date: column([19675, null, -1], "date"),
    t: column([1_615_705_200_000_000n, null, 0n], timestamp("us", "America/New_York")),
    ns: column([1_700_000_000_123_456_789n, -1n, null], timestamp("ns")),
    d: column(["lo", "hi", null], dictionary()),
  });
}

async function defaultMode(r: Report): Promise<void> {
  r.wasmBeforeParquet = wasmFetched();
  const airports = await readCSV(await fetch("/data/airports.csv"));
  r.airports = {
    shape: airports.shape,
    columns: airports.columns,
    dtypes: dtypes(airports),
    states: airports.get("state").nunique(),
  };
  const blob = await (await fetch("/data/airports.csv")).blob();
  r.airportsBlob = (await readCSV(blob)).shape;
  const progress: number[] = [];
  let batches = 0;
  let rows = 0;
  const body = (await fetch("/data/airports.csv")).body as ReadableStream<Uint8Array>;
  for await (const batch of scanCSV(body, { batchSize: 1000, onProgress: (p) => progress.push(p.bytes) })) {
    batches++;
    rows += batch.shape[0];
  }
  r.airportsScan = { batches, rows, lastBytes: progress.at(-1) ?? 0 };
  r.csvRoundTrip = toCSV(parseCSV(toCSV(airports))) === toCSV(airports);
  r.wasmAfterCSV = wasmFetched();

  r.flights = flightsFacts(await readParquet(await fetch("/data/flights-3m.parquet")));
  r.wasmAfterParquet = wasmFetched();
  const part = await readParquet(new URL("/data/flights-3m.parquet", location.href), {
    columns: ["delay"],
    rowGroups: [10],
  });
  r.flightsPart = { shape: part.shape, delay: String(part.get("delay").sum()) };
  r.threadsError = await errorOf(readParquet(await fetch("/data/flights-3m.parquet"), { threads: 2 }));

  const df = everyDtype();
  for (const compression of ["zstd", "snappy", "gzip", "none"] as const) {
    const back = await readParquet(await toParquet(df, { compression }));
    r[`parquet-${compression}`] = { same: toJSON(back) === toJSON(df), dtypes: dtypes(back) };
  }
  r.wasmAtEnd = wasmFetched();
  r.corrupt = await errorOf(readParquet(new Uint8Array([80, 65, 82, 49, 1, 2, 3])));

  const flights = await readArrow(await fetch("/data/flights-200k.arrow"));
  r.arrow = { shape: flights.shape, dtypes: dtypes(flights), delay: String(flights.get("delay").sum()) };
  const ipc = toArrowIPC(flights);
  const again = parseArrow(ipc);
  // zero copy: the column's values view the IPC bytes
  const values = again.column("delay").chunks[0]?.values as ArrayBufferView;
  r.arrowViewsBytes = values.buffer === ipc.buffer;

  const movies = await readJSON(await fetch("/data/movies.json"), { dtypes: { Title: "utf8" } });
  r.movies = { shape: movies.shape, title: movies.get("Title").toArray()[0] };
}

async function initMode(r: Report): Promise<void> {
  const bytes = new Uint8Array(await (await fetch("/data/flights-3m.parquet")).arrayBuffer());
  // no wasm file next to this bundle: the default load fails and says what to do
  r.defaultError = await errorOf(readParquet(bytes, { columns: ["delay"] }));
  await initParquet(new URL("/wasm/parquet_wasm_bg.wasm", location.href));
  r.flights = flightsFacts(await readParquet(bytes));
  r.wasm = wasmFetched();
}

async function workerMode(r: Report): Promise<void> {
  const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
  const ipc = await new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<Uint8Array | string>) =>
      typeof e.data === "string" ? reject(new Error(e.data)) : resolve(e.data);
    worker.onerror = (e) => reject(new Error(e.message));
  });
  worker.terminate();
  r.flights = flightsFacts(parseArrow(ipc));
  // the page itself never loaded parquet-wasm
  r.wasm = wasmFetched();
}

const violations: string[] = [];
document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));

/** The page's policy is in force: it refuses to compile code from a string. */
function cspRefusesEval(): boolean {
  try {
    // a probe of the policy, not something ndframe does
    new Function("return 1");
    return false;
  } catch {
    return true;
  }
}

async function main(): Promise<Report> {
  const mode = new URLSearchParams(location.search).get("mode");
  const r: Report = { mode, cspRefusesEval: cspRefusesEval() };
  // the probe's own violation report arrives as an event: let it, then start counting
  await new Promise((ok) => setTimeout(ok, 0));
  violations.length = 0;
  try {
    if (mode === "default") await defaultMode(r);
    else if (mode === "init") await initMode(r);
    else if (mode === "worker") await workerMode(r);
    else throw new Error(`unknown mode ${mode}`);
  } catch (e) {
    r.error = `${(e as Error).name}: ${(e as Error).message}\n${(e as Error).stack}`;
  }
  r.cspViolations = violations;
  return r;
}

(globalThis as { report?: Promise<Report> }).report = main();

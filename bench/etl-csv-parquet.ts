/**
 * Streaming ETL: convert a large h2o G1 CSV file to Parquet with
 *
 *   await writeParquet(scanCSV(csvPath, { batchSize }), parquetPath)
 *
 * and show that peak memory is bounded by the batch size, not the file
 * size. Generates (once, cached in bench/results/data/) a G1 CSV of about
 * --gb gigabytes with bench/h2o.ts's streaming generator, and one of a
 * quarter of its rows; converts each with each batch size in a fresh
 * process that samples process.memoryUsage().rss every 100 ms (and reads
 * the kernel's high-water mark, VmHWM, at the end); checks every output's row count with
 * DuckDB (`SELECT count(*) FROM read_parquet(...)`); prints a table.
 *
 *   npx tsx bench/etl-csv-parquet.ts --gb 3
 *   npx tsx bench/etl-csv-parquet.ts --gb 0.1 --batch 50000,200000   # a quick check
 *
 * Options: --gb G (default 3), --batch LIST (rows per batch, default
 * 250000,1000000), --seed S (default 42), --no-quarter (only the --gb file),
 * --keep (keep the Parquet outputs, else deleted after the check).
 */
import { spawn } from "node:child_process";
import { existsSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ensureH2oCsv, H2O_K, h2oCsvPath, h2oLevels } from "./h2o.js";
import { peakRssMB } from "./rss.js";

const SELF = fileURLToPath(import.meta.url);
const BENCH = dirname(SELF);
const ROOT = dirname(BENCH);
const DATA = join(BENCH, "results", "data");
const MB = 2 ** 20;

/** What one conversion reports (the child prints it as JSON on its last line). */
interface Conversion {
  rows: number;
  batches: number;
  seconds: number;
  /** The largest of the 100 ms samples of process.memoryUsage().rss, MB. */
  peakSampledMB: number;
  /** The kernel's peak resident set size of the process (VmHWM, see bench/rss.ts), MB. */
  maxRssMB: number;
  /** RSS before the conversion started (node, tsx, ndframe loaded), MB. */
  startMB: number;
  samples: number;
}

// ---------------------------------------------------------------- child: one conversion

async function convert(csv: string, out: string, batchSize: number): Promise<void> {
  const { scanCSV, writeParquet } = await import("../src/node.js");
  const startMB = process.memoryUsage().rss / MB;
  let peak = startMB;
  let samples = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss / MB);
    samples++;
  }, 100);
  let rows = 0;
  let batches = 0;
  // count rows as the batches pass by on their way to the writer
  async function* counted() {
    for await (const df of scanCSV(csv, { batchSize })) {
      rows += df.length;
      batches++;
      yield df;
    }
  }
  const t0 = performance.now();
  await writeParquet(counted(), out);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss / MB);
  const r: Conversion = {
    rows,
    batches,
    seconds,
    peakSampledMB: Math.round(peak),
    maxRssMB: peakRssMB(),
    startMB: Math.round(startMB),
    samples,
  };
  process.stdout.write(`${JSON.stringify(r)}\n`);
}

// ---------------------------------------------------------------- parent

interface Options {
  gb: number;
  batches: number[];
  seed: number;
  quarter: boolean;
  keep: boolean;
}

function fail(msg: string): never {
  process.stderr.write(`etl-csv-parquet: ${msg}\n`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { gb: 3, batches: [250_000, 1_000_000], seed: 42, quarter: true, keep: false };
  const positive = (name: string, text: string | undefined): number => {
    const v = Number(text);
    if (text === undefined || !Number.isFinite(v) || v <= 0) fail(`invalid ${name}: ${JSON.stringify(text)}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--gb") o.gb = positive("--gb", argv[++i]);
    else if (a === "--batch")
      o.batches = (argv[++i] ?? "").split(",").map((s) => Math.round(positive("--batch", s)));
    else if (a === "--seed") o.seed = Math.round(positive("--seed", argv[++i]));
    else if (a === "--no-quarter") o.quarter = false;
    else if (a === "--keep") o.keep = true;
    else fail(`unknown option ${JSON.stringify(a)} (see the comment at the top of ${relative(ROOT, SELF)})`);
  }
  return o;
}

/** Mean decimal digits of the integers 1..m (id6 is uniform over 1..N/K). */
function meanDigits(m: number): number {
  let total = 0;
  for (let d = 1, lo = 1; lo <= m; d++, lo *= 10) total += d * (Math.min(m, lo * 10 - 1) - lo + 1);
  return total / m;
}

/**
 * Rows of a G1 file of about `gb` gigabytes: a row is about 46 bytes plus
 * id6's digits (id1, id2 5 bytes, id3 12, id4, id5 ~1.9, v1 1, v2 ~1.4,
 * v3 ~8.5, 8 commas and a newline).
 */
function rowsFor(gb: number): number {
  let n = Math.round((gb * 1e9) / 50);
  for (let k = 0; k < 3; k++) n = Math.round((gb * 1e9) / (46 + meanDigits(h2oLevels(n))));
  return n;
}

function runChild(csv: string, out: string, batchSize: number): Promise<Conversion> {
  const args = ["--import", "tsx", SELF, "--convert", csv, out, String(batchSize)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let text = "";
    child.stdout.on("data", (d: Buffer) => {
      text += d.toString();
    });
    child.on("close", (code) => {
      const last = text.trim().split("\n").pop() ?? "";
      if (code !== 0 || !last.startsWith("{"))
        reject(new Error(`conversion exited with ${code}: ${text.trim()}`));
      else resolve(JSON.parse(last) as Conversion);
    });
  });
}

async function duckCount(path: string): Promise<number> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const con = await (await DuckDBInstance.create(":memory:")).connect();
  const lit = `'${path.replace(/'/g, "''")}'`;
  const rows = (await con.runAndReadAll(`SELECT count(*) FROM read_parquet(${lit})`)).getRowsJS();
  return Number(rows[0]?.[0]);
}

const pad = (s: string | number, w: number): string => String(s).padStart(w);

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const big = rowsFor(o.gb);
  const sizes = o.quarter ? [big, Math.round(big / 4)] : [big];
  const files: [number, string][] = [];
  for (const n of sizes) {
    const had = existsSync(h2oCsvPath(n, o.seed));
    const t0 = performance.now();
    const path = ensureH2oCsv(n, o.seed);
    const what = had ? "cached" : `generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
    process.stderr.write(
      `etl: ${relative(process.cwd(), path)}: ${n} rows, ${(statSync(path).size / 1e9).toFixed(2)} GB (${what})\n`,
    );
    files.push([n, path]);
  }
  const header = [
    "rows",
    "input GB",
    "batch rows",
    "batches",
    "output MB",
    "seconds",
    "MB/s in",
    "peak RSS MB (100 ms samples)",
    "peak RSS MB (kernel VmHWM)",
    "RSS at start MB",
    "DuckDB count(*)",
  ];
  const table: string[][] = [];
  for (const [n, csv] of files) {
    for (const batchSize of o.batches) {
      const out = join(DATA, `etl-G1-${n}-b${batchSize}.parquet`);
      rmSync(out, { force: true });
      const r = await runChild(csv, out, batchSize);
      const inBytes = statSync(csv).size;
      const outMB = statSync(out).size / 1e6;
      const count = await duckCount(out);
      if (count !== n || r.rows !== n)
        throw new Error(`${out}: ${count} rows in the Parquet file, ${r.rows} read, ${n} expected`);
      if (!o.keep) rmSync(out, { force: true });
      const row = [
        String(n),
        (inBytes / 1e9).toFixed(2),
        String(batchSize),
        String(r.batches),
        outMB.toFixed(0),
        r.seconds.toFixed(1),
        (inBytes / 1e6 / r.seconds).toFixed(0),
        String(r.peakSampledMB),
        String(r.maxRssMB),
        String(r.startMB),
        count === n ? `${count} ✓` : String(count),
      ];
      table.push(row);
      process.stderr.write(`etl: ${header.map((h, i) => `${h} ${row[i]}`).join(", ")}\n`);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => pad(c, widths[i] as number)).join(" | ")} |`;
  process.stdout.write(
    [
      `writeParquet(scanCSV(csv, { batchSize }), out), h2o G1 CSV (K = ${H2O_K}), snappy, row groups of 1,048,576 rows (writeParquet's default); one process per line`,
      "",
      line(header),
      line(widths.map((w) => `${"-".repeat(w - 1)}:`)),
      ...table.map(line),
      "",
    ].join("\n"),
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const run =
    argv[0] === "--convert" ? convert(argv[1] as string, argv[2] as string, Number(argv[3])) : main();
  run.catch((e: unknown) => {
    process.stderr.write(`etl-csv-parquet: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}

/**
 * `npm run bench`: time every (question, library) cell in its own child
 * process, one after the other (no two cells compete for the 2 cores), and
 * print the report; also written to bench/results/<name>.md and .json.
 *
 *   npm run bench                        # N = 1e7, 3 runs, everything
 *   npm run bench -- --quick             # N = 1e6 smoke test
 *   npm run bench -- --n 1e6 --only sum,factorize:utf8 --libs ndframe,hand,polars-1
 *   npm run bench -- --n 1e6 --only io-csv    # CSV read and write (io-csv-read, io-csv-write)
 *   npm run bench -- --only io-parquet,io-arrow   # Parquet read/write, Arrow IPC read/parse
 *
 * The IO questions read the h2o db-benchmark G1 CSV file (9 columns,
 * K = 100, see bench/h2o.ts), generated once per N and seed into
 * bench/results/data/ (git-ignored; about 0.5 GB at N = 1e7) and reused;
 * io-csv-write writes into a temp directory, deleted after each run.
 * The Parquet questions read vega-datasets' flights-3m.parquet (3M rows
 * whatever N); the Arrow questions read flights-200k.arrow and the G1
 * table of N rows as an Arrow IPC file, written once next to the CSV by
 * ndframe (readCSV, then writeArrow).
 *
 * Options (or env BENCH_N, BENCH_RUNS, BENCH_ONLY, BENCH_LIBS):
 *   --n N            rows (default 1e7; --quick: 1e6)
 *   --runs R         timed runs per cell process after one warm-up (default 3, at least 1)
 *   --rounds K       processes per cell, interleaved with the other libraries' (default 1)
 *   --hand-rounds K  processes per ndframe and hand cell of the questions whose target is the hand loop (default 3)
 *   --only LIST      question ids, ops or id prefixes, comma-separated (add, sum:f64, factorize:utf8, frame, io-csv)
 *   --libs LIST      library columns: ndframe, hand, hand2, polars-1, polars, duckdb-1, duckdb, arquero
 *   --seed S         data seed (default 42)
 *   --timeout SEC    per cell (default 300; 900 for the CSV questions at N >= 5e6, whose slow
 *                    peers take ~35 s a run at 1e7)
 *   --stat min|median  statistic over all timed runs of a cell (default min; see docs/benchmarks.md)
 *   --out NAME       result file name (default: latest for a full run at N >= 1e7, else partial)
 *   --update-docs    also replace the table in docs/benchmarks.md
 *   --render FILE    print (and with --update-docs, publish) the report of a saved .json run; runs nothing
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type CellResult,
  type CellSpec,
  LIBS,
  type Lib,
  type LibId,
  QUESTIONS,
  type Question,
  RESULT_MARKER,
  unsupported,
} from "./config.js";
import { ensureH2oArrow, ensureH2oCsv, h2oArrowPath, h2oCsvPath } from "./h2o.js";
import { type Cells, fmtMs, type Meta, median, renderReport } from "./report.js";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);

interface Options {
  n: number;
  runs: number;
  rounds: number;
  handRounds: number;
  only: string[];
  libs: LibId[];
  seed: number;
  /** Seconds per cell; null: the default of the question (see `timeoutOf`). */
  timeout: number | null;
  stat: "median" | "min";
  out: string | undefined;
  updateDocs: boolean;
  render: string | undefined;
}

function usage(msg?: string): never {
  if (msg) process.stderr.write(`bench: ${msg}\n`);
  const doc = readFileSync(fileURLToPath(import.meta.url), "utf8").split("*/")[0] ?? "";
  process.stderr.write(`${doc.replace(/^\/\*\*|^ \* ?/gm, "")}\n`);
  process.exit(msg ? 2 : 0);
}

function number(name: string, text: string | undefined): number {
  const v = Number(text);
  if (text === undefined || !Number.isFinite(v) || v <= 0) usage(`invalid ${name}: ${JSON.stringify(text)}`);
  return v;
}

const list = (text: string | undefined): string[] =>
  (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

function parseArgs(argv: readonly string[]): Options {
  const env = process.env;
  let n: number | undefined = env.BENCH_N ? number("BENCH_N", env.BENCH_N) : undefined;
  let quick = false;
  const o: Options = {
    n: 0,
    runs: env.BENCH_RUNS ? number("BENCH_RUNS", env.BENCH_RUNS) : 3,
    rounds: 1,
    handRounds: 3,
    only: list(env.BENCH_ONLY),
    libs: list(env.BENCH_LIBS) as LibId[],
    seed: 42,
    timeout: null,
    stat: "min",
    out: undefined,
    updateDocs: false,
    render: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a];
    const value = (): string => inline ?? (argv[++i] as string);
    switch (flag) {
      case "--n":
        n = number("--n", value());
        break;
      case "--runs":
        o.runs = Math.round(number("--runs", value()));
        break;
      case "--rounds":
        o.rounds = Math.round(number("--rounds", value()));
        break;
      case "--hand-rounds":
        o.handRounds = Math.round(number("--hand-rounds", value()));
        break;
      case "--only":
        o.only = list(value());
        break;
      case "--libs":
        o.libs = list(value()) as LibId[];
        break;
      case "--seed":
        o.seed = Math.round(number("--seed", value()));
        break;
      case "--timeout":
        o.timeout = number("--timeout", value());
        break;
      case "--stat": {
        const v = value();
        if (v !== "median" && v !== "min")
          usage(`invalid stat: ${JSON.stringify(v)} (expected one of median, min)`);
        o.stat = v;
        break;
      }
      case "--out":
        o.out = value();
        break;
      case "--quick":
        quick = true;
        break;
      case "--render":
        o.render = value();
        break;
      case "--update-docs":
        o.updateDocs = true;
        break;
      case "--help":
      case "-h":
        usage();
        break;
      default:
        usage(`unknown option ${JSON.stringify(a)}`);
    }
  }
  o.n = Math.round(n ?? (quick ? 1e6 : 1e7));
  for (const l of o.libs) {
    if (!LIBS.some((x) => x.id === l)) {
      usage(`invalid lib: ${JSON.stringify(l)} (expected one of ${LIBS.map((x) => x.id).join(", ")})`);
    }
  }
  return o;
}

function selectQuestions(only: readonly string[]): Question[] {
  if (only.length === 0) return [...QUESTIONS];
  const picked = QUESTIONS.filter((q) => only.some((t) => q.op === t || q.id.startsWith(t)));
  if (picked.length === 0)
    usage(`--only ${only.join(",")} matches no question (ids: ${QUESTIONS.map((q) => q.id).join(", ")})`);
  return picked;
}

/**
 * Combine a cell's earlier processes with a new one: all timed runs
 * together, the larger peak RSS. A failed process makes the cell failed.
 */
function mergeCells(prev: CellResult | undefined, next: CellResult): CellResult {
  if (prev === undefined || prev.status !== "ok") return prev ?? next;
  if (next.status !== "ok") return next;
  const times = [...(prev.times ?? []), ...(next.times ?? [])];
  return {
    ...next,
    times,
    median: median(times),
    min: Math.min(...times),
    rssMB: Math.max(prev.rssMB ?? 0, next.rssMB ?? 0),
    ...(prev.baseMB === undefined && next.baseMB === undefined
      ? {}
      : {
          baseMB: Math.min(prev.baseMB ?? Number.POSITIVE_INFINITY, next.baseMB ?? Number.POSITIVE_INFINITY),
        }),
  };
}

/**
 * A cell's time limit: --timeout, else 300 s, or 900 s for the CSV
 * questions at N >= 5e6 (Arquero needs ~35 s per CSV read at 1e7: its
 * load, a warm-up and 5 runs pass 300 s).
 */
function timeoutOf(q: Question, o: Options): number {
  if (o.timeout !== null) return o.timeout;
  return q.op.startsWith("io-csv") && o.n >= 5e6 ? 900 : 300;
}

/** Run one cell in a fresh `node --expose-gc --import tsx` process. */
function runCell(lib: Lib, q: Question, o: Options): Promise<CellResult> {
  const spec: CellSpec = { lib: lib.id, question: q.id, n: o.n, runs: o.runs, seed: o.seed };
  const env = { ...process.env };
  if (lib.module === "polars" && lib.threads === 1) env.POLARS_MAX_THREADS = "1";
  else delete env.POLARS_MAX_THREADS;
  const args = [
    "--expose-gc",
    "--max-old-space-size=8192",
    "--import",
    "tsx",
    join(BENCH, "child.ts"),
    JSON.stringify(spec),
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    let timedOut = false;
    const timeout = timeoutOf(q, o);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeout * 1000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const line = out.split("\n").find((l) => l.startsWith(RESULT_MARKER));
      if (line !== undefined) return resolve(JSON.parse(line.slice(RESULT_MARKER.length)) as CellResult);
      const why = timedOut
        ? `timeout after ${timeout} s`
        : `exited with ${signal ?? code}: ${err.trim().split("\n").slice(-3).join(" / ")}`;
      resolve({ status: "error", message: why });
    });
  });
}

function version(pkg: string): string {
  try {
    const p = join(ROOT, "node_modules", pkg, "package.json");
    return (JSON.parse(readFileSync(p, "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

const DOC_BEGIN = "<!-- bench:begin -->";
const DOC_END = "<!-- bench:end -->";

/** Replace the generated part of docs/benchmarks.md. */
function updateDocs(md: string): void {
  const path = join(ROOT, "docs", "benchmarks.md");
  const doc = existsSync(path) ? readFileSync(path, "utf8") : "";
  const a = doc.indexOf(DOC_BEGIN);
  const b = doc.indexOf(DOC_END);
  if (a < 0 || b < a) {
    process.stderr.write(`bench: ${path} has no ${DOC_BEGIN} … ${DOC_END} section; not updated\n`);
    return;
  }
  // demote the report's headings to sit under the doc's "## Latest results"
  const body = md.replace(/^(#+) /gm, "##$1 ");
  writeFileSync(path, `${doc.slice(0, a + DOC_BEGIN.length)}\n${body}\n${doc.slice(b)}`);
  process.stderr.write(`bench: updated ${relative(process.cwd(), path)}\n`);
}

/** Re-render a saved run (`--render FILE`). */
function render(o: Options): void {
  const saved = JSON.parse(readFileSync(o.render as string, "utf8")) as { meta: Meta; cells: Cells };
  const questions = QUESTIONS.filter((q) => saved.cells[q.id] !== undefined);
  const md = renderReport(questions, saved.cells, { ...saved.meta, stat: o.stat });
  process.stdout.write(md);
  if (o.updateDocs) updateDocs(md);
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (o.render !== undefined) return render(o);
  const questions = selectQuestions(o.only);
  const libs = o.libs.length === 0 ? LIBS : LIBS.filter((l) => o.libs.includes(l.id));
  // ndframe and the hand loops of the questions measured against the hand
  // loop get `handRounds` processes; everything else `rounds`.
  const HAND_SIDE: readonly LibId[] = ["ndframe", "hand", "hand2"];
  const roundsOf = (q: Question, l: Lib): number =>
    q.targets.some((t) => t.against === "hand") && HAND_SIDE.includes(l.id) ? o.handRounds : o.rounds;
  // Round r runs every cell that has more than r rounds, question by
  // question, so that the processes of one question's libraries alternate
  // in time: a slow spell on the machine then hits every library alike.
  const jobs: [Question, Lib][] = [];
  const maxRounds = Math.max(o.rounds, o.handRounds);
  for (let r = 0; r < maxRounds; r++) {
    for (const q of questions) {
      for (const l of libs) if (unsupported(l.id, q) === null && r < roundsOf(q, l)) jobs.push([q, l]);
    }
  }
  // the CSV questions read the G1 CSV; the Arrow file is written from it
  const needsArrow =
    questions.some((q) => q.kind === "h2o" && q.op.startsWith("io-arrow")) &&
    !existsSync(h2oArrowPath(o.n, o.seed));
  const needsCsv = needsArrow || questions.some((q) => q.op.startsWith("io-csv"));
  if (needsCsv && !existsSync(h2oCsvPath(o.n, o.seed))) {
    const t0 = performance.now();
    const path = ensureH2oCsv(o.n, o.seed);
    process.stderr.write(
      `bench: generated ${relative(process.cwd(), path)} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
  }
  if (needsArrow) {
    const t0 = performance.now();
    const path = await ensureH2oArrow(o.n, o.seed);
    process.stderr.write(
      `bench: wrote ${relative(process.cwd(), path)} (ndframe readCSV + writeArrow) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
  }
  process.stderr.write(
    `bench: N = ${o.n}, ${o.runs} runs per process, ${questions.length} questions × ${libs.length} libraries: ${jobs.length} processes\n`,
  );
  const cells: Cells = {};
  const started = performance.now();
  const load0 = loadavg()[0] as number;
  for (const [k, [q, lib]] of jobs.entries()) {
    const r = await runCell(lib, q, o);
    const row = cells[q.id] ?? {};
    row[lib.id] = mergeCells(row[lib.id], r);
    cells[q.id] = row;
    const what =
      r.status === "ok"
        ? `${fmtMs(r.median as number)} ms  (rss ${r.rssMB} MB)`
        : `${r.status}: ${r.message}`;
    process.stderr.write(`[${k + 1}/${jobs.length}] ${q.id.padEnd(20)} ${lib.id.padEnd(9)} ${what}\n`);
  }
  const meta: Meta = {
    date: new Date().toISOString().slice(0, 16).replace("T", " "),
    n: o.n,
    runs: o.runs,
    rounds: o.rounds,
    handRounds: o.handRounds,
    stat: o.stat,
    seed: o.seed,
    node: process.versions.node,
    cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? "?"}`,
    versions: {
      "nodejs-polars": version("nodejs-polars"),
      "@duckdb/node-api": version("@duckdb/node-api"),
      arquero: version("arquero"),
    },
    seconds: (performance.now() - started) / 1000,
    load: [load0, loadavg()[0] as number],
  };
  const md = renderReport(questions, cells, meta);
  process.stdout.write(md);
  const full = questions.length === QUESTIONS.length && libs.length === LIBS.length;
  const name = o.out ?? (full && o.n >= 1e7 ? "latest" : "partial");
  const dir = join(BENCH, "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.md`), md);
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify({ meta, cells }, null, 1)}\n`);
  process.stderr.write(`bench: wrote bench/results/${name}.md and .json\n`);
  if (o.updateDocs) updateDocs(md);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});

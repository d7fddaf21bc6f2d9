/**
 * One benchmark cell: one library, one question, one process. Run by
 * bench/run.ts as `node --expose-gc --import tsx bench/child.ts '<spec json>'`.
 * Generates the data (untimed), lets the adapter convert it (untimed), runs
 * one warm-up and at least `runs` timed runs (fast cells more, see
 * MIN_TIMED) with a full GC before each, and prints one line
 * `BENCH_RESULT {json}` on stdout.
 */
import { type CellResult, type CellSpec, LIBS, QUESTIONS, RESULT_MARKER } from "./config.js";
import { makeData } from "./data.js";
import { NotAvailable, type Prepare } from "./libs/adapter.js";
import { median } from "./report.js";
import { peakRssMB } from "./rss.js";

const MIN_TIMED = 1500;
const MAX_RUNS = 25;

function emit(r: CellResult): void {
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(r)}\n`);
}

/**
 * A full GC, then one turn of the event loop: native libraries (polars,
 * DuckDB) free the memory of a collected result in finalizers that run
 * only then. Without it their results pile up over the runs and inflate
 * the peak RSS (polars reading the 1e6-row CSV 10 times: 1060 MB instead
 * of 249 MB).
 */
async function collect(gc: () => void): Promise<void> {
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? "{}") as CellSpec;
  const question = QUESTIONS.find((q) => q.id === spec.question);
  const lib = LIBS.find((l) => l.id === spec.lib);
  if (question === undefined || lib === undefined) throw new Error(`bad spec ${process.argv[2]}`);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run with node --expose-gc");

  const data = makeData(question.op, question.kind, spec.n, spec.seed);
  const adapter = (await import(`./libs/${lib.module}.js`)) as { prepare: Prepare };
  const task = await adapter.prepare(data, lib);
  await collect(gc);
  const baseMB = Math.round(process.memoryUsage().rss / 2 ** 20);

  // Warm-up: compiles the JS paths and faults in allocator pages. One run,
  // repeated (up to 5) only while the warm-up has taken under 0.3 s in all,
  // so that fast cells at small N also reach optimized code.
  let result: unknown;
  const warmStart = performance.now();
  for (let w = 0; w < 5 && (w === 0 || performance.now() - warmStart < 300); w++) {
    result = await task.run();
    result = undefined;
    await task.after?.();
  }
  const times: number[] = [];
  let check: readonly number[] | undefined;
  // At least `runs` runs; fast cells go on (up to MAX_RUNS) until they have
  // been timed for MIN_TIMED ms, so that the minimum has enough samples to
  // get past this machine's slow spells (see docs/benchmarks.md).
  let timed = 0;
  for (let r = 0; r < spec.runs || (timed < MIN_TIMED && r < MAX_RUNS); r++) {
    await collect(gc);
    const t0 = performance.now();
    result = await task.run();
    const t = performance.now() - t0;
    times.push(t);
    timed += t;
    if (check === undefined) check = await task.check(result);
    result = undefined;
    await task.after?.();
  }
  emit({
    status: "ok",
    times,
    median: median(times),
    min: Math.min(...times),
    rssMB: peakRssMB(),
    baseMB,
    ...(check === undefined ? {} : { check }),
    ...(task.threads === undefined ? {} : { threads: task.threads }),
  });
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    if (e instanceof NotAvailable) emit({ status: "n/a", message: e.message });
    else emit({ status: "error", message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    process.exit(0);
  },
);

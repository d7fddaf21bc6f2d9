/**
 * readCSV of a large file on worker threads: the caller reads the header,
 * splits the rest at line breaks into one part per thread, and the CSV
 * workers read the parts at once (see io/csv/csv-parts.ts for why the
 * result is the one a single pass gives, and when it falls back to one).
 * The workers are started on the first read that wants them and kept; an
 * idle worker does not keep the process alive.
 * @internal
 */
import type { Worker } from "node:worker_threads";
import { joinParts } from "../io/csv/join-parts.js";
import { type CsvSettings, engineOptions, type ReadCSVOptions, textRules } from "../io/csv/options.js";
import { CsvCore, type FastResult, type Pending } from "../io/csv/read-fast.js";
import type { PartJob, PartResult } from "../io/csv/read-part.js";
import type { PartRequest } from "./csv-worker.js";
import { fileChunks } from "./files.js";
import { startWorker } from "./worker-boot.js";

/** A part is at least this many bytes: below it, starting threads costs more than it saves. */
const MIN_PART = 8 * 2 ** 20;
/** Bytes searched after a split point for the line break that starts the part. */
const SEARCH = 1 << 16;

type Reply = { id: number; result: PartResult } | { id: number; error: string };

/** One worker and the parts it has yet to answer. */
class PartWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (r: PartResult) => void; reject: (e: Error) => void }>();
  #next = 1;
  dead = false;

  constructor() {
    this.#worker = startWorker("csv-worker");
    this.#worker.unref();
    this.#worker.on("message", (m: Reply) => {
      const p = this.#pending.get(m.id);
      this.#pending.delete(m.id);
      if (this.#pending.size === 0) this.#worker.unref();
      if ("error" in m) p?.reject(new Error(m.error));
      else p?.resolve(m.result);
    });
    const fail = (e: Error) => {
      this.dead = true;
      for (const p of this.#pending.values()) p.reject(e);
      this.#pending.clear();
    };
    this.#worker.on("error", fail);
    this.#worker.on("exit", (code) => fail(new Error(`a CSV worker exited with code ${code}`)));
  }

  read(req: Omit<PartRequest, "id">): Promise<PartResult> {
    const id = this.#next++;
    this.#worker.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...req, id });
    });
  }
}

// CSV workers are a process-wide resource, started on the first read that wants them.
const workers: PartWorker[] = [];

function takeWorkers(n: number): PartWorker[] {
  for (let i = workers.length - 1; i >= 0; i--) if ((workers[i] as PartWorker).dead) workers.splice(i, 1);
  while (workers.length < n) workers.push(new PartWorker());
  return workers.slice(0, n);
}

/**
 * Read the file at `path` in `threads` parts at once; null when it is
 * better or necessary to read it in one pass: a small file, `nRows`, a
 * split with no line break near it, a part that failed (its error, or a
 * quoted field across a split, is then met again by the one pass), or
 * kinds the parts cannot join. `minPart`: bytes per part at least (tests
 * make it small).
 */
export async function readParallel(
  path: string,
  options: ReadCSVOptions,
  s: CsvSettings,
  size: number,
  threads: number,
  minPart = MIN_PART,
): Promise<FastResult | null> {
  if (threads < 2 || s.nRows !== Number.POSITIVE_INFINITY || size < 2 * minPart) return null;
  const head = await headerOf(path, s);
  if (head === null) return null;
  const n = Math.min(threads, Math.floor((size - head.start) / minPart));
  if (n < 2) return null;
  const starts = await splits(path, head.start, size, n);
  if (starts === null) return null;
  // callbacks stay here: the caller reports bad lines once, for the whole file
  const { badLines: _, threads: __, ...sendable } = options;
  const base = { options: sendable, names: head.names, delimiter: head.dialect.delimiter };
  const used = takeWorkers(n);
  const reads = used.map((w, i) => {
    const from = starts[i] as number;
    const to = starts[i + 1] as number;
    const job: PartJob = { ...base, firstLine: i === 0 ? head.line : 1, bytes: to - from };
    return w.read({ path, from, to, job });
  });
  const settled = await Promise.allSettled(reads);
  const parts: PartResult[] = [];
  for (const r of settled) {
    if (r.status === "rejected") return null;
    parts.push(r.value);
  }
  return joinParts(parts);
}

/** The header read on its own: the names, the dialect, where the data starts; null for an empty input. */
async function headerOf(path: string, s: CsvSettings): Promise<Pending | null> {
  const core = new CsvCore({ ...engineOptions(s, s.delimiter ?? -1), nRows: 0 }, textRules(s), 1);
  for await (const chunk of fileChunks(path, "readCSV")) {
    core.feed(chunk);
    if (core.done) break;
  }
  core.end();
  const p = core.take()[0];
  return p === undefined || p.names.length === 0 ? null : p;
}

/** Part boundaries: `from`, the byte after the first line break past each split point, `size`. */
async function splits(path: string, from: number, size: number, n: number): Promise<number[] | null> {
  const out = [from];
  for (let k = 1; k < n; k++) {
    const at = from + Math.floor(((size - from) * k) / n);
    let nl = -1;
    for await (const window of fileChunks(path, "readCSV", at, at + SEARCH)) nl = window.indexOf(10);
    if (nl < 0 || at + nl + 1 >= size || at + nl + 1 <= (out[k - 1] as number)) return null;
    out.push(at + nl + 1);
  }
  out.push(size);
  return out;
}

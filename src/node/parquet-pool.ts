/**
 * The Node entry's decode workers: worker_threads started on the first
 * read that wants them and kept for later reads. An idle worker does not
 * keep the process alive.
 * @internal
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { DecodeClient, type DecodeReply } from "../io/parquet/decode-server.js";
import type { DecodeSession, DecodeWorkers } from "../io/parquet/read-parquet.js";

/** At most this many threads decode one file. */
const MAX_THREADS = 4;

/** The default number of decode threads: the cores, at most 4. */
export const defaultThreads = (): number => Math.min(MAX_THREADS, availableParallelism());

/**
 * Under tsx or vitest this module is TypeScript, and so is the worker: it
 * starts by registering tsx (a devDependency, present where sources run).
 */
function tsWorker(): Worker {
  // the ES module build of tsx's register API (require.resolve finds the CommonJS one next to it)
  const cjs = createRequire(import.meta.url).resolve("tsx/esm/api");
  const tsx = pathToFileURL(cjs.replace(/\.cjs$/, ".mjs")).href;
  const main = new URL("./parquet-worker.ts", import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(main)}); });`;
  return new Worker(boot, { eval: true });
}

function startWorker(exited: (w: DecodeClient) => void): DecodeClient {
  const worker = import.meta.url.endsWith(".ts")
    ? tsWorker()
    : new Worker(new URL("./parquet-worker.js", import.meta.url));
  worker.unref();
  const client = new DecodeClient({
    post: (req) => worker.postMessage(req),
    busy: (yes) => (yes ? worker.ref() : worker.unref()),
  });
  worker.on("message", (reply: DecodeReply) => client.receive(reply));
  worker.on("error", (e) => client.fail(e));
  worker.on("exit", (code) => {
    client.fail(new Error(`a Parquet decode worker exited with code ${code}`));
    exited(client);
  });
  return client;
}

/** The pool: workers started as reads need them (a worker that dies is replaced on the next read). */
export class WorkerPool {
  #workers: DecodeClient[] = [];
  #reads = 0;

  /** The workers for reads of the file at `path`, or of in-memory Blobs when null. */
  over(path: string | null): DecodeWorkers {
    return { take: (count) => this.#take(count, path) };
  }

  #take(count: number, path: string | null): DecodeSession {
    const n = Math.min(count, MAX_THREADS);
    const exited = (w: DecodeClient) => {
      this.#workers = this.#workers.filter((x) => x !== w);
    };
    while (this.#workers.length < n) this.#workers.push(startWorker(exited));
    const read = ++this.#reads;
    const used = this.#workers.slice(0, n);
    return {
      decoders: used.map((w) => w.decoder(read, path)),
      done: () => {
        for (const w of used) w.done(read);
      },
    };
  }
}

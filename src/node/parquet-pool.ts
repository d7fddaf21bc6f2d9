/**
 * The Node entry's decode workers: worker_threads started on the first
 * read that wants them and kept for later reads. An idle worker does not
 * keep the process alive.
 * @internal
 */
import { DecodeClient, type DecodeReply } from "../io/parquet/decode-server.js";
import type { DecodeSession, DecodeWorkers } from "../io/parquet/read-parquet.js";
import { MAX_THREADS, startWorker } from "./worker-boot.js";

function startClient(exited: (w: DecodeClient) => void): DecodeClient {
  const worker = startWorker("parquet-worker");
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
    while (this.#workers.length < n) this.#workers.push(startClient(exited));
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

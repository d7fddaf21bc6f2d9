/**
 * A CSV worker (worker_threads): reads the parts of files it is sent and
 * posts their columns back, transferring the buffers.
 * @internal
 */
import { parentPort } from "node:worker_threads";
import { type PartJob, partBuffers, readPart } from "../io/csv/read-part.js";
import { fileChunks } from "./files.js";

/** Read bytes [from, to) of the file at `path` as a part. */
export interface PartRequest {
  readonly id: number;
  readonly path: string;
  readonly from: number;
  readonly to: number;
  readonly job: PartJob;
}

const port = parentPort;
if (port === null) throw new Error("csv-worker runs as a worker thread");
port.on("message", async ({ id, path, from, to, job }: PartRequest) => {
  try {
    const chunks = fileChunks(path, "readCSV", from, to);
    const r = await readPart(chunks, (at) => fileChunks(path, "readCSV", from + at, to), job);
    port.postMessage({ id, result: r }, partBuffers(r));
  } catch (e) {
    port.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});

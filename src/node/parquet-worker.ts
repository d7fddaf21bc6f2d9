/**
 * A decode worker (worker_threads): decodes the row groups the pool sends.
 * @internal
 */
import { openAsBlob } from "node:fs";
import { parentPort } from "node:worker_threads";
import { type DecodeRequest, decodeServer } from "../io/parquet/decode-server.js";

const port = parentPort;
if (port === null) throw new Error("parquet-worker runs as a worker thread");
const serve = decodeServer((reply, transfer) => port.postMessage(reply, transfer), openAsBlob);
port.on("message", (req: DecodeRequest) => void serve(req));

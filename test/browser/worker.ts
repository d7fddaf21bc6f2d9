/**
 * A Web Worker of the real-browser test: reads a Parquet file off the
 * page's thread and posts the frame back as Arrow IPC bytes (transferred).
 */
import { readParquet, toArrowIPC } from "../../src/index.js";

async function run(): Promise<void> {
  try {
    const df = await readParquet(await fetch("/data/flights-3m.parquet"));
    const ipc = toArrowIPC(df);
    postMessage(ipc, { transfer: [ipc.buffer as ArrayBuffer] });
  } catch (e) {
    postMessage(`${(e as Error).name}: ${(e as Error).message}`);
  }
}

void run();

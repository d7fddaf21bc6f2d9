/**
 * The message protocol between a read and its decode workers, both
 * sides: the worker's `decodeServer` and the caller's `decodeClient`.
 * A worker decodes the row groups it is sent and posts back the copied
 * buffers as transferables, so no byte is copied on the way back.
 * @internal
 */
import { DTypeError, IOError, KeyError, OptionError } from "../../core/errors.js";
import { type DecodedRowGroup, decodeRowGroup, openFile, type RowGroupSource } from "./decode.js";
import { buffersOf } from "./ffi.js";
import type { DecodeJob, Decoder } from "./read-parquet.js";
import { parquetWasm } from "./wasm.js";

/** A job as sent: a file-backed Blob cannot be sent, so a file goes by its path. */
type SentJob = Omit<DecodeJob, "blob"> & { readonly blob: Blob | null };

/** A request to a worker: decode a row group of a read's file, or forget the read. */
export type DecodeRequest =
  | { readonly id: number; readonly read: number; readonly path: string | null; readonly job: SentJob }
  | { readonly id: 0; readonly done: number };

/** A worker's answer to request `id`. */
export type DecodeReply =
  | { readonly id: number; readonly decoded: DecodedRowGroup }
  | { readonly id: number; readonly error: { readonly name: string; readonly message: string } };

type Post = (reply: DecodeReply, transfer: ArrayBuffer[]) => void;

/**
 * The worker side: a message handler that decodes and posts replies.
 * `openPath` opens a file by path (the Node worker's `openAsBlob`).
 */
export function decodeServer(
  post: Post,
  openPath: (path: string) => Promise<Blob>,
): (req: DecodeRequest) => Promise<void> {
  // what each read in progress decodes from: its bytes, or its file read in ranges
  const sources = new Map<number, Promise<RowGroupSource>>();
  const open = async (req: Extract<DecodeRequest, { job: unknown }>): Promise<RowGroupSource> => {
    const { job } = req;
    const blob = req.path === null ? (job.blob as Blob) : await openPath(req.path);
    if (job.whole) return { bytes: new Uint8Array(await blob.arrayBuffer()) };
    return { file: await openFile(await parquetWasm(), blob, job.what) };
  };
  return async (req) => {
    if ("done" in req) {
      const src = await sources.get(req.done)?.catch(() => null);
      sources.delete(req.done);
      if (src && "file" in src) src.file.free();
      return;
    }
    const { job } = req;
    try {
      const pw = await parquetWasm();
      let src = sources.get(req.read);
      if (src === undefined) {
        src = open(req);
        sources.set(req.read, src);
      }
      const decoded = await decodeRowGroup(pw, await src, job.index, job.rows, job.columns, job.what);
      const transfer: ArrayBuffer[] = [];
      for (const b of decoded.batches) buffersOf(b, transfer);
      post({ id: req.id, decoded }, transfer);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      post({ id: req.id, error: { name: err.name, message: err.message } }, []);
    }
  };
}

const ERRORS: Record<string, new (m: string) => Error> = {
  IOError,
  DTypeError,
  KeyError,
  OptionError,
};

/** A worker as the caller sees it. */
export interface WorkerPort {
  post(req: DecodeRequest): void;
  /** The worker is busy (keep the process alive) or idle. */
  busy(yes: boolean): void;
}

/** The caller side of one worker: decoders for reads, and the handler for its replies. */
export class DecodeClient {
  readonly #port: WorkerPort;
  readonly #pending = new Map<
    number,
    { resolve(d: DecodedRowGroup): void; reject(e: Error): void; job: DecodeJob }
  >();
  #ids = 0;

  constructor(port: WorkerPort) {
    this.#port = port;
  }

  /**
   * A decoder for read `read` (a number unique to the read within the
   * pool) of the file at `path`, or of the jobs' Blob when path is null.
   */
  decoder(read: number, path: string | null): Decoder {
    return (job) =>
      new Promise((resolve, reject) => {
        const id = ++this.#ids;
        this.#pending.set(id, { resolve, reject, job });
        this.#port.busy(true);
        this.#port.post({ id, read, path, job: path === null ? job : { ...job, blob: null } });
      });
  }

  done(read: number): void {
    this.#port.post({ id: 0, done: read });
  }

  /** Settle the request a reply answers. */
  receive(reply: DecodeReply): void {
    const p = this.#pending.get(reply.id);
    if (p === undefined) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#port.busy(false);
    if ("decoded" in reply) p.resolve(reply.decoded);
    else p.reject(new (ERRORS[reply.error.name] ?? Error)(reply.error.message));
  }

  /** The worker died (parquet-wasm's range reader traps on some corrupted pages): fail what it had in hand. */
  fail(e: Error): void {
    for (const { reject, job } of this.#pending.values())
      reject(
        new IOError(
          `${job.what}: row group ${job.index} is corrupted: parquet-wasm failed while decoding it (${e.message})`,
        ),
      );
    this.#pending.clear();
    this.#port.busy(false);
  }
}

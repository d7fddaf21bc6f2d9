/**
 * Where readers get their bytes: whole buffers, Blobs, fetch Responses,
 * URLs, WHATWG ReadableStreams and async iterables of byte chunks (Node
 * streams are async iterables). Isomorphic: file paths are opened by the
 * Node entry (`ndframe/node`), which hands the readers a stream.
 */
import { IOError, OptionError } from "../core/errors.js";
import { show } from "../util/is.js";

/** Anything a reader accepts as input bytes. A string is a URL here (see `ndframe/node` for paths). */
export type ByteSource =
  | Uint8Array
  | ArrayBuffer
  | ArrayBufferView
  | Blob
  | Response
  | URL
  | string
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string>;

const isAsyncIterable = (x: unknown): x is AsyncIterable<unknown> =>
  typeof x === "object" &&
  x !== null &&
  typeof (x as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function";

const isReadableStream = (x: unknown): x is ReadableStream<Uint8Array> =>
  typeof x === "object" && x !== null && typeof (x as ReadableStream).getReader === "function";

/** The bytes of a buffer-like source without copying, or null when the source is not one. */
export function bytesOf(src: unknown): Uint8Array | null {
  if (src instanceof Uint8Array) return src;
  if (src instanceof ArrayBuffer) return new Uint8Array(src);
  if (ArrayBuffer.isView(src)) return new Uint8Array(src.buffer, src.byteOffset, src.byteLength);
  return null;
}

/** A URL from a string or URL, or an error saying how to pass text or a path instead. */
function urlOf(src: string | URL, what: string): URL {
  if (src instanceof URL) return src;
  try {
    return new URL(src);
  } catch {
    throw new OptionError(
      `${what}: ${show(src.length > 60 ? `${src.slice(0, 60)}…` : src)} is not a URL; pass the text as ` +
        `bytes or use the parse function for text, or import ${what} from "ndframe/node" to read a file path`,
    );
  }
}

/** Fetch a URL, failing with the status when the server says no. */
async function fetchBody(url: URL, what: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new IOError(`${what}: cannot fetch ${url.href}: ${(e as Error).message}`);
  }
  if (!res.ok)
    throw new IOError(`${what}: fetching ${url.href} failed with HTTP ${res.status} ${res.statusText}`);
  return res;
}

/**
 * The source's bytes as chunks, in order. Buffers come as one chunk
 * (no copy); strings from an async iterable are UTF-8 encoded.
 */
export async function* byteChunks(src: ByteSource, what: string): AsyncGenerator<Uint8Array> {
  const whole = bytesOf(src);
  if (whole !== null) {
    yield whole;
    return;
  }
  if (typeof src === "string" || src instanceof URL) {
    yield* byteChunks(await fetchBody(urlOf(src, what), what), what);
    return;
  }
  if (typeof Blob !== "undefined" && src instanceof Blob) {
    yield* byteChunks(src.stream() as ReadableStream<Uint8Array>, what);
    return;
  }
  if (typeof Response !== "undefined" && src instanceof Response) {
    if (src.body === null) return;
    yield* byteChunks(src.body as ReadableStream<Uint8Array>, what);
    return;
  }
  if (isReadableStream(src)) {
    const reader = src.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield chunkBytes(value, what);
      }
    } finally {
      reader.releaseLock();
    }
  }
  if (isAsyncIterable(src)) {
    for await (const c of src) yield chunkBytes(c, what);
    return;
  }
  throw new OptionError(
    `${what}: invalid source ${show(src)} (expected bytes, a Blob, a Response, a URL, a ReadableStream or an async iterable of bytes)`,
  );
}

const encoder = new TextEncoder();

function chunkBytes(c: unknown, what: string): Uint8Array {
  if (typeof c === "string") return encoder.encode(c);
  const b = bytesOf(c);
  if (b === null) throw new IOError(`${what}: the stream yielded ${show(c)}, not bytes`);
  return b;
}

/** All of the source's bytes in one buffer (no copy when the source is one buffer). */
export async function readAllBytes(src: ByteSource, what: string): Promise<Uint8Array> {
  const whole = bytesOf(src);
  if (whole !== null) return whole;
  if (typeof Blob !== "undefined" && src instanceof Blob) return new Uint8Array(await src.arrayBuffer());
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const c of byteChunks(src, what)) {
    parts.push(c);
    total += c.length;
  }
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

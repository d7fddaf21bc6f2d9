/**
 * Files by path, for the Node entry: chunked reads from an offset, and the
 * errors that name the path.
 * @internal
 */
import { open, readFile, rm, stat, writeFile as writeFileAll } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { IOError } from "../core/errors.js";

/** Chunk size of file reads. */
const CHUNK = 1 << 22;

/** A path from a string or a file: URL; null for other URLs (http…), which are fetched instead. */
export function pathOf(src: unknown): string | null {
  if (src instanceof URL) return src.protocol === "file:" ? fileURLToPath(src) : null;
  if (typeof src !== "string") return null;
  if (/^file:/i.test(src)) return fileURLToPath(src);
  // "https://…", "s3://…": a URL; "C:\\data.csv" and "./a.csv": paths
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(src) ? null : src;
}

/** An IOError for a failed file operation, naming the path and the reason. */
export function fileError(what: string, path: string, e: unknown, verb = "read"): IOError {
  const code = (e as { code?: string }).code;
  const reason =
    code === "ENOENT" && verb === "read"
      ? "no such file"
      : code === "EISDIR"
        ? "it is a directory"
        : code === "EACCES"
          ? "permission denied"
          : code === "ENOTDIR" || (code === "ENOENT" && verb === "write")
            ? "no such directory"
            : (e as Error).message;
  return new IOError(`${what}: cannot ${verb} ${JSON.stringify(path)}: ${reason}`);
}

/** The file's size in bytes. */
export async function fileSize(path: string, what: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (e) {
    throw fileError(what, path, e);
  }
}

/** The file's bytes [from, to), in chunks of 4 MiB (each a fresh buffer). */
export async function* fileChunks(
  path: string,
  what: string,
  from = 0,
  to = Number.POSITIVE_INFINITY,
): AsyncGenerator<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch (e) {
    throw fileError(what, path, e);
  }
  try {
    let pos = from;
    while (pos < to) {
      const size = Math.min(CHUNK, to - pos);
      const buf = new Uint8Array(size);
      const { bytesRead } = await handle.read(buf, 0, size, pos);
      if (bytesRead === 0) return;
      pos += bytesRead;
      yield bytesRead === size ? buf : buf.subarray(0, bytesRead);
    }
  } catch (e) {
    if (e instanceof IOError) throw e;
    throw fileError(what, path, e);
  } finally {
    await handle.close();
  }
}

/** Write pieces (bytes, or text as UTF-8) to a file (created or truncated). */
export async function writeFile(
  path: string,
  pieces: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>,
  what: string,
): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "w");
  } catch (e) {
    throw fileError(what, path, e, "write");
  }
  const enc = new TextEncoder();
  try {
    for await (const p of pieces) await handle.write(typeof p === "string" ? enc.encode(p) : p);
  } catch (e) {
    // no partial file is left to pass for a whole one
    await handle.close();
    await rm(path, { force: true });
    // the pieces' own errors (a bad batch) pass as they are
    if (!(e as { code?: unknown }).code) throw e;
    throw fileError(what, path, e, "write");
  }
  await handle.close();
}

/** Write bytes to a file (created or truncated). */
export async function writeBytes(path: string, bytes: Uint8Array, what: string): Promise<void> {
  try {
    await writeFileAll(path, bytes);
  } catch (e) {
    throw fileError(what, path, e, "write");
  }
}

/** The whole file's bytes. */
export async function fileBytes(path: string, what: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    throw fileError(what, path, e);
  }
}

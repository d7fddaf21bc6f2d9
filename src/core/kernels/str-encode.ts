/**
 * Between text and bytes: `encode` (utf8 → binary) and `decode` (binary →
 * utf8). UTF-8 both ways shares the buffers (decode checks validity);
 * other encodings transcode row by row.
 * @internal
 */
import { keyword, show } from "../../util/is.js";
import { type Chunk, makeChunk, numberOffsets, type StorageOf } from "../chunk.js";
import { Column } from "../column.js";
import { type Binary, binary, dtypeToString, type StringType, utf8 } from "../dtype.js";
import { CastError, DTypeError, OptionError } from "../errors.js";
import { cast } from "./cast.js";
import { checkText, decodeRows, isValidAt, StrOut, strView, textType, validityAt0 } from "./str-engine.js";

const UTF8 = /^utf-?8$/i;

/** How a character or byte sequence the encoding cannot represent is handled. */
export type EncodingErrors = "strict" | "replace" | "ignore";

/** A chunk with its buffers under another var-width dtype (no copy; large offsets narrowed). */
function retype<T extends StringType | Binary>(c: Chunk, to: T): Chunk<T> {
  let valueOffsets = c.valueOffsets;
  if (valueOffsets instanceof BigInt64Array) {
    const o = numberOffsets(c);
    if ((o[c.length] as number) > 0x7fffffff) {
      throw new CastError(
        `the column holds more than 2 GiB of text, more than ${dtypeToString(to)} can address`,
      );
    }
    valueOffsets = Int32Array.from(o);
  }
  return makeChunk({ ...c, dtype: to, values: c.values as StorageOf<T>, valueOffsets });
}

/** Encode each string as bytes in `encoding` ("utf-8", "ascii" or "latin1"). @internal */
export function encode(col: Column, encoding = "utf-8", errors: EncodingErrors = "strict"): Column<Binary> {
  const what = "str.encode";
  checkText(col, what);
  const how = keyword("errors", errors, ["strict", "replace", "ignore"]);
  const plain = col.dtype.kind === "dictionary" ? cast(col, textType(col)) : col;
  if (typeof encoding === "string" && UTF8.test(encoding)) {
    return new Column(
      binary,
      plain.chunks.map((c) => retype(c, binary)),
    );
  }
  const enc = keyword("encoding", typeof encoding === "string" ? encoding.toLowerCase() : encoding, [
    "ascii",
    "latin1",
    "latin-1",
    "iso-8859-1",
  ]);
  const limit = enc === "ascii" ? 0x80 : 0x100;
  let row0 = 0;
  const chunks = plain.chunks.map((c) => {
    const v = strView(c as Chunk<StringType>);
    const rows = decodeRows(v);
    const out = new StrOut(v.n, v.bytes.length);
    for (let i = 0; i < v.n; i++) {
      if (isValidAt(v, i)) {
        const s = rows.row(i);
        out.reserve(s.length);
        for (const ch of s) {
          const cp = ch.codePointAt(0) as number;
          if (cp < limit) out.bytes[out.used++] = cp;
          else if (how === "replace")
            out.bytes[out.used++] = 0x3f; // "?", as Python's errors="replace"
          else if (how === "strict") {
            throw new CastError(
              `${what}: row ${row0 + i}: ${show(s)} has ${show(ch)}, which ${enc} cannot encode`,
            );
          }
        }
      }
      out.end();
    }
    row0 += v.n;
    return retype(out.finish(utf8, validityAt0(c)), binary);
  });
  return new Column(binary, chunks);
}

/** Decode each bytes value from `encoding` (any WHATWG label: "utf-8", "latin1", "utf-16le"…). @internal */
export function decode(
  col: Column,
  encoding = "utf-8",
  errors: EncodingErrors = "strict",
): Column<StringType> {
  const what = "str.decode";
  if (col.dtype.kind !== "binary") {
    throw new DTypeError(`${what} needs bytes (binary), got ${dtypeToString(col.dtype)}`);
  }
  const how = keyword("errors", errors, ["strict", "replace"]);
  let decoder: TextDecoder;
  try {
    // ignoreBOM keeps a leading U+FEFF, as Python's bytes.decode("utf-8") does
    decoder = new TextDecoder(encoding, { fatal: how === "strict", ignoreBOM: true });
  } catch {
    throw new OptionError(
      `${what}: unknown encoding: ${show(encoding)} (expected a label such as "utf-8", "latin1", "utf-16le")`,
    );
  }
  let row0 = 0;
  const chunks = col.chunks.map((c) => {
    const o = numberOffsets(c);
    const bytes = c.values as Uint8Array;
    const out = new StrOut(c.length, bytes.length);
    for (let i = 0; i < c.length; i++) {
      const j = c.offset + i;
      const valid = c.validity === null || ((c.validity[j >>> 3] as number) & (1 << (j & 7))) !== 0;
      if (valid) {
        try {
          out.text(decoder.decode(bytes.subarray(o[i] as number, o[i + 1] as number)));
        } catch {
          throw new CastError(`${what}: row ${row0 + i} is not valid ${decoder.encoding}`);
        }
      }
      out.end();
    }
    row0 += c.length;
    return out.finish(utf8, validityAt0(c));
  });
  return new Column(utf8, chunks);
}

/**
 * Opening a Parquet source for reading: its bytes as a Blob (read in
 * ranges), the footer checked, the schema and row groups known, and the
 * reader's options checked against them.
 * @internal
 */
import { IOError, KeyError, OptionError } from "../../core/errors.js";
import { show } from "../../util/is.js";
import { type ByteSource, bytesOf, readAllBytes } from "../source.js";
import { CATEGORIES_KEY, parseCategories, type StoredCategories } from "./categories.js";
import { fileFields, keyValue, openFile, type RowGroupInfo, rowGroupsOf } from "./decode.js";
import { dtypeOfField, type RawField } from "./ffi.js";
import { type ParquetFile, parquetWasm, type Wasm } from "./wasm.js";

/** An open Parquet file. */
export interface OpenParquet {
  readonly pw: Wasm;
  readonly blob: Blob;
  readonly file: ParquetFile;
  /** The whole file when it is in memory (row groups then decode from it), else null (read in ranges). */
  readonly bytes: Uint8Array | null;
  /** Every field of the file, in file order. */
  readonly fields: readonly RawField[];
  readonly rowGroups: readonly RowGroupInfo[];
  /** Dictionary columns' categories stored by ndframe's writer. */
  readonly categories: ReadonlyMap<string, StoredCategories>;
}

const isBlob = (x: unknown): x is Blob => typeof Blob !== "undefined" && x instanceof Blob;

const PAR1 = [80, 65, 82, 49];

/** Check the leading and closing PAR1 magic, so truncation is named as such. */
async function checkMagic(blob: Blob, what: string): Promise<void> {
  if (blob.size < 12) throw new IOError(`${what}: ${blob.size} bytes are too few for a Parquet file`);
  const head = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
  if (!PAR1.every((m, i) => head[i] === m))
    throw new IOError(`${what}: the bytes are not Parquet (they do not start with PAR1)`);
  const tail = new Uint8Array(await blob.slice(blob.size - 4).arrayBuffer());
  if (!PAR1.every((m, i) => tail[i] === m))
    throw new IOError(`${what}: the Parquet file is truncated (it lacks the closing PAR1 footer)`);
}

/**
 * Open a Parquet source; the caller frees `file`. A Blob is read in ranges
 * unless `whole` asks for it all in memory; other sources are read whole.
 */
export async function openParquet(source: ByteSource, what: string, whole: boolean): Promise<OpenParquet> {
  let bytes: Uint8Array | null = null;
  let blob: Blob;
  if (isBlob(source)) {
    await checkMagic(source, what);
    blob = source;
    if (whole) bytes = new Uint8Array(await source.arrayBuffer());
  } else {
    bytes = bytesOf(source) ?? (await readAllBytes(source, what));
    // parquet-wasm reads the metadata from a Blob (one copy of the bytes)
    blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
    await checkMagic(blob, what);
  }
  const pw = await parquetWasm();
  const file = await openFile(pw, blob, what);
  try {
    const fields = fileFields(pw, file);
    const categories = parseCategories(keyValue(file).get(CATEGORIES_KEY));
    return { pw, blob, file, bytes, fields, rowGroups: rowGroupsOf(file), categories };
  } catch (e) {
    file.free();
    throw e;
  }
}

/**
 * The fields to read, in the order asked (every field in file order when
 * `columns` is null); an unknown or repeated name, or a type ndframe
 * cannot hold, is an error before anything is decoded.
 */
export function projectFields(
  fields: readonly RawField[],
  columns: readonly string[] | null,
  what: string,
): RawField[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const out =
    columns === null
      ? [...fields]
      : columns.map((c) => {
          const f = byName.get(c);
          if (f === undefined)
            throw new KeyError(
              `${what}: no column ${JSON.stringify(c)} in the file (it has ${fields.map((x) => JSON.stringify(x.name)).join(", ")})`,
            );
          return f;
        });
  if (columns !== null && new Set(columns).size !== columns.length)
    throw new OptionError(`${what}: columns lists a name twice: ${show(columns)}`);
  for (const f of out) dtypeOfField(f);
  return out;
}

/** The row groups to read: all in order when `asked` is null, else the asked ones, checked. */
export function pickRowGroups(count: number, asked: readonly number[] | null, what: string): number[] {
  if (asked === null) return Array.from({ length: count }, (_, i) => i);
  for (const i of asked) {
    if (!Number.isInteger(i) || i < 0 || i >= count)
      throw new OptionError(
        `${what}: rowGroups has ${show(i)}, but the file has ${count} row group${count === 1 ? "" : "s"}` +
          (count > 0 ? ` (0 to ${count - 1})` : ""),
      );
  }
  return [...asked];
}

/** Check a list-of-strings option. */
export function maybeNames(option: string, value: unknown, what: string): string[] | null {
  if (value === undefined) return null;
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string"))
    throw new OptionError(`${what}: invalid ${option}: ${show(value)} (expected an array of column names)`);
  return [...value];
}

/** Check a list-of-indices option. */
export function maybeIndices(option: string, value: unknown, what: string): number[] | null {
  if (value === undefined) return null;
  if (!Array.isArray(value))
    throw new OptionError(
      `${what}: invalid ${option}: ${show(value)} (expected an array of row group indices)`,
    );
  return [...value];
}

/**
 * The h2o db-benchmark group-by data ("G1") as a CSV file, for the IO
 * questions. Generated once per (N, seed) into bench/results/data/ (ignored
 * by git through bench/results/.gitignore) and reused; written row block by
 * row block, so N = 1e7 (about 0.5 GB of text) never sits in memory.
 *
 * Columns, as db-benchmark's groupby-datagen.R with K = 100 (every value
 * from the bench's counter-based RNG `u32(seed, stream, row)`):
 * - id1, id2: `id001`…`id100` uniform;
 * - id3: `id0000000001`…`id{N/K}` (10 digits) uniform;
 * - id4, id5: int 1..K; id6: int 1..N/K;
 * - v1: int 1..5; v2: int 1..15;
 * - v3: float uniform [0, 100) rounded to 6 decimals, written as the
 *   shortest decimal (`String(v3)`: `23.574912`, `5.1`, `0`).
 *
 * Also the check of a CSV file written by a library: one streaming pass
 * that reads rows, columns, sum(v1), sum(v3) and the last id3 without
 * keeping the table.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Check } from "./config.js";
import { u32 } from "./data.js";

/** Groups of id1, id2, id4, id5. */
export const H2O_K = 100;

/** The file's columns, in order. */
export const H2O_COLUMNS = ["id1", "id2", "id3", "id4", "id5", "id6", "v1", "v2", "v3"] as const;

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), "results", "data");

/** Levels of id3 and id6: N / K (at least 1). */
export function h2oLevels(n: number): number {
  return Math.max(1, Math.round(n / H2O_K));
}

/** Where the G1 file of (n, seed) lives. */
export function h2oCsvPath(n: number, seed: number): string {
  return join(DATA_DIR, `h2o-G1-${n}-seed${seed}.csv`);
}

/** Where the G1 table of (n, seed) as an Arrow IPC file lives (io-arrow questions). */
export function h2oArrowPath(n: number, seed: number): string {
  return join(DATA_DIR, `h2o-G1-${n}-seed${seed}.arrow`);
}

/**
 * Write the G1 table of (n, seed) as an Arrow IPC file unless it exists:
 * ndframe's readCSV of the G1 CSV (generated first if need be), then its
 * writeArrow (file format). Returns the path.
 */
export async function ensureH2oArrow(n: number, seed: number): Promise<string> {
  const path = h2oArrowPath(n, seed);
  if (existsSync(path)) return path;
  const csv = ensureH2oCsv(n, seed);
  const { readCSV, writeArrow } = await import("../src/node.js");
  const tmp = `${path}.${process.pid}.tmp`;
  await writeArrow(await readCSV(csv), tmp);
  renameSync(tmp, path);
  return path;
}

const ROWS_PER_BLOCK = 1 << 16;
// the longest row: 5 + 5 + 12 + 3 + 3 + 10 + 1 + 2 + 9 bytes, 8 commas, a newline
const MAX_ROW = 80;

/** Write `v` (a non-negative integer below 2^53) as decimal digits at `p`; returns the new end. */
function putInt(buf: Uint8Array, p: number, v: number): number {
  let digits = 1;
  for (let t = v; t >= 10; t = Math.floor(t / 10)) digits++;
  for (let k = p + digits - 1; k >= p; k--) {
    buf[k] = 48 + (v % 10);
    v = Math.floor(v / 10);
  }
  return p + digits;
}

/** Write `"id" + code` zero-padded to `width` digits at `p`. */
function putId(buf: Uint8Array, p: number, code: number, width: number): number {
  buf[p] = 105;
  buf[p + 1] = 100;
  for (let k = p + 1 + width; k >= p + 2; k--) {
    buf[k] = 48 + (code % 10);
    code = Math.floor(code / 10);
  }
  return p + 2 + width;
}

/**
 * Write v3 = micro / 1e6 as its shortest decimal: the integer part, then
 * the fraction without trailing zeros (none at all when it is zero). This
 * is `String(micro / 1e6)` for every micro in [0, 1e8).
 */
function putMicro(buf: Uint8Array, p: number, micro: number): number {
  const whole = Math.floor(micro / 1e6);
  let frac = micro - whole * 1e6;
  p = putInt(buf, p, whole);
  if (frac === 0) return p;
  let width = 6;
  while (frac % 10 === 0) {
    frac /= 10;
    width--;
  }
  buf[p] = 46;
  for (let k = p + width; k > p; k--) {
    buf[k] = 48 + (frac % 10);
    frac = Math.floor(frac / 10);
  }
  return p + 1 + width;
}

/** Generate the G1 file for (n, seed) unless it exists; returns its path. */
export function ensureH2oCsv(n: number, seed: number): string {
  const path = h2oCsvPath(n, seed);
  if (existsSync(path)) return path;
  mkdirSync(DATA_DIR, { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    const levels = h2oLevels(n);
    const buf = new Uint8Array(ROWS_PER_BLOCK * MAX_ROW);
    let p = 0;
    for (const c of `${H2O_COLUMNS.join(",")}\n`) buf[p++] = c.charCodeAt(0);
    for (let start = 0; start < n; start += ROWS_PER_BLOCK) {
      const end = Math.min(n, start + ROWS_PER_BLOCK);
      for (let i = start; i < end; i++) {
        p = putId(buf, p, 1 + (u32(seed, 21, i) % H2O_K), 3);
        buf[p++] = 44;
        p = putId(buf, p, 1 + (u32(seed, 22, i) % H2O_K), 3);
        buf[p++] = 44;
        p = putId(buf, p, 1 + (u32(seed, 23, i) % levels), 10);
        buf[p++] = 44;
        p = putInt(buf, p, 1 + (u32(seed, 24, i) % H2O_K));
        buf[p++] = 44;
        p = putInt(buf, p, 1 + (u32(seed, 25, i) % H2O_K));
        buf[p++] = 44;
        p = putInt(buf, p, 1 + (u32(seed, 26, i) % levels));
        buf[p++] = 44;
        p = putInt(buf, p, 1 + (u32(seed, 27, i) % 5));
        buf[p++] = 44;
        p = putInt(buf, p, 1 + (u32(seed, 28, i) % 15));
        buf[p++] = 44;
        // uniform [0, 100) in steps of 1e-6: 1e8 micro-units from 53 random bits
        const hi = u32(seed, 29, i) >>> 5;
        const lo = u32(seed, 1029, i) >>> 6;
        const micro = Math.floor(((hi * 67108864 + lo) / 9007199254740992) * 1e8);
        p = putMicro(buf, p, micro);
        buf[p++] = 10;
      }
      writeAll(fd, buf, p);
      p = 0;
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return path;
}

function writeAll(fd: number, buf: Uint8Array, len: number): void {
  let off = 0;
  while (off < len) off += writeSync(fd, buf, off, len - off);
}

/**
 * Summary of a G1 table: [rows, columns, sum(v1), sum(v3), id3 of the last
 * row as a number]. Every library's read result and written file reduce
 * to it, so the report compares them with the hand loop.
 */
export function h2oCheck(rows: number, cols: number, sumV1: number, sumV3: number, lastId3: number): Check {
  return [rows, cols, sumV1, sumV3, lastId3];
}

/**
 * Read a CSV file that a library wrote from the G1 table and summarize it
 * as `h2oCheck`: one streaming byte loop (constant memory, so it does not
 * raise the cell's peak RSS). Quotes around fields are skipped; v3 in a
 * form other than plain digits and a point (an exponent) goes through
 * Number(); id3's number is the digits of its field.
 */
export function csvFileCheck(path: string): Check {
  const fd = openSync(path, "r");
  try {
    const buf = new Uint8Array(1 << 22);
    let pos = 0;
    let got = readSync(fd, buf, 0, buf.length, pos);
    pos += got;
    const eol = buf.indexOf(10);
    if (eol < 0 || eol >= got) throw new Error(`no header line in ${path}`);
    const names = latin1(buf, 0, buf[eol - 1] === 13 ? eol - 1 : eol)
      .split(",")
      .map(unquote);
    const [iv1, iv3, iid3] = ["v1", "v3", "id3"].map((c) => names.indexOf(c)) as [number, number, number];
    let rows = 0;
    let sumV1 = 0;
    let sumV3 = 0;
    let lastId3 = Number.NaN;
    // the state of the current row
    let field = 0;
    let any = false;
    let v1 = 0;
    let m = 0;
    let k = -1;
    let odd = "";
    let id3 = 0;
    let start = eol + 1;
    while (got > 0) {
      for (let p = start; p < got; p++) {
        const c = buf[p] as number;
        if (c === 10) {
          if (any) {
            rows++;
            sumV1 += v1;
            sumV3 += odd !== "" ? Number(odd) : k > 0 ? m / 10 ** k : m;
            lastId3 = id3;
          }
          field = 0;
          any = false;
          v1 = 0;
          m = 0;
          k = -1;
          odd = "";
          id3 = 0;
          continue;
        }
        if (c === 13 || c === 34) continue;
        any = true;
        if (c === 44) {
          field++;
          continue;
        }
        const digit = c >= 48 && c <= 57;
        if (field === iv1) {
          if (digit) v1 = v1 * 10 + c - 48;
        } else if (field === iv3) {
          if (odd !== "") odd += String.fromCharCode(c);
          else if (digit) {
            m = m * 10 + c - 48;
            if (k >= 0) k++;
          } else if (c === 46 && k < 0) k = 0;
          else odd = `${k > 0 ? m / 10 ** k : m}${String.fromCharCode(c)}`;
        } else if (field === iid3 && digit) id3 = id3 * 10 + c - 48;
      }
      start = 0;
      got = readSync(fd, buf, 0, buf.length, pos);
      pos += got;
    }
    if (any) {
      rows++;
      sumV1 += v1;
      sumV3 += odd !== "" ? Number(odd) : k > 0 ? m / 10 ** k : m;
      lastId3 = id3;
    }
    return h2oCheck(rows, names.length, sumV1, sumV3, lastId3);
  } finally {
    closeSync(fd);
  }
}

const decoder = new TextDecoder("latin1");

function latin1(buf: Uint8Array, a: number, b: number): string {
  return decoder.decode(buf.subarray(a, b));
}

function unquote(s: string): string {
  return s.length >= 2 && s.charCodeAt(0) === 34 ? s.slice(1, -1).replace(/""/g, '"') : s;
}

/**
 * Null markers: the field texts read as null. A table indexed by length
 * and first byte rejects almost every field with one load; only a hit
 * compares bytes.
 * @internal
 */

/** pandas' default `na_values` (read_csv's documentation), plus the empty field. */
export const PANDAS_NULLS: readonly string[] = [
  "",
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "NaN",
  "None",
  "n/a",
  "nan",
  "null",
];

const encoder = new TextEncoder();

/** Matches field bytes against a set of marker texts. */
export class NullMarkers {
  readonly #markers: Uint8Array[];
  readonly #maxLen: number;
  /** hit[len * 256 + firstByte] = 1 when some marker has that length and first byte. */
  readonly #hit: Uint8Array;
  readonly #empty: boolean;

  constructor(markers: readonly string[]) {
    this.#markers = markers.map((m) => encoder.encode(m));
    this.#empty = markers.includes("");
    this.#maxLen = Math.max(0, ...this.#markers.map((m) => m.length));
    this.#hit = new Uint8Array((this.#maxLen + 1) * 256);
    for (const m of this.#markers) if (m.length > 0) this.#hit[m.length * 256 + (m[0] as number)] = 1;
  }

  /** Whether buf[s, e) is a null marker. */
  isNull(buf: Uint8Array, s: number, e: number): boolean {
    const n = e - s;
    if (n === 0) return this.#empty;
    if (n > this.#maxLen || this.#hit[n * 256 + (buf[s] as number)] === 0) return false;
    for (const m of this.#markers) {
      if (m.length !== n) continue;
      let k = 0;
      while (k < n && m[k] === buf[s + k]) k++;
      if (k === n) return true;
    }
    return false;
  }
}

/**
 * Delimiter sniffing: among `,` `\t` `;` `|`, the character that splits the
 * first lines into the same number (> 0) of fields, counted outside quotes.
 * Ties go to the earlier candidate; with no consistent candidate, `,`.
 * @internal
 */

const CANDIDATES = [44, 9, 59, 124];
const LF = 10;
const CR = 13;
/** Lines and bytes looked at. */
const LINES = 20;
const BYTES = 1 << 16;

/** The sniffed delimiter byte of buf[pos..]. */
export function sniffDelimiter(buf: Uint8Array, pos: number, quote: number, comment: number): number {
  const counts = CANDIDATES.map(() => [] as number[]);
  const row = new Int32Array(CANDIDATES.length);
  const end = Math.min(buf.length, pos + BYTES);
  let inQuotes = false;
  let lineStart = true;
  let skipping = false;
  let lines = 0;
  for (let i = pos; i < end && lines < LINES; i++) {
    const c = buf[i] as number;
    if (lineStart && !inQuotes) {
      lineStart = false;
      skipping = c === comment || c === LF || c === CR;
    }
    if (c === quote) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) {
      if (!skipping) {
        for (let k = 0; k < CANDIDATES.length; k++) (counts[k] as number[]).push(row[k] as number);
        lines++;
      }
      row.fill(0);
      lineStart = true;
    } else if (!inQuotes && !skipping) {
      const k = CANDIDATES.indexOf(c);
      if (k >= 0) row[k] = (row[k] as number) + 1;
    }
  }
  // a last line without a break counts when the input ends there
  if (!lineStart && !skipping && end === buf.length && lines < LINES) {
    for (let k = 0; k < CANDIDATES.length; k++) (counts[k] as number[]).push(row[k] as number);
  }
  let best = 44;
  let bestScore = 0;
  CANDIDATES.forEach((d, k) => {
    const n = counts[k] as number[];
    if (n.length === 0 || (n[0] as number) === 0) return;
    // the share of lines with the header's count
    const same = n.filter((x) => x === n[0]).length / n.length;
    if (same > bestScore) {
      best = d;
      bestScore = same;
    }
  });
  return best;
}

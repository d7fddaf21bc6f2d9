/**
 * CSV fields written straight into bytes: integers digit by digit (int64
 * through its words), floats by the shortest decimals that read back to
 * the same double, strings copied from their UTF-8 bytes and quoted only
 * when they must be. No JS string per field for these dtypes.
 * @internal
 */
import type { Chunk } from "../../core/chunk.js";

const encoder = new TextEncoder();

/** A growing byte buffer. */
export class Out {
  buf = new Uint8Array(1 << 20);
  pos = 0;

  /** Room for `n` more bytes. */
  need(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** Write ASCII or any text (encoded as UTF-8). */
  text(t: string): void {
    this.need(3 * t.length);
    let p = this.pos;
    const b = this.buf;
    for (let k = 0; k < t.length; k++) {
      const c = t.charCodeAt(k);
      if (c >= 128) {
        this.pos += encoder.encodeInto(t, b.subarray(this.pos)).written;
        return;
      }
      b[p++] = c;
    }
    this.pos = p;
  }

  bytes(src: Uint8Array): void {
    this.need(src.length);
    // a byte loop: these are a few bytes, where set() costs more than it copies
    const b = this.buf;
    let p = this.pos;
    for (let k = 0; k < src.length; k++) b[p++] = src[k] as number;
    this.pos = p;
  }
}

/** Writes row i of its column into the output. */
export type FieldWriter = (o: Out, i: number) => void;

/** What a field needs: the delimiter byte and the texts of nulls and NaN. */
export interface FieldRules {
  delimiter: number;
  nullText: Uint8Array;
  nanText: Uint8Array;
  quoteAll: boolean;
}

/** Write a non-negative integer below 2^53. */
function digits(o: Out, v: number): void {
  o.need(17);
  const b = o.buf;
  let p = o.pos;
  if (v < 10) {
    b[p++] = 48 + v;
    o.pos = p;
    return;
  }
  const start = p;
  while (v > 0) {
    const d = v % 10;
    b[p++] = 48 + d;
    v = (v - d) / 10;
  }
  // the digits came out last first
  for (let i = start, j = p - 1; i < j; i++, j--) {
    const t = b[i] as number;
    b[i] = b[j] as number;
    b[j] = t;
  }
  o.pos = p;
}

/** Write an integer with |v| < 2^53. */
function integer(o: Out, v: number): void {
  if (v < 0) {
    o.need(1);
    o.buf[o.pos++] = 45;
    v = -v;
  }
  digits(o, v);
}

function isValid(c: Chunk, i: number): boolean {
  const vb = c.validity;
  if (vb === null) return true;
  const j = c.offset + i;
  return (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 1;
}

/** Writers for the dtypes written byte by byte; null for the others. */
export function fieldWriter(c: Chunk, r: FieldRules): FieldWriter | null {
  const kind = c.dtype.kind;
  const nul = r.nullText;
  switch (kind) {
    case "int8":
    case "int16":
    case "int32":
    case "uint8":
    case "uint16":
    case "uint32": {
      const v = c.values as Int32Array;
      if (c.validity === null) return (o, i) => integer(o, v[i] as number);
      return (o, i) => (isValid(c, i) ? integer(o, v[i] as number) : o.bytes(nul));
    }
    case "int64":
    case "uint64": {
      const a = c.values as BigInt64Array;
      const w = new Int32Array(a.buffer, a.byteOffset, 2 * a.length);
      const signed = kind === "int64";
      return (o, i) => {
        if (!isValid(c, i)) return o.bytes(nul);
        const hi = signed ? (w[2 * i + 1] as number) : (w[2 * i + 1] as number) >>> 0;
        const v = hi * 4294967296 + ((w[2 * i] as number) >>> 0);
        // exact below 2^53; beyond, the decimal text of the words
        if (Math.abs(hi) < 2097152) integer(o, v);
        else o.text(String(a[i]));
      };
    }
    case "float32":
    case "float64": {
      const v = c.values as Float64Array;
      const nulls = c.validity !== null;
      return (o, i) => {
        if (nulls && !isValid(c, i)) return o.bytes(nul);
        const x = v[i] as number;
        if (Number.isNaN(x)) return o.bytes(r.nanText);
        float(o, x);
      };
    }
    case "bool": {
      const bits = c.values as Uint8Array;
      const yes = encoder.encode("True");
      const no = encoder.encode("False");
      return (o, i) => {
        if (!isValid(c, i)) return o.bytes(nul);
        const j = c.offset + i;
        o.bytes((((bits[j >>> 3] as number) >>> (j & 7)) & 1) === 1 ? yes : no);
      };
    }
    case "utf8": {
      const bytes = c.values as Uint8Array;
      const offs = c.valueOffsets as Int32Array;
      if (c.validity === null)
        return (o, i) => textField(o, bytes, offs[i] as number, offs[i + 1] as number, r);
      return (o, i) =>
        isValid(c, i) ? textField(o, bytes, offs[i] as number, offs[i + 1] as number, r) : o.bytes(nul);
    }
    default:
      return null;
  }
}

/**
 * The shortest decimal that reads back to x. When x is m / 10^6 exactly for
 * an integer m below 10^15, m's digits with the point (trailing zeros
 * dropped) are that decimal: two decimals of at most 15 significant digits
 * never round to the same double, and the reader's own fast path divides
 * the same way. Anything else is JS's shortest form, String(x).
 */
function float(o: Out, x: number): void {
  const a = Math.abs(x);
  const m = Math.round(a * 1e6);
  if (m < 1e15 && m / 1e6 === a) {
    o.need(24);
    const b = o.buf;
    if (x < 0 || Object.is(x, -0)) b[o.pos++] = 45;
    const whole = Math.floor(m / 1e6);
    let frac = m - whole * 1e6;
    digits(o, whole);
    if (frac === 0) return;
    let width = 6;
    while (frac % 10 === 0) {
      frac /= 10;
      width--;
    }
    const p = o.pos;
    b[p] = 46;
    for (let k = p + width; k > p; k--) {
      b[k] = 48 + (frac % 10);
      frac = Math.floor(frac / 10);
    }
    o.pos = p + 1 + width;
    return;
  }
  o.text(String(x));
}

/** A string field from its UTF-8 bytes, quoted (quotes doubled) when it holds the delimiter, a quote or a line break, is empty, or equals the null text. */
export function textField(o: Out, bytes: Uint8Array, s: number, e: number, r: FieldRules): void {
  let quote = r.quoteAll || e === s;
  if (!quote) {
    // copy while looking for bytes that need quotes; start again quoted if one turns up
    o.need(e - s);
    const b = o.buf;
    const d = r.delimiter;
    let p = o.pos;
    for (let k = s; k < e; k++) {
      const c = bytes[k] as number;
      if (c === d || c === 34 || c === 10 || c === 13) {
        quote = true;
        break;
      }
      b[p++] = c;
    }
    if (!quote && e - s === r.nullText.length) {
      let same = true;
      for (let k = 0; k < e - s && same; k++) same = bytes[s + k] === r.nullText[k];
      quote = same;
    }
    if (!quote) {
      o.pos = p;
      return;
    }
  }
  o.need(2 * (e - s) + 2);
  const b = o.buf;
  let p = o.pos;
  b[p++] = 34;
  for (let k = s; k < e; k++) {
    const c = bytes[k] as number;
    if (c === 34) b[p++] = 34;
    b[p++] = c;
  }
  b[p++] = 34;
  o.pos = p;
}

/**
 * Arrow bitmaps: one bit per element, least-significant bit first, used for
 * validity (1 = valid) and for bool values. Positions carry a bit offset so
 * that sliced Arrow data is read in place.
 * @internal
 */

/** Bytes needed for `n` bits, rounded up to a multiple of 8 as Arrow pads. */
export function bitmapBytes(n: number): number {
  return ((n + 63) >>> 6) << 3;
}

/** Read bit `i` of a bitmap. */
export function getBit(bits: Uint8Array, i: number): boolean {
  return ((bits[i >>> 3] as number) & (1 << (i & 7))) !== 0;
}

/** Set bit `i` of a bitmap to 1 (in a builder's buffer). */
export function setBit(bits: Uint8Array, i: number): void {
  bits[i >>> 3] = (bits[i >>> 3] as number) | (1 << (i & 7));
}

/** Set bit `i` of a bitmap to 0 (in a builder's buffer). */
export function clearBit(bits: Uint8Array, i: number): void {
  bits[i >>> 3] = (bits[i >>> 3] as number) & ~(1 << (i & 7));
}

const POPCOUNT = /* @__PURE__ */ (() => {
  const t = new Uint8Array(256);
  for (let i = 1; i < 256; i++) t[i] = (i & 1) + (t[i >>> 1] as number);
  return t;
})();

/** Count the set bits in `[offset, offset + length)`. */
export function countBits(bits: Uint8Array, offset: number, length: number): number {
  let n = 0;
  let i = offset;
  const end = offset + length;
  // leading partial byte
  while (i < end && (i & 7) !== 0) {
    if (getBit(bits, i)) n++;
    i++;
  }
  // whole bytes
  const lastByte = end >>> 3;
  for (let b = i >>> 3; b < lastByte; b++) n += POPCOUNT[bits[b] as number] as number;
  i = Math.max(i, lastByte << 3);
  // trailing partial byte
  for (; i < end; i++) if (getBit(bits, i)) n++;
  return n;
}

/** Copy `length` bits starting at `offset` into a new bitmap starting at bit 0. */
export function sliceBits(bits: Uint8Array, offset: number, length: number): Uint8Array {
  const out = new Uint8Array(bitmapBytes(length));
  if ((offset & 7) === 0) {
    const start = offset >>> 3;
    out.set(bits.subarray(start, start + ((length + 7) >>> 3)));
    // clear the bits past the end in the last byte
    if (length & 7) out[length >>> 3] = (out[length >>> 3] as number) & ((1 << (length & 7)) - 1);
    return out;
  }
  for (let i = 0; i < length; i++) if (getBit(bits, offset + i)) setBit(out, i);
  return out;
}

/** Copy `length` bits from `src` at `srcOffset` into `dst` at `dstOffset`. */
export function copyBits(
  dst: Uint8Array,
  dstOffset: number,
  src: Uint8Array,
  srcOffset: number,
  length: number,
): void {
  if ((dstOffset & 7) === 0 && (srcOffset & 7) === 0 && (length & 7) === 0) {
    dst.set(src.subarray(srcOffset >>> 3, (srcOffset + length) >>> 3), dstOffset >>> 3);
    return;
  }
  for (let i = 0; i < length; i++) {
    if (getBit(src, srcOffset + i)) setBit(dst, dstOffset + i);
    else clearBit(dst, dstOffset + i);
  }
}

/** A bitmap of `length` bits, all set (or all clear). */
export function filledBits(length: number, value: boolean): Uint8Array {
  const out = new Uint8Array(bitmapBytes(length));
  if (value) {
    out.fill(0xff, 0, length >>> 3);
    if (length & 7) out[length >>> 3] = (1 << (length & 7)) - 1;
  }
  return out;
}

/**
 * AND two optional validity bitmaps into a fresh one at offset 0, or null
 * when both inputs are null (all valid). Used by every binary kernel to
 * propagate nulls.
 */
export function andValidity(
  a: Uint8Array | null,
  aOffset: number,
  b: Uint8Array | null,
  bOffset: number,
  length: number,
): Uint8Array | null {
  if (a === null && b === null) return null;
  if (a === null) return sliceBits(b as Uint8Array, bOffset, length);
  if (b === null) return sliceBits(a, aOffset, length);
  if ((aOffset & 7) === 0 && (bOffset & 7) === 0) {
    const out = new Uint8Array(bitmapBytes(length));
    const n = (length + 7) >>> 3;
    const ao = aOffset >>> 3;
    const bo = bOffset >>> 3;
    for (let i = 0; i < n; i++) out[i] = (a[ao + i] as number) & (b[bo + i] as number);
    if (length & 7) out[length >>> 3] = (out[length >>> 3] as number) & ((1 << (length & 7)) - 1);
    return out;
  }
  const out = new Uint8Array(bitmapBytes(length));
  for (let i = 0; i < length; i++) if (getBit(a, aOffset + i) && getBit(b, bOffset + i)) setBit(out, i);
  return out;
}

/** Pack a byte-per-element mask (non-zero = set) into a bitmap. */
export function packBits(bytes: ArrayLike<number>, length = bytes.length): Uint8Array {
  const out = new Uint8Array(bitmapBytes(length));
  for (let i = 0; i < length; i++) if (bytes[i]) out[i >>> 3] = (out[i >>> 3] as number) | (1 << (i & 7));
  return out;
}

/** Unpack `length` bits starting at `offset` into one byte (0 or 1) per element. */
export function unpackBits(bits: Uint8Array, offset: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const j = offset + i;
    out[i] = ((bits[j >>> 3] as number) >>> (j & 7)) & 1;
  }
  return out;
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  andValidity,
  bitmapBytes,
  clearBit,
  copyBits,
  countBits,
  filledBits,
  getBit,
  packBits,
  setBit,
  sliceBits,
  unpackBits,
} from "../../src/core/bitmap.js";

// Naive reference: a bitmap is a boolean array; bit i lives in byte i >> 3 at position i % 8
// (least-significant bit first, as the Arrow columnar format specifies).
function toBitmap(bits: boolean[]): Uint8Array {
  const out = new Uint8Array(Math.ceil(bits.length / 8) + 1);
  bits.forEach((b, i) => {
    if (b) out[Math.floor(i / 8)] = (out[Math.floor(i / 8)] as number) | (2 ** (i % 8));
  });
  return out;
}
function fromBitmap(bytes: Uint8Array, offset: number, length: number): boolean[] {
  return Array.from(
    { length },
    (_, i) => Math.floor((bytes[Math.floor((offset + i) / 8)] as number) / 2 ** ((offset + i) % 8)) % 2 === 1,
  );
}

const OPTS = { seed: 42, numRuns: 300 };

/** Random bits, plus an offset and a length that fit inside them (0..200 bits). */
const window = fc
  .array(fc.boolean(), { minLength: 0, maxLength: 230 })
  .chain((bits) =>
    fc
      .tuple(fc.constant(bits), fc.integer({ min: 0, max: Math.min(bits.length, 29) }))
      .chain(([b, off]) =>
        fc.tuple(
          fc.constant(b),
          fc.constant(off),
          fc.integer({ min: 0, max: Math.min(b.length - off, 200) }),
        ),
      ),
  );

describe("bitmap helpers", () => {
  it("bitmapBytes(n) rounds up to a multiple of 8 bytes, as Arrow pads buffers to 64 bits", () => {
    expect(bitmapBytes(0)).toBe(0);
    expect(bitmapBytes(1)).toBe(8);
    expect(bitmapBytes(64)).toBe(8);
    expect(bitmapBytes(65)).toBe(16);
  });

  it("getBit/setBit/clearBit address bit i LSB-first", () => {
    const b = new Uint8Array(2);
    setBit(b, 0);
    setBit(b, 9);
    expect(Array.from(b)).toEqual([0b00000001, 0b00000010]);
    expect(getBit(b, 9)).toBe(true);
    expect(getBit(b, 8)).toBe(false);
    clearBit(b, 0);
    expect(Array.from(b)).toEqual([0, 2]);
  });

  it("filledBits(n, v) sets exactly n bits", () => {
    expect(Array.from(filledBits(11, true).subarray(0, 2))).toEqual([0xff, 0b111]);
    expect(countBits(filledBits(11, true), 0, 64)).toBe(11);
    expect(countBits(filledBits(11, false), 0, 64)).toBe(0);
  });

  it("countBits(bits, offset, length) matches a naive count (property, any offset)", () => {
    fc.assert(
      fc.property(window, ([bits, off, len]) => {
        const naive = bits.slice(off, off + len).filter(Boolean).length;
        expect(countBits(toBitmap(bits), off, len)).toBe(naive);
      }),
      OPTS,
    );
  });

  it("sliceBits(bits, offset, length) copies the window to bit 0 and clears the rest (property)", () => {
    fc.assert(
      fc.property(window, ([bits, off, len]) => {
        const out = sliceBits(toBitmap(bits), off, len);
        expect(out.length).toBe(bitmapBytes(len));
        expect(fromBitmap(out, 0, len)).toEqual(bits.slice(off, off + len));
        // no stray bits past the end
        expect(countBits(out, 0, out.length * 8)).toBe(bits.slice(off, off + len).filter(Boolean).length);
      }),
      OPTS,
    );
  });

  it("copyBits(dst, dstOffset, src, srcOffset, length) writes the window and leaves other bits (property)", () => {
    fc.assert(
      fc.property(
        window,
        fc.array(fc.boolean(), { minLength: 230, maxLength: 230 }),
        fc.integer({ min: 0, max: 29 }),
        ([bits, off, len], dstBits, dstOff) => {
          const dst = toBitmap(dstBits);
          copyBits(dst, dstOff, toBitmap(bits), off, len);
          const expected = dstBits.slice();
          for (let i = 0; i < len; i++) expected[dstOff + i] = bits[off + i] as boolean;
          expect(fromBitmap(dst, 0, 230)).toEqual(expected);
        },
      ),
      OPTS,
    );
  });

  it("copyBits with byte-aligned offsets and lengths takes the byte path and agrees with the reference", () => {
    const src = toBitmap(Array.from({ length: 64 }, (_, i) => i % 3 === 0));
    const dst = new Uint8Array(16).fill(0xff);
    copyBits(dst, 16, src, 8, 32);
    const expected = [
      ...Array(16).fill(true),
      ...Array.from({ length: 32 }, (_, i) => (i + 8) % 3 === 0),
      ...Array(16).fill(true),
    ];
    expect(fromBitmap(dst, 0, 64)).toEqual(expected);
  });

  it("andValidity(a, ao, b, bo, n) is the element-wise AND, with null meaning all valid (property)", () => {
    const side = fc.option(fc.array(fc.boolean(), { minLength: 230, maxLength: 230 }), { nil: null });
    fc.assert(
      fc.property(
        side,
        side,
        fc.integer({ min: 0, max: 29 }),
        fc.integer({ min: 0, max: 29 }),
        fc.integer({ min: 0, max: 200 }),
        (a, b, ao, bo, n) => {
          const out = andValidity(a && toBitmap(a), ao, b && toBitmap(b), bo, n);
          if (a === null && b === null) {
            expect(out).toBeNull();
            return;
          }
          const expected = Array.from(
            { length: n },
            (_, i) => (a ? a[ao + i] : true) && (b ? b[bo + i] : true),
          );
          expect(out).not.toBeNull();
          expect(fromBitmap(out as Uint8Array, 0, n)).toEqual(expected);
          expect(countBits(out as Uint8Array, 0, (out as Uint8Array).length * 8)).toBe(
            expected.filter(Boolean).length,
          );
        },
      ),
      OPTS,
    );
  });

  it("andValidity with both offsets byte-aligned agrees with the reference", () => {
    const a = Array.from({ length: 100 }, (_, i) => i % 2 === 0);
    const b = Array.from({ length: 100 }, (_, i) => i % 3 === 0);
    const out = andValidity(toBitmap(a), 8, toBitmap(b), 16, 61) as Uint8Array;
    expect(fromBitmap(out, 0, 61)).toEqual(Array.from({ length: 61 }, (_, i) => a[8 + i] && b[16 + i]));
    expect(countBits(out, 0, out.length * 8)).toBe(
      Array.from({ length: 61 }, (_, i) => a[8 + i] && b[16 + i]).filter(Boolean).length,
    );
  });

  it("packBits(bytes) and unpackBits(bits, offset, length) round-trip (property)", () => {
    fc.assert(
      fc.property(window, ([bits, off, len]) => {
        const bytes = bits.map((b) => (b ? 1 : 0));
        const packed = packBits(bytes);
        expect(packed.length).toBe(bitmapBytes(bits.length));
        expect(fromBitmap(packed, 0, bits.length)).toEqual(bits);
        expect(Array.from(unpackBits(packed, off, len))).toEqual(bytes.slice(off, off + len));
        expect(Array.from(unpackBits(toBitmap(bits), off, len))).toEqual(bytes.slice(off, off + len));
      }),
      OPTS,
    );
  });

  it("packBits(bytes, length) treats any non-zero byte as set and stops at length", () => {
    const packed = packBits([0, 2, 255, 0, 1], 4);
    expect(fromBitmap(packed, 0, 8)).toEqual([false, true, true, false, false, false, false, false]);
  });
});

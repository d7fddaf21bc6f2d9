/**
 * argmin / argmax loops of the reductions, one per storage type (see
 * reduce-loops.ts).
 * @internal
 */

// ---------------------------------------------------------------------------
// argmin / argmax: position of the first smallest (largest) valid value, or
// -1. NaN never compares smaller, so float loops skip NaN for free once the
// first non-NaN value is found.

export function argminF64(
  a: Float64Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
): number {
  let k = -1;
  let m = 0;
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const x = a[i] as number;
    if (!Number.isNaN(x)) {
      k = i;
      m = x;
      start = i + 1;
      break;
    }
  }
  if (k < 0) return -1;
  if (vb === null) {
    for (let i = start; i < end; i++) {
      const x = a[i] as number;
      if (x < m) {
        m = x;
        k = i;
      }
    }
    return k;
  }
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if ((((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const x = a[i] as number;
    if (x < m) {
      m = x;
      k = i;
    }
  }
  return k;
}

export function argmaxF64(
  a: Float64Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
): number {
  let k = -1;
  let m = 0;
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const x = a[i] as number;
    if (!Number.isNaN(x)) {
      k = i;
      m = x;
      start = i + 1;
      break;
    }
  }
  if (k < 0) return -1;
  if (vb === null) {
    for (let i = start; i < end; i++) {
      const x = a[i] as number;
      if (x > m) {
        m = x;
        k = i;
      }
    }
    return k;
  }
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if ((((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const x = a[i] as number;
    if (x > m) {
      m = x;
      k = i;
    }
  }
  return k;
}

export function argminI32(
  a: Int32Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
): number {
  let k = -1;
  let m = 2147483648;
  if (vb === null) {
    // start from the first element so that m stays an int32 in V8 (an
    // initial 2^31 would make every comparison a float one)
    if (start >= end) return -1;
    k = start;
    m = a[start] as number;
    for (let i = start + 1; i < end; i++) {
      const x = a[i] as number;
      if (x < m) {
        m = x;
        k = i;
      }
    }
    return k;
  }
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const x = a[i] as number;
    if (x < m) {
      m = x;
      k = i;
    }
  }
  return k;
}

export function argmaxI32(
  a: Int32Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
): number {
  let k = -1;
  let m = -2147483649;
  if (vb === null) {
    // start from the first element so that m stays an int32 in V8 (an
    // initial 2^31 would make every comparison a float one)
    if (start >= end) return -1;
    k = start;
    m = a[start] as number;
    for (let i = start + 1; i < end; i++) {
      const x = a[i] as number;
      if (x > m) {
        m = x;
        k = i;
      }
    }
    return k;
  }
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const x = a[i] as number;
    if (x > m) {
      m = x;
      k = i;
    }
  }
  return k;
}

/**
 * argmin over 64-bit words. `flip` is 0 for int64; for uint64 it is
 * 0x80000000, which maps unsigned high words onto the signed order.
 */
export function argminW64(
  u: Uint32Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
  flip: number,
): number {
  let k = -1;
  let mh = 2147483648;
  let ml = 0;
  if (vb === null) {
    // start from the first element: mh stays an int32 in V8 (see argminI32)
    if (start >= end) return -1;
    k = start;
    mh = (u[2 * start + 1] as number) ^ flip;
    ml = u[2 * start] as number;
    for (let i = start + 1; i < end; i++) {
      const h = (u[2 * i + 1] as number) ^ flip;
      if (h < mh || (h === mh && (u[2 * i] as number) < ml)) {
        mh = h;
        ml = u[2 * i] as number;
        k = i;
      }
    }
    return k;
  }
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const h = (u[2 * i + 1] as number) ^ flip;
    if (h < mh || (h === mh && (u[2 * i] as number) < ml)) {
      mh = h;
      ml = u[2 * i] as number;
      k = i;
    }
  }
  return k;
}

export function argmaxW64(
  u: Uint32Array,
  start: number,
  end: number,
  vb: Uint8Array | null,
  voff: number,
  flip: number,
): number {
  let k = -1;
  let mh = -2147483649;
  let ml = 0;
  if (vb === null) {
    // start from the first element: mh stays an int32 in V8 (see argminI32)
    if (start >= end) return -1;
    k = start;
    mh = (u[2 * start + 1] as number) ^ flip;
    ml = u[2 * start] as number;
    for (let i = start + 1; i < end; i++) {
      const h = (u[2 * i + 1] as number) ^ flip;
      if (h > mh || (h === mh && (u[2 * i] as number) > ml)) {
        mh = h;
        ml = u[2 * i] as number;
        k = i;
      }
    }
    return k;
  }
  for (let i = start; i < end; i++) {
    const j = voff + i;
    if (vb !== null && (((vb[j >>> 3] as number) >>> (j & 7)) & 1) === 0) continue;
    const h = (u[2 * i + 1] as number) ^ flip;
    if (h > mh || (h === mh && (u[2 * i] as number) > ml)) {
      mh = h;
      ml = u[2 * i] as number;
      k = i;
    }
  }
  return k;
}

/**
 * Shared fast-check arbitraries and naive references for the take, filter,
 * sort and rank tests: random columns of many dtypes, with nulls, slices
 * and several chunks.
 */
import fc from "fast-check";
import { Column } from "../../../src/core/column.js";
import { column } from "../../../src/core/from-values.js";

export const KINDS = [
  "float64",
  "float32",
  "int32",
  "int8",
  "uint16",
  "uint32",
  "int64",
  "uint64",
  "bool",
  "utf8",
  "large_utf8",
  "dictionary<int8, utf8>",
  "date",
  "timestamp[ms]",
] as const;
export type Kind = (typeof KINDS)[number];

const WORDS = ["", "a", "ab", "b", "B", "é", "\uFFFF", "😀", "a\u0000", "zz"];

function scalar(kind: Kind): fc.Arbitrary<unknown> {
  switch (kind) {
    case "float64":
      return fc.oneof(
        fc.double(),
        fc.constantFrom(0, -0, 1, -1, 2.5, Number.NaN, Infinity, -Infinity, 1e300, -5e-324),
      );
    case "float32":
      return fc.oneof(fc.float(), fc.constantFrom(0, -0, 1, -1, Number.NaN, Infinity));
    case "int32":
    case "date":
      return fc.oneof(fc.integer(), fc.integer({ min: -3, max: 3 }));
    case "int8":
      return fc.integer({ min: -128, max: 127 });
    case "uint16":
      return fc.integer({ min: 0, max: 65535 });
    case "uint32":
      return fc.oneof(fc.integer({ min: 0, max: 4294967295 }), fc.integer({ min: 0, max: 3 }));
    case "int64":
    case "timestamp[ms]":
      return fc.oneof(
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
        fc.constantFrom(0n, -1n, 2n ** 53n, 2n ** 53n + 1n, -(2n ** 53n) - 1n, 2n ** 62n),
      );
    case "uint64":
      return fc.oneof(
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
        fc.constantFrom(0n, 2n ** 63n, 2n ** 63n + 1n, 2n ** 53n + 1n),
      );
    case "bool":
      return fc.boolean();
    case "utf8":
    case "large_utf8":
    case "dictionary<int8, utf8>":
      return fc.oneof(fc.string({ unit: "binary", maxLength: 6 }), fc.constantFrom(...WORDS));
  }
}

/** Values of one kind, about one in five null. */
export function valuesOf(kind: Kind, maxLength = 40, minLength = 0): fc.Arbitrary<unknown[]> {
  const s = scalar(kind);
  return fc.array(fc.option(s, { freq: 5, nil: null }), { minLength, maxLength });
}

/** A column from values, laid out as one chunk, a slice or two chunks. */
export function layout(kind: Kind, values: unknown[], how: number): Column {
  if (how === 0 || values.length < 2) return column(values, kind);
  if (how === 1) {
    // a slice at a non-zero, non-byte-aligned offset
    const pad = [values[0], values[1], values[0]];
    return column([...pad, ...values], kind).slice(3);
  }
  const k = values.length >> 1;
  if (kind.startsWith("dictionary")) {
    // chunks must share one dictionary: two slices of one column
    const whole = column(values, kind);
    const a = whole.slice(0, k);
    const b = whole.slice(k);
    return new Column(whole.dtype, [...a.chunks, ...b.chunks]);
  }
  const a = column(values.slice(0, k), kind);
  const b = column(values.slice(k), kind).slice(0);
  return new Column(a.dtype, [...a.chunks, ...b.chunks]);
}

/** A random column: kind, values, layout. */
export const columnArb = (maxLength = 40) =>
  fc
    .constantFrom(...KINDS)
    .chain((kind) => fc.tuple(fc.constant(kind), valuesOf(kind, maxLength), fc.integer({ min: 0, max: 2 })));

export const isMissing = (v: unknown): boolean => v === null || (typeof v === "number" && Number.isNaN(v));

/** Naive order of two non-missing values: numbers, bigints, booleans, strings by UTF-8 bytes. */
export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === "string" && typeof b === "string") return Buffer.compare(Buffer.from(a), Buffer.from(b));
  if (typeof a === "boolean") return Number(a) - Number(b as boolean);
  const x = a as number;
  const y = b as number;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Reference argsort: Array.prototype.sort (stable) with a comparator. */
export function naiveArgsort(keys: unknown[][], desc: boolean[], nullsFirst: boolean): number[] {
  const n = keys[0]?.length ?? 0;
  const idx = Array.from({ length: n }, (_, i) => i);
  return idx.sort((i, j) => {
    for (const [k, vals] of keys.entries()) {
      const a = vals[i];
      const b = vals[j];
      const ma = isMissing(a);
      const mb = isMissing(b);
      if (ma && mb) continue;
      if (ma) return nullsFirst ? -1 : 1;
      if (mb) return nullsFirst ? 1 : -1;
      const c = compareValues(a, b);
      if (c !== 0) return desc[k] ? -c : c;
    }
    return 0;
  });
}

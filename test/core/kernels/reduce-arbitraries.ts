/**
 * fast-check generators of columns for the reduction, cumulative and shift
 * property tests: random dtype, length, null pattern, slice offset and
 * chunking. Tests read the expected values through `toArray()`.
 */
import fc from "fast-check";
import { Column } from "../../../src/core/column.js";
import { column } from "../../../src/core/from-values.js";

export const NUMERIC = [
  "int8",
  "int16",
  "int32",
  "int64",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "float32",
  "float64",
  "bool",
] as const;
export type NumericName = (typeof NUMERIC)[number];

const RANGE: Record<string, [number, number]> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  uint8: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 4294967295],
};

/** Values of one dtype, sometimes extreme. */
export function arbValue(dtype: NumericName): fc.Arbitrary<unknown> {
  switch (dtype) {
    case "int64":
      return fc.oneof(fc.bigInt(-1000n, 1000n), fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n));
    case "uint64":
      return fc.oneof(fc.bigInt(0n, 1000n), fc.bigInt(0n, 2n ** 64n - 1n));
    case "float32":
    case "float64":
      return fc.oneof(
        { weight: 8, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
        { weight: 1, arbitrary: fc.integer({ min: -5, max: 5 }) },
        { weight: 1, arbitrary: fc.constant(Number.NaN) },
      );
    case "bool":
      return fc.boolean();
    default: {
      const [lo, hi] = RANGE[dtype] as [number, number];
      return fc.oneof(
        fc.integer({ min: Math.max(lo, -100), max: Math.min(hi, 100) }),
        fc.integer({ min: lo, max: hi }),
      );
    }
  }
}

/** A column plus a description of how it was built (for failure messages). */
export interface Case {
  col: Column;
  dtype: NumericName;
  how: string;
}

/**
 * Build `values` as a column of `dtype`: optionally after `skip` leading junk
 * values removed by a zero-copy slice, optionally split into chunks at `cuts`.
 */
export function build(values: unknown[], dtype: NumericName, skip: unknown[], cuts: number[]): Case {
  const pieces: unknown[][] = [];
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    if (c > at && c < values.length) {
      pieces.push(values.slice(at, c));
      at = c;
    }
  }
  pieces.push(values.slice(at));
  const chunks = pieces.flatMap((p, i) => {
    const junk = i === 0 ? skip : [];
    return column([...junk, ...p], dtype).slice(junk.length).chunks;
  });
  const col = new Column(column([], dtype).dtype, chunks);
  return { col, dtype, how: `${dtype} len ${values.length}, skip ${skip.length}, chunks ${pieces.length}` };
}

/** A random numeric column case. */
export const numericCase = (dtypes: readonly NumericName[] = NUMERIC): fc.Arbitrary<Case> =>
  fc
    .constantFrom(...dtypes)
    .chain((dtype) =>
      fc
        .tuple(
          fc.oneof(
            fc.array(fc.option(arbValue(dtype), { freq: 4 }), { maxLength: 40 }),
            fc.array(arbValue(dtype), { minLength: 1, maxLength: 3 }),
          ),
          fc.array(arbValue(dtype), { maxLength: 9 }),
          fc.array(fc.nat(40), { maxLength: 3 }),
        )
        .map(([values, skip, cuts]) => build(values, dtype, skip, cuts)),
    );

/**
 * The schema of a DataFrame in the type system: column names to dtypes,
 * inferred from literal constructors and carried through the verbs.
 */
import type { Column } from "../core/column.js";
import type {
  Bool,
  DType,
  Float32,
  Float64,
  Int8,
  Int16,
  Int32,
  Int64,
  UInt8,
  UInt16,
  UInt32,
  UInt64,
  Utf8,
} from "../core/dtype.js";
import type { Series } from "../series/series.js";

/** Column names to dtypes. */
export type Schema = { readonly [name: string]: DType };

/** The schema of a frame whose columns are not known to the compiler (read from a file, say). */
export type AnySchema = { readonly [name: string]: DType };

/** What a column of a frame can be built from. */
export type ColumnInput =
  | Column
  | Series
  | Float64Array
  | Float32Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array
  | readonly unknown[];

/** The dtype a column input gives (as `column()` infers it: JS numbers are float64). */
export type DTypeOfInput<V> =
  V extends Series<infer T>
    ? T
    : V extends Column<infer T>
      ? T
      : V extends Float64Array
        ? Float64
        : V extends Float32Array
          ? Float32
          : V extends Int32Array
            ? Int32
            : V extends Int16Array
              ? Int16
              : V extends Int8Array
                ? Int8
                : V extends Uint32Array
                  ? UInt32
                  : V extends Uint16Array
                    ? UInt16
                    : V extends Uint8Array
                      ? UInt8
                      : V extends BigInt64Array
                        ? Int64
                        : V extends BigUint64Array
                          ? UInt64
                          : V extends readonly (number | null | undefined)[]
                            ? Float64
                            : V extends readonly (string | null | undefined)[]
                              ? Utf8
                              : V extends readonly (boolean | null | undefined)[]
                                ? Bool
                                : V extends readonly (bigint | null | undefined)[]
                                  ? Int64
                                  : DType;

/** The schema of a record of column inputs. */
export type SchemaOf<R> = { readonly [K in keyof R & string]: DTypeOfInput<R[K]> };

/** Names of a schema's columns, as a string union (any string for `AnySchema`). */
export type ColumnName<S extends Schema> = keyof S & string;

/** `S` with its columns renamed by `M` (old name → new name). */
export type Renamed<S extends Schema, M extends { readonly [K in keyof S]?: string }> = {
  readonly [K in keyof S & string as K extends keyof M ? (M[K] extends string ? M[K] : K) : K]: S[K];
};

/** Flatten an intersection for readable hover types. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

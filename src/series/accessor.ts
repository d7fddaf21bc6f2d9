/**
 * The common part of the `.str`, `.dt` and `.cat` namespaces: the Series
 * they read and how they wrap a result column with its labels and name.
 * @internal
 */
import type { Column } from "../core/column.js";
import { type DType, dtypeToString } from "../core/dtype.js";
import { DTypeError } from "../core/errors.js";
import type { Series } from "./series.js";

/** A namespace of methods over one Series (pandas' accessors). */
export class Accessor<T extends DType = DType> {
  /** @internal The Series the methods read. */
  protected readonly series: Series<T>;
  readonly #wrap: <U extends DType>(column: Column<U>) => Series<U>;

  /** @internal Built by the Series getter, which checks the dtype with `accepts`. */
  constructor(series: Series<T>, wrap: <U extends DType>(column: Column<U>) => Series<U>) {
    this.series = series;
    this.#wrap = wrap;
  }

  /** @internal The Series' column. */
  protected get column(): Column<T> {
    return this.series.column;
  }

  /** @internal `column` with the Series' labels and name. */
  protected wrap<U extends DType>(column: Column<U>): Series<U> {
    return this.#wrap(column);
  }
}

/** The error of a namespace used on a Series of the wrong dtype. */
export function accessorError(name: string, expected: string, dtype: DType): DTypeError {
  return new DTypeError(`.${name} needs ${expected}; this Series holds ${dtypeToString(dtype)}`);
}

/**
 * Builder for list columns: each appended array's items go to a child
 * builder of the value dtype, and the list's end is recorded as an offset.
 * @internal
 */

import { show } from "../util/is.js";
import { bitmapBytes } from "./bitmap.js";
import { type ColumnBuilder, columnBuilder } from "./builder.js";
import { makeChunk, type StorageOf } from "./chunk.js";
import { Column } from "./column.js";
import type { DType, List } from "./dtype.js";
import { CastError } from "./errors.js";

/** Builder for `list<…>` columns: append arrays (or null). */
export class ListBuilder implements ColumnBuilder<List> {
  readonly dtype: List;
  length = 0;
  readonly #child: ColumnBuilder<DType>;
  #offsets = new Int32Array(64);
  #validity: Uint8Array | null = null;
  #nulls = 0;

  constructor(dtype: List) {
    this.dtype = dtype;
    this.#child = columnBuilder(dtype.value);
  }

  #next(end: number, valid: boolean): void {
    const i = this.length;
    if (i + 2 > this.#offsets.length) {
      const grown = new Int32Array(this.#offsets.length * 2);
      grown.set(this.#offsets);
      this.#offsets = grown;
    }
    this.#offsets[i + 1] = end;
    if (!valid) {
      if (this.#validity === null)
        this.#validity = new Uint8Array(bitmapBytes(Math.max(64, i + 1))).fill(255);
      this.#nulls++;
    }
    if (this.#validity !== null) {
      if (i >>> 3 >= this.#validity.length) {
        const grown = new Uint8Array(this.#validity.length * 2).fill(255);
        grown.set(this.#validity);
        this.#validity = grown;
      }
      if (!valid) this.#validity[i >>> 3] = (this.#validity[i >>> 3] as number) & ~(1 << (i & 7));
    }
    this.length++;
  }

  append(value: unknown[] | null | undefined): void {
    if (value === null || value === undefined) return this.appendNull();
    if (!Array.isArray(value)) {
      throw new CastError(
        `cannot store ${show(value)} at row ${this.length} in a list column (expected an array)`,
      );
    }
    for (const x of value) this.#child.append(x as never);
    this.#next(this.#child.length, true);
  }

  appendNull(): void {
    this.#next(this.#child.length, false);
  }

  finish(): Column<List> {
    const n = this.length;
    return Column.fromChunk(
      makeChunk({
        dtype: this.dtype,
        length: n,
        values: new Uint8Array(0) as StorageOf<List>,
        validity: this.#validity === null ? null : this.#validity.subarray(0, bitmapBytes(n)),
        nullCount: this.#nulls,
        valueOffsets: this.#offsets.slice(0, n + 1),
        child: this.#child.finish(),
      }),
    );
  }
}

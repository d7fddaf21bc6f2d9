/** `DataFrame.fromRecords` and `DataFrame.fromArrow`: frames from rows and from Arrow tables. */
import * as arrow from "apache-arrow";
import { columnFromArrow } from "../core/arrow.js";
import type { Column } from "../core/column.js";
import type { DType } from "../core/dtype.js";
import { DTypeError, KeyError } from "../core/errors.js";
import { column } from "../core/from-values.js";
import { isObject, show } from "../util/is.js";
import { unknownColumn } from "../util/names.js";
import { type DataFrame, DataFrameImpl, type FrameOptions, type FromRecordsOptions } from "./frame.js";

/** Build a frame from row objects (see `DataFrame.fromRecords`). */
export function fromRecords(
  records: readonly Readonly<Record<string, unknown>>[],
  options?: FromRecordsOptions,
): DataFrame {
  if (!Array.isArray(records))
    throw new DTypeError(`fromRecords expects an array of objects, got ${show(records)}`);
  const schema = options?.schema;
  const names: string[] = schema === undefined ? [] : Object.keys(schema);
  const seen = new Set(names);
  records.forEach((r, i) => {
    if (!isObject(r)) throw new DTypeError(`fromRecords: row ${i} is not an object: ${show(r)}`);
    for (const k of Object.keys(r)) {
      if (seen.has(k)) continue;
      if (schema !== undefined) {
        throw new KeyError(unknownColumn(k, names, `fromRecords: row ${i} has a key not in the schema`));
      }
      seen.add(k);
      names.push(k);
    }
  });
  const data = new Map<string, Column>();
  for (const n of names) {
    const values = records.map((r) => (Object.hasOwn(r, n) ? (r[n] ?? null) : null));
    try {
      data.set(n, schema === undefined ? column(values) : column(values, schema[n] as DType | string));
    } catch (e) {
      throw new DTypeError(`fromRecords: column ${JSON.stringify(n)}: ${(e as Error).message}`);
    }
  }
  return new DataFrameImpl(
    data,
    options?.index === undefined ? undefined : { index: options.index },
  ) as DataFrame;
}

/** Build a frame over the columns of an apache-arrow Table (no copy). */
export function fromArrow(table: arrow.Table, options?: FrameOptions): DataFrame {
  if (!(table instanceof arrow.Table))
    throw new DTypeError(`fromArrow expects an apache-arrow Table, got ${show(table)}`);
  const data = new Map<string, Column>();
  for (const field of table.schema.fields) {
    if (data.has(field.name))
      throw new KeyError(`fromArrow: duplicate column name ${JSON.stringify(field.name)}`);
    const child = table.getChild(field.name) as arrow.Vector;
    data.set(field.name, columnFromArrow(child));
  }
  return new DataFrameImpl(data, options) as DataFrame;
}

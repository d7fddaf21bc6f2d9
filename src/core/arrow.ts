/**
 * Zero-copy conversion between ndframe columns and apache-arrow `Data` /
 * `Vector`, and the one-to-one mapping between dtypes and Arrow types.
 */
import * as arrow from "apache-arrow";
import type { Chunk, StorageOf } from "./chunk.js";
import { makeChunk } from "./chunk.js";
import { Column } from "./column.js";
import {
  binary,
  bool,
  type DType,
  date,
  dictionary,
  duration,
  float32,
  float64,
  type IntegerType,
  int8,
  int16,
  int32,
  int64,
  largeUtf8,
  list,
  type StringType,
  type TimeUnit,
  time,
  timestamp,
  uint8,
  uint16,
  uint32,
  uint64,
  utf8,
} from "./dtype.js";
import { DTypeError } from "./errors.js";

const UNIT_TO_ARROW: Record<TimeUnit, arrow.TimeUnit> = {
  s: arrow.TimeUnit.SECOND,
  ms: arrow.TimeUnit.MILLISECOND,
  us: arrow.TimeUnit.MICROSECOND,
  ns: arrow.TimeUnit.NANOSECOND,
};
const UNIT_FROM_ARROW: TimeUnit[] = ["s", "ms", "us", "ns"];

/**
 * The apache-arrow DataType of a dtype.
 *
 * @example
 * ```ts
 * import { dtypeToArrow, timestamp } from "ndframe";
 * String(dtypeToArrow(timestamp("ms", "UTC"))); // => "Timestamp<MILLISECOND, UTC>"
 * ```
 */
export function dtypeToArrow(d: DType): arrow.DataType {
  switch (d.kind) {
    case "bool":
      return new arrow.Bool();
    case "int8":
      return new arrow.Int8();
    case "int16":
      return new arrow.Int16();
    case "int32":
      return new arrow.Int32();
    case "int64":
      return new arrow.Int64();
    case "uint8":
      return new arrow.Uint8();
    case "uint16":
      return new arrow.Uint16();
    case "uint32":
      return new arrow.Uint32();
    case "uint64":
      return new arrow.Uint64();
    case "float32":
      return new arrow.Float32();
    case "float64":
      return new arrow.Float64();
    case "utf8":
      return new arrow.Utf8();
    case "large_utf8":
      return new arrow.LargeUtf8();
    case "binary":
      return new arrow.Binary();
    case "date":
      return new arrow.DateDay();
    case "timestamp":
      return new arrow.Timestamp(UNIT_TO_ARROW[d.unit], d.tz);
    case "duration":
      return new arrow.Duration(UNIT_TO_ARROW[d.unit]);
    case "time":
      return d.unit === "ns" ? new arrow.TimeNanosecond() : new arrow.TimeMicrosecond();
    case "dictionary":
      return new arrow.Dictionary(
        dtypeToArrow(d.value),
        dtypeToArrow(d.index) as arrow.Int32,
        undefined,
        d.ordered,
      );
    case "list":
      return new arrow.List(new arrow.Field("item", dtypeToArrow(d.value), true));
  }
}

/**
 * The dtype of an apache-arrow DataType. Throws a `DTypeError` naming the
 * Arrow type for types ndframe does not hold (half floats, date64, lists…).
 */
export function dtypeFromArrow(t: arrow.DataType): DType {
  switch (t.typeId) {
    case arrow.Type.Bool:
      return bool;
    case arrow.Type.Int: {
      const i = t as arrow.Int;
      const map: Record<number, [DType, DType]> = {
        8: [int8, uint8],
        16: [int16, uint16],
        32: [int32, uint32],
        64: [int64, uint64],
      };
      const pair = map[i.bitWidth];
      if (pair) return i.isSigned ? pair[0] : pair[1];
      break;
    }
    case arrow.Type.Float: {
      const p = (t as arrow.Float).precision;
      if (p === arrow.Precision.SINGLE) return float32;
      if (p === arrow.Precision.DOUBLE) return float64;
      break;
    }
    case arrow.Type.Utf8:
      return utf8;
    case arrow.Type.LargeUtf8:
      return largeUtf8;
    case arrow.Type.Binary:
      return binary;
    case arrow.Type.Date:
      if ((t as arrow.Date_).unit === arrow.DateUnit.DAY) return date;
      break;
    case arrow.Type.Timestamp: {
      const ts = t as arrow.Timestamp;
      return timestamp(UNIT_FROM_ARROW[ts.unit] as TimeUnit, ts.timezone ?? null);
    }
    case arrow.Type.Duration:
      return duration(UNIT_FROM_ARROW[(t as arrow.Duration).unit] as TimeUnit);
    case arrow.Type.Time: {
      const u = UNIT_FROM_ARROW[(t as arrow.Time).unit] as TimeUnit;
      if ((t as arrow.Time).bitWidth === 64 && (u === "us" || u === "ns")) return time(u);
      throw new DTypeError(
        `unsupported Arrow type: ${String(t)} (Time32 stores int32 seconds or milliseconds; ndframe holds Time64<MICROSECOND|NANOSECOND> only: cast it to time64 first)`,
      );
    }
    case arrow.Type.Dictionary: {
      const dt = t as arrow.Dictionary;
      const value = dtypeFromArrow(dt.dictionary);
      const index = dtypeFromArrow(dt.indices);
      if (value.kind === "utf8" || value.kind === "large_utf8") {
        return dictionary(index as IntegerType, value, dt.isOrdered);
      }
      throw new DTypeError(
        `unsupported Arrow type: ${String(t)} (dictionaries must hold utf8 or large_utf8 values)`,
      );
    }
    case arrow.Type.List:
      return list(dtypeFromArrow((t as arrow.List).valueType));
  }
  throw new DTypeError(`unsupported Arrow type: ${String(t)}`);
}

type ArrowInput = arrow.Vector | arrow.Data | readonly arrow.Data[];

/**
 * Make a column that views the buffers of apache-arrow data: no value,
 * validity or offset buffer is copied. Each Arrow `Data` becomes one chunk.
 *
 * @param input - a `Vector`, a `Data`, or an array of `Data` of one type
 * @example
 * ```ts
 * import { vectorFromArray } from "apache-arrow";
 * import { columnFromArrow } from "ndframe";
 * const col = columnFromArrow(vectorFromArray([1, 2, 3]));
 * col.dtype.kind; // => "float64"
 * ```
 */
export function columnFromArrow(input: ArrowInput): Column {
  const datas: readonly arrow.Data[] =
    input instanceof arrow.Vector ? input.data : input instanceof arrow.Data ? [input] : input;
  if (datas.length === 0) throw new DTypeError("cannot make a column from zero Arrow Data without a type");
  const dtype = dtypeFromArrow((datas[0] as arrow.Data).type);
  // Chunks that share one Arrow dictionary share one dictionary column.
  const dicts = new Map<arrow.Vector, Column<StringType>>();
  const chunks = datas.map((d) => chunkFromData(d, dtype, dicts));
  return new Column(dtype, chunks);
}

function chunkFromData(d: arrow.Data, dtype: DType, dicts: Map<arrow.Vector, Column<StringType>>): Chunk {
  let dict: Column<StringType> | null = null;
  if (dtype.kind === "dictionary") {
    const v = d.dictionary;
    if (v === undefined) throw new DTypeError("Arrow dictionary data without a dictionary");
    dict = dicts.get(v) ?? (columnFromArrow(v) as Column<StringType>);
    dicts.set(v, dict);
  }
  const nullCount = d.nullCount;
  const child = dtype.kind === "list" ? columnFromArrow(d.children[0] as arrow.Data) : null;
  return makeChunk({
    dtype,
    length: d.length,
    offset: d.offset,
    values: d.values as StorageOf<DType>,
    validity: nullCount > 0 ? (d.nullBitmap as Uint8Array) : null,
    nullCount,
    valueOffsets: d.valueOffsets ?? null,
    dictionary: dict,
    child,
  });
}

/**
 * The apache-arrow `Data` viewing one chunk's buffers (no copy). `type` and
 * `dicts` let `columnToArrow` give every chunk one Arrow type (one
 * dictionary id) and one Arrow dictionary vector per shared dictionary.
 */
export function chunkToData(
  c: Chunk,
  type: arrow.DataType = dtypeToArrow(c.dtype),
  dicts: Map<Column, arrow.Vector> = new Map(),
): arrow.Data {
  const props: Record<string, unknown> = {
    type,
    offset: c.offset,
    length: c.length,
    nullCount: c.nullCount,
    nullBitmap: c.validity ?? undefined,
    data: c.values,
  };
  if (c.valueOffsets !== null) props.valueOffsets = c.valueOffsets;
  if (c.child !== null) {
    // Arrow's list Data holds one child Data: the child column in one chunk
    props.child = chunkToData(c.child.combine(), (type as arrow.List).valueType, dicts);
  }
  if (c.dictionary !== null) {
    let dict = dicts.get(c.dictionary);
    if (dict === undefined) {
      dict = columnToArrow(c.dictionary);
      dicts.set(c.dictionary, dict);
    }
    props.dictionary = dict;
  }
  // makeData is overloaded per type; the props above are valid for the type built here.
  return arrow.makeData(props as unknown as Parameters<typeof arrow.makeData>[0]);
}

/**
 * Make an apache-arrow `Vector` over the column's buffers: one `Data` per
 * chunk, nothing copied. Chunks that share a dictionary share one Arrow
 * dictionary vector, and all chunks share one Arrow type.
 *
 * @param col - any column
 * @returns a Vector whose Data view the column's values, validity and offsets
 * @example
 * ```ts
 * import { column, columnToArrow, int32 } from "ndframe";
 * const v = columnToArrow(column([1, 2, null], int32));
 * v.get(0); // => 1
 * v.get(2); // => null
 * ```
 */
export function columnToArrow(col: Column): arrow.Vector {
  const type = dtypeToArrow(col.dtype);
  const dicts = new Map<Column, arrow.Vector>();
  return new arrow.Vector(col.chunks.map((c) => chunkToData(c, type, dicts)));
}

/**
 * The time-of-day dtype (Arrow Time64, pandas' `datetime.time` values):
 * factory, names, Arrow/Parquet round trips, display, casts, ordering,
 * hashing and the errors of what it does not support. Expected counts are
 * computed by hand in each test: 09:30:00 is 9·3600 + 30·60 = 34200 s.
 */
import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { columnFromArrow, columnToArrow, dtypeFromArrow, dtypeToArrow } from "../../src/core/arrow.js";
import { Column } from "../../src/core/column.js";
import {
  arrayType,
  checkDType,
  dtypeEquals,
  dtypeToString,
  duration,
  int64,
  isBigIntStorage,
  isTemporal,
  parseDType,
  time,
  timestamp,
} from "../../src/core/dtype.js";
import { CastError, DTypeError } from "../../src/core/errors.js";
import { column } from "../../src/core/from-values.js";
import { add, mul, neg, sub } from "../../src/core/kernels/arithmetic.js";
import { cast } from "../../src/core/kernels/cast.js";
import { eq, ge, gt, lt } from "../../src/core/kernels/compare.js";
import { concat } from "../../src/core/kernels/concat.js";
import { cummax } from "../../src/core/kernels/cumulative.js";
import { isin } from "../../src/core/kernels/isin.js";
import { argmax, argmin, max, min, sum } from "../../src/core/kernels/reduce.js";
import { diff, shift } from "../../src/core/kernels/shift.js";
import { argsort, sortColumn } from "../../src/core/kernels/sort.js";
import { unique, valueCounts } from "../../src/core/kernels/unique.js";
import { promote } from "../../src/core/promotion.js";
import { DataFrame } from "../../src/frame/frame.js";
import { toCSV } from "../../src/io/csv/write-csv.js";
import { toJSON } from "../../src/io/json/write-json.js";
import { readParquet } from "../../src/io/parquet/read-parquet.js";
import { toParquet } from "../../src/io/parquet/write-parquet.js";
import { Series } from "../../src/series/series.js";

const US = 1_000_000n;
const NS = 1_000_000_000n;
/** Seconds since midnight of h:m:s. */
const hms = (h: number, m: number, s: number) => BigInt(h * 3600 + m * 60 + s);
const NINE_THIRTY = hms(9, 30, 0); // 34200 s

const usCol = (values: (bigint | null)[]) => column(values, time("us"));
const nsCol = (values: (bigint | null)[]) => column(values, time("ns"));

describe("time(unit) dtype", () => {
  it("time() is time64[ns] by default and time('us') is time64[us], frozen", () => {
    expect(time()).toEqual({ kind: "time", unit: "ns" });
    expect(time("us")).toEqual({ kind: "time", unit: "us" });
    expect(Object.isFrozen(time("us"))).toBe(true);
  });

  it("time('s') and time('ms') throw a DTypeError naming Arrow's unsupported Time32", () => {
    expect(() => time("s" as "us")).toThrow(DTypeError);
    expect(() => time("ms" as "us")).toThrow(/Time32 \("ms"\) stores int32 and is not supported/);
    expect(() => time("h" as "us")).toThrow(/invalid time-of-day unit: "h" \(expected one of us, ns\)/);
  });

  it("dtypeToString(time) names time64[ns] / time64[us]; parseDType reads them and 'time'", () => {
    expect(dtypeToString(time("ns"))).toBe("time64[ns]");
    expect(dtypeToString(time("us"))).toBe("time64[us]");
    expect(parseDType("time")).toEqual(time("ns"));
    expect(parseDType("time64[us]")).toEqual(time("us"));
    expect(parseDType(" time64[ ns ] ")).toEqual(time("ns"));
    expect(() => parseDType("time64[ms]")).toThrow(/Time32/);
    expect(() => parseDType("time32[ms]")).toThrow(/unknown dtype: "time32\[ms\]"/);
  });

  it("dtypeEquals, checkDType, storage predicates of time", () => {
    expect(dtypeEquals(time("us"), { kind: "time", unit: "us" } as never)).toBe(true);
    expect(dtypeEquals(time("us"), time("ns"))).toBe(false);
    expect(dtypeEquals(time("ns"), duration("ns"))).toBe(false);
    expect(checkDType({ kind: "time", unit: "ns" })).toEqual(time("ns"));
    expect(arrayType(time("us"))).toBe(BigInt64Array);
    expect(isBigIntStorage(time("ns"))).toBe(true);
    expect(isTemporal(time("ns"))).toBe(true);
  });
});

describe("Arrow conversion of time64", () => {
  it("dtypeToArrow(time) gives TimeNanosecond/TimeMicrosecond, and back", () => {
    expect(String(dtypeToArrow(time("ns")))).toBe("Time64<NANOSECOND>");
    expect(String(dtypeToArrow(time("us")))).toBe("Time64<MICROSECOND>");
    expect(dtypeFromArrow(new arrow.TimeNanosecond())).toEqual(time("ns"));
    expect(dtypeFromArrow(new arrow.TimeMicrosecond())).toEqual(time("us"));
  });

  it("dtypeFromArrow(Time32) throws a DTypeError naming the Arrow type", () => {
    expect(() => dtypeFromArrow(new arrow.TimeMillisecond())).toThrow(DTypeError);
    expect(() => dtypeFromArrow(new arrow.TimeSecond())).toThrow(/Time32<SECOND>.*Time32 stores int32/);
  });

  it("columnFromArrow(apache-arrow Time64 data) views the buffers; columnToArrow gives them back", () => {
    const values = BigInt64Array.of(NINE_THIRTY * NS, 0n, 86_399_999_999_999n);
    // validity 0b101: the middle value is null
    const data = arrow.makeData({
      type: new arrow.TimeNanosecond(),
      length: 3,
      nullCount: 1,
      nullBitmap: Uint8Array.of(0b101),
      data: values,
    });
    const col = columnFromArrow(data);
    expect(col.dtype).toEqual(time("ns"));
    expect(col.chunks[0]?.values).toBe(values);
    expect(col.toArray()).toEqual([34_200_000_000_000n, null, 86_399_999_999_999n]);
    const v = columnToArrow(col);
    expect(String(v.type)).toBe("Time64<NANOSECOND>");
    expect(v.data[0]?.values).toBe(values);
    expect([v.get(0), v.get(1), v.get(2)]).toEqual([34_200_000_000_000n, null, 86_399_999_999_999n]);
  });

  it("columnToArrow then columnFromArrow keeps a sliced, multi-chunk time64[us] column", () => {
    const col = new Column(time("us"), [
      ...usCol([1n, 2n, null]).chunks,
      ...usCol([NINE_THIRTY * US]).chunks,
    ]).slice(1);
    const back = columnFromArrow(columnToArrow(col));
    expect(back.dtype).toEqual(time("us"));
    expect(back.toArray()).toEqual([2n, null, 34_200_000_000n]);
  });
});

describe("display of time columns", () => {
  const lines = (s: Series) => s.toString().split("\n");

  it("toString() prints whole seconds as HH:MM:SS, as Python's str(datetime.time(9, 30)) = '09:30:00'", () => {
    const s = new Series(usCol([NINE_THIRTY * US, hms(23, 59, 59) * US, null]));
    expect(lines(s)).toEqual([
      "0    09:30:00",
      "1    23:59:59",
      `2    ${"<NA>".padStart(8)}`,
      "dtype: time64[us]",
    ]);
  });

  it("toString() shows the fraction digits the values need: 3 for half a second, 6 for a µs, 9 for a ns", () => {
    const half = new Series(usCol([NINE_THIRTY * US, NINE_THIRTY * US + 500_000n]));
    expect(lines(half).slice(0, 2)).toEqual(["0    09:30:00.000", "1    09:30:00.500"]);
    const micro = new Series(usCol([123n]));
    expect(lines(micro)[0]).toBe("0    00:00:00.000123");
    const nano = new Series(nsCol([NINE_THIRTY * NS + 1n]));
    expect(lines(nano)[0]).toBe("0    09:30:00.000000001");
  });
});

describe("cast(col, time) and cast(time, …)", () => {
  it("cast(utf8, time64[us]) reads HH:MM, HH:MM:SS and fractions; nulls stay null", () => {
    const text = column(["09:30", "9:30:15", "00:00:00.000123", " 23:59:59.999999 ", "12:00:00.5", null]);
    expect(cast(text, time("us")).toArray()).toEqual([
      34_200_000_000n, // 34200 s
      34_215_000_000n, // 34215 s
      123n,
      86_399_999_999n, // 86399 s + 999999 µs
      43_200_500_000n, // 43200 s + 0.5 s
      null,
    ]);
    expect(cast(column(["23:59:59.999999999"]), "time").toArray()).toEqual([86_399_999_999_999n]);
  });

  it("cast(utf8, time) errors name the row and the text", () => {
    const bad =
      (texts: string[], unit: "us" | "ns" = "us") =>
      () =>
        cast(column(texts), time(unit));
    expect(bad(["09:30", "24:00"])).toThrow(CastError);
    expect(bad(["09:30", "24:00"])).toThrow(/cannot cast "24:00" at row 1 from utf8 to time64\[us\]/);
    expect(bad(["09:60"])).toThrow(/"09:60" at row 0/);
    expect(bad(["noon"])).toThrow(/expected a time of day HH:MM\[:SS\[\.fffffffff\]\]/);
    expect(bad(["2021-03-14 09:30"])).toThrow(/row 0/);
    expect(bad(["09:30:00.0000001"])).toThrow(/truncated to us \(allowTimeTruncate rounds down\)/);
    // trailing zeros beyond the unit lose nothing
    expect(cast(column(["09:30:00.000001000"]), time("us")).toArray()).toEqual([34_200_000_001n]);
    expect(cast(column(["09:30:00.0000019"]), time("us"), { allowTimeTruncate: true }).toArray()).toEqual([
      34_200_000_001n,
    ]);
  });

  it("cast(time, utf8) prints as Python's str(datetime.time): '09:30:00', '09:30:00.000123', '09:30:00.500000'", () => {
    const us = usCol([NINE_THIRTY * US, 123n, NINE_THIRTY * US + 500_000n, null]);
    expect(cast(us, "utf8").toArray()).toEqual(["09:30:00", "00:00:00.000123", "09:30:00.500000", null]);
    // ns: 6 digits for whole µs (what datetime.time holds), 9 when there are nanoseconds
    const ns = nsCol([NINE_THIRTY * NS, NINE_THIRTY * NS + 123_000n, NINE_THIRTY * NS + 123_001n]);
    expect(cast(ns, "utf8").toArray()).toEqual(["09:30:00", "09:30:00.000123", "09:30:00.000123001"]);
    expect(cast(ns, "large_utf8").toArray()).toEqual(["09:30:00", "09:30:00.000123", "09:30:00.000123001"]);
  });

  it("cast(time → utf8 → time) round-trips every unit exactly", () => {
    for (const unit of ["us", "ns"] as const) {
      const per = unit === "us" ? US : NS;
      const col = column([0n, 1n, NINE_THIRTY * per + 7n, 86_400n * per - 1n, null], time(unit));
      expect(cast(cast(col, "utf8"), time(unit)).toArray()).toEqual(col.toArray());
    }
  });

  it("cast(time, int64) and cast(int64, time) are zero-copy views; int64 → time checks the range", () => {
    const t = usCol([NINE_THIRTY * US, null]);
    const i = cast(t, "int64");
    expect(i.dtype).toEqual(int64);
    expect(i.chunks[0]?.values).toBe(t.chunks[0]?.values);
    expect(i.toArray()).toEqual([34_200_000_000n, null]);
    const back = cast(i, time("us"));
    expect(back.chunks[0]?.values).toBe(t.chunks[0]?.values);
    expect(back.toArray()).toEqual([34_200_000_000n, null]);
    // one day is 86400e6 µs: the first count that is not a time of day
    expect(() => cast(column([0n, 86_400_000_000n], "int64"), time("us"))).toThrow(
      /cannot cast 86400000000 at row 1 from int64 to time64\[us\]: not a time of day/,
    );
    expect(() => cast(column([-1n], "int64"), "time")).toThrow(CastError);
    // the same count is 86.4 s in ns; a null slot is not checked
    expect(cast(column([86_400_000_000n, null], "int64"), "time").toArray()).toEqual([86_400_000_000n, null]);
    // other numbers through int64
    expect(cast(column([5], "int32"), time("us")).toArray()).toEqual([5n]);
    expect(cast(t, "float64").toArray()).toEqual([34_200_000_000, null]);
  });

  it("cast(time64[us], time64[ns]) multiplies by 1000; back to us checks the lost digits", () => {
    expect(cast(usCol([1n, null]), time("ns")).toArray()).toEqual([1000n, null]);
    const ns = nsCol([1000n, 1500n]);
    expect(() => cast(ns, time("us"))).toThrow(
      /at row 1 from time64\[ns\] to time64\[us\]: it would be truncated/,
    );
    expect(cast(ns, time("us"), { allowTimeTruncate: true }).toArray()).toEqual([1n, 1n]);
  });

  it("cast(time, timestamp | duration | date) and back throw a DTypeError naming both dtypes", () => {
    const t = nsCol([1n]);
    expect(() => cast(t, timestamp("ns"))).toThrow(/cannot cast time64\[ns\] to timestamp\[ns\]/);
    expect(() => cast(t, duration("ns"))).toThrow(/cannot cast time64\[ns\] to duration\[ns\]/);
    expect(() => cast(column([1n], timestamp("ns")), "time")).toThrow(
      /cannot cast timestamp\[ns\] to time64\[ns\]/,
    );
    expect(() => cast(column([1], "date"), "time")).toThrow(DTypeError);
  });
});

describe("ordering, comparing and hashing times", () => {
  // 12:00, null, 09:30, 23:59:59.999999, 00:00 in µs
  const times = [43_200n * US, null, NINE_THIRTY * US, 86_400n * US - 1n, 0n];

  it("sortColumn(time) orders by time of day, nulls last; descending too", () => {
    const col = usCol(times);
    expect(sortColumn(col).toArray()).toEqual([0n, 34_200_000_000n, 43_200_000_000n, 86_399_999_999n, null]);
    expect(sortColumn(col, { descending: true }).toArray()).toEqual([
      86_399_999_999n,
      43_200_000_000n,
      34_200_000_000n,
      0n,
      null,
    ]);
    const chunked = new Column(time("us"), [
      ...usCol(times.slice(0, 2)).chunks,
      ...usCol(times.slice(2)).chunks,
    ]);
    // after slice(1): null, 09:30, 23:59:59.999999, 00:00 → 00:00 (3), 09:30 (1), 23:59… (2), null (0)
    expect(Array.from(argsort(chunked.slice(1)))).toEqual([3, 1, 2, 0]);
  });

  it("min/max/argmin/argmax(time) skip nulls and read exact counts", () => {
    const col = usCol(times);
    expect(min(col)).toBe(0n);
    expect(max(col)).toBe(86_399_999_999n);
    expect(argmin(col)).toBe(4);
    expect(argmax(col)).toBe(3);
    expect(min(usCol([null]))).toBe(null);
  });

  it("cummax(time) keeps the dtype; shift(time) keeps it; diff(time) throws (pandas: no time arithmetic)", () => {
    const col = usCol([2n, 1n, 3n]);
    const cm = cummax(col);
    expect(cm.dtype).toEqual(time("us"));
    expect(cm.toArray()).toEqual([2n, 2n, 3n]);
    const s = shift(col, 1);
    expect(s.dtype).toEqual(time("us"));
    expect(s.toArray()).toEqual([null, 2n, 1n]);
    expect(() => diff(col)).toThrow(/diff does not support dtype time64\[us\]/);
  });

  it("lt/eq/ge(time, 'HH:MM:SS') parse the string in the column's unit", () => {
    const col = usCol(times);
    expect(lt(col, "12:00").toArray()).toEqual([false, null, true, false, true]);
    expect(eq(col, "09:30:00").toArray()).toEqual([false, null, true, false, false]);
    expect(ge(col, "23:59:59.999999").toArray()).toEqual([false, null, false, true, false]);
    expect(gt("10:00", col).toArray()).toEqual([false, null, true, false, true]);
    // a bigint scalar compares with the raw count
    expect(eq(col, 0n).toArray()).toEqual([false, null, false, false, true]);
    expect(() => lt(col, "noon")).toThrow(CastError);
  });

  it("eq(time64[us], time64[ns]) compares in the finer unit; time against other dtypes throws", () => {
    expect(eq(usCol([1n, 2n]), nsCol([1000n, 2001n])).toArray()).toEqual([true, false]);
    expect(lt(nsCol([999n]), usCol([1n])).toArray()).toEqual([true]);
    expect(() => eq(nsCol([1n]), column([1n], timestamp("ns")))).toThrow(
      /cannot compare time64\[ns\] with timestamp\[ns\]/,
    );
    expect(() => lt(nsCol([1n]), 5)).toThrow(/cannot compare time64\[ns\] with float64/);
  });

  it("valueCounts/unique(time) count each time of day", () => {
    const col = usCol([NINE_THIRTY * US, 0n, NINE_THIRTY * US, null, 0n, NINE_THIRTY * US]);
    const { values, counts } = valueCounts(col);
    expect(values.dtype).toEqual(time("us"));
    expect(values.toArray()).toEqual([34_200_000_000n, 0n]);
    expect(counts.toArray()).toEqual([3n, 2n]);
    expect(unique(col).toArray()).toEqual([34_200_000_000n, 0n, null]);
  });

  it("isin(time, values) reads strings and bigints as times; another unit's column throws", () => {
    const col = nsCol([NINE_THIRTY * NS, 0n, null, 1n]);
    expect(isin(col, ["09:30", 1n, "not a time"]).toArray()).toEqual([true, false, false, true]);
    expect(isin(col, [null, "00:00:00"]).toArray()).toEqual([false, true, true, false]);
    expect(isin(col, nsCol([0n])).toArray()).toEqual([false, true, false, false]);
    expect(() => isin(col, usCol([0n]))).toThrow(
      /values of dtype time64\[us\] cannot be compared with a time64\[ns\]/,
    );
  });
});

describe("promotion and arithmetic of times", () => {
  it("promote(time, time) is the finer unit; with anything else a DTypeError naming both", () => {
    expect(promote(time("us"), time("ns"))).toEqual(time("ns"));
    expect(promote(time("us"), time("us"))).toEqual(time("us"));
    expect(() => promote(time("ns"), int64)).toThrow(/no common dtype for time64\[ns\] and int64/);
    expect(() => promote(duration("ns"), time("ns"))).toThrow(/duration\[ns\] and time64\[ns\]/);
    expect(() => promote(time("us"), timestamp("us"))).toThrow(DTypeError);
  });

  it("concat(time64[us], time64[ns]) gives time64[ns]", () => {
    const c = concat([usCol([1n]), nsCol([1n])]);
    expect(c.dtype).toEqual(time("ns"));
    expect(c.toArray()).toEqual([1000n, 1n]);
  });

  it("sub/add/mul/neg/sum of times throw a DTypeError naming the dtypes (pandas: datetime.time has no arithmetic)", () => {
    const t = nsCol([1n]);
    expect(() => sub(t, t)).toThrow(/sub does not support time64\[ns\] and time64\[ns\]/);
    expect(() => add(t, column([1n], duration("ns")))).toThrow(
      /add does not support time64\[ns\] and duration\[ns\]/,
    );
    expect(() => add(t, 1)).toThrow(/add does not support time64\[ns\] and number 1/);
    expect(() => mul(2, t)).toThrow(/mul does not support number 2 and time64\[ns\]/);
    expect(() => neg(t)).toThrow(/neg does not support dtype time64\[ns\]/);
    expect(() => sum(t)).toThrow(/sum does not support dtype time64\[ns\]/);
  });
});

describe("time columns in files", () => {
  it("toCSV and toJSON write times as text, as pandas writes datetime.time", () => {
    const df = new DataFrame({ t: usCol([NINE_THIRTY * US, null, 123n]), k: column([1, 2, 3], "int32") });
    expect(toCSV(df)).toBe("t,k\n09:30:00,1\n,2\n00:00:00.000123,3\n");
    expect(toJSON(df)).toBe('[{"t":"09:30:00","k":1},{"t":null,"k":2},{"t":"00:00:00.000123","k":3}]');
  });

  it("toParquet then readParquet keeps time64[us] and time64[ns] exactly", async () => {
    const df = new DataFrame({
      us: usCol([0n, NINE_THIRTY * US + 123n, null, 86_400n * US - 1n]),
      ns: nsCol([0n, NINE_THIRTY * NS + 1n, null, 86_400n * NS - 1n]),
    });
    const back = await readParquet(await toParquet(df));
    expect(dtypeToString(back.get("us").dtype)).toBe("time64[us]");
    expect(dtypeToString(back.get("ns").dtype)).toBe("time64[ns]");
    expect(back.get("us").toArray()).toEqual([0n, 34_200_000_123n, null, 86_399_999_999n]);
    expect(back.get("ns").toArray()).toEqual([0n, 34_200_000_000_001n, null, 86_399_999_999_999n]);
  });
});

/**
 * nodejs-polars on the text and time questions (issue 5), eager
 * `df.select(expr)`: `str.contains("ing", true)` (literal),
 * `str.toLowerCase()`, `str.split(" ")` (list[str]), `dt.year()` (i32) on a
 * Datetime("ns") column, and `str.strptime(pl.Datetime, "%Y-%m-%d %H:%M:%S")`,
 * which gives Datetime("us") (nodejs-polars 0.26 accepts no other unit
 * there). Strings are loaded through Arrow IPC, the timestamps as an Int64
 * Series of the BigInt64Array cast to Datetime("ns"), all untimed.
 */
import * as arrow from "apache-arrow";
import pl from "nodejs-polars";
import type { Data } from "../data.js";
import {
  containsCheck,
  datetimeCheck,
  lowerCheck,
  splitCheck,
  type Utf8Data,
  yearCheck,
} from "../text-data.js";
import type { Task } from "./adapter.js";

type DataFrame = ReturnType<typeof pl.DataFrame>;
type PlSeries = ReturnType<DataFrame["getColumn"]>;

/** A utf8 column through Arrow IPC (far faster to load than 1e6 JS strings). */
function stringSeries(name: string, s: Utf8Data): PlSeries {
  const data = arrow.makeData({
    type: new arrow.Utf8(),
    length: s.length,
    nullCount: 0,
    valueOffsets: s.offsets,
    data: s.bytes,
  });
  const ipc = arrow.tableToIPC(new arrow.Table({ [name]: arrow.makeVector(data) }), "stream");
  return pl.readIPCStream(Buffer.from(ipc.buffer, ipc.byteOffset, ipc.byteLength)).getColumn(name);
}

const first = (df: DataFrame): PlSeries => df.getColumns()[0] as PlSeries;

/** The sum of column `name` of `df`, through Float64 (Int64 `get` keeps 32 bits in 0.26). */
const colSum = (df: DataFrame, name: string): number =>
  Number(df.select(pl.col(name).cast(pl.Float64).sum()).getColumn(name).get(0));

export function prepareText(data: Data): Task {
  if (data.op === "dt-year") {
    const ns = data.ts?.ns as BigInt64Array;
    const t = pl.Series("t", ns as unknown as unknown[]).cast(pl.Datetime("ns"));
    const df = pl.DataFrame([t]);
    return {
      run: () => df.select(pl.col("t").dt.year()),
      check: (r: DataFrame) => yearCheck(r.height, colSum(r, "t")),
    } as Task<DataFrame>;
  }
  const df = pl.DataFrame([stringSeries("s", data.text as Utf8Data)]);
  const s = pl.col("s");
  switch (data.op) {
    case "str-contains":
      return {
        run: () => df.select(s.str.contains("ing", true)),
        check: (r: DataFrame) => containsCheck(r.height, colSum(r, "s")),
      } as Task<DataFrame>;
    case "str-lower":
      return {
        run: () => df.select(s.str.toLowerCase()),
        check: (r: DataFrame) => {
          const c = first(r);
          return lowerCheck(r.height, (i) => String(c.get(i)).length, String(c.get(0)).charCodeAt(0));
        },
      } as Task<DataFrame>;
    case "str-split":
      return {
        run: () => df.select(s.str.split(" ")),
        check: (r: DataFrame) => {
          const lens = r.select(pl.col("s").lst.lengths().cast(pl.Float64));
          const c = first(lens);
          return splitCheck(r.height, colSum(lens, "s"), (i) => Number(c.get(i)));
        },
      } as Task<DataFrame>;
    case "to-datetime":
      return {
        run: () => df.select(s.str.strptime(pl.Datetime, "%Y-%m-%d %H:%M:%S")),
        check: (r: DataFrame) => {
          // Datetime get fails in 0.26: through ms as Float64
          const ms = first(r).cast(pl.Datetime("ms")).cast(pl.Int64).cast(pl.Float64);
          return datetimeCheck(r.height, (i) => Number(ms.get(i)) / 1000);
        },
      } as Task<DataFrame>;
  }
  throw new Error(`polars: no text task for ${data.op}`);
}

/**
 * Arquero 8 on the text and time questions (issue 5): `derive` with
 * Arquero's string expressions (compiled by Arquero into one function over
 * the rows): `op.includes(d.s, 'ing')` (String.prototype.includes),
 * `op.lower`, `op.split(d.s, ' ')` (JS arrays), `op.utcyear(d.t)` on
 * millisecond numbers, and `op.parse_date(d.s)` (`new Date(text)`, Date
 * objects). The strings are a JS array built untimed from the utf8 buffers;
 * the timestamps are milliseconds as doubles (sub-millisecond part
 * truncated, which cannot change a year), converted untimed. Arquero has no
 * naive datetime: `new Date("YYYY-MM-DD HH:MM:SS")` reads local time, so
 * the process runs with TZ=UTC (set here before any Date is made) to read
 * the text as UTC wall time, as the other libraries' naive timestamps.
 */
import * as aq from "arquero";
import type { Data } from "../data.js";
import {
  containsCheck,
  datetimeCheck,
  lowerCheck,
  splitCheck,
  type Timestamps,
  timestampMs,
  type Utf8Data,
  utf8Strings,
  yearCheck,
} from "../text-data.js";
import type { Task } from "./adapter.js";

type Table = ReturnType<typeof aq.table>;

/** The values of column r as a JS array (untimed). */
const values = (t: Table): unknown[] => t.array("r") as unknown[];

export function prepareText(data: Data): Task {
  if (data.op === "dt-year") {
    const t = aq.table({ t: timestampMs(data.ts as Timestamps) });
    return {
      run: () => t.derive({ r: "d => op.utcyear(d.t)" }),
      check: (r: Table) =>
        yearCheck(
          r.numRows(),
          values(r).reduce((x: number, y) => x + (y as number), 0),
        ),
    } as Task<Table>;
  }
  process.env.TZ = "UTC";
  const t = aq.table({ s: utf8Strings(data.text as Utf8Data) });
  switch (data.op) {
    case "str-contains":
      return {
        run: () => t.derive({ r: "d => op.includes(d.s, 'ing')" }),
        check: (r: Table) => containsCheck(r.numRows(), values(r).filter((v) => v === true).length),
      } as Task<Table>;
    case "str-lower":
      return {
        run: () => t.derive({ r: "d => op.lower(d.s)" }),
        check: (r: Table) => {
          const v = values(r) as string[];
          return lowerCheck(r.numRows(), (i) => (v[i] as string).length, (v[0] as string).charCodeAt(0));
        },
      } as Task<Table>;
    case "str-split":
      return {
        run: () => t.derive({ r: "d => op.split(d.s, ' ')" }),
        check: (r: Table) => {
          const v = values(r) as string[][];
          const total = v.reduce((x, y) => x + y.length, 0);
          return splitCheck(r.numRows(), total, (i) => (v[i] as string[]).length);
        },
      } as Task<Table>;
    case "to-datetime":
      return {
        run: () => t.derive({ r: "d => op.parse_date(d.s)" }),
        check: (r: Table) => {
          const v = values(r) as Date[];
          return datetimeCheck(r.numRows(), (i) => (v[i] as Date).getTime() / 1000);
        },
      } as Task<Table>;
  }
  throw new Error(`arquero: no text task for ${data.op}`);
}

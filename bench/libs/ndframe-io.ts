/**
 * ndframe's CSV reader and writer for the IO questions, through the Node
 * entry as a user calls them: `await readCSV(path)` (default options:
 * dtypes inferred, strings as utf8) and `await writeCSV(df, path)`. Both
 * are imported by path at run time, so that the cells print "n/a" while
 * src/node.ts or its exports do not exist.
 */
import type { DataFrame } from "../../src/frame/frame.js";
import type { Data } from "../data.js";
import { H2O_COLUMNS, h2oCheck } from "../h2o.js";
import { csvWriteTask, NotAvailable, num, type Task } from "./adapter.js";

type ReadCSV = (path: string) => Promise<DataFrame>;
type WriteCSV = (df: DataFrame, path: string) => Promise<void>;
type Reduce = (col: ReturnType<DataFrame["column"]>) => number | bigint | null;

async function load(): Promise<{ readCSV: ReadCSV; writeCSV: WriteCSV; sum: Reduce }> {
  let node: Record<string, unknown>;
  try {
    node = (await import("../../src/node.js")) as Record<string, unknown>;
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_MODULE_NOT_FOUND")
      throw new NotAvailable("src/node.ts not found");
    throw e;
  }
  for (const name of ["readCSV", "writeCSV"])
    if (typeof node[name] !== "function") throw new NotAvailable(`src/node.ts has no export ${name}`);
  const { sum } = (await import("../../src/core/kernels/reduce.js")) as { sum: Reduce };
  return { readCSV: node.readCSV as ReadCSV, writeCSV: node.writeCSV as WriteCSV, sum };
}

export async function prepareIO(data: Data): Promise<Task> {
  const path = data.csv as string;
  const { readCSV, writeCSV, sum } = await load();
  if (data.op === "io-csv-read") {
    return {
      run: () => readCSV(path),
      check: (df: DataFrame) =>
        h2oCheck(
          df.length,
          df.columns.length,
          num(sum(df.column("v1"))),
          num(sum(df.column("v3"))),
          num(df.column("id3").get(df.length - 1)),
        ),
    } as Task<DataFrame>;
  }
  const df = await readCSV(path);
  if (df.columns.length !== H2O_COLUMNS.length) throw new Error(`ndframe: read ${df.columns.length} columns`);
  return csvWriteTask((out) => writeCSV(df, out));
}

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dictionary, dtypeToString, duration, timestamp } from "../../../src/core/dtype.js";
import { IOError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { DataFrame } from "../../../src/frame/frame.js";
import { parseArrow, readArrow, toArrowIPC } from "../../../src/io/arrow/arrow-ipc.js";
import { readArrow as readArrowPath } from "../../../src/node/arrow.js";

const DATA = "node_modules/vega-datasets/data";

/** A frame with a column of each dtype, nulls included. */
function everyDtype(): DataFrame {
  return new DataFrame({
    b: column([true, null, false], "bool"),
    i8: column([-128, 127, null], "int8"),
    u16: column([0, null, 65535], "uint16"),
    i32: column([1, 2, 3], "int32"),
    i64: column([2n ** 63n - 1n, null, -(2n ** 53n) - 1n], "int64"),
    u64: column([2n ** 64n - 1n, 0n, null], "uint64"),
    f32: column([0.5, null, -1], "float32"),
    f64: column([Number.NaN, 1e300, null]),
    s: column(["é", null, ""], "utf8"),
    ls: column(["a", "bb", null], "large_utf8"),
    cat: column(["x", "y", "x"], dictionary()),
    d: column([18700, null, -1], "date"),
    t: column([1n, null, -1n], timestamp("ns", "Europe/Berlin")),
    tu: column([1615723200000000n, 0n, null], timestamp("us")),
    dur: column([5n, null, -5n], duration("ms")),
  });
}

const content = (df: DataFrame) =>
  Object.fromEntries(df.columns.map((c) => [c, [dtypeToString(df.get(c).dtype), df.get(c).toArray()]]));

describe("Arrow IPC", () => {
  it.each(["file", "stream"] as const)(
    "parseArrow(toArrowIPC(df, {format: %s})) round-trips every dtype with nulls",
    (format) => {
      const df = everyDtype();
      expect(content(parseArrow(toArrowIPC(df, { format })))).toEqual(content(df));
      expect(content(parseArrow(toArrowIPC(df.head(1), { format })))).toEqual(content(df.head(1)));
      expect(parseArrow(toArrowIPC(df.head(0), { format })).shape).toEqual([0, 15]);
    },
  );

  it("parseArrow views the IPC bytes: no copy between the bytes and the frame's columns", () => {
    const bytes = toArrowIPC(new DataFrame({ a: new Float64Array([1, 2, 3]), s: ["x", "y", "z"] }));
    const df = parseArrow(bytes);
    const a = df.column("a").chunks[0]?.values as Float64Array;
    expect(a.buffer).toBe(bytes.buffer);
    expect(Array.from(a)).toEqual([1, 2, 3]);
    expect(df.column("s").chunks[0]?.values.buffer).toBe(bytes.buffer);
  });

  it("readArrow(flights-200k.arrow): 200000 flights; dtypes and sums equal those of flights-200k.json", async () => {
    const df = await readArrowPath(`${DATA}/flights-200k.arrow`);
    expect(df.shape).toEqual([200000, 3]);
    expect(Object.values(df.dtypes).map((d) => dtypeToString(d))).toEqual(["int16", "int16", "float32"]);
    // the same flights as JSON, summed with a plain loop
    const rows = JSON.parse(readFileSync(`${DATA}/flights-200k.json`, "utf8")) as {
      delay: number;
      distance: number;
    }[];
    let delay = 0;
    let distance = 0;
    for (const r of rows) {
      delay += r.delay;
      distance += r.distance;
    }
    expect(Number(df.get("delay").sum())).toBe(delay);
    expect(Number(df.get("distance").sum())).toBe(distance);
  });

  it("readArrow(Blob) reads both formats", async () => {
    const df = new DataFrame({ a: [1, 2, 3] });
    for (const format of ["file", "stream"] as const) {
      expect((await readArrow(new Blob([toArrowIPC(df, { format })]))).get("a").toArray()).toEqual([1, 2, 3]);
    }
  });

  it("parseArrow: truncated, corrupted or foreign bytes are IOErrors saying which", () => {
    const file = toArrowIPC(everyDtype());
    const stream = toArrowIPC(everyDtype(), { format: "stream" });
    expect(() => parseArrow(file.subarray(0, file.length - 100))).toThrow(IOError);
    expect(() => parseArrow(file.subarray(0, file.length - 100))).toThrow(
      /truncated \(it lacks the closing ARROW1 footer\)/,
    );
    expect(() => parseArrow(stream.subarray(0, stream.length - 20))).toThrow(/stream is truncated/);
    expect(() => parseArrow(new TextEncoder().encode("a,b\n1,2\n"))).toThrow(/not Arrow IPC/);
    const broken = file.slice();
    broken.fill(0x41, 8, 200);
    expect(() => parseArrow(broken)).toThrow(/Arrow data is corrupted/);
  });

  it("readArrow(path) of a missing file is an IOError naming it", async () => {
    await expect(readArrowPath("missing.arrow")).rejects.toThrow(
      'readArrow: cannot read "missing.arrow": no such file',
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DType, dtypeToString } from "../../../src/core/dtype.js";
import { ParseError } from "../../../src/core/errors.js";
import type { DataFrame } from "../../../src/frame/frame.js";
import { parseCSV, readCSV } from "../../../src/io/csv/read-csv.js";
import { type ScanProgress, scanCSV } from "../../../src/io/csv/scan-csv.js";

const enc = new TextEncoder();
const kinds = (df: DataFrame) => Object.values(df.dtypes).map((d) => dtypeToString(d as DType));
const rows = (df: DataFrame) => df.toRecords();

/** The bytes of `text` as an async iterable of chunks of the given sizes (cycled). */
async function* pieces(text: string, sizes: number[]): AsyncGenerator<Uint8Array> {
  const b = enc.encode(text);
  let k = 0;
  for (let at = 0; at < b.length; k++) {
    const n = Math.max(1, sizes[k % sizes.length] as number);
    yield b.slice(at, at + n);
    at += n;
  }
}

async function collect(it: AsyncIterable<DataFrame>): Promise<DataFrame[]> {
  const out: DataFrame[] = [];
  for await (const f of it) out.push(f);
  return out;
}

describe("scanCSV", () => {
  it("scanCSV(bytes, {batchSize: 2}) yields frames of two rows with the first batch's dtypes", async () => {
    const text = "k,v,t\na,1,2021-01-01\nb,2,\nc,3,2021-01-03\nd,,2021-01-04\ne,5,2021-01-05\n";
    const frames = await collect(scanCSV(enc.encode(text), { batchSize: 2 }));
    expect(frames.map((f) => f.shape)).toEqual([
      [2, 3],
      [2, 3],
      [1, 3],
    ]);
    for (const f of frames) expect(kinds(f)).toEqual(["utf8", "int32", "timestamp[ns]"]);
    expect(frames[1]?.get("v").toArray()).toEqual([3, null]);
    expect(frames[2]?.get("k").toArray()).toEqual(["e"]);
  });

  it("scanCSV: a later batch's value that does not fit the first batch's dtype names line and column", async () => {
    const text = "a,b\n1,x\n2,y\n3.5,z\n";
    await expect(collect(scanCSV(enc.encode(text), { batchSize: 2 }))).rejects.toThrow(ParseError);
    await expect(collect(scanCSV(enc.encode(text), { batchSize: 2 }))).rejects.toThrow(
      /line 4, column "a": cannot read "3.5" as int32/,
    );
    // dtypes fix it
    const frames = await collect(scanCSV(enc.encode(text), { batchSize: 2, dtypes: { a: "float64" } }));
    expect(frames.map((f) => f.get("a").toArray())).toEqual([[1, 2], [3.5]]);
  });

  it("scanCSV(stream of 1–7 byte chunks) gives the rows parseCSV gives, quotes and CRLF across chunk ends", async () => {
    const text = 'id,name,score\r\n1,"Smith, ""J""",2.5\r\n2,"two\r\nlines",NA\r\n3,plain,4\r\n4,"",5';
    const whole = parseCSV(text);
    for (const sizes of [[1], [2, 3], [7, 1, 4]]) {
      const frames = await collect(scanCSV(pieces(text, sizes), { batchSize: 3 }));
      expect(frames.flatMap(rows), `chunks of ${sizes}`).toEqual(rows(whole));
    }
  });

  it("scanCSV(stream) keeps a column's spelling when it turns to text in a later chunk of the first batch", async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `0${i % 10},${i}`);
    lines.push("x1,5000");
    const text = `code,n\n${lines.join("\n")}\n`;
    const [f] = await collect(scanCSV(pieces(text, [1000]), { batchSize: 10000 }));
    expect(kinds(f as DataFrame)).toEqual(["utf8", "int32"]);
    expect(f?.get("code").get(3)).toBe("03");
    expect(f?.get("code").get(5000)).toBe("x1");
  });

  it("readCSV(Blob) reads in chunks and equals parseCSV, also when a column restarts as text", async () => {
    const lines = Array.from({ length: 70000 }, (_, i) => `${i},${i % 3 === 0 ? "" : i * 0.5}`);
    lines.push("later,1.5");
    const text = `a,b\n${lines.join("\n")}\n`;
    const blob = new Blob([text]);
    const df = await readCSV(blob);
    expect(kinds(df)).toEqual(["utf8", "float64"]);
    expect(df.get("a").get(69999)).toBe("69999");
    expect(df.get("a").get(70000)).toBe("later");
    expect(df.get("b").toArray()).toEqual(parseCSV(text).get("b").toArray());
  });

  it("scanCSV(…, {onProgress}) reports bytes and rows read, and the total for sized sources", async () => {
    const text = "a\n1\n2\n3\n";
    const seen: ScanProgress[] = [];
    await collect(scanCSV(new Blob([text]), { onProgress: (p) => seen.push(p) }));
    expect(seen.at(-1)).toEqual({ bytes: 8, rows: 3, totalBytes: 8 });
  });

  it("scanCSV rejects bad batchSize and the papaparse engine with clear errors", () => {
    expect(() => scanCSV(enc.encode("a\n1\n"), { batchSize: 0 })).toThrow(
      "invalid batchSize: 0 (expected a positive integer)",
    );
    expect(() => scanCSV(enc.encode("a\n1\n"), { engine: "papaparse" })).toThrow(/fast engine only/);
  });

  it("scanCSV over random CSV in random chunks gives the rows of parseCSV", async () => {
    const cell = fc.constantFrom("", "1", "-2", "3.25", "x", '"q,"', '"a""b"', '"l\nm"', "NA", "2021-01-02");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 15 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom("\n", "\r\n"),
        async (body, sizes, eol) => {
          const text = ["a,b,c", ...body.map((r) => r.join(","))].join(eol) + eol;
          const want = parseCSV(text);
          const got = await collect(scanCSV(pieces(text, sizes), { batchSize: 1000 }));
          expect(got.flatMap(rows)).toEqual(rows(want));
          if (got.length > 0) expect(kinds(got[0] as DataFrame)).toEqual(kinds(want));
        },
      ),
      { seed: 3, numRuns: 150 },
    );
  });
});

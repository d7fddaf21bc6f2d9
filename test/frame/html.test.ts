import { describe, expect, it } from "vitest";
import { Column } from "../../src/core/column.js";
import { OptionError } from "../../src/core/errors.js";
import { column } from "../../src/core/from-values.js";
import { DataFrame } from "../../src/frame/frame.js";
import { frameToHTML } from "../../src/frame/html.js";
import type { ColumnInput } from "../../src/frame/schema.js";
import { JUPYTER_DISPLAY, mimeBundle } from "../../src/util/display.js";

type Frame = { columns: string[]; toColumns(): Map<string, Column>; index: DataFrame["index"] };
const html = (df: Frame, style = false) => frameToHTML(df.columns, df.toColumns(), df.index, { style });
/** The `<tr>` lines of the body. */
const bodyRows = (h: string) => {
  const body = h.slice(h.indexOf("<tbody>\n") + 8, h.indexOf("</tbody>"));
  return body.split("\n").filter((l) => l !== "");
};

describe("frameToHTML", () => {
  it("frameToHTML(names, columns, index) renders names, dtypes, labels and values in pandas' table layout", () => {
    const df = new DataFrame(
      { a: new Int32Array([1, 2, 3]), b: ["x", null, "z"], c: [1.5, 2.25, null], d: [true, false, null] },
      { index: ["r1", "r2", "r3"] },
    );
    // written by hand: numeric columns carry class "num"; floats share 2 decimals (1.5 → 1.50,
    // as pandas prints the column); nulls are <NA> escaped; booleans True/False as pandas
    const expected = [
      "<div>",
      '<table class="ndframe">',
      "<thead>",
      '<tr><th></th><th class="num">a</th><th>b</th><th class="num">c</th><th>d</th></tr>',
      '<tr class="dtypes"><th></th><th class="num">int32</th><th>utf8</th><th class="num">float64</th><th>bool</th></tr>',
      "</thead>",
      "<tbody>",
      '<tr><th>r1</th><td class="num">1</td><td>x</td><td class="num">1.50</td><td>True</td></tr>',
      '<tr><th>r2</th><td class="num">2</td><td>&lt;NA&gt;</td><td class="num">2.25</td><td>False</td></tr>',
      '<tr><th>r3</th><td class="num">3</td><td>z</td><td class="num">&lt;NA&gt;</td><td>&lt;NA&gt;</td></tr>',
      "</tbody>",
      "</table>",
      "<p>3 rows × 4 columns</p>",
      "</div>",
    ].join("\n");
    expect(html(df)).toBe(expected);
  });

  it("frameToHTML(...) emits a scoped <style> by default that right-aligns the num class", () => {
    const df = new DataFrame({ x: new Float64Array([0.5]) });
    const expected = [
      "<div>",
      "<style>.ndframe .num{text-align:right}.ndframe .dtypes th{font-weight:normal;font-style:italic}</style>",
      '<table class="ndframe">',
      "<thead>",
      '<tr><th></th><th class="num">x</th></tr>',
      '<tr class="dtypes"><th></th><th class="num">float64</th></tr>',
      "</thead>",
      "<tbody>",
      '<tr><th>0</th><td class="num">0.5</td></tr>',
      "</tbody>",
      "</table>",
      "<p>1 rows × 1 columns</p>",
      "</div>",
    ].join("\n");
    expect(frameToHTML(df.columns, df.toColumns(), df.index)).toBe(expected);
    expect(frameToHTML(df.columns, df.toColumns(), df.index, {})).toBe(expected);
    expect(html(df, true)).toBe(expected);
  });

  it("frameToHTML(...) escapes column names, string values and labels (& < > \" ')", () => {
    const df = new DataFrame(
      new Map<string, ColumnInput>([
        ["<script>", [`He said "hi" & 'bye'`, "<b>x</b>"]],
        ["__proto__", new Int32Array([1, 2])],
      ]),
      { index: ["<i>", "a&b"] },
    );
    const h = html(df);
    expect(h).not.toContain("<script>");
    expect(h).not.toContain("<b>");
    expect(h).not.toContain("<i>");
    expect(bodyRows(h)).toEqual([
      '<tr><th>&lt;i&gt;</th><td>He said &quot;hi&quot; &amp; &#39;bye&#39;</td><td class="num">1</td></tr>',
      '<tr><th>a&amp;b</th><td>&lt;b&gt;x&lt;/b&gt;</td><td class="num">2</td></tr>',
    ]);
    expect(h).toContain('<tr><th></th><th>&lt;script&gt;</th><th class="num">__proto__</th></tr>');
  });

  it("frameToHTML(...) on a 100-row frame shows rows 0-4, a … row and 95-99, and the full shape", () => {
    const df = new DataFrame({
      v: Int32Array.from({ length: 100 }, (_, i) => i * 10),
      s: column(Array(100).fill("s")),
    });
    const rows = bodyRows(html(df));
    expect(rows).toHaveLength(11); // 5 head + gap + 5 tail (pandas' min_rows = 10)
    expect(rows[0]).toBe('<tr><th>0</th><td class="num">0</td><td>s</td></tr>');
    expect(rows[4]).toBe('<tr><th>4</th><td class="num">40</td><td>s</td></tr>');
    expect(rows[5]).toBe("<tr><th>…</th><td>…</td><td>…</td></tr>");
    expect(rows[6]).toBe('<tr><th>95</th><td class="num">950</td><td>s</td></tr>');
    expect(rows[10]).toBe('<tr><th>99</th><td class="num">990</td><td>s</td></tr>');
    expect(html(df)).toContain("<p>100 rows × 2 columns</p>");
  });

  it("frameToHTML(...) shows all rows up to 60 and cuts at 61", () => {
    const make = (n: number) => new DataFrame({ v: new Float64Array(n) });
    expect(bodyRows(html(make(60)))).toHaveLength(60);
    expect(bodyRows(html(make(61)))).toHaveLength(11);
  });

  it("frameToHTML(...) on a 25-column frame shows c0-c9, a … column and c15-c24", () => {
    const rec: Record<string, Int32Array> = {};
    for (let j = 0; j < 25; j++) rec[`c${j}`] = new Int32Array([j]);
    const h = html(new DataFrame(rec));
    const names = [
      ...Array.from({ length: 10 }, (_, j) => j),
      ...Array.from({ length: 10 }, (_, j) => 15 + j),
    ];
    const headCells = (js: number[], cell: (j: number) => string) => js.map(cell).join("");
    const head = `<tr><th></th>${headCells(names.slice(0, 10), (j) => `<th class="num">c${j}</th>`)}<th>…</th>${headCells(names.slice(10), (j) => `<th class="num">c${j}</th>`)}</tr>`;
    expect(h).toContain(head);
    const dtypes = `<tr class="dtypes"><th></th>${'<th class="num">int32</th>'.repeat(10)}<th></th>${'<th class="num">int32</th>'.repeat(10)}</tr>`;
    expect(h).toContain(dtypes);
    const row = `<tr><th>0</th>${headCells(names.slice(0, 10), (j) => `<td class="num">${j}</td>`)}<td>…</td>${headCells(names.slice(10), (j) => `<td class="num">${j}</td>`)}</tr>`;
    expect(bodyRows(h)).toEqual([row]);
    expect(h).toContain("<p>1 rows × 25 columns</p>");
  });

  it("frameToHTML(...) keeps 20 columns whole", () => {
    const rec: Record<string, number[]> = {};
    for (let j = 0; j < 20; j++) rec[`c${j}`] = [j];
    expect(html(new DataFrame(rec))).not.toContain("…");
  });

  it("frameToHTML(...) renders an empty frame and a frame with columns but no rows", () => {
    const empty = [
      "<div>",
      '<table class="ndframe">',
      "<thead>",
      "<tr><th></th></tr>",
      '<tr class="dtypes"><th></th></tr>',
      "</thead>",
      "<tbody>",
      "</tbody>",
      "</table>",
      "<p>0 rows × 0 columns</p>",
      "</div>",
    ].join("\n");
    expect(html(new DataFrame())).toBe(empty);
    const noRows = html(new DataFrame({ a: new Int32Array(0), b: column([], "utf8") }));
    expect(noRows).toContain('<tr><th></th><th class="num">a</th><th>b</th></tr>');
    expect(bodyRows(noRows)).toEqual([]);
    expect(noRows).toContain("<p>0 rows × 2 columns</p>");
  });

  it("frameToHTML(...) reads sliced and multi-chunk columns", () => {
    const c1 = column([1, 2, 3], "int32");
    const c2 = column([4, 5], "int32");
    const multi = new Column(c1.dtype, [c1.chunks[0], c2.chunks[0]] as never);
    const df = new DataFrame({ m: multi, s: column([0.25, 0.5, 0.75, 1, 1.25, 9], "float64").slice(1) });
    expect(bodyRows(html(df))).toEqual([
      '<tr><th>0</th><td class="num">1</td><td class="num">0.50</td></tr>',
      '<tr><th>1</th><td class="num">2</td><td class="num">0.75</td></tr>',
      '<tr><th>2</th><td class="num">3</td><td class="num">1.00</td></tr>',
      '<tr><th>3</th><td class="num">4</td><td class="num">1.25</td></tr>',
      '<tr><th>4</th><td class="num">5</td><td class="num">9.00</td></tr>',
    ]);
  });

  it("frameToHTML(..., options) rejects unknown options and a non-boolean style, naming them", () => {
    const df = new DataFrame({ a: [1] });
    const call = (o: unknown) => () => frameToHTML(df.columns, df.toColumns(), df.index, o as never);
    expect(call({ colour: true })).toThrow(OptionError);
    expect(call({ colour: true })).toThrow(/"colour"/);
    expect(call({ style: "yes" })).toThrow(new OptionError('invalid style: "yes" (expected true or false)'));
    expect(call(5)).toThrow(OptionError);
  });
});

describe("mimeBundle", () => {
  it("mimeBundle(text, html) returns the text/plain and text/html entries of Deno's MediaBundle", () => {
    const df = new DataFrame({ a: [1, 2] });
    const bundle = mimeBundle(df.toString(), html(df));
    expect(Object.keys(bundle)).toEqual(["text/plain", "text/html"]);
    expect(bundle["text/plain"]).toBe(df.toString());
    expect(bundle["text/html"]).toBe(html(df));
  });

  it("JUPYTER_DISPLAY is the registered symbol Deno's kernel looks up", () => {
    expect(JUPYTER_DISPLAY).toBe(Symbol.for("Jupyter.display"));
    expect(Symbol.keyFor(JUPYTER_DISPLAY)).toBe("Jupyter.display");
  });
});

import { describe, expect, it } from "vitest";
import { OptionError } from "../../src/core/errors.js";
import { escapeHTML, seriesToHTML } from "../../src/series/html.js";
import { Series } from "../../src/series/series.js";

const html = (s: Series, style = false) => seriesToHTML(s.column, s.index, s.name, { style });
const bodyRows = (h: string) =>
  h
    .slice(h.indexOf("<tbody>\n") + 8, h.indexOf("</tbody>"))
    .split("\n")
    .filter((l) => l !== "");

describe("escapeHTML", () => {
  it("escapeHTML(text) replaces the five special characters and nothing else", () => {
    expect(escapeHTML(`<a title='x'>"Tom" & Jerry</a>`)).toBe(
      "&lt;a title=&#39;x&#39;&gt;&quot;Tom&quot; &amp; Jerry&lt;/a&gt;",
    );
    expect(escapeHTML("&amp;")).toBe("&amp;amp;"); // not idempotent: escape once
    expect(escapeHTML("plain … ünïcode")).toBe("plain … ünïcode");
    expect(escapeHTML("")).toBe("");
  });
});

describe("seriesToHTML", () => {
  it("seriesToHTML(column, index, name) renders labels and values, then name and dtype as toString()", () => {
    const s = new Series([1.5, null, 3], { name: "x", index: ["a", "b", "c"] });
    // by hand: floats share one decimal (3 → 3.0), as in toString(); the null is <NA> escaped
    const expected = [
      "<div>",
      '<table class="ndframe">',
      "<tbody>",
      '<tr><th>a</th><td class="num">1.5</td></tr>',
      '<tr><th>b</th><td class="num">&lt;NA&gt;</td></tr>',
      '<tr><th>c</th><td class="num">3.0</td></tr>',
      "</tbody>",
      "</table>",
      "<p>Name: x, dtype: float64</p>",
      "</div>",
    ].join("\n");
    expect(html(s)).toBe(expected);
  });

  it("seriesToHTML(...) emits the <style> element by default; strings and a null name stay plain", () => {
    const s = new Series(["p", "q"]);
    const expected = [
      "<div>",
      "<style>.ndframe .num{text-align:right}.ndframe .dtypes th{font-weight:normal;font-style:italic}</style>",
      '<table class="ndframe">',
      "<tbody>",
      "<tr><th>0</th><td>p</td></tr>",
      "<tr><th>1</th><td>q</td></tr>",
      "</tbody>",
      "</table>",
      "<p>dtype: utf8</p>",
      "</div>",
    ].join("\n");
    expect(seriesToHTML(s.column, s.index, s.name)).toBe(expected);
  });

  it("seriesToHTML(...) escapes the name, values and labels", () => {
    const s = new Series([`"q" & 'a'`, "<script>alert(1)</script>"], {
      name: "<script>",
      index: ["<i>", "o'k"],
    });
    const h = html(s);
    expect(h).not.toContain("<script>");
    expect(h).not.toContain("<i>");
    expect(bodyRows(h)).toEqual([
      "<tr><th>&lt;i&gt;</th><td>&quot;q&quot; &amp; &#39;a&#39;</td></tr>",
      "<tr><th>o&#39;k</th><td>&lt;script&gt;alert(1)&lt;/script&gt;</td></tr>",
    ]);
    expect(h).toContain("<p>Name: &lt;script&gt;, dtype: utf8</p>");
  });

  it("seriesToHTML(...) on 100 values shows 0-4, a … row, 95-99 and the length", () => {
    const s = new Series(
      Int32Array.from({ length: 100 }, (_, i) => i),
      { name: "n" },
    );
    const rows = bodyRows(html(s));
    expect(rows).toHaveLength(11);
    expect(rows.slice(0, 2)).toEqual([
      '<tr><th>0</th><td class="num">0</td></tr>',
      '<tr><th>1</th><td class="num">1</td></tr>',
    ]);
    expect(rows[5]).toBe("<tr><th>…</th><td>…</td></tr>");
    expect(rows[10]).toBe('<tr><th>99</th><td class="num">99</td></tr>');
    expect(html(s)).toContain("<p>Name: n, Length: 100, dtype: int32</p>");
  });

  it("seriesToHTML(...) renders an empty Series, bigints exactly and booleans as True/False", () => {
    const empty = new Series([], { dtype: "float64" });
    expect(bodyRows(html(empty))).toEqual([]);
    expect(html(empty)).toContain("<p>dtype: float64</p>");
    const big = new Series([9007199254740993n]);
    expect(bodyRows(html(big))).toEqual(['<tr><th>0</th><td class="num">9007199254740993</td></tr>']);
    expect(bodyRows(html(new Series([true, null])))).toEqual([
      "<tr><th>0</th><td>True</td></tr>",
      "<tr><th>1</th><td>&lt;NA&gt;</td></tr>",
    ]);
  });

  it("seriesToHTML(..., options) rejects unknown options, naming them", () => {
    const s = new Series([1]);
    expect(() => seriesToHTML(s.column, s.index, s.name, { styles: false } as never)).toThrow(
      new OptionError('unknown option for toHTML: "styles" (expected style)'),
    );
  });
});

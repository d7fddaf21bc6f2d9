import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { binary, dictionary, utf8 } from "../../../src/core/dtype.js";
import { CastError, DTypeError, OptionError, ShapeError } from "../../../src/core/errors.js";
import { column } from "../../../src/core/from-values.js";
import { catAll, catColumns } from "../../../src/core/kernels/str-cat.js";
import { decode, encode } from "../../../src/core/kernels/str-encode.js";

describe("catAll(col, sep, naRep) — pandas docstring / user guide", () => {
  it("catAll(['a', 'b', NaN, 'd'], ' ') == 'a b d'; with naRep '?' == 'a b ? d'", () => {
    const c = column(["a", "b", null, "d"], utf8);
    expect(catAll(c, " ")).toBe("a b d");
    expect(catAll(c, " ", "?")).toBe("a b ? d");
  });
  it("catAll(['a', 'b', 'c', 'd'], ',') == 'a,b,c,d'; no sep == 'abcd'; empty column == ''", () => {
    expect(catAll(column(["a", "b", "c", "d"], utf8), ",")).toBe("a,b,c,d");
    expect(catAll(column(["a", "b", "c", "d"], utf8))).toBe("abcd");
    expect(catAll(column([], utf8), ",")).toBe("");
  });
  it("catAll over a categorical, a slice and two chunks", () => {
    expect(catAll(column(["b", null, "a", "b"], dictionary()), "-")).toBe("b-a-b");
    expect(catAll(column(["x", "é", "😀", null, "z"], utf8).slice(1), "|", "_")).toBe("é|😀|_|z");
    const a = column(["a", "é"], utf8);
    const b = column(["q", "b"], utf8).slice(1);
    expect(catAll(new Column(utf8, [a.chunks[0]!, b.chunks[0]!]), "+")).toBe("a+é+b");
  });
  it("catAll(col, 3) raises an OptionError naming sep; catAll(int32) a DTypeError", () => {
    expect(() => catAll(column(["a"], utf8), 3 as never)).toThrow(/invalid sep: 3/);
    expect(() => catAll(column([1], "int32"))).toThrow(DTypeError);
  });
});

describe("catColumns(cols, sep, naRep)", () => {
  it("catColumns([s, t]) — user guide: ['a','b','c','d'] with ['a','b',NaN,'d'] gives a null row; naRep '-' fills it", () => {
    const s = column(["a", "b", "c", "d"], utf8);
    const t = column(["a", "b", null, "d"], utf8);
    expect(catColumns([s, t]).toArray()).toEqual(["aa", "bb", null, "dd"]);
    expect(catColumns([s, t], "", "-").toArray()).toEqual(["aa", "bb", "c-", "dd"]);
  });
  it("catColumns of three columns with sep ',' — docstring ['a','b'] with [['x','y'], ['1','2']]", () => {
    expect(
      catColumns(
        [column(["a", "b"], utf8), column(["x", "y"], utf8), column(["1", "2"], utf8)],
        ",",
      ).toArray(),
    ).toEqual(["a,x,1", "b,y,2"]);
  });
  it("catColumns mixes a categorical, a sliced column and large_utf8 (result large_utf8)", () => {
    const r = catColumns(
      [
        column(["p", "q"], dictionary()),
        column(["_", "é", "😀"], utf8).slice(1),
        column(["1", "2"], "large_utf8"),
      ],
      "/",
    );
    expect(r.toArray()).toEqual(["p/é/1", "q/😀/2"]);
    expect(r.dtype.kind).toBe("large_utf8");
  });
  it("catColumns of columns of different lengths raises a ShapeError naming the column", () => {
    expect(() => catColumns([column(["a", "b"], utf8), column(["a"], utf8)])).toThrow(ShapeError);
    expect(() => catColumns([column(["a", "b"], utf8), column(["a"], utf8)])).toThrow(
      /column 1 has 1 rows, the first has 2/,
    );
  });
});

describe("encode(col, encoding, errors) / decode(col, encoding, errors)", () => {
  it("encode(['cow', '123', '()'], 'ascii') — docstring; decode back with 'ascii'", () => {
    const e = encode(column(["cow", "123", "()"], utf8), "ascii");
    expect(e.dtype).toEqual(binary);
    expect(e.toArray()).toEqual([
      new Uint8Array([99, 111, 119]),
      new Uint8Array([49, 50, 51]),
      new Uint8Array([40, 41]),
    ]);
    expect(decode(e, "ascii").toArray()).toEqual(["cow", "123", "()"]);
  });
  it("encode('utf-8') gives the UTF-8 bytes and keeps nulls; decode('utf-8') gives the strings back", () => {
    const c = column(["né", null, "😀", ""], utf8);
    const e = encode(c, "utf-8");
    expect(e.toArray()).toEqual([
      new Uint8Array([110, 195, 169]),
      null,
      new Uint8Array([240, 159, 152, 128]),
      new Uint8Array([]),
    ]);
    expect(decode(e).toArray()).toEqual(["né", null, "😀", ""]);
  });
  it("encode over a categorical, a slice and large_utf8 gives the same bytes as over utf8", () => {
    const want = [new Uint8Array([195, 169]), null, new Uint8Array([97])];
    expect(encode(column(["é", null, "a"], dictionary())).toArray()).toEqual(want);
    expect(encode(column(["zz", "é", null, "a"], utf8).slice(1)).toArray()).toEqual(want);
    expect(encode(column(["é", null, "a"], "large_utf8")).toArray()).toEqual(want);
    expect(encode(column(["zz", "é", null, "a"], utf8).slice(1), "latin1").toArray()).toEqual([
      new Uint8Array([233]),
      null,
      new Uint8Array([97]),
    ]);
  });
  it("encode('latin1') and encode('ascii', 'replace' | 'ignore'): 'né€' -> b'n\\xe9' errors, b'n??', b'n'", () => {
    const c = column(["né€"], utf8);
    expect(() => encode(c, "latin1")).toThrow(CastError);
    expect(() => encode(c, "latin1")).toThrow(/row 0: "né€" has "€", which latin1 cannot encode/);
    expect(encode(c, "ascii", "replace").toArray()).toEqual([new Uint8Array([110, 63, 63])]);
    expect(encode(c, "ascii", "ignore").toArray()).toEqual([new Uint8Array([110])]);
    expect(encode(column(["né"], utf8), "latin1").toArray()).toEqual([new Uint8Array([110, 233])]);
  });
  it("encode(col, 'ebcdic') and errors 'loud' raise OptionErrors naming the value", () => {
    expect(() => encode(column(["a"], utf8), "ebcdic")).toThrow(OptionError);
    expect(() => encode(column(["a"], utf8), "ebcdic")).toThrow(/invalid encoding: "ebcdic"/);
    expect(() => encode(column(["a"], utf8), "utf-8", "loud" as never)).toThrow(/invalid errors: "loud"/);
  });
  it("decode of invalid UTF-8 with errors 'strict' names the row; 'replace' gives U+FFFD", () => {
    const bad = column([new Uint8Array([97]), new Uint8Array([0xff, 98])], binary);
    expect(() => decode(bad)).toThrow(CastError);
    expect(() => decode(bad)).toThrow(/str\.decode: row 1 is not valid utf-8/);
    expect(decode(bad, "utf-8", "replace").toArray()).toEqual(["a", "\ufffdb"]);
  });
  it("decode of latin1 and utf-16le bytes; a leading BOM is kept as data (Python's bytes.decode('utf-8'))", () => {
    expect(decode(column([new Uint8Array([110, 233])], binary), "latin1").toArray()).toEqual(["né"]);
    expect(decode(column([new Uint8Array([104, 0, 105, 0])], binary), "utf-16le").toArray()).toEqual(["hi"]);
    const bom = decode(column([new Uint8Array([0xef, 0xbb, 0xbf, 0x78])], binary));
    expect(Array.from(bom.chunks[0]!.values as Uint8Array)).toEqual([0xef, 0xbb, 0xbf, 0x78]);
  });
  it("decode of a utf8 column raises a DTypeError naming utf8; an unknown encoding an OptionError", () => {
    expect(() => decode(column(["a"], utf8))).toThrow(DTypeError);
    expect(() => decode(column(["a"], utf8))).toThrow(/str\.decode needs bytes \(binary\), got utf8/);
    expect(() => decode(column([new Uint8Array([1])], binary), "klingon")).toThrow(
      /unknown encoding: "klingon"/,
    );
  });
});

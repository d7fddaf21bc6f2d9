import { describe, expect, it } from "vitest";
import { OptionError } from "../../src/core/errors.js";
import { isObject, keyword, maybeBoolean, maybeKeyword, nonNegativeInt, show } from "../../src/util/is.js";

const HOW = ["inner", "left", "right", "outer", "cross", "semi", "anti"] as const;

describe("option guards", () => {
  it("keyword(option, value, allowed) returns an allowed value", () => {
    expect(keyword("how", "left", HOW)).toBe("left");
  });

  it("keyword(option, bad, allowed) raises an OptionError in the one message shape", () => {
    expect(() => keyword("how", "sideways", HOW)).toThrow(OptionError);
    expect(() => keyword("how", "sideways", HOW)).toThrow(
      'invalid how: "sideways" (expected one of inner, left, right, outer, cross, semi, anti)',
    );
    expect(() => keyword("how", 3, HOW)).toThrow("invalid how: 3 (expected one of");
    expect(() => keyword("how", undefined, HOW)).toThrow("invalid how: undefined");
    expect(() => keyword("how", "LEFT", HOW)).toThrow('invalid how: "LEFT"');
  });

  it("maybeKeyword(option, undefined, allowed, fallback) returns the fallback", () => {
    expect(maybeKeyword("how", undefined, HOW, "inner")).toBe("inner");
    expect(maybeKeyword("how", "anti", HOW, "inner")).toBe("anti");
    expect(() => maybeKeyword("how", null, HOW, "inner")).toThrow("invalid how: null");
  });

  it("nonNegativeInt(option, value) accepts 0.. safe integers and names bad values", () => {
    expect(nonNegativeInt("n", 0)).toBe(0);
    expect(nonNegativeInt("n", 5)).toBe(5);
    for (const bad of [-1, 1.5, Number.NaN, Infinity, 2 ** 53, "3", 3n]) {
      expect(() => nonNegativeInt("n", bad)).toThrow(OptionError);
    }
    expect(() => nonNegativeInt("periods", -1)).toThrow(
      "invalid periods: -1 (expected a non-negative integer)",
    );
    expect(() => nonNegativeInt("periods", "3")).toThrow('invalid periods: "3"');
  });

  it("maybeBoolean(option, value, fallback) accepts booleans only", () => {
    expect(maybeBoolean("skipna", undefined, true)).toBe(true);
    expect(maybeBoolean("skipna", false, true)).toBe(false);
    expect(() => maybeBoolean("skipna", 0, true)).toThrow("invalid skipna: 0 (expected true or false)");
    expect(() => maybeBoolean("skipna", "yes", true)).toThrow(OptionError);
  });
});

describe("show(value)", () => {
  it("show renders values for error messages", () => {
    expect(show("a")).toBe('"a"');
    expect(show(3n)).toBe("3n");
    expect(show(1.5)).toBe("1.5");
    expect(show(null)).toBe("null");
    expect(show(undefined)).toBe("undefined");
    expect(show([1, "x"])).toBe('[1,"x"]');
    expect(show([1n])).toBe('["1n"]');
    expect(show({ a: 1 })).toBe('{"a":1}');
    expect(show(new Map())).toBe("Map");
    expect(show(new Float64Array(2))).toBe("Float64Array");
  });

  it("show(cyclic object) falls back to String", () => {
    const o: Record<string, unknown> = {};
    o.self = o;
    expect(show(o)).toBe("[object Object]");
    const n = Object.create(null) as object;
    expect(() => show(n)).not.toThrow();
  });
});

describe("isObject(x)", () => {
  it("isObject is true for non-null objects only", () => {
    expect(isObject({})).toBe(true);
    expect(isObject([])).toBe(true);
    expect(isObject(null)).toBe(false);
    expect(isObject("x")).toBe(false);
    expect(isObject(() => 1)).toBe(false);
  });
});

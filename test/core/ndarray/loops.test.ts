import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OUTPUT, render } from "../../../scripts/gen-ndarray-loops.js";

describe("scripts/gen-ndarray-loops.ts", () => {
  it("render() reproduces the checked-in src/core/ndarray/loops.ts (regenerating changes nothing)", () => {
    expect(readFileSync(new URL(`../../../${OUTPUT}`, import.meta.url), "utf8")).toBe(render());
  });
});

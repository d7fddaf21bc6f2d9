import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OUTPUT_DIR, render } from "../../../scripts/gen-ndarray-loops.js";

const root = new URL("../../../", import.meta.url);

describe("scripts/gen-ndarray-loops.ts", () => {
  const files = render();

  it(`writes exactly the checked-in files of ${OUTPUT_DIR}/`, () => {
    const onDisk = readdirSync(new URL(`${OUTPUT_DIR}/`, root))
      .map((f) => `${OUTPUT_DIR}/${f}`)
      .sort();
    expect(onDisk).toEqual([...files.keys()].sort());
  });

  for (const [path, text] of files) {
    it(`render() reproduces the checked-in ${path} (regenerating changes nothing)`, () => {
      expect(readFileSync(new URL(path, root), "utf8")).toBe(text);
    });

    it(`${path} stays under 450 lines`, () => {
      expect(text.split("\n").length).toBeLessThanOrEqual(450);
    });
  }
});

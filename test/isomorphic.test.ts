/**
 * DESIGN.md §1.6: the core imports nothing from Node. Node-only code may
 * live only under src/node/ (its own entry point).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = resolve(dirname(fileURLToPath(import.meta.url)), "..", "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const NODE_ONLY =
  /from\s+["'](node:|fs["']|path["']|os["']|stream["']|url["']|crypto["'])|\bprocess\.|\bBuffer\.|\brequire\(/;

describe("isomorphic sources", () => {
  const shared = files(src).filter((p) => !relative(src, p).startsWith("node/"));
  it("src/ outside src/node/ has files to check", () => {
    expect(shared.length).toBeGreaterThan(5);
  });
  for (const p of shared) {
    it(`${relative(src, p)} uses no Node-only module or global`, () => {
      const code = readFileSync(p, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "");
      expect(code).not.toMatch(NODE_ONLY);
    });
  }
  it("src/ contains no eval or new Function (strict CSP pages must work)", () => {
    for (const p of files(src))
      expect(readFileSync(p, "utf8"), relative(src, p)).not.toMatch(/\bnew Function\(|\beval\(/);
  });
});

/**
 * Generate src/core/ndarray/loops/: the NDArray element-wise and reduction
 * inner loops, one copy per storage type so that V8 keeps every loop
 * monomorphic (see the kernel conventions in the helpers' brief). The op
 * tables live in shared.ts, each storage type's loops in its own file
 * (f64.ts, f32.ts, i32.ts, small-int.ts), and index.ts re-exports them all.
 *
 * Run: `npx tsx scripts/gen-ndarray-loops.ts`. A test checks that the
 * checked-in files equal `render()`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Directory of the generated modules, relative to the repository root. */
export const OUTPUT_DIR = "src/core/ndarray/loops";

/** Binary arithmetic ops, in op-code order. */
export const ARITH = ["add", "sub", "mul", "div", "floorDiv", "mod", "pow"] as const;
/** Comparison ops, in op-code order. */
export const COMPARE = ["eq", "ne", "lt", "le", "gt", "ge"] as const;
/** Unary ops, in op-code order; the first four exist for every storage type, the rest for floats. */
export const UNARY = [
  "copy",
  "neg",
  "abs",
  "sign",
  "sqrt",
  "exp",
  "expm1",
  "log",
  "log1p",
  "log2",
  "log10",
  "sin",
  "cos",
  "tan",
  "asin",
  "acos",
  "atan",
  "sinh",
  "cosh",
  "tanh",
  "asinh",
  "acosh",
  "atanh",
  "floor",
  "ceil",
  "trunc",
  "round",
] as const;

interface Group {
  name: string;
  array: string;
  float: boolean;
  /** Output file name, without extension. */
  file: string;
}

const GROUPS: Group[] = [
  { name: "F64", array: "Float64Array", float: true, file: "f64" },
  { name: "F32", array: "Float32Array", float: true, file: "f32" },
  { name: "I32", array: "Int32Array", float: false, file: "i32" },
  { name: "Int", array: "SmallIntArray", float: false, file: "small-int" },
];

const FLOAT_ARITH: Record<string, string> = {
  add: "x + y",
  sub: "x - y",
  mul: "x * y",
  div: "x / y",
  floorDiv: "floorDivF(x, y)",
  mod: "modF(x, y)",
  pow: "powF(x, y)",
};
const INT_ARITH: Record<string, string> = {
  add: "x + y",
  sub: "x - y",
  mul: "Math.imul(x, y)",
  floorDiv: "floorDivI(x, y)",
  mod: "modI(x, y)",
  pow: "powI(x, y)",
};
const CMP: Record<string, string> = {
  eq: "x === y",
  ne: "x !== y",
  lt: "x < y",
  le: "x <= y",
  gt: "x > y",
  ge: "x >= y",
};
const MATH = (f: string) => `Math.${f}(x)`;
const FLOAT_UNARY: Record<string, string> = {
  copy: "x",
  neg: "-x",
  abs: "Math.abs(x)",
  sign: "signF(x)",
  round: "roundHalfEven(x)",
};
for (const u of UNARY) if (!(u in FLOAT_UNARY)) FLOAT_UNARY[u] = MATH(u);
const INT_UNARY: Record<string, string> = {
  copy: "x",
  neg: "-x",
  abs: "Math.abs(x)",
  sign: "x > 0 ? 1 : x < 0 ? -1 : 0",
};

const sub = (expr: string, x: string, y = "") => expr.replace(/\bx\b/g, x).replace(/\by\b/g, y);

function binaryFn(
  g: Group,
  fn: string,
  outType: string,
  ops: readonly string[],
  table: Record<string, string>,
) {
  const lines: string[] = [];
  const sig = `out: ${outType}, o: number, a: ${g.array}, ia: number, sa: number, b: ${g.array}, ib: number, sb: number, n: number`;
  lines.push(`export function ${fn}${g.name}(op: number, ${sig}): void {`);
  lines.push("  if (sa === 1 && sb === 1) {");
  lines.push("    switch (op) {");
  ops.forEach((name, code) => {
    const e = table[name];
    if (e === undefined) return;
    const body =
      outType === "Uint8Array"
        ? `${sub(e, "a[ia + k]", "b[ib + k]")} ? 1 : 0`
        : sub(e, "a[ia + k]", "b[ib + k]");
    lines.push(`      case ${code}:`);
    lines.push(`        for (let k = 0; k < n; k++) out[o + k] = ${body};`);
    lines.push("        return;");
  });
  lines.push("    }");
  lines.push("  }");
  lines.push("  switch (op) {");
  ops.forEach((name, code) => {
    const e = table[name];
    if (e === undefined) return;
    const body = outType === "Uint8Array" ? `${sub(e, "a[ia]", "b[ib]")} ? 1 : 0` : sub(e, "a[ia]", "b[ib]");
    lines.push(`    case ${code}:`);
    lines.push(`      for (let k = 0; k < n; k++, ia += sa, ib += sb) out[o + k] = ${body};`);
    lines.push("      return;");
  });
  lines.push("  }");
  lines.push(`  throw new TypeError(\`op \${op} has no ${fn}${g.name} loop\`);`);
  lines.push("}");
  return lines.join("\n");
}

function unaryFn(g: Group) {
  const table = g.float ? FLOAT_UNARY : INT_UNARY;
  const lines: string[] = [];
  lines.push(
    `export function unary${g.name}(op: number, out: ${g.array}, o: number, a: ${g.array}, ia: number, sa: number, n: number): void {`,
  );
  lines.push("  switch (op) {");
  UNARY.forEach((name, code) => {
    const e = table[name];
    if (e === undefined) return;
    lines.push(`    case ${code}:`);
    lines.push(`      for (let k = 0; k < n; k++, ia += sa) out[o + k] = ${sub(e, "a[ia]")};`);
    lines.push("      return;");
  });
  lines.push("  }");
  lines.push(`  throw new TypeError(\`op \${op} has no unary${g.name} loop\`);`);
  lines.push("}");
  return lines.join("\n");
}

function reduceFns(g: Group) {
  const A = g.array;
  const out: string[] = [];
  if (g.float) {
    // NumPy's pairwise_sum: blocks of at most 128 summed with 8 accumulators, halves recursively.
    out.push(`/** Pairwise sum of a strided run (NumPy's pairwise_sum), accumulated in float64. */
export function sumRun${g.name}(a: ${A}, ia: number, sa: number, n: number): number {
  if (n < 8) {
    let s = 0;
    for (let k = 0; k < n; k++, ia += sa) s += a[ia];
    return s;
  }
  if (n <= 128) {
    let r0 = a[ia];
    let r1 = a[ia + sa];
    let r2 = a[ia + 2 * sa];
    let r3 = a[ia + 3 * sa];
    let r4 = a[ia + 4 * sa];
    let r5 = a[ia + 5 * sa];
    let r6 = a[ia + 6 * sa];
    let r7 = a[ia + 7 * sa];
    const m = n - (n % 8);
    let k = 8;
    let p = ia + 8 * sa;
    for (; k < m; k += 8, p += 8 * sa) {
      r0 += a[p];
      r1 += a[p + sa];
      r2 += a[p + 2 * sa];
      r3 += a[p + 3 * sa];
      r4 += a[p + 4 * sa];
      r5 += a[p + 5 * sa];
      r6 += a[p + 6 * sa];
      r7 += a[p + 7 * sa];
    }
    let s = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; k < n; k++, p += sa) s += a[p];
    return s;
  }
  let h = Math.floor(n / 2);
  h -= h % 8;
  return sumRun${g.name}(a, ia, sa, h) + sumRun${g.name}(a, ia + h * sa, sa, n - h);
}

/** Add a strided run element-wise into accumulators, Neumaier-compensated. */
export function accSum${g.name}(acc: Float64Array, comp: Float64Array, io: number, so: number, a: ${A}, ia: number, sa: number, n: number): void {
  for (let k = 0; k < n; k++, ia += sa, io += so) {
    const s = acc[io];
    const x = a[ia];
    const t = s + x;
    comp[io] += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    acc[io] = t;
  }
}

/** Product of a strided run, in float64. */
export function prodRun${g.name}(a: ${A}, ia: number, sa: number, n: number): number {
  let s = 1;
  for (let k = 0; k < n; k++, ia += sa) s *= a[ia];
  return s;
}

/** Multiply a strided run element-wise into accumulators. */
export function accProd${g.name}(acc: Float64Array, io: number, so: number, a: ${A}, ia: number, sa: number, n: number): void {
  for (let k = 0; k < n; k++, ia += sa, io += so) acc[io] *= a[ia];
}`);
  } else {
    out.push(`/** Plain sum of a strided run; exact while the run is at most 2^20 elements. */
export function sumRun${g.name}(a: ${A}, ia: number, sa: number, n: number): number {
  let s = 0;
  for (let k = 0; k < n; k++, ia += sa) s += a[ia];
  return s;
}

/** Add a strided run element-wise into accumulators (exact: integers below 2^53). */
export function accSum${g.name}(acc: Float64Array, io: number, so: number, a: ${A}, ia: number, sa: number, n: number): void {
  for (let k = 0; k < n; k++, ia += sa, io += so) acc[io] += a[ia];
}`);
  }
  // min/max: NaN propagates (once m is NaN nothing replaces it).
  for (const [name, cmp] of [
    ["min", "<"],
    ["max", ">"],
  ] as const) {
    const keep = g.float ? `!(x ${cmp === "<" ? ">=" : "<="} m) && !Number.isNaN(m)` : `x ${cmp} m`;
    const keepAcc = g.float
      ? `!(x ${cmp === "<" ? ">=" : "<="} acc[io]) && !Number.isNaN(acc[io])`
      : `x ${cmp} acc[io]`;
    out.push(`/** ${name === "min" ? "Minimum" : "Maximum"} of a strided run starting from \`m\`${g.float ? " (NaN propagates)" : ""}. */
export function ${name}Run${g.name}(a: ${A}, ia: number, sa: number, n: number, m: number): number {
  for (let k = 0; k < n; k++, ia += sa) {
    const x = a[ia];
    if (${keep}) m = x;
  }
  return m;
}

/** Fold a strided run element-wise into ${name} accumulators. */
export function acc${name === "min" ? "Min" : "Max"}${g.name}(acc: Float64Array, io: number, so: number, a: ${A}, ia: number, sa: number, n: number): void {
  for (let k = 0; k < n; k++, ia += sa, io += so) {
    const x = a[ia];
    if (${keepAcc}) acc[io] = x;
  }
}`);
  }
  out.push(`/** Position of the first minimum (or maximum) of a strided run${g.float ? "; the first NaN wins, as NumPy" : ""}. */
export function argRun${g.name}(a: ${A}, ia: number, sa: number, n: number, max: boolean): number {
  let best = 0;
  let m = a[ia];
${g.float ? "  if (Number.isNaN(m)) return 0;\n" : ""}  ia += sa;
  for (let k = 1; k < n; k++, ia += sa) {
    const x = a[ia];
${g.float ? "    if (Number.isNaN(x)) return k;\n" : ""}    if (max ? x > m : x < m) {
      m = x;
      best = k;
    }
  }
  return best;
}`);
  return out.join("\n\n");
}

/** Break \`export function f(a: A, b: B): R {\` lines longer than 110 columns, as biome formats them. */
function wrapSignatures(text: string): string {
  return text.replace(
    /^export function (\w+)\((.*)\): (\w+) \{$/gm,
    (line, name: string, params: string, ret: string) => {
      if (line.length <= 110) return line;
      const ps = params.split(", ").map((p) => `  ${p},`);
      return [`export function ${name}(`, ...ps, `): ${ret} {`].join("\n");
    },
  );
}

const HEADER = "// generated by scripts/gen-ndarray-loops.ts — do not edit";

/** Helpers of scalar-ops.ts that the loops may call, in import order. */
const SCALAR_OPS = ["floorDivF", "floorDivI", "modF", "modI", "powF", "powI", "roundHalfEven", "signF"];

function renderShared(): string {
  return `${HEADER}
/**
 * Op tables and types shared by the NDArray inner loops (see index.ts).
 * @internal
 */

/** Integer storage other than Int32Array (and bool, one byte per element). */
export type SmallIntArray = Int8Array | Int16Array | Uint8Array | Uint16Array | Uint32Array;

export const ARITH_OPS = ${JSON.stringify(ARITH).replace(/,/g, ", ")} as const;
export const COMPARE_OPS = ${JSON.stringify(COMPARE).replace(/,/g, ", ")} as const;
export const UNARY_OPS = [
${UNARY.map((u) => `  "${u}",`).join("\n")}
] as const;
/** Unary ops that integer storage runs itself (the others compute in float). */
export const INT_UNARY_OPS = ${JSON.stringify(Object.keys(INT_UNARY)).replace(/,/g, ", ")} as const;
`;
}

function renderGroup(g: Group): string {
  const parts: string[] = [];
  parts.push(binaryFn(g, "arith", g.array, ARITH, g.float ? FLOAT_ARITH : INT_ARITH));
  if (!g.float) parts.push(binaryFn(g, "div", "Float64Array", ["div"], { div: "x / y" }));
  parts.push(binaryFn(g, "compare", "Uint8Array", COMPARE, CMP));
  parts.push(unaryFn(g));
  parts.push(reduceFns(g));
  const body = parts.join("\n\n");
  const used = SCALAR_OPS.filter((f) => new RegExp(`\\b${f}\\(`).test(body));
  const imports: string[] = [];
  if (used.length > 0) imports.push(`import { ${used.join(", ")} } from "../scalar-ops.js";`);
  if (g.array === "SmallIntArray") imports.push(`import type { SmallIntArray } from "./shared.js";`);
  const head = `${HEADER}
/**
 * Inner loops of the NDArray kernels for ${g.array} storage, one copy per
 * storage type so that each stays monomorphic in V8. A loop handles one
 * run: \`n\` elements of the input(s) from position \`ia\` with stride \`sa\`
 * (and \`ib\`/\`sb\`), written contiguously into \`out\` from \`o\`
 * (reductions: folded into accumulators at \`io\` with stride \`so\`).
 * @internal
 */
${imports.join("\n")}`;
  return wrapSignatures(`${head}\n\n${body}\n`);
}

function renderIndex(): string {
  const files = ["shared", ...GROUPS.map((g) => g.file)].sort();
  return `${HEADER}
/**
 * The NDArray inner loops: op tables (shared.ts) and one module per storage type.
 * @internal
 */
${files.map((f) => `export * from "./${f}.js";`).join("\n")}
`;
}

/** The generated modules' texts, keyed by path relative to the repository root. */
export function render(): Map<string, string> {
  const files = new Map<string, string>();
  files.set(`${OUTPUT_DIR}/shared.ts`, renderShared());
  for (const g of GROUPS) files.set(`${OUTPUT_DIR}/${g.file}.ts`, renderGroup(g));
  files.set(`${OUTPUT_DIR}/index.ts`, renderIndex());
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const [path, text] of render()) {
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  }
}

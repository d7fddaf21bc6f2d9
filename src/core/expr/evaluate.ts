/**
 * Evaluate an arithmetic expression over columns in one fused pass.
 *
 * Composing kernels, `add(mul(a, b), c)` writes the whole product to memory
 * and reads it back. The evaluator instead walks the rows in blocks of
 * BLOCK rows and runs the same generated loops block by block, keeping the
 * intermediate results in small scratch arrays that stay in cache (the
 * method of numexpr). Only the final result is written out. Results are
 * identical to composing the kernels; a node the fused path does not cover
 * (temporal operands, a null scalar) is computed by its kernel first and
 * enters the fused pass as a column.
 */
import { isObject, maybeBoolean, show } from "../../util/is.js";
import { andValidity } from "../bitmap.js";
import { type Chunk, makeChunk, type StorageOf, sliceChunk } from "../chunk.js";
import { Column } from "../column.js";
import { type DType, isTemporal, type NumberArray } from "../dtype.js";
import { DTypeError, KeyError, OptionError, ShapeError } from "../errors.js";
import { words } from "../int64.js";
import {
  type ArithmeticOptions,
  abs,
  add,
  div,
  floorDiv,
  mod,
  mul,
  neg,
  planBinary,
  pow,
  type Scalar,
  scalarArg,
  sub,
  unaryRunner,
} from "../kernels/arithmetic.js";
import {
  type BinaryRunner,
  binaryRunner,
  isWordKey,
  newStorage,
  operandArray,
  runBinaryPiece,
  runUnaryPiece,
  type StorageKey,
  storageKey,
  type UnaryRunner,
  ValidityOut,
} from "../kernels/arithmetic-engine.js";
import { MULADD } from "../kernels/arithmetic-loops/muladd.js";
import type { BinaryOp, MulAddLoop, ScalarArg } from "../kernels/arithmetic-support.js";
import { Expr, type UnaryOp } from "./expr.js";

/** Rows per block: the scratch arrays of a few nodes stay in L1/L2 cache. */
const BLOCK = 4096;

const BINARY_KERNELS: Record<
  BinaryOp,
  (a: Column | Scalar, b: Column | Scalar, o: ArithmeticOptions) => Column
> = { add, sub, mul, div, floorDiv, mod, pow };
const UNARY_KERNELS: Record<UnaryOp, (a: Column, o: ArithmeticOptions) => Column> = { neg, abs };

/** The columns an expression reads, by name. */
export type ColumnsByName = Readonly<Record<string, Column>> | ReadonlyMap<string, Column>;

/** Options of `evaluate`. */
export interface EvaluateOptions {
  /** Throw on integer overflow instead of wrapping around, in every operation (default false). */
  checked?: boolean;
}

/** A planned node. Leaves are input columns or results of kernels; ops run block by block. */
type Node =
  | { readonly t: "leaf"; readonly col: Column; readonly dtype: DType; cursor: number; chunkStart: number }
  | { readonly t: "scalar"; readonly value: Scalar }
  | {
      readonly t: "binary";
      readonly r: BinaryRunner;
      readonly a: Node;
      readonly b: Node;
      readonly sa: ScalarArg | null;
      readonly sb: ScalarArg | null;
      readonly dtype: DType;
      scratch: NumberArray | null;
    }
  | {
      readonly t: "unary";
      readonly r: UnaryRunner;
      readonly a: Node;
      readonly dtype: DType;
      scratch: NumberArray | null;
    }
  | {
      readonly t: "muladd";
      readonly loop: MulAddLoop;
      readonly key: StorageKey;
      /** x * y + z; y and z are scalars (sy, sz) when null. */
      readonly x: Node;
      readonly y: Node | null;
      readonly z: Node | null;
      readonly sy: number;
      readonly sz: number;
      readonly dtype: DType;
      scratch: NumberArray | null;
    };

type OpNode = Extract<Node, { t: "binary" | "unary" | "muladd" }>;
type BinaryNode = Extract<Node, { t: "binary" }>;

/** One block's result of a node: values in its dtype's storage (words for 64-bit) and validity at offset 0. */
interface Block {
  values: NumberArray;
  validity: Uint8Array | null;
  offset: number;
}

/**
 * Compute an arithmetic expression over named columns, fused.
 *
 * The result equals composing the kernels of `ndframe/compute`
 * (`col("a").mul(col("b")).add(col("c"))` gives what
 * `add(mul(a, b), c)` gives: dtype, values, nulls and errors), but the
 * intermediate results never reach memory: the rows are processed in
 * blocks of 4096 through scratch arrays, so an expression of k operations
 * costs about one pass instead of k. The output is one fresh chunk; an
 * expression that is a bare `col(name)` returns that column itself.
 *
 * @param expr - the expression
 * @param columns - the columns it names, as a record or a Map; all of equal length
 * @param options - `checked`: throw a CastError naming the row on integer overflow
 * @returns a new column
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { col, evaluate } from "ndframe/compute";
 * const a = column([1, 2, 3]);
 * const b = column([10, 20, null]);
 * const c = column([0.5, 0.5, 0.5]);
 * evaluate(col("a").mul(col("b")).add(col("c")), { a, b, c }).toArray(); // => [10.5, 40.5, null]
 * ```
 */
export function evaluate(expr: Expr, columns: ColumnsByName, options?: EvaluateOptions): Column {
  if (!(expr instanceof Expr)) throw new DTypeError(`evaluate expects an Expr, got ${show(expr)}`);
  const lookup = columnLookup(columns);
  if (options !== undefined && !isObject(options)) {
    throw new OptionError(`invalid options for evaluate: ${show(options)} (expected an object)`);
  }
  for (const k of Object.keys(options ?? {})) {
    if (k !== "checked") throw new OptionError(`unknown option for evaluate: "${k}" (expected checked)`);
  }
  const checked = maybeBoolean("checked", options?.checked, false);
  const names = expr.columns();
  if (names.length === 0)
    throw new DTypeError(`evaluate needs an expression that reads a column, got ${expr}`);
  let length = -1;
  for (const name of names) {
    const c = lookup(name);
    if (length >= 0 && c.length !== length) {
      throw new ShapeError(
        `evaluate: column "${name}" has length ${c.length}, column "${names[0]}" has length ${length}`,
      );
    }
    length = c.length;
  }
  const root = plan(expr, lookup, checked, length);
  if (root.t === "leaf") return root.col;
  if (root.t === "scalar") throw new DTypeError(`evaluate: ${expr} gives a scalar, not a column`);
  return run(root, length);
}

function columnLookup(columns: ColumnsByName): (name: string) => Column {
  const isMap = columns instanceof Map;
  if (!isMap && !isObject(columns)) {
    throw new DTypeError(`evaluate expects the columns as a record or Map, got ${show(columns)}`);
  }
  return (name) => {
    // own properties only: a column named "constructor" or "__proto__" is data
    const c = isMap
      ? (columns as ReadonlyMap<string, Column>).get(name)
      : Object.hasOwn(columns, name)
        ? (columns as Record<string, Column>)[name]
        : undefined;
    if (c === undefined) {
      const known = isMap ? [...(columns as ReadonlyMap<string, Column>).keys()] : Object.keys(columns);
      throw new KeyError(
        `evaluate: no column "${name}" (columns: ${known.map((k) => JSON.stringify(k)).join(", ") || "none"})`,
      );
    }
    if (!(c instanceof Column)) throw new DTypeError(`evaluate: "${name}" is not a Column, got ${show(c)}`);
    return c;
  };
}

const leaf = (col: Column): Node => ({ t: "leaf", col, dtype: col.dtype, cursor: 0, chunkStart: 0 });

/** A node's value as a kernel operand: a column (computed now if needed) or the scalar. */
function materialize(node: Node, length: number): Column | Scalar {
  if (node.t === "scalar") return node.value;
  if (node.t === "leaf") return node.col;
  return run(node, length);
}

function plan(e: Expr, lookup: (name: string) => Column, checked: boolean, length: number): Node {
  const n = e.node;
  switch (n.kind) {
    case "col":
      return leaf(lookup(n.name));
    case "lit":
      return { t: "scalar", value: n.value };
    case "unary": {
      const a = plan(n.arg, lookup, checked, length);
      if (a.t === "scalar") throw new DTypeError(`${n.op} needs a column, got ${e}`);
      if (isTemporal(a.dtype))
        return leaf(UNARY_KERNELS[n.op](materialize(a, length) as Column, { checked }));
      const r = unaryRunner(n.op, a.dtype, checked);
      return { t: "unary", r, a, dtype: r.outDtype, scratch: null };
    }
    case "binary": {
      const a = plan(n.left, lookup, checked, length);
      const b = plan(n.right, lookup, checked, length);
      const va = a.t === "scalar" ? a.value : null;
      const vb = b.t === "scalar" ? b.value : null;
      if (a.t === "scalar" && b.t === "scalar") {
        throw new DTypeError(`${n.op} needs at least one column, got ${e}`);
      }
      const da = a.t === "scalar" ? null : a.dtype;
      const db = b.t === "scalar" ? null : b.dtype;
      // temporal arithmetic and null scalars: the kernel, on computed operands
      const nullScalar = (a.t === "scalar" && va === null) || (b.t === "scalar" && vb === null);
      if ((da !== null && isTemporal(da)) || (db !== null && isTemporal(db)) || nullScalar) {
        const kernel = BINARY_KERNELS[n.op];
        return leaf(kernel(materialize(a, length), materialize(b, length), { checked }));
      }
      const { plan: p, compute } = planBinary(n.op, da, va, db, vb, checked);
      const sa = va === null ? null : scalarArg(va as number | bigint | boolean, p.key, n.op, compute);
      const sb = vb === null ? null : scalarArg(vb as number | bigint | boolean, p.key, n.op, compute);
      const r = binaryRunner(p, sb);
      const node: BinaryNode = { t: "binary", r, a, b, sa, sb, dtype: p.outDtype, scratch: null };
      return n.op === "add" && !checked ? (fuseMulAdd(node) ?? node) : node;
    }
  }
}

const isMul = (n: Node, key: StorageKey): n is BinaryNode =>
  n.t === "binary" && n.r.plan.op === "mul" && n.r.plan.key === key;

/**
 * `mul(x, y)` added to z (either order) becomes one fused multiply-add
 * loop when both compute in the same 8/16/32-bit or float storage and
 * overflow wraps (a `checked` evaluation keeps the two steps, so that it
 * names the step that overflows).
 */
function fuseMulAdd(add: BinaryNode): Node | null {
  const key = add.r.plan.key;
  const loop = MULADD[key];
  if (loop === undefined) return null;
  const [m, z, sz] = isMul(add.a, key)
    ? [add.a, add.b, add.sb]
    : isMul(add.b, key)
      ? [add.b, add.a, add.sa]
      : [null, null, null];
  if (m === null) return null;
  // x * s and s * y are the same product (multiplication commutes exactly)
  const [x, y, sy] = m.a.t === "scalar" ? [m.b, null, m.sa] : [m.a, m.b.t === "scalar" ? null : m.b, m.sb];
  return {
    t: "muladd",
    loop,
    key,
    x,
    y,
    z: z.t === "scalar" ? null : z,
    sy: (sy ?? 0) as number,
    sz: (sz ?? 0) as number,
    dtype: add.dtype,
    scratch: null,
  };
}

/** Run an op node over all rows into one fresh output chunk. */
function run(root: OpNode, length: number): Column {
  const leaves: Extract<Node, { t: "leaf" }>[] = [];
  collect(root, leaves, true);
  const outStorage = newStorage(root.dtype, length);
  const wide = isWordKey(storageKey(root.dtype));
  const out = wide ? words(outStorage as BigInt64Array) : (outStorage as NumberArray);
  const step = wide ? 2 : 1;
  const validity = new ValidityOut(length);
  for (const [start, end] of blocks(leaves, length)) {
    const len = end - start;
    const o = out.subarray(start * step, end * step);
    validity.put(start, len, evalOp(root, o, start, len));
  }
  return Column.fromChunk(
    makeChunk({ dtype: root.dtype, length, values: outStorage as StorageOf<DType>, validity: validity.bits }),
  );
}

/** Gather the leaves and give every op node below the root its scratch array. */
function collect(node: Node, leaves: Extract<Node, { t: "leaf" }>[], isRoot: boolean): void {
  if (node.t === "leaf") {
    node.cursor = 0;
    node.chunkStart = 0;
    if (!leaves.includes(node)) leaves.push(node);
    return;
  }
  if (node.t === "scalar") return;
  if (!isRoot && node.scratch === null) {
    const wide = isWordKey(storageKey(node.dtype));
    node.scratch = wide ? new Int32Array(2 * BLOCK) : (newStorage(node.dtype, BLOCK) as NumberArray);
  }
  if (node.t === "muladd") {
    for (const c of [node.x, node.y, node.z]) if (c !== null) collect(c, leaves, false);
    return;
  }
  collect(node.a, leaves, false);
  if (node.t === "binary") collect(node.b, leaves, false);
}

/** Row ranges of at most BLOCK rows that never cross a chunk boundary of any leaf. */
function blocks(leaves: readonly Extract<Node, { t: "leaf" }>[], length: number): [number, number][] {
  const cuts = new Set<number>([length]);
  for (const l of leaves) {
    let s = 0;
    for (const c of l.col.chunks) {
      s += c.length;
      cuts.add(s);
    }
  }
  const sorted = [...cuts].sort((x, y) => x - y);
  const out: [number, number][] = [];
  let start = 0;
  for (const cut of sorted) {
    for (let s = start; s < cut; s += BLOCK) out.push([s, Math.min(cut, s + BLOCK)]);
    start = cut;
  }
  return out;
}

/** The chunk of a leaf covering rows [start, start + len), sliced to them (no copy). */
function leafChunk(node: Extract<Node, { t: "leaf" }>, start: number, len: number): Chunk {
  const chunks = node.col.chunks;
  let c = chunks[node.cursor] as Chunk;
  while (start >= node.chunkStart + c.length) {
    node.chunkStart += c.length;
    node.cursor++;
    c = chunks[node.cursor] as Chunk;
  }
  const local = start - node.chunkStart;
  return local === 0 && len === c.length ? c : sliceChunk(c, local, len);
}

/** A node's values for one block in storage `key` (converted when its own storage differs). */
function operand(node: Node, key: StorageKey, start: number, len: number): Block | null {
  if (node.t === "scalar") return null;
  if (node.t === "leaf") {
    const c = leafChunk(node, start, len);
    return { values: operandArray(c, key, start), validity: c.validity, offset: c.offset };
  }
  const scratch = node.scratch as NumberArray;
  const own = scratch.subarray(0, isWordKey(storageKey(node.dtype)) ? 2 * len : len);
  const validity = evalOp(node, own, start, len);
  if (storageKey(node.dtype) === key) return { values: own, validity, offset: 0 };
  const values = isWordKey(storageKey(node.dtype))
    ? new BigInt64Array(own.buffer, own.byteOffset, len)
    : (own as StorageOf<DType>);
  const chunk = makeChunk({ dtype: node.dtype, length: len, values: values as StorageOf<DType>, validity });
  return { values: operandArray(chunk, key, start), validity, offset: 0 };
}

/** Evaluate an op node for rows [start, start + len) into `o`; returns the block's validity. */
function evalOp(node: OpNode, o: NumberArray, start: number, len: number): Uint8Array | null {
  if (node.t === "muladd") return evalMulAdd(node, o, start, len);
  const key = node.t === "unary" ? node.r.key : node.r.plan.key;
  const a = operand(node.a, key, start, len);
  if (node.t === "unary") {
    const { values, validity, offset } = a as Block;
    const v = andValidity(validity, offset, null, 0, len);
    runUnaryPiece(node.r, o, values, v, start, len);
    return v;
  }
  const b = operand(node.b, key, start, len);
  const v = andValidity(a?.validity ?? null, a?.offset ?? 0, b?.validity ?? null, b?.offset ?? 0, len);
  return runBinaryPiece(node.r, o, a?.values ?? null, node.sa, b?.values ?? null, node.sb, v, start, len);
}

function evalMulAdd(
  node: Extract<Node, { t: "muladd" }>,
  o: NumberArray,
  start: number,
  len: number,
): Uint8Array | null {
  const x = operand(node.x, node.key, start, len) as Block;
  const y = node.y === null ? null : (operand(node.y, node.key, start, len) as Block);
  const z = node.z === null ? null : (operand(node.z, node.key, start, len) as Block);
  let v = andValidity(x.validity, x.offset, y?.validity ?? null, y?.offset ?? 0, len);
  if (z !== null && z.validity !== null) v = andValidity(v, 0, z.validity, z.offset, len);
  const { loop } = node;
  if (y !== null && z !== null) loop.vvv(o, x.values, y.values, z.values, len);
  else if (y !== null) loop.vvs(o, x.values, y.values, node.sz, len);
  else if (z !== null) loop.vsv(o, x.values, node.sy, z.values, len);
  else loop.vss(o, x.values, node.sy, node.sz, len);
  return v;
}

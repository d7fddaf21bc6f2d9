import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../../src/core/column.js";
import { type DType, dtypeToString } from "../../../src/core/dtype.js";
import { CastError, DTypeError, KeyError, OptionError, ShapeError } from "../../../src/core/errors.js";
import { evaluate } from "../../../src/core/expr/evaluate.js";
import { col, type Expr, lit } from "../../../src/core/expr/expr.js";
import { column } from "../../../src/core/from-values.js";
import {
  abs,
  add,
  div,
  floorDiv,
  mod,
  mul,
  neg,
  pow,
  type Scalar,
  sub,
} from "../../../src/core/kernels/arithmetic.js";

const KERNELS = { add, sub, mul, div, floorDiv, mod, pow, neg, abs };

/** The reference: the same expression computed by composing the column kernels. */
function composed(e: Expr, cols: Record<string, Column>, checked: boolean): Column | Scalar {
  const n = e.node;
  switch (n.kind) {
    case "col":
      return cols[n.name] as Column;
    case "lit":
      return n.value;
    case "unary":
      return KERNELS[n.op](composed(n.arg, cols, checked) as Column, { checked });
    case "binary":
      return KERNELS[n.op](composed(n.left, cols, checked), composed(n.right, cols, checked), { checked });
  }
}

type Outcome = { error: string } | { dtype: string; values: unknown[] };

function outcome(f: () => Column | Scalar): Outcome {
  try {
    const r = f();
    if (!(r instanceof Column)) return { error: "scalar" };
    return { dtype: dtypeToString(r.dtype), values: r.toArray() };
  } catch (e) {
    if (e instanceof TypeError && !(e instanceof DTypeError)) throw e; // a bug, not a checked error
    return { error: (e as Error).name };
  }
}

const KINDS = [
  "bool",
  "int8",
  "int16",
  "int32",
  "int64",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "float32",
  "float64",
] as const;

function cellArb(kind: string): fc.Arbitrary<number | bigint | boolean> {
  switch (kind) {
    case "bool":
      return fc.boolean();
    case "float32":
    case "float64":
      return fc.oneof(
        fc.integer({ min: -40, max: 40 }).map((k) => k / 4),
        fc.double({ noNaN: false }),
      );
    case "int64":
      return fc.oneof(
        fc.bigInt({ min: -9n, max: 9n }),
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
      );
    case "uint64":
      return fc.oneof(fc.bigInt({ min: 0n, max: 9n }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }));
    default: {
      const bits = Number(/\d+/.exec(kind)?.[0]);
      const signed = kind.startsWith("int");
      const min = signed ? -(2 ** (bits - 1)) : 0;
      const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
      return fc.oneof(fc.integer({ min: Math.max(min, -9), max: 9 }), fc.integer({ min, max }));
    }
  }
}

/** A column of `kind`, `length` rows, some nulls, split into chunks at `cuts` (fractions). */
const columnArb = (length: number) =>
  fc
    .record({
      kind: fc.constantFrom(...KINDS),
      nulls: fc.constantFrom(0, 0, 0.3),
      cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 2 }),
    })
    .chain(({ kind, nulls, cuts }) =>
      fc
        .array(fc.option(cellArb(kind), { freq: nulls === 0 ? 1e9 : 3 }), {
          minLength: length,
          maxLength: length,
        })
        .map((values) => {
          const full = column(values, kind);
          const at = [...new Set(cuts.map((c) => Math.floor(c * length)))].sort((x, y) => x - y);
          const bounds = [0, ...at, length];
          const chunks = bounds.slice(1).flatMap((end, i) => full.slice(bounds[i], end).chunks);
          return new Column(full.dtype as DType, chunks);
        }),
    );

const scalarArb: fc.Arbitrary<Scalar> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -5, max: 5 }) },
  { weight: 2, arbitrary: fc.constantFrom(0.5, -2.25, 300, 1e10) },
  { weight: 1, arbitrary: fc.constantFrom(true, 3n, null) },
);

const BINARY = ["add", "sub", "mul", "div", "floorDiv", "mod", "pow"] as const;

const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(col("a"), col("b"), col("c")),
    fc.constantFrom(col("a"), col("b"), col("c")),
    fc
      .tuple(fc.constantFrom(...BINARY), tie("e"), fc.oneof(tie("e"), scalarArb.map(lit)))
      .map(([op, x, y]) => x[op](y)),
    fc.tuple(fc.constantFrom(...BINARY), scalarArb.map(lit), tie("e")).map(([op, x, y]) => x[op](y)),
    // the fused multiply-add shapes, often
    fc
      .tuple(tie("e"), fc.oneof(tie("e"), scalarArb), fc.oneof(tie("e"), scalarArb))
      .map(([x, y, z]) => x.mul(y).add(z)),
    fc.tuple(tie("e"), tie("e"), scalarArb).map(([x, y, s]) => lit(s).add(x.mul(y))),
    fc
      .tuple(fc.constantFrom("neg", "abs") as fc.Arbitrary<"neg" | "abs">, tie("e"))
      .map(([op, x]) => x[op]()),
  ),
})).e;

describe("evaluate(expr, columns)", () => {
  it("evaluate(expr, columns) equals composing the kernels: dtype, values, nulls and error kind", () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(0, 1, 5, 4095, 4097, 9000)
          .chain((n) => fc.tuple(columnArb(n), columnArb(n), columnArb(n), exprArb, fc.boolean())),
        ([a, b, c, e, checked]) => {
          const cols = { a, b, c };
          const want = outcome(() => composed(e, cols, checked));
          const got = outcome(() => evaluate(e, cols, { checked }));
          expect(got, e.toString()).toEqual(want);
        },
      ),
      { numRuns: 250 },
    );
  });

  it("evaluate(a * b + c) fuses for every storage and matches the kernels at block and chunk edges", () => {
    const n = 10_000;
    for (const kind of KINDS) {
      const values = (seed: number) =>
        Array.from({ length: n }, (_, i) => {
          const h = Math.imul(i + seed * 7919, 2654435761) >>> 0;
          if (h % 13 === 0) return null;
          if (kind === "bool") return h % 2 === 0;
          if (kind.startsWith("float")) return ((h % 2001) - 1000) / 8;
          if (kind === "int64" || kind === "uint64")
            return BigInt(h % 1000) * (kind === "int64" ? -987654321n : 987654321n);
          const span = kind.endsWith("8") ? 256 : 600; // products wrap in 8 and 16 bits
          return kind.startsWith("u") ? h % span : (h % span) - span / 2;
        });
      const a = column(values(1), kind);
      // b in three chunks cut off the block grid
      const bFull = column(values(2), kind);
      const b = new Column(bFull.dtype, [
        ...bFull.slice(0, 4000).chunks,
        ...bFull.slice(4000, 4100).chunks,
        ...bFull.slice(4100).chunks,
      ]);
      const c = column(values(3), kind).slice(0);
      const cols = { a, b, c };
      for (const e of [
        col("a").mul(col("b")).add(col("c")),
        col("c").add(col("a").mul(col("b"))),
        col("a").mul(3).add(col("c")),
        lit(3).mul(col("a")).add(col("c")),
        col("a").mul(col("b")).add(7),
        col("a").mul(2).add(1),
      ]) {
        expect(
          outcome(() => evaluate(e, cols)),
          `${kind}: ${e}`,
        ).toEqual(outcome(() => composed(e, cols, false)));
      }
    }
  });

  it("evaluate(a * b + c) gives hand-computed values with nulls", () => {
    const a = column([1, 2, 3]);
    const b = column([10, 20, null]);
    const c = column([0.5, 0.5, 0.5]);
    const r = evaluate(col("a").mul(col("b")).add(col("c")), { a, b, c });
    expect(r.dtype).toEqual({ kind: "float64" });
    expect(r.toArray()).toEqual([10.5, 40.5, null]);
  });

  it("evaluate wraps int8 like the kernels: 100 * 2 + 100 is 44", () => {
    // 200 wraps to -56 in int8; -56 + 100 = 44 (and 300 - 256 = 44 fused)
    const a = column([100, -128], "int8");
    const r = evaluate(col("a").mul(2).add(100), { a });
    expect(r.dtype).toEqual({ kind: "int8" });
    expect(r.toArray()).toEqual([44, 100]); // -128 * 2 = -256 wraps to 0
  });

  it("evaluate rounds float32 products before adding, as two float32 steps do", () => {
    const a = column([0.1], "float32");
    const b = column([3], "float32");
    const c = column([1e-8], "float32");
    const f = Math.fround;
    const want = f(f(f(0.1) * 3) + f(1e-8));
    expect(evaluate(col("a").mul(col("b")).add(col("c")), { a, b, c }).toArray()).toEqual([want]);
  });

  it("evaluate(col(name)) returns the column itself", () => {
    const a = column([1, 2]);
    expect(evaluate(col("a"), { a })).toBe(a);
  });

  it("evaluate falls back to the temporal kernels: timestamp − timestamp → duration, × 2", () => {
    const t0 = column([0n, 1_000n], "timestamp[ms]");
    const t1 = column([5_000n, null], "timestamp[ms]");
    const r = evaluate(col("t1").sub(col("t0")).mul(2), { t0, t1 });
    expect(r.dtype).toEqual({ kind: "duration", unit: "ms" });
    expect(r.toArray()).toEqual([10_000n, null]);
  });

  it("evaluate with a null literal gives all nulls of the result dtype", () => {
    const a = column([1, 2], "int16");
    const r = evaluate(col("a").add(null), { a });
    expect(r.dtype).toEqual({ kind: "int16" });
    expect(r.toArray()).toEqual([null, null]);
  });

  it("evaluate reads columns from a Map and from own properties only", () => {
    const x = column([1, 2], "int32");
    expect(evaluate(col("__proto__").add(1), new Map([["__proto__", x]])).toArray()).toEqual([2, 3]);
    const record = Object.fromEntries([["__proto__", x]]) as Record<string, Column>;
    expect(evaluate(col("__proto__").mul(2), record).toArray()).toEqual([2, 4]);
    expect(() => evaluate(col("constructor").add(1), { x })).toThrow(KeyError);
    expect(() => evaluate(col("toString").add(1), { x })).toThrow(/no column "toString"/);
  });

  it("evaluate names a missing column and lists the known ones", () => {
    const a = column([1]);
    expect(() => evaluate(col("b").add(1), { a })).toThrow(
      new KeyError('evaluate: no column "b" (columns: "a")'),
    );
  });

  it("evaluate rejects columns of different lengths, naming both", () => {
    const a = column([1, 2]);
    const b = column([1, 2, 3]);
    expect(() => evaluate(col("a").add(col("b")), { a, b })).toThrow(
      new ShapeError('evaluate: column "b" has length 3, column "a" has length 2'),
    );
  });

  it("evaluate with checked names the overflowing row", () => {
    const a = column([1, 2147483647], "int32");
    expect(evaluate(col("a").mul(1).add(1), { a }).toArray()).toEqual([2, -2147483648]);
    expect(() => evaluate(col("a").mul(1).add(1), { a }, { checked: true })).toThrow(CastError);
    expect(() => evaluate(col("a").mul(1).add(1), { a }, { checked: true })).toThrow(
      /add overflows int32 at row 1/,
    );
  });

  it("evaluate rejects expressions without columns, non-expressions, bad columns and bad options", () => {
    const a = column([1]);
    expect(() => evaluate(lit(1).add(2), { a })).toThrow(/needs an expression that reads a column/);
    expect(() => evaluate("a" as unknown as Expr, { a })).toThrow(DTypeError);
    expect(() => evaluate(col("a"), { a: [1, 2] as unknown as Column })).toThrow(/"a" is not a Column/);
    expect(() => evaluate(col("a").add("x"), { a })).toThrow(DTypeError);
    expect(() => evaluate(col("a"), { a }, { chekced: true } as never)).toThrow(
      new OptionError('unknown option for evaluate: "chekced" (expected checked)'),
    );
    expect(() => evaluate(col("a"), { a }, { checked: "yes" } as never)).toThrow(OptionError);
  });
});

describe("Expr", () => {
  it("toString() writes the tree with parentheses around inner operations", () => {
    expect(col("a").mul(col("b")).add(1).toString()).toBe('(col("a") * col("b")) + 1');
    expect(lit(2n).pow(col("x")).neg().toString()).toBe('neg(2n ** col("x"))');
  });

  it("columns() lists the names read, once each, in first-use order", () => {
    expect(col("b").mul(col("a")).add(col("b")).columns()).toEqual(["b", "a"]);
    expect(lit(1).columns()).toEqual([]);
  });

  it("is immutable, and methods reject non-scalar operands", () => {
    const e = col("a");
    expect(Object.isFrozen(e)).toBe(true);
    expect(() => e.add({} as never)).toThrow(/must be an Expr or a scalar/);
    expect(() => col(1 as never)).toThrow(/expects a column name/);
  });
});

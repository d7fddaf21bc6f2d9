/**
 * Column expressions: a small immutable tree of column references, scalar
 * literals and arithmetic, built with `col()`, `lit()` and chained methods,
 * and computed by `evaluate()` in one fused pass (see evaluate.ts). They are
 * data, not closures, so the frame verbs built later (`assign`, `filter`)
 * and a lazy frame compiling to SQL can read them (DESIGN.md §7).
 */
import { show } from "../../util/is.js";
import { DTypeError } from "../errors.js";
import type { Scalar } from "../kernels/arithmetic.js";
import type { BinaryOp } from "../kernels/arithmetic-support.js";

/** The unary operations an expression can apply. */
export type UnaryOp = "neg" | "abs";

/** An operand of an expression method: another expression or a JS scalar (made a literal). */
export type ExprInput = Expr | Scalar;

/** The node an `Expr` wraps. */
export type ExprNode =
  | { readonly kind: "col"; readonly name: string }
  | { readonly kind: "lit"; readonly value: Scalar }
  | { readonly kind: "binary"; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: "unary"; readonly op: UnaryOp; readonly arg: Expr };

const SYMBOLS: Record<BinaryOp, string> = {
  add: "+",
  sub: "-",
  mul: "*",
  div: "/",
  floorDiv: "//",
  mod: "%",
  pow: "**",
};

function checkScalar(value: unknown): asserts value is Scalar {
  const t = typeof value;
  if (value === null || t === "number" || t === "bigint" || t === "boolean" || t === "string") return;
  throw new DTypeError(`an expression operand must be an Expr or a scalar, got ${show(value)}`);
}

/**
 * An expression over named columns. Immutable: every method returns a new
 * expression. Arithmetic follows the kernels of `ndframe/compute` exactly
 * (promotion, weak scalars, null propagation, wrap-around or `checked`).
 */
export class Expr {
  /** @internal Use `col()` and `lit()`. */
  constructor(readonly node: ExprNode) {
    Object.freeze(this);
  }

  /** This expression plus `other`, as `add`. */
  add(other: ExprInput): Expr {
    return binary("add", this, other);
  }

  /** This expression minus `other`, as `sub`. */
  sub(other: ExprInput): Expr {
    return binary("sub", this, other);
  }

  /** This expression times `other`, as `mul`. */
  mul(other: ExprInput): Expr {
    return binary("mul", this, other);
  }

  /** True division by `other` (integers give float64), as `div`. */
  div(other: ExprInput): Expr {
    return binary("div", this, other);
  }

  /** Floor division by `other` (Python's `//`), as `floorDiv`. */
  floorDiv(other: ExprInput): Expr {
    return binary("floorDiv", this, other);
  }

  /** Remainder with the divisor's sign (Python's `%`), as `mod`. */
  mod(other: ExprInput): Expr {
    return binary("mod", this, other);
  }

  /** This expression to the power `other`, as `pow`. */
  pow(other: ExprInput): Expr {
    return binary("pow", this, other);
  }

  /** The negation, as `neg`. */
  neg(): Expr {
    return new Expr({ kind: "unary", op: "neg", arg: this });
  }

  /** The absolute value, as `abs`. */
  abs(): Expr {
    return new Expr({ kind: "unary", op: "abs", arg: this });
  }

  /** The names of the columns the expression reads, in first-use order. */
  columns(): string[] {
    const seen = new Set<string>();
    const walk = (e: Expr): void => {
      const n = e.node;
      if (n.kind === "col") seen.add(n.name);
      else if (n.kind === "binary") {
        walk(n.left);
        walk(n.right);
      } else if (n.kind === "unary") walk(n.arg);
    };
    walk(this);
    return [...seen];
  }

  /** The expression as text, e.g. `col("a") * col("b") + 1`, for messages and display. */
  toString(): string {
    const n = this.node;
    switch (n.kind) {
      case "col":
        return `col(${JSON.stringify(n.name)})`;
      case "lit":
        return typeof n.value === "bigint" ? `${n.value}n` : JSON.stringify(n.value);
      case "unary":
        return `${n.op}(${n.arg.toString()})`;
      case "binary": {
        const side = (e: Expr) => (e.node.kind === "binary" ? `(${e.toString()})` : e.toString());
        return `${side(n.left)} ${SYMBOLS[n.op]} ${side(n.right)}`;
      }
    }
  }
}

function binary(op: BinaryOp, left: Expr, right: ExprInput): Expr {
  return new Expr({ kind: "binary", op, left, right: right instanceof Expr ? right : lit(right) });
}

/**
 * Refer to a column by name.
 *
 * The name is looked up when the expression is evaluated; any string is a
 * valid name (`""`, `"__proto__"`, names with spaces or dots).
 *
 * @param name - the column's name
 * @returns an expression that yields that column, unchanged (no copy)
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { col, evaluate } from "ndframe/compute";
 * const price = column([2.5, 4, 10]);
 * const qty = column([4, 2, 1], "int32");
 * evaluate(col("price").mul(col("qty")), { price, qty }).toArray(); // => [10, 8, 10]
 * ```
 */
export function col(name: string): Expr {
  if (typeof name !== "string")
    throw new DTypeError(`col() expects a column name (string), got ${show(name)}`);
  return new Expr({ kind: "col", name });
}

/**
 * Wrap a JS scalar as an expression.
 *
 * Scalars are *weak*, as in the arithmetic kernels: `col("x").add(1)` keeps
 * an int8 column int8. Methods wrap plain scalars themselves, so `lit` is
 * needed only when a scalar comes first.
 *
 * @param value - a number, bigint, boolean, string or null
 * @returns a literal expression
 * @example
 * ```ts
 * import { column } from "ndframe";
 * import { col, evaluate, lit } from "ndframe/compute";
 * const x = column([1, 2, 4], "int32");
 * evaluate(lit(100).sub(col("x")), { x }).toArray(); // => [99, 98, 96]
 * lit(100).sub(col("x")).toString(); // => '100 - col("x")'
 * ```
 */
export function lit(value: Scalar): Expr {
  checkScalar(value);
  return new Expr({ kind: "lit", value });
}

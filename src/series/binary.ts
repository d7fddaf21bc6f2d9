/**
 * Element-wise operations between a Series and a Series or a scalar, with
 * pandas' alignment and naming rules.
 * @internal
 */
import type { Column } from "../core/column.js";
import type { Index } from "../core/index/index.js";
import { type Aligned, align } from "./index-of.js";

/** A labeled column, as binary operations see a Series. */
export interface Labeled {
  readonly column: Column;
  readonly index: Index;
  readonly name: string | null;
}

/** The result's column, index and name of `kernel(a, b)` with `b` a labeled operand or a scalar. */
export function binaryLabeled<S>(
  a: Labeled,
  b: Labeled | S,
  isLabeled: (x: unknown) => x is Labeled,
  kernel: (x: Column, y: Column | S) => Column,
  what: string,
): { column: Column; index: Index; name: string | null } {
  if (!isLabeled(b)) return { column: kernel(a.column, b), index: a.index, name: a.name };
  const { left, right, index }: Aligned<never, never> = align(
    a.column as Column<never>,
    a.index,
    b.column as Column<never>,
    b.index,
    what,
  );
  // pandas keeps the name when both operands share it, else drops it
  return { column: kernel(left, right), index, name: a.name === b.name ? a.name : null };
}

/**
 * `s.cat`: the categories, codes and order of a categorical Series
 * (pandas' `.cat` accessor).
 *
 * A method works out the new categories and a table `old code → new code`
 * over the k categories, then one kernel pass recodes the rows
 * (src/core/kernels/categorical.ts); no string is decoded per row, and
 * methods that keep the codes (rename, add, asOrdered…) share them.
 */
import type { Column } from "../core/column.js";
import type { Dictionary, DType, SignedIntegerType, StringType } from "../core/dtype.js";
import { KeyError, OptionError } from "../core/errors.js";
import {
  categoryCodes,
  categoryCounts,
  checkCategories,
  dictionaryOf,
  recode,
  unifyDictionaries,
  withOrdered,
} from "../core/kernels/categorical.js";
import { show } from "../util/is.js";
import { Accessor, accessorError } from "./accessor.js";
// The class is used only inside methods, after both modules have loaded (series.ts imports this file).
import { Series } from "./series.js";

/** How `renameCategories` maps the categories: a list, a mapping or a function. */
export type CategoryRenamer =
  | readonly string[]
  | Readonly<Record<string, string>>
  | ReadonlyMap<string, string>
  | ((category: string, position: number) => string);

const list = (values: string | readonly string[]): readonly string[] =>
  typeof values === "string" ? [values] : values;

/** `ordered` from options, or the current flag (pandas: "if not given, do not change"). */
function orderedOption(fn: string, options: unknown, keys: readonly string[], current: boolean): boolean {
  if (options === undefined) return current;
  if (typeof options !== "object" || options === null || Array.isArray(options))
    throw new OptionError(`${fn}: options must be an object, got ${show(options)}`);
  for (const k of Object.keys(options)) {
    if (!keys.includes(k))
      throw new OptionError(
        `${fn}: unknown option ${JSON.stringify(k)} (expected one of ${keys.join(", ")})`,
      );
  }
  const o = (options as { ordered?: unknown }).ordered;
  if (o === undefined) return current;
  if (typeof o !== "boolean")
    throw new OptionError(`${fn}: invalid ordered: ${show(o)} (expected true or false)`);
  return o;
}

const quoted = (values: readonly string[]): string => values.map((v) => JSON.stringify(v)).join(", ");

/**
 * The categorical methods of a dictionary-encoded Series (pandas'
 * `Series.cat`). Every method returns a new Series with the same index and
 * name; categories are unique non-null strings, and a value whose category
 * goes away becomes null. Chunks with different dictionaries are unified
 * first (categories in order of first appearance), so a result has one
 * dictionary. The codes keep the column's index dtype, widened to the
 * smallest signed dtype that fits when categories are added past it.
 */
export class CategoricalMethods extends Accessor {
  /** @internal */
  static check(d: DType): void {
    if (d.kind !== "dictionary") throw accessorError("cat", 'a categorical (astype("category"))', d);
  }

  /** The column with one dictionary shared by all chunks. */
  #unified(): Column<Dictionary> {
    return unifyDictionaries(this.column as Column<Dictionary>);
  }

  /** The category strings of the unified column. */
  #categories(col: Column<Dictionary>): string[] {
    return dictionaryOf(col).toArray() as string[];
  }

  #result(col: Column<Dictionary>): Series<Dictionary> {
    return this.wrap(col);
  }

  /**
   * The categories, in order: a Series of strings on a default index
   * (pandas returns an Index). The dictionary itself, no copy.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["b", "a", null, "b"]).astype("category").cat.categories.toArray(); // => ["a", "b"]
   * ```
   */
  get categories(): Series<StringType> {
    return new Series(dictionaryOf(this.#unified()));
  }

  /**
   * The code of each value: its category's position, -1 for nulls, as
   * pandas' `cat.codes`. The dtype is pandas' choice for the number of
   * categories k: int8 when k < 127, int16 when k < 32767, else int32 (int64
   * past 2^31 - 1). A chunk without nulls whose codes are already stored in
   * that dtype is viewed, not copied; otherwise one pass.
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const codes = new Series(["a", "b", null, "a"]).astype("category").cat.codes;
   * codes.toArray(); // => [0, 1, -1, 0]
   * codes.dtype; // => { kind: "int8" }
   * ```
   */
  get codes(): Series<SignedIntegerType> {
    return this.wrap(categoryCodes(this.column as Column<Dictionary>));
  }

  /**
   * Whether the categories have a meaningful order (sorting always follows
   * category order; min, max and lt/le/gt/ge need an ordered categorical).
   *
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["a"]).astype("category").cat.ordered; // => false
   * ```
   */
  get ordered(): boolean {
    return (this.column.dtype as Dictionary).ordered;
  }

  /**
   * Rename the categories, keeping every value's position (pandas'
   * `rename_categories`).
   *
   * `newCategories` is a list of k new names (an `OptionError` when the
   * length differs), a mapping (object or Map: categories it does not name
   * keep their name, extra keys are ignored) or a function of the category
   * and its position. The new names must be unique non-null strings.
   * Cost: O(k); the codes are shared with this Series (no copy).
   *
   * @param newCategories - a list, a mapping or a function
   * @returns the renamed categorical Series
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series(["a", "b", "c", "a"]).astype("category");
   * s.cat.renameCategories(["x", "y", "z"]).toArray(); // => ["x", "y", "z", "x"]
   * s.cat.renameCategories({ a: "A" }).cat.categories.toArray(); // => ["A", "b", "c"]
   * s.cat.renameCategories((c) => `Group ${c}`).toArray(); // => ["Group a", "Group b", "Group c", "Group a"]
   * ```
   */
  renameCategories(newCategories: CategoryRenamer): Series<Dictionary> {
    const fn = "renameCategories";
    const u = this.#unified();
    const old = this.#categories(u);
    let names: unknown[];
    if (Array.isArray(newCategories)) {
      if (newCategories.length !== old.length) {
        throw new OptionError(
          `${fn}: new categories need the same number of items as the old ones (got ${newCategories.length}, expected ${old.length})`,
        );
      }
      names = newCategories;
    } else if (typeof newCategories === "function") names = old.map((c, i) => newCategories(c, i));
    else if (newCategories instanceof Map)
      names = old.map((c) => (newCategories.has(c) ? newCategories.get(c) : c));
    else if (typeof newCategories === "object" && newCategories !== null) {
      const m = newCategories as Readonly<Record<string, string>>;
      names = old.map((c) => (Object.hasOwn(m, c) ? m[c] : c));
    } else {
      throw new OptionError(
        `${fn}: expected an array, an object, a Map or a function, got ${show(newCategories)}`,
      );
    }
    return this.#result(recode(u, checkCategories(fn, names), null, u.dtype.ordered));
  }

  /**
   * Reorder the categories (pandas' `reorder_categories`): `newOrder` must
   * hold exactly the current categories (an `OptionError` names the missing
   * and the extra ones). Values are unchanged; with `ordered`, the flag is
   * set too (default: kept). Cost: one pass over the codes.
   *
   * @param newOrder - the categories in their new order
   * @param options - `ordered`
   * @returns the reordered categorical Series
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series(["1", "2", "3", "1"]).astype("category");
   * const r = s.cat.reorderCategories(["2", "3", "1"], { ordered: true });
   * r.sortValues().toArray(); // => ["2", "3", "1", "1"]
   * r.cat.codes.toArray(); // => [2, 0, 1, 2]
   * ```
   */
  reorderCategories(newOrder: readonly string[], options?: { ordered?: boolean }): Series<Dictionary> {
    const fn = "reorderCategories";
    const u = this.#unified();
    const ordered = orderedOption(fn, options, ["ordered"], u.dtype.ordered);
    const next = checkCategories(fn, newOrder);
    const old = this.#categories(u);
    const have = new Set(old);
    const want = new Set(next);
    const missing = old.filter((c) => !want.has(c));
    const extra = next.filter((c) => !have.has(c));
    if (missing.length > 0 || extra.length > 0) {
      const parts = [
        missing.length ? `missing ${quoted(missing)}` : "",
        extra.length ? `extra ${quoted(extra)}` : "",
      ];
      throw new OptionError(
        `${fn}: the new categories must be the current ones in another order (${parts.filter(Boolean).join("; ")})`,
      );
    }
    const pos = new Map(next.map((c, i) => [c, i]));
    const remap = Int32Array.from(old, (c) => pos.get(c) as number);
    return this.#result(recode(u, next, remap, ordered));
  }

  /**
   * Append new categories after the current ones (pandas'
   * `add_categories`); they are unused until values take them. An
   * `OptionError` names a value that already is a category. Cost: O(k);
   * the codes are shared unless the index dtype must widen.
   *
   * @param values - one category or several
   * @returns the categorical Series with the added categories
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series(["a", "b"]).astype("category").cat.addCategories(["c", "d"]);
   * s.cat.categories.toArray(); // => ["a", "b", "c", "d"]
   * s.toArray(); // => ["a", "b"]
   * ```
   */
  addCategories(values: string | readonly string[]): Series<Dictionary> {
    const fn = "addCategories";
    const u = this.#unified();
    const old = this.#categories(u);
    const added = checkCategories(fn, list(values));
    const have = new Set(old);
    const dup = added.filter((c) => have.has(c));
    if (dup.length > 0)
      throw new OptionError(`${fn}: new categories must not include old ones: ${quoted(dup)}`);
    return this.#result(recode(u, [...old, ...added], null, u.dtype.ordered));
  }

  /**
   * Remove categories (pandas' `remove_categories`): values in them become
   * null; the others keep their order. A `KeyError` names a value that is
   * not a category. Cost: one pass over the codes.
   *
   * @param values - one category or several
   * @returns the categorical Series without them
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series(["a", "b", "c", "a"]).astype("category").cat.removeCategories("a");
   * s.toArray(); // => [null, "b", "c", null]
   * s.cat.categories.toArray(); // => ["b", "c"]
   * ```
   */
  removeCategories(values: string | readonly string[]): Series<Dictionary> {
    const fn = "removeCategories";
    const u = this.#unified();
    const old = this.#categories(u);
    const removed = new Set(checkCategories(fn, list(values)));
    const have = new Set(old);
    const absent = [...removed].filter((c) => !have.has(c));
    if (absent.length > 0)
      throw new KeyError(`${fn}: removals must all be categories; not found: ${quoted(absent)}`);
    return this.#keep(u, old, (c) => !removed.has(c));
  }

  /**
   * Remove the categories no value uses (pandas'
   * `remove_unused_categories`), keeping the order of the others. Cost:
   * two passes over the codes (count, then recode).
   *
   * @returns the categorical Series with only used categories
   * @example
   * ```ts
   * import { categorical, Series } from "ndframe";
   * const s = new Series(categorical(["a", "b", "a"], { categories: ["a", "b", "c", "d"] }));
   * s.cat.removeUnusedCategories().cat.categories.toArray(); // => ["a", "b"]
   * ```
   */
  removeUnusedCategories(): Series<Dictionary> {
    const u = this.#unified();
    const counts = categoryCounts(u, false);
    return this.#keep(u, this.#categories(u), (_c, k) => (counts[k] as number) > 0);
  }

  /** The categories for which `keep` holds, in their order; the values of the others become null. */
  #keep(u: Column<Dictionary>, old: string[], keep: (c: string, k: number) => boolean): Series<Dictionary> {
    const next: string[] = [];
    const remap = new Int32Array(old.length);
    old.forEach((c, k) => {
      remap[k] = keep(c, k) ? next.push(c) - 1 : -1;
    });
    if (next.length === old.length) return this.#result(u);
    return this.#result(recode(u, next, remap, u.dtype.ordered));
  }

  /**
   * Set the categories (pandas' `set_categories`): values whose category is
   * not among `newCategories` become null, new ones are unused, and the
   * order is the given one. With `rename: true` the categories are renamed
   * by position instead (values of categories past the new length become
   * null). `ordered` sets the flag (default: kept). Cost: one pass over the
   * codes.
   *
   * @param newCategories - unique non-null strings, in order
   * @param options - `ordered`, `rename`
   * @returns the categorical Series with the new categories
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series(["one", "two", "four", "-"]).astype("category");
   * const t = s.cat.setCategories(["one", "two", "three", "four"]);
   * t.toArray(); // => ["one", "two", "four", null]
   * t.cat.categories.toArray(); // => ["one", "two", "three", "four"]
   * ```
   */
  setCategories(
    newCategories: readonly string[],
    options?: { ordered?: boolean; rename?: boolean },
  ): Series<Dictionary> {
    const fn = "setCategories";
    const u = this.#unified();
    const ordered = orderedOption(fn, options, ["ordered", "rename"], u.dtype.ordered);
    const rename = (options as { rename?: unknown } | undefined)?.rename ?? false;
    if (typeof rename !== "boolean")
      throw new OptionError(`${fn}: invalid rename: ${show(rename)} (expected true or false)`);
    const next = checkCategories(fn, newCategories);
    const old = this.#categories(u);
    const remap = new Int32Array(old.length);
    if (rename) for (let k = 0; k < old.length; k++) remap[k] = k < next.length ? k : -1;
    else {
      const pos = new Map(next.map((c, i) => [c, i]));
      old.forEach((c, k) => {
        remap[k] = pos.get(c) ?? -1;
      });
    }
    return this.#result(recode(u, next, remap, ordered));
  }

  /**
   * Mark the categories as ordered (pandas' `as_ordered`): min, max and
   * lt/le/gt/ge then follow category order. Zero-copy (chunks with
   * different dictionaries are unified, a copy of the codes).
   *
   * @returns the ordered categorical Series
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * const s = new Series(["b", "c", "a"]).astype("category").cat.asOrdered();
   * s.cat.ordered; // => true
   * s.max(); // => "c"
   * ```
   */
  asOrdered(): Series<Dictionary> {
    return this.#result(withOrdered(this.#unified(), true));
  }

  /**
   * Mark the categories as unordered (pandas' `as_unordered`). Zero-copy
   * (chunks with different dictionaries are unified, a copy of the codes).
   *
   * @returns the unordered categorical Series
   * @example
   * ```ts
   * import { Series } from "ndframe";
   * new Series(["a"]).astype("dictionary<int32, utf8, ordered>").cat.asUnordered().cat.ordered; // => false
   * ```
   */
  asUnordered(): Series<Dictionary> {
    return this.#result(withOrdered(this.#unified(), false));
  }
}

/** `rename`: new names for some columns (no copy). */
import { KeyError } from "../../core/errors.js";
import { isObject, show } from "../../util/is.js";
import { unknownColumn } from "../../util/names.js";
import { DataFrame } from "../frame.js";
import type { Renamed, Schema } from "../schema.js";

/**
 * Rename columns by a record or Map of old name → new name; the other
 * columns keep their names and every column its place (no copy). A name
 * that is not a column, or two columns ending with one name, throw a
 * `KeyError`.
 *
 * @param df - the frame
 * @param mapping - old name → new name
 * @returns a frame with the new names
 * @example
 * ```ts
 * import { DataFrame, rename } from "ndframe";
 * const df = new DataFrame({ a: [1], b: [2] });
 * rename(df, { a: "x" }).columns; // => ["x", "b"]
 * ```
 */
export function rename<S extends Schema, const M extends { readonly [K in keyof S]?: string }>(
  df: DataFrame<S>,
  mapping: M | ReadonlyMap<string, string>,
): DataFrame<Renamed<S, M>> {
  const pairs: [string, string][] =
    mapping instanceof Map
      ? [...mapping]
      : isObject(mapping)
        ? Object.keys(mapping).map((k) => [k, (mapping as Record<string, string>)[k] as string])
        : (() => {
            throw new KeyError(`rename expects a record or Map of old → new names, got ${show(mapping)}`);
          })();
  const names = df.columns as string[];
  const to = new Map<string, string>();
  for (const [from, name] of pairs) {
    if (!df.has(from)) throw new KeyError(unknownColumn(from, names, "rename"));
    if (typeof name !== "string")
      throw new KeyError(`rename: the new name of "${from}" must be a string, got ${show(name)}`);
    to.set(from, name);
  }
  const cols = df.toColumns() as Map<string, unknown>;
  const out = new Map<string, unknown>();
  for (const n of names) {
    const name = to.get(n) ?? n;
    if (out.has(name)) throw new KeyError(`rename: two columns would be named ${JSON.stringify(name)}`);
    out.set(name, cols.get(n));
  }
  return new DataFrame(out as never, { index: df.index }) as unknown as DataFrame<Renamed<S, M>>;
}

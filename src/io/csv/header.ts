/**
 * Column names and the columns kept, shared by both CSV engines.
 * @internal
 */
import { ParseError } from "../../core/errors.js";

/** Header names as pandas mangles them: empty → "Unnamed: i", repeats → "a.1", "a.2". */
export function headerNames(fields: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Map<string, number>();
  fields.forEach((text, k) => {
    let name = text === "" ? `Unnamed: ${k}` : text;
    const base = name;
    let count = seen.get(base) ?? 0;
    while (seen.has(name)) name = `${base}.${++count}`;
    seen.set(base, count);
    seen.set(name, 0);
    out.push(name);
  });
  return out;
}

const list = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(", ");

/** Which columns useCols keeps; unknown names or positions, and dtypes for absent columns, are errors. */
export function keptColumns(
  names: readonly string[],
  useCols: readonly (string | number)[] | null,
  kinds: ReadonlyMap<string, number>,
): boolean[] {
  const keep = names.map(() => useCols === null);
  for (const u of useCols ?? []) {
    const i = typeof u === "number" ? u : names.indexOf(u);
    if (i < 0 || i >= names.length) {
      throw new ParseError(
        `readCSV: useCols names ${JSON.stringify(u)}, which the file does not have (columns: ${list(names)})`,
      );
    }
    keep[i] = true;
  }
  for (const n of kinds.keys()) {
    if (!names.includes(n))
      throw new ParseError(
        `readCSV: dtypes names ${JSON.stringify(n)}, which the file does not have (columns: ${list(names)})`,
      );
  }
  return keep;
}

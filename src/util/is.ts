/**
 * Small shared guards and option normalizers. `@internal`
 */
import { OptionError } from "../core/errors.js";

/**
 * Check that `value` is one of `allowed`, else throw one message shape:
 * `invalid how: "sideways" (expected one of inner, left, right)`.
 * @internal
 */
export function keyword<const K extends string>(option: string, value: unknown, allowed: readonly K[]): K {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as K;
  throw new OptionError(`invalid ${option}: ${show(value)} (expected one of ${allowed.join(", ")})`);
}

/** `keyword` with a default for undefined. @internal */
export function maybeKeyword<const K extends string>(
  option: string,
  value: unknown,
  allowed: readonly K[],
  fallback: K,
): K {
  return value === undefined ? fallback : keyword(option, value, allowed);
}

/** Check a non-negative safe integer option. @internal */
export function nonNegativeInt(option: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new OptionError(`invalid ${option}: ${show(value)} (expected a non-negative integer)`);
  }
  return value;
}

/** Check a boolean option with a default. @internal */
export function maybeBoolean(option: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean")
    throw new OptionError(`invalid ${option}: ${show(value)} (expected true or false)`);
  return value;
}

/** Render any value for an error message. @internal */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    return value.constructor?.name && value.constructor !== Object ? value.constructor.name : safeJSON(value);
  }
  return Array.isArray(value) ? safeJSON(value) : String(value);
}

function safeJSON(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${v}n` : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null;

/** The options object of `fn`, checked to hold only `keys` (undefined gives {}). @internal */
export function optionsOf(fn: string, options: unknown, keys: readonly string[]): Record<string, unknown> {
  if (options === undefined) return {};
  if (!isObject(options) || Array.isArray(options))
    throw new OptionError(`${fn}: options must be an object, got ${show(options)}`);
  for (const k of Object.keys(options)) {
    if (!keys.includes(k))
      throw new OptionError(
        `${fn}: unknown option ${JSON.stringify(k)} (expected one of ${keys.join(", ")})`,
      );
  }
  return options;
}

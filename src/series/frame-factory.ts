/**
 * How the Series layer returns a DataFrame (`s.str.extract`, `s.str.split`
 * with `expand`) without importing the frame layer above it (DESIGN §2):
 * the frame module registers its constructor once, when it is loaded.
 * @internal
 */
import type { Column } from "../core/column.js";
import type { Index } from "../core/index/index.js";

/** What a Series method receives back: the frame, typed loosely to keep the layers apart. */
export interface FrameResult {
  readonly columns: readonly string[];
  readonly length: number;
}

type FrameFactory = (columns: Map<string, Column>, index: Index) => FrameResult;

// Written once, by src/frame/frame.ts at load; read by the methods that build frames.
const registry: { make: FrameFactory | null } = { make: null };

/** Register the DataFrame constructor (called by the frame module). */
export function registerFrameFactory(make: FrameFactory): void {
  registry.make = make;
}

/** A DataFrame of `columns` over `index`. */
export function makeFrame(columns: Map<string, Column>, index: Index): FrameResult {
  if (registry.make === null) {
    throw new Error('the DataFrame module is not loaded: import from "ndframe", not from its internals');
  }
  return registry.make(columns, index);
}

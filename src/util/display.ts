/**
 * The MIME bundle that notebook kernels display. Deno's Jupyter kernel calls
 * an object's `[Symbol.for("Jupyter.display")]()` method (`Deno.jupyter.$display`)
 * and renders the richest MIME type of the bundle it returns.
 * @internal
 */

/**
 * The key of the display method, `Symbol.for("Jupyter.display")`, typed as a
 * `unique symbol` so that a class method `[JUPYTER_DISPLAY]()` is part of the
 * class's type (a computed `[Symbol.for(...)]` key is not: its type is plain
 * `symbol`).
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY } from "../../../src/util/display.js";
 * JUPYTER_DISPLAY === Symbol.for("Jupyter.display"); // => true
 * ```
 * @internal
 */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");

/** A MIME bundle: MIME type → data (Deno's `Deno.jupyter.MediaBundle`, text types only). */
export type MimeBundle = Record<string, string>;

/**
 * Build the MIME bundle of an object shown both as text and as HTML.
 *
 * Frontends pick `text/html` when they can render it and fall back to
 * `text/plain` (a terminal console, a log). No copy or escaping: `html` must
 * already be safe (from `frameToHTML` or `seriesToHTML`).
 *
 * @param text - the plain text (`toString()`)
 * @param html - the HTML fragment (`toHTML()`)
 * @returns `{ "text/plain": text, "text/html": html }`
 * @example
 * ```ts
 * import { mimeBundle } from "../../../src/util/display.js";
 * mimeBundle("0    1", "<table></table>"); // => { "text/plain": "0    1", "text/html": "<table></table>" }
 * ```
 * @internal
 */
export function mimeBundle(text: string, html: string): MimeBundle {
  return { "text/plain": text, "text/html": html };
}

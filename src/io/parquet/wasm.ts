/**
 * parquet-wasm, loaded once and lazily: the first Parquet call imports
 * it. Node resolves `parquet-wasm` to its CommonJS build, which compiles
 * its wasm file as it loads; browsers and bundlers get the ES module
 * build, whose init fetches `parquet_wasm_bg.wasm` next to the module
 * unless `initParquet` was given another source first.
 * @internal
 */
import type * as ParquetWasm from "parquet-wasm";
import { IOError } from "../../core/errors.js";
import { show } from "../../util/is.js";

/** The parquet-wasm API. */
export type Wasm = typeof ParquetWasm;
export type { ParquetFile, Table, WriterProperties } from "parquet-wasm";

/** What `initParquet` accepts: where the wasm binary comes from. */
export type WasmSource = URL | string | Response | BufferSource | WebAssembly.Module;

// The one module-level cache: the loaded module is immutable and shared by every reader and writer.
let loading: Promise<Wasm> | null = null;

async function load(source: WasmSource | undefined): Promise<Wasm> {
  let mod: Wasm & { default?: unknown };
  try {
    mod = (await import("parquet-wasm")) as Wasm & { default?: unknown };
  } catch (e) {
    throw new IOError(`cannot load parquet-wasm (install it next to ndframe): ${(e as Error).message}`);
  }
  if (typeof mod.default === "function") {
    // the ES module build: instantiate the wasm file
    const init = mod.default as (o?: { module_or_path: WasmSource }) => Promise<unknown>;
    try {
      await init(source === undefined ? undefined : { module_or_path: source });
    } catch (e) {
      throw new IOError(
        `cannot instantiate parquet-wasm's wasm file${source === undefined ? "" : ` from ${show(source)}`}: ${(e as Error).message}` +
          " (in a browser bundle, pass its URL to initParquet)",
      );
    }
    return mod;
  }
  // Node's CommonJS build is ready once imported; its functions may sit on the default export
  const api = typeof mod.readParquet === "function" ? mod : (mod.default as Wasm);
  return api;
}

/** parquet-wasm, loading it on first use. @internal */
export function parquetWasm(): Promise<Wasm> {
  if (loading === null) {
    loading = load(undefined);
    // a failed load may be retried (with initParquet and another source)
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/**
 * Load parquet-wasm now, optionally from a given wasm file. Readers and
 * writers load it themselves on first use, so this is needed only when a
 * browser bundle serves `parquet_wasm_bg.wasm` from somewhere the module
 * cannot find by itself (pass its URL, a `fetch` Response, its bytes or a
 * compiled `WebAssembly.Module`), or to pay the load time up front. In
 * Node the source is ignored: parquet-wasm's Node build reads its own file.
 *
 * @param wasm - where the wasm binary comes from
 * @returns a promise that settles once parquet-wasm is ready
 * @example
 * ```ts
 * import { initParquet } from "ndframe";
 * await initParquet(); // later Parquet calls do not wait for the load
 * ```
 */
export async function initParquet(wasm?: WasmSource): Promise<void> {
  if (loading === null && wasm !== undefined) {
    loading = load(wasm);
    loading.catch(() => {
      loading = null;
    });
  }
  await parquetWasm();
}

/**
 * Starting the Node entry's worker threads, from the built JavaScript or,
 * under tsx and vitest, from the TypeScript sources.
 * @internal
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/** At most this many threads read one file. */
export const MAX_THREADS = 4;

/** The default number of threads that read one file: the cores, at most 4. */
export const defaultThreads = (): number => Math.min(MAX_THREADS, availableParallelism());

/**
 * Start the worker module `name` (a file next to this one, without
 * extension). Under tsx or vitest this module is TypeScript, and so is
 * the worker: it starts by registering tsx (a devDependency, present
 * where sources run).
 */
export function startWorker(name: string): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL(`./${name}.js`, import.meta.url));
  // the ES module build of tsx's register API (require.resolve finds the CommonJS one next to it)
  const cjs = createRequire(import.meta.url).resolve("tsx/esm/api");
  const tsx = pathToFileURL(cjs.replace(/\.cjs$/, ".mjs")).href;
  const main = new URL(`./${name}.ts`, import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(main)}); });`;
  return new Worker(boot, { eval: true });
}

/**
 * A tour of ndframe on real data from the vega-datasets package.
 * Run with `npm run demo`.
 *
 * This first tour shows the array core: Arrow columns read without a copy,
 * kernels, exact integers, factorization, sorting, and N-d arrays. Later
 * chapters (Series, DataFrame, IO, group-by, plots) extend it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import {
  add,
  argsort,
  cast,
  count,
  div,
  factorize,
  filter,
  gt,
  max,
  mean,
  median,
  mul,
  quantile,
  std,
  sum,
  take,
  valueCounts,
} from "../src/compute.js";
import { type Column, column, columnFromArrow, dtypeToString, int64, ndarray } from "../src/index.js";

const require = createRequire(import.meta.url);
// vega-datasets exports only its JS entry (build/index.js); the data folder sits beside build/.
const data = (name: string) => join(dirname(require.resolve("vega-datasets")), "..", "data", name);

function heading(text: string): void {
  console.log(`\n== ${text} ${"=".repeat(Math.max(0, 70 - text.length))}`);
}
const fmt = (x: unknown) => (typeof x === "number" ? Number(x.toFixed(3)) : x);

// ---------------------------------------------------------------------------
heading("1. Arrow memory, no copies: flights-200k.arrow");
const bytes = readFileSync(data("flights-200k.arrow"));
const table = tableFromIPC(bytes);
const cols: Record<string, Column> = {};
for (const field of table.schema.fields) {
  cols[field.name] = columnFromArrow(table.getChild(field.name)!);
}
for (const [name, col] of Object.entries(cols)) {
  console.log(
    `${name.padEnd(9)} ${dtypeToString(col.dtype).padEnd(8)} ${col.length} rows, ${col.nullCount} nulls`,
  );
}
const delay = cols.delay!;
const distance = cols.distance!;
const sameBuffer = delay.chunks[0]!.values.buffer === table.getChild("delay")!.data[0]!.values.buffer;
console.log(`delay column views the IPC bytes read from disk (same ArrayBuffer): ${sameBuffer}`);

// ---------------------------------------------------------------------------
heading("2. Reductions (nulls skipped, compensated float sums)");
console.log({
  flights: count(delay),
  meanDelay: fmt(mean(delay)),
  medianDelay: median(delay),
  stdDelay: fmt(std(delay)),
  worstDelay: max(delay),
  quartiles: (quantile(delay, [0.25, 0.5, 0.75]) as number[]).map(fmt),
  totalMiles: sum(distance),
});

// ---------------------------------------------------------------------------
heading("3. Element-wise kernels and filtering");
const late = gt(delay, 60);
const lateDistance = filter(distance, late);
console.log(
  `${count(lateDistance)} flights were more than an hour late; mean distance ${fmt(mean(lateDistance))} mi`,
);
// minutes of delay per 100 miles flown: int16 / int16 gives float64 (true division)
const perHundred = mul(div(delay, distance), 100);
console.log(`delay per 100 mi: dtype ${dtypeToString(perHundred.dtype)}, mean ${fmt(mean(perHundred))}`);
const hours = add(cast(delay, "float64"), 0.5);
console.log(`delay + 0.5 as float64: first five ${hours.slice(0, 5).toArray().join(", ")}`);

// ---------------------------------------------------------------------------
heading("4. Sorting: the five longest delays (stable radix argsort)");
const order = argsort(delay, { descending: true });
const top = order.subarray(0, 5);
console.log({ delay: take(delay, top).toArray(), distance: take(distance, top).toArray() });

// ---------------------------------------------------------------------------
heading("5. Strings and factorize: penguins.json");
const penguins = JSON.parse(readFileSync(data("penguins.json"), "utf8")) as Record<string, unknown>[];
const species = column(penguins.map((p) => p.Species as string));
const mass = column(penguins.map((p) => p["Body Mass (g)"] as number | null));
const { codes, uniques } = factorize(species);
console.log(
  `species: ${uniques.toArray().join(", ")} (codes for the first rows: ${Array.from(codes.subarray(0, 3))})`,
);
const counts = valueCounts(species);
console.log(
  "value counts:",
  Object.fromEntries(counts.values.toArray().map((v, i) => [v, counts.counts.get(i)])),
);
console.log(`body mass: ${mass.nullCount} nulls of ${mass.length}; mean of the rest ${fmt(mean(mass))} g`);

// ---------------------------------------------------------------------------
heading("6. Exact 64-bit integers");
const ids = column([2n ** 53n, 2n ** 53n + 1n, 2n ** 62n], int64);
console.log(`int64 ids: ${ids.toArray().join(", ")}`);
console.log(`ids + 1 (computed on 32-bit words, exact): ${add(ids, 1).toArray().join(", ")}`);
console.log(`sum (exact bigint): ${sum(ids)}`);
try {
  cast(ids, "float64");
} catch (e) {
  console.log(`cast to float64 refuses to round: ${(e as Error).message}`);
}

// ---------------------------------------------------------------------------
heading("7. N-d arrays: the volcano.json elevation grid");
const volcano = JSON.parse(readFileSync(data("volcano.json"), "utf8")) as {
  width: number;
  height: number;
  values: number[];
};
const grid = ndarray(Float64Array.from(volcano.values), { shape: [volcano.height, volcano.width] });
console.log(`grid shape [${grid.shape}], ${grid.size} cells`);
const rowMeans = grid.mean({ axis: 1 });
const colMax = grid.max({ axis: 0 });
console.log(
  `highest point ${grid.max().get()} m; row means range ${fmt(rowMeans.min().get())}–${fmt(rowMeans.max().get())}`,
);
console.log(
  `max along axis 0 has shape [${colMax.shape}]; transpose is a view: ${grid.transpose().data === grid.data}`,
);
const centered = grid.sub(grid.mean({ axis: 0, keepdims: true }));
console.log(
  `columns centred by broadcasting [${grid.shape}] - [1,${volcano.width}]: mean now ${fmt(centered.mean().get())}`,
);

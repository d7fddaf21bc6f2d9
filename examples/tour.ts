/**
 * A tour of ndframe on real data from the vega-datasets package.
 * Run with `npm run demo`.
 *
 * Sections 1–7 show the array core: Arrow columns read without a copy,
 * kernels, exact integers, factorization, sorting, and N-d arrays.
 * Sections 8–9 show Series and DataFrame on penguins.json and
 * seattle-weather.csv; section 10 text and time (toDatetime, .dt, .str,
 * categoricals). Later chapters (group-by, plots) extend it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import {
  add,
  argsort,
  cast,
  col,
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
import {
  type Column,
  column,
  columnFromArrow,
  DataFrame,
  dateRange,
  dtypeToString,
  int64,
  ndarray,
  toDatetime,
} from "../src/index.js";
import { readCSV, readJSON } from "../src/node.js";

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
for (const [name, c] of Object.entries(cols)) {
  console.log(`${name.padEnd(9)} ${dtypeToString(c.dtype).padEnd(8)} ${c.length} rows, ${c.nullCount} nulls`);
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

// ---------------------------------------------------------------------------
heading("8. DataFrame: penguins.json");
// construction from row objects: names and dtypes come from the records
// (numbers → float64, strings → utf8, JSON null → null)
const df = DataFrame.fromRecords(penguins);
console.log(`shape [${df.shape}]; columns: ${df.columns.join(" | ")}`);
console.log(df.head().toString());

// selection: column names with spaces and parentheses are ordinary names
const bodyMass = df.get("Body Mass (g)");
console.log(
  `Body Mass (g): ${bodyMass.count()} values, ${bodyMass.nullCount} nulls, mean ${fmt(bodyMass.mean())} g (published 4201.754)`,
);
console.log(df.get("Species").valueCounts().toString());
try {
  df.get("Body Mass");
} catch (e) {
  console.log(`a misspelled name: ${(e as Error).message}`);
}

// filter with a boolean Series (a null in the mask drops the row)
const heavyGentoos = df.filter(df.get("Species").eq("Gentoo").and(bodyMass.gt(5500)));
console.log(`\nGentoos heavier than 5.5 kg: ${heavyGentoos.length}`);
console.log(heavyGentoos.select("Island", "Body Mass (g)", "Sex").head(3).toString());

// assign: an expression (evaluated in one fused pass) and a function of the frame so far
const withKg = df.assign({
  "Body Mass (kg)": col("Body Mass (g)").div(1000),
  "Beak Ratio": col("Beak Length (mm)").div(col("Beak Depth (mm)")),
  heavy: (f) => f.get("Body Mass (kg)").gt(4.5),
});
console.log("\nassign: kg, beak length / depth, heavy");
console.log(withKg.select("Species", "Body Mass (kg)", "Beak Ratio", "heavy").head().toString());
// Series arithmetic: nulls propagate, the index lines rows up
const flipperPerKg = df.get("Flipper Length (mm)").div(withKg.get("Body Mass (kg)"));
console.log(`flipper mm per kg: mean ${fmt(flipperPerKg.mean())}, ${flipperPerKg.nullCount} nulls`);

// missing data: drop rows with nulls, or fill them
console.log(
  `\ndropNull(): ${df.dropNull().length} complete rows; dropNull({ subset: ["Body Mass (g)"] }): ${df.dropNull({ subset: ["Body Mass (g)"] }).length}`,
);
const filled = df.fillNull({ Sex: "unknown" }).fillNull({ method: "forward" });
console.log(`fillNull({ Sex: "unknown" }) then forward: row 3 is now`, filled.slice(3, 4).toRecords()[0]);

// sorting: several keys, one direction each, nulls last
const sorted = df.sortValues(["Species", "Body Mass (g)"], { ascending: [true, false] });
console.log("\nsortValues([Species, Body Mass], { ascending: [true, false] }):");
console.log(sorted.select("Species", "Island", "Body Mass (g)").head(4).toString());
console.log("the five heaviest (Series.nlargest, with their row labels):");
console.log(bodyMass.nlargest(5).toString());
console.log("species and island pairs (dropDuplicates on a subset):");
console.log(
  df
    .dropDuplicates({ subset: ["Species", "Island"] })
    .select("Species", "Island")
    .toString(),
);

// ---------------------------------------------------------------------------
heading("9. DataFrame: seattle-weather.csv, indexed by date");
// the CSV reader comes with the IO chapter; this file has no quoted fields, so a split will do
const lines = readFileSync(data("seattle-weather.csv"), "utf8").trimEnd().split("\n");
const rows = lines.slice(1).map((l) => l.split(","));
const numeric = (j: number) => Float64Array.from(rows, (r) => Number(r[j]));
const weather = new DataFrame({
  date: rows.map((r) => r[0] as string),
  precipitation: numeric(1),
  temp_max: numeric(2),
  temp_min: numeric(3),
  wind: numeric(4),
  weather: rows.map((r) => r[5] as string),
}).setIndex("date");
console.log(weather.toString());
const tempMax = weather.get("temp_max");
console.log(
  `hottest day: ${tempMax.idxmax()} (${tempMax.max()} °C); mean wind ${fmt(weather.get("wind").mean())} m/s`,
);
console.log(weather.get("weather").valueCounts().toString());
const wetDays = weather.get("precipitation").mask(weather.get("precipitation").eq(0));
console.log(
  `wet days: ${wetDays.count()}; mild days (10 ≤ max ≤ 20 °C): ${tempMax.between(10, 20).sum()}; ` +
    `rain on rainy days: ${fmt(weather.get("precipitation").where(weather.get("weather").eq("rain")).sum())} mm`,
);

// ---------------------------------------------------------------------------
heading("10. Text and time: stocks.csv, seattle-weather.csv, movies.json");
// stocks.csv writes its dates as "Jan 1 2000": toDatetime with a strftime format reads them
const stocks = await readCSV(data("stocks.csv"));
const when = toDatetime(stocks.get("date"), { format: "%b %d %Y" });
console.log(
  `stocks dates: ${when.dtype.kind}[${(when.dtype as { unit: string }).unit}], from ${when.dt.strftime("%Y-%m-%d").min()} to ${when.dt.strftime("%Y-%m-%d").max()}`,
);
console.log("rows per year (dt.year.valueCounts, first five):");
console.log(when.dt.year.valueCounts({ sort: false }).head(5).toString());
const symbols = stocks.get("symbol").astype("category");
console.log(
  `symbols as a categorical: ${symbols.cat.categories.toArray().join(", ")} (codes ${symbols.cat.codes.dtype.kind})`,
);

// seattle-weather.csv's dates are read as timestamps by readCSV
const seattle = await readCSV(data("seattle-weather.csv"));
const day = seattle.get("date");
console.log(
  `seattle: ${day.length} days; leap days: ${day.dt.isLeapYear.sum()}; Mondays: ${day.dt.dayOfWeek.eq(0).sum()}`,
);
const rainy = day.filter(seattle.get("weather").eq("rain"));
console.log("rainy days by month name (first three):");
console.log(rainy.dt.monthName().valueCounts().head(3).toString());
console.log("a month of Mondays from dateRange (freq W-MON):");
console.log(
  dateRange({ start: "2015-03-01", end: "2015-03-31", freq: "W-MON" }).dt.strftime("%a %d %b %Y").toString(),
);

// movies.json titles: the .str namespace works on the UTF-8 bytes
const movies = await readJSON(data("movies.json"), { dtypes: { Title: "utf8" } });
const titles = movies.get("Title");
console.log(
  `titles with "Star": ${titles.str.contains("Star", { regex: false }).sum()}; starting with "The ": ${titles.str.startsWith("The ").sum()}`,
);
const sequels = titles.str.extract("(?P<name>.+?) (?P<number>\\d+)$").dropNull();
console.log(`titles ending in a number (str.extract): ${sequels.length}, e.g.`);
console.log(sequels.head(3).toString());
console.log("words per title (str.split().str.len()), described:");
console.log(titles.str.split().str.len().describe().toString());

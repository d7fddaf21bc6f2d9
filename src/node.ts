/**
 * ndframe for Node: everything of the isomorphic entry, with readers that
 * also take file paths.
 *
 * @packageDocumentation
 */
export * from "./index.js";
export { readArrow, writeArrow } from "./node/arrow.js";
export { readCSV, scanCSV, writeCSV } from "./node/csv.js";
export { readJSON, writeJSON } from "./node/json.js";
export { readParquet, scanParquet, writeParquet } from "./node/parquet.js";

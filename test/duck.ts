/**
 * DuckDB as the tests' independent reference: queries over the same real
 * files, run in Node, whose answers the tests compare with ndframe's.
 */
import { DuckDBInstance } from "@duckdb/node-api";

/** All rows of a DuckDB query, as plain JS values. */
export async function duckRows(sql: string): Promise<unknown[][]> {
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  return (await con.runAndReadAll(sql)).getRowsJS() as unknown[][];
}

/** The first row of a DuckDB query. */
export async function duck(sql: string): Promise<unknown[]> {
  return (await duckRows(sql))[0] as unknown[];
}

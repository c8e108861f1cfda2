import { readFileSync } from "node:fs";
import { type BenchReport, formatTable } from "./report";

/** Prints the table for a report saved with `npm run bench -- --json > FILE`. Usage: table.ts FILE */

const file = process.argv[2];
if (!file) {
  console.error("usage: tsx bench/table.ts REPORT.json");
  process.exit(2);
}
console.log(formatTable(JSON.parse(readFileSync(file, "utf8")) as BenchReport));

import { readFileSync } from "node:fs";
import { loadEngineModule } from "./engine-module";
import { memoryAfterGc } from "./memory";
import { round } from "./stats";

/**
 * Child process: a restart, from an empty module cache to the first answer served from the
 * snapshot. Usage: cold-start.ts ENGINE_MODULE SNAPSHOT_FILE QUESTION. Prints one JSON line.
 * Times are `performance.now()`, which counts from the start of this process. The bench runs it
 * and the engine module bundled by scripts/bundle.mjs on plain Node, as `npm start` runs.
 */

export interface ColdStartReport {
  /** Process start to first answer. */
  totalMs: number;
  /** Process start to this script's first line: Node booting (and a loader, if run under one). */
  bootMs: number;
  importMs: number;
  /** Reading the snapshot file whole; 0 when the engine reads it a section at a time as it loads. */
  readMs: number;
  /** Restoring the engine from the snapshot (reading its sections included, when it reads them). */
  parseMs: number;
  firstAskMs: number;
  answered: boolean;
  rssMB: number;
  heapMB: number;
}

const scriptStart = performance.now();
const [modulePath, snapshotPath, question] = process.argv.slice(2);
if (!modulePath || !snapshotPath || !question) {
  console.error("usage: cold-start.ts ENGINE_MODULE SNAPSHOT_FILE QUESTION");
  process.exit(2);
}
const engineModule = await loadEngineModule(modulePath);
const imported = performance.now();
// As loadEngine restores a server: from the file a section at a time where the engine can (the
// reading is then part of the load, and `read` is 0), else the file's bytes read whole first.
let engine: ReturnType<typeof engineModule.engineFromSnapshot>;
let read: number;
if (engineModule.engineFromSnapshotFile) {
  read = performance.now();
  engine = engineModule.engineFromSnapshotFile(snapshotPath);
} else {
  let snapshot: Buffer | null = readFileSync(snapshotPath);
  read = performance.now();
  engine = engineModule.engineFromSnapshot(snapshot);
  // A server lets go of the file's bytes once loaded (loadEngine's are a local): so does this one.
  snapshot = null;
}
const loaded = performance.now();
const answer = engine.ask(question);
const answeredAt = performance.now();
const memory = memoryAfterGc();
const report: ColdStartReport = {
  totalMs: round(answeredAt),
  bootMs: round(scriptStart),
  importMs: round(imported - scriptStart),
  readMs: round(read - imported),
  parseMs: round(loaded - read),
  firstAskMs: round(answeredAt - loaded),
  answered: answer.answered,
  rssMB: memory.rssMB,
  heapMB: memory.heapMB,
};
console.log(JSON.stringify(report));

import { loadEngineModule } from "./engine-module";
import { measureSize } from "./measure-size";

/**
 * Child process: measures one corpus size and prints its result as one JSON line. Run by
 * `bench/run.ts` with `--expose-gc`, one process per size so sizes do not share a heap.
 * Usage: size-worker.ts '{"passages":1000,"questions":1000,"coldStartRuns":3,"enginePath":"…"}'
 */

interface WorkerArguments {
  passages: number;
  questions: number;
  charts?: number;
  coldStartRuns: number;
  bareQuestions?: number | null;
  seed?: number;
  enginePath: string;
  profileDir?: string;
}

const args = JSON.parse(process.argv[2] ?? "{}") as WorkerArguments;
const engine = await loadEngineModule(args.enginePath);
const result = await measureSize({
  ...args,
  engine,
  log: (line) => console.error(`  ${line}`),
});
console.log(JSON.stringify(result));

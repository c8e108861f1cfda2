import { resolve } from "node:path";
import { heapMBFor, lastJsonLine, runBenchScript } from "./child";
import type { SizeResult } from "./measure-size";
import { parseOptions, USAGE, UsageError } from "./options";
import { type BenchReport, checkTargets, formatTable, machine, TARGETS } from "./report";
import { speedProbeMs } from "./speed-probe";

/**
 * `npm run bench`: for each corpus size, a fresh process generates the corpus, builds the engine
 * and the bare-MiniSearch reference, and measures ingest, snapshot, cold start, memory and latency
 * (bench/size-worker.ts). Progress goes to stderr; stdout holds the table, or with `--json` exactly
 * one JSON object.
 */

async function main(): Promise<void> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`bench: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  const probeBeforeMs = speedProbeMs();
  const sizes: SizeResult[] = [];
  for (const passages of options.sizes) {
    console.error(`bench: measuring ${passages.toLocaleString("en-US")} passages…`);
    const child = await runBenchScript(
      resolve(import.meta.dirname, "size-worker.ts"),
      [
        JSON.stringify({
          passages,
          questions: options.questions,
          charts: options.charts,
          coldStartRuns: options.coldStartRuns,
          bareQuestions: options.bareQuestions,
          seed: options.seed,
          enginePath: resolve(options.enginePath),
          profileDir: options.profileDir ? resolve(options.profileDir) : undefined,
        }),
      ],
      heapMBFor(passages),
    );
    sizes.push(lastJsonLine<SizeResult>(child.stdout));
  }
  const report: BenchReport = {
    sizes,
    targets: TARGETS,
    checks: sizes.map(checkTargets),
    machine: { ...machine(), speedProbeMs: { before: probeBeforeMs, after: speedProbeMs() } },
    node: process.version,
    date: new Date().toISOString(),
    questions: options.questions,
    seed: options.seed ?? null,
    quick: options.quick,
  };
  console.log(options.json ? JSON.stringify(report, null, 2) : formatTable(report));
}

await main().catch((error: unknown) => {
  // The failing child has already printed its own error above this line.
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

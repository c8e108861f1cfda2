import { DEFAULT_ENGINE_MODULE } from "./engine-module";

export interface BenchOptions {
  sizes: number[];
  json: boolean;
  quick: boolean;
  questions: number;
  /** Charts drawn per size (request to PNG), for the chart latency. */
  charts: number;
  coldStartRuns: number;
  /** Bare MiniSearch timed on only the first N questions; null: all. */
  bareQuestions: number | null;
  seed: number | undefined;
  enginePath: string;
  /** Write CPU profiles of ingest, snapshot load and the ask loop here, and report hot functions. */
  profileDir: string | undefined;
}

export const USAGE = `usage: npm run bench -- [--sizes 1000,10000,100000] [--json] [--quick]
  --sizes LIST       corpus sizes in passages, comma-separated (default 1000,10000)
  --json             print one JSON object instead of the table
  --quick            fewer questions and one cold start: for CI
  --questions N      questions per size (default 1000; 200 with --quick)
  --cold-starts N    cold-start runs per size, median reported (default 3; 1 with --quick)
  --charts N         charts drawn per size, request to PNG (default 60; 20 with --quick)
  --bare-questions N time bare MiniSearch on the first N questions only (seconds each at 1,000,000);
                     0: no bare MiniSearch at all
  --seed N           corpus seed (default fixed, so runs compare)
  --engine PATH      engine module to measure (default src/engine.ts)
  --profile DIR      CPU-profile ingest, snapshot load and the asks (slower); profiles go to DIR`;

export class UsageError extends Error {}

const positiveInteger = (flag: string, text: string | undefined): number => {
  const value = Number(text?.replace(/_/g, ""));
  if (!text || !Number.isInteger(value) || value < 1) {
    throw new UsageError(`${flag} needs a positive whole number, got ${text ?? "nothing"}`);
  }
  return value;
};

export function parseOptions(argv: readonly string[]): BenchOptions {
  let sizes = [1000, 10000];
  let json = false;
  let quick = false;
  let questions: number | null = null;
  let coldStartRuns: number | null = null;
  let charts: number | null = null;
  let bareQuestions: number | null = null;
  let seed: number | undefined;
  let enginePath = DEFAULT_ENGINE_MODULE;
  let profileDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s) : [arg];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case "--sizes":
        sizes = (value() ?? "").split(",").map((s) => positiveInteger("--sizes", s.trim()));
        break;
      case "--json":
        json = true;
        break;
      case "--quick":
        quick = true;
        break;
      case "--questions":
        questions = positiveInteger("--questions", value());
        break;
      case "--cold-starts":
        coldStartRuns = positiveInteger("--cold-starts", value());
        break;
      case "--bare-questions": {
        // 0 is allowed: no reference at all.
        const text = value();
        bareQuestions = text === "0" ? 0 : positiveInteger("--bare-questions", text);
        break;
      }
      case "--charts":
        charts = positiveInteger("--charts", value());
        break;
      case "--seed":
        seed = positiveInteger("--seed", value());
        break;
      case "--engine": {
        const path = value();
        if (!path) throw new UsageError("--engine needs a path");
        enginePath = path;
        break;
      }
      case "--profile": {
        const path = value();
        if (!path) throw new UsageError("--profile needs a folder");
        profileDir = path;
        break;
      }
      default:
        throw new UsageError(`unknown argument ${arg}`);
    }
  }
  return {
    sizes,
    json,
    quick,
    questions: questions ?? (quick ? 200 : 1000),
    coldStartRuns: coldStartRuns ?? (quick ? 1 : 3),
    charts: charts ?? (quick ? 20 : 60),
    bareQuestions,
    seed,
    enginePath,
    profileDir,
  };
}

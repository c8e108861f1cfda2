import { spawn } from "node:child_process";
import { resolve } from "node:path";

/**
 * Runs a bench script in a fresh Node process with the tsx loader: each size is measured in its
 * own process (its memory is its own, and `--expose-gc` makes "heap after GC" measurable), and cold
 * start is timed in a process whose module cache is empty.
 */

export const PROJECT_ROOT = resolve(import.meta.dirname, "..");

export interface ChildResult {
  stdout: string;
  /** From spawn to exit, as the parent saw it. */
  wallMs: number;
}

/**
 * The heap a child measuring `passages` may use: 4 GB up to a few hundred thousand passages, and
 * about 12 GB a million beyond (ingest at 1,000,000 passages outgrew 4 GB on 2026-11-30).
 */
export const heapMBFor = (passages: number): number =>
  Math.max(4096, Math.ceil((passages / 1_000_000) * 12_288));

/**
 * `typescript: false`: the script is JavaScript (a bundle) and runs without the tsx loader, as
 * `npm start` runs the server.
 */
export function runBenchScript(
  script: string,
  args: readonly string[],
  heapMB = 4096,
  { typescript = true }: { typescript?: boolean } = {},
): Promise<ChildResult> {
  const started = performance.now();
  const loader = typescript ? ["--import", "tsx"] : [];
  const child = spawn(
    process.execPath,
    ["--expose-gc", `--max-old-space-size=${heapMB}`, ...loader, resolve(script), ...args],
    // Inherits stderr so progress and engine warnings reach the person running the bench.
    { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  const chunks: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  return new Promise((done, fail) => {
    child.on("error", fail);
    child.on("close", (code, signal) => {
      const stdout = Buffer.concat(chunks).toString("utf8");
      if (code === 0) done({ stdout, wallMs: performance.now() - started });
      else fail(new Error(`${script} exited with ${signal ?? `code ${code}`}`));
    });
  });
}

/** The last line of a child's output that parses as JSON: what the script reports. */
export function lastJsonLine<T>(stdout: string): T {
  const lines = stdout.trim().split("\n").reverse();
  for (const line of lines) {
    if (!line.startsWith("{")) continue;
    try {
      return JSON.parse(line) as T;
    } catch {
      // Not the report line; keep looking.
    }
  }
  throw new Error(`no JSON report in child output: ${stdout.slice(0, 200)}`);
}

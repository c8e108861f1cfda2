import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const STAND_IN = resolve(import.meta.dirname, "stand-in-engine.ts");

function bench(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "bench/run.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
}

describe("npm run bench", () => {
  it("prints exactly one JSON object with the contract's fields for the size measured", () => {
    const run = bench([
      "--json",
      "--sizes",
      "60",
      "--questions",
      "20",
      "--cold-starts",
      "1",
      "--engine",
      STAND_IN,
    ]);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as {
      sizes: Record<string, unknown>[];
      questions: number;
    };
    expect(report.questions).toBe(20);
    expect(report.sizes.map((s) => s.passages)).toEqual([60]);
    for (const size of report.sizes) {
      for (const field of [
        "ingestMs",
        "snapshotBytes",
        "coldStartMs",
        "rssMB",
        "heapMB",
        "servingRssMB",
        "servingHeapMB",
      ]) {
        expect(typeof size[field]).toBe("number");
      }
      for (const field of ["askMs", "bareMiniSearchMs"]) {
        const latency = size[field] as Record<string, unknown>;
        expect(Object.keys(latency).sort()).toEqual(["max", "mean", "p50", "p95", "p99"]);
      }
      expect(size.passagesIndexed).toBe(size.passages);
      expect(size.memoryAfterGc).toBe(true);
      expect(size.questions).toBe(20);
    }
  });

  it("refuses an unknown flag with a one-line reason and exit status 2", () => {
    const run = bench(["--size", "100"]);
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe("bench: unknown argument --size");
    expect(run.stdout).toBe("");
  });
});

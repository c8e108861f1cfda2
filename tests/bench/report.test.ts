import { describe, expect, it } from "vitest";
import type { SizeResult } from "../../bench/measure-size";
import { type BenchReport, checkTargets, formatTable, TARGETS } from "../../bench/report";

const size: SizeResult = {
  passages: 100_000,
  ingestMs: 24_500,
  snapshotBytes: 50 * 1024 * 1024,
  coldStartMs: 1_200,
  rssMB: 640,
  heapMB: 300,
  askMs: { p50: 2, p95: 8, p99: 20, mean: 3, max: 40 },
  bareMiniSearchMs: { p50: 200, p95: 600, p99: 800, mean: 250, max: 900 },
  ratio: { p50: 0.01, p95: 0.013, p99: 0.025 },
  passagesIndexed: 100_000,
  articles: 10_000,
  questions: 1_000,
  generateMs: 2_000,
  snapshotWriteMs: 300,
  bareIngestMs: 13_000,
  peakRssMB: 900,
  memoryAfterGc: true,
  coldStartRunsMs: [1_200],
  coldStart: {
    totalMs: 1_200,
    bootMs: 300,
    importMs: 100,
    readMs: 50,
    parseMs: 700,
    firstAskMs: 50,
    answered: true,
    rssMB: 400,
    heapMB: 250,
  },
  answers: {
    figure: { asked: 350, answered: 340, errors: 0 },
    official: { asked: 200, answered: 200, errors: 0 },
    quote: { asked: 200, answered: 190, errors: 0 },
    open: { asked: 100, answered: 60, errors: 0 },
    "no-answer": { asked: 150, answered: 5, errors: 1 },
  },
  errors: ["Who is the Ambassador of Brazil to Pakistan?: Error: boom"],
};

const report: BenchReport = {
  sizes: [size],
  targets: TARGETS,
  checks: [checkTargets(size)],
  machine: { cpu: "Test CPU", cores: 2, memoryMB: 4096, platform: "linux" },
  node: "v20.0.0",
  date: "2025-01-01T00:00:00.000Z",
  questions: 1_000,
  seed: null,
  quick: false,
};

describe("the bench report", () => {
  it("checks each target at a size and flags the ones missed", () => {
    expect(checkTargets(size)).toEqual({
      passages: 100_000,
      askP99: true,
      ratioP99: true,
      coldStart: true,
      ingest: true,
      rss: false,
    });
  });

  it("prints one table row per size with times in the units of its header", () => {
    const lines = formatTable(report).split("\n");
    expect(lines[0]).toMatch(
      /^passages\s+ingest s\s+snapshot MB\s+cold start ms\s+RSS MB\s+heap MB/,
    );
    expect(lines[2]?.split(/\s{2,}/)).toEqual([
      "100,000",
      "24.5",
      "50.0",
      "1200",
      "640",
      "300",
      "2.00 / 8.00 / 20.00",
      "200.00 / 600.00 / 800.00",
      "0.025",
    ]);
  });

  it("names the machine, what was answered, where cold start went and the targets' verdicts", () => {
    const text = formatTable(report);
    expect(text).toContain(
      "Test CPU, 2 cores, 4096 MB; Node v20.0.0; 2025-01-01T00:00:00.000Z; 1000 questions per size",
    );
    expect(text).toContain("no-answer 5/150 (1 errors)");
    expect(text).toContain("boot 300 + import 100 + read 50 + load 700 + first ask 50 ms");
    expect(text).toContain("  error: Who is the Ambassador of Brazil to Pakistan?: Error: boom");
    expect(text).toContain("  RSS <= 600 MB: MISSED");
    expect(text).toContain("  ask p99 <= 50 ms: met");
  });
});

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
  servingRssMB: 520,
  servingHeapMB: 250,
  askMs: { p50: 2, p95: 8, p99: 20, mean: 3, max: 40 },
  bareMiniSearchMs: { p50: 200, p95: 600, p99: 800, mean: 250, max: 900 },
  ratio: { p50: 0.01, p95: 0.013, p99: 0.025 },
  bareQuestions: 1_000,
  ingestPeakRssMB: 900,
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
  addArticle: {
    prepareMs: 9_000,
    addMs: { p50: 250, p95: 400, p99: 400, mean: 280, max: 400 },
    removeMs: { p50: 200, p95: 300, p99: 300, mean: 210, max: 300 },
    articles: 5,
  },
  askMsByKind: {
    figure: { p50: 1, p95: 4, p99: 9, mean: 2, max: 12 },
    official: { p50: 1, p95: 2, p99: 3, mean: 1, max: 4 },
    quote: { p50: 2, p95: 5, p99: 6, mean: 2, max: 7 },
    open: { p50: 5, p95: 15, p99: 20, mean: 6, max: 40 },
    "no-answer": { p50: 3, p95: 8, p99: 11, mean: 4, max: 13 },
  },
};

const report: BenchReport = {
  sizes: [size],
  targets: TARGETS,
  checks: [checkTargets(size)],
  machine: {
    cpu: "Test CPU",
    cores: 2,
    memoryMB: 4096,
    platform: "linux",
    speedProbeMs: { before: 700, after: 720 },
  },
  node: "v20.0.0",
  date: "2025-01-01T00:00:00.000Z",
  questions: 1_000,
  seed: null,
  quick: false,
};

describe("the bench report", () => {
  it("lists each phase's hottest functions when the run was profiled", () => {
    const profiled: BenchReport = {
      ...report,
      sizes: [
        {
          ...size,
          hotspots: {
            ingest: [
              {
                name: "splitSentences (src/corpus/passages.ts:150)",
                selfPercent: 31.5,
                totalPercent: 40,
              },
            ],
            snapshotLoad: [],
            ask: [
              {
                name: "search (node_modules/minisearch/dist/es/index.js:900)",
                selfPercent: 12,
                totalPercent: 60,
              },
            ],
          },
        },
      ],
    };
    const text = formatTable(profiled);
    expect(text).toContain(
      "Where the time goes at 100,000 passages (self % / total %), profiled run:",
    );
    expect(text).toContain(
      "  ingest:\n     31.5%   40.0%  splitSentences (src/corpus/passages.ts:150)",
    );
    expect(text).toContain(
      "  ask:\n     12.0%   60.0%  search (node_modules/minisearch/dist/es/index.js:900)",
    );
    expect(text).not.toContain("snapshotLoad:");
  });

  it("checks each target at a size and flags the ones missed", () => {
    expect(checkTargets(size)).toEqual({
      passages: 100_000,
      askP99: true,
      ratioP99: true,
      coldStart: true,
      ingest: true,
      rss: false,
      addArticle: true,
    });
  });

  it("prints one table row per size with times in the units of its header", () => {
    const lines = formatTable(report).split("\n");
    expect(lines[0]).toMatch(
      /^passages\s+ingest s\s+snapshot MB\s+cold start ms\s+ingest RSS MB\s+heap MB\s+serving RSS MB/,
    );
    expect(lines[2]?.split(/\s{2,}/)).toEqual([
      "100,000",
      "24.5",
      "50.0",
      "1200",
      "640",
      "300",
      "520",
      "2.00 / 8.00 / 20.00",
      "200.00 / 600.00 / 800.00",
      "0.025",
      "250 / 400",
    ]);
  });

  it("names the machine, what was answered, where cold start went and the targets' verdicts", () => {
    const text = formatTable(report);
    expect(text).toContain(
      "Test CPU, 2 cores, 4096 MB; Node v20.0.0; 2025-01-01T00:00:00.000Z; 1000 questions per size",
    );
    expect(text).toContain(
      "machine speed probe (bench/speed-probe.ts, lower is faster): 700 ms before the run, 720 ms after",
    );
    expect(text).toContain("no-answer 5/150 (1 errors)");
    expect(text).toContain("boot 300 + import 100 + read 50 + load 700 + first ask 50 ms");
    expect(text).toContain("  error: Who is the Ambassador of Brazil to Pakistan?: Error: boom");
    expect(text).toContain("  serving RSS <= 500 MB: MISSED");
    expect(text).toContain("  add one article <= 1000 ms: met");
    expect(text).toContain(
      "add one article: p50 250 / max 400 ms, remove max 300 ms, after 9000 ms",
    );
    expect(text).toContain(
      "ask p99 by kind: figure 9, official 3, quote 6, open 20, no-answer 11 ms",
    );
    expect(text).toContain("  ask p99 <= 50 ms: met");
  });
});

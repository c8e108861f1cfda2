import { cpus, release, totalmem } from "node:os";
import type { SizeResult } from "./measure-size";
import { round, toMB } from "./stats";

/** The issue's targets, checked at every size (they are stated for 100,000 passages). */
export const TARGETS = {
  askP99Ms: 50,
  askP99VersusBare: 0.1,
  coldStartMs: 1500,
  ingestMs: 30_000,
  /** RSS of the process serving from the snapshot (the cold-start child), after GC. */
  servingRssMB: 500,
  /** Adding one article to the built engine (issue 12). */
  addArticleMs: 1000,
  /** A /chart, request to PNG (issue 13). */
  chartP95Ms: 300,
} as const;

export interface TargetCheck {
  passages: number;
  askP99: boolean;
  ratioP99: boolean;
  coldStart: boolean;
  ingest: boolean;
  rss: boolean;
  /** Null where the add was not measured. */
  addArticle: boolean | null;
  /** Absent when no chart was drawn at that size. */
  chartP95?: boolean;
}

export function checkTargets(result: SizeResult): TargetCheck {
  return {
    passages: result.passages,
    askP99: result.askMs.p99 <= TARGETS.askP99Ms,
    ratioP99: result.ratio.p99 <= TARGETS.askP99VersusBare,
    coldStart: result.coldStartMs <= TARGETS.coldStartMs,
    ingest: result.ingestMs <= TARGETS.ingestMs,
    rss: result.servingRssMB <= TARGETS.servingRssMB,
    addArticle: result.addArticle ? result.addArticle.addMs.max <= TARGETS.addArticleMs : null,
    ...(result.charts ? { chartP95: result.charts.chartMs.p95 <= TARGETS.chartP95Ms } : {}),
  };
}

export function machine() {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? "unknown",
    cores: cores.length,
    memoryMB: round(toMB(totalmem()), 0),
    platform: `${process.platform} ${release()} ${process.arch}`,
  };
}

export interface BenchReport {
  sizes: SizeResult[];
  targets: typeof TARGETS;
  checks: TargetCheck[];
  /** With the speed probe (bench/speed-probe.ts) timed before and after the run. */
  machine: ReturnType<typeof machine> & { speedProbeMs?: { before: number; after: number } };
  node: string;
  date: string;
  questions: number;
  seed: number | null;
  quick: boolean;
}

const pad = (cells: string[], widths: number[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");

const triple = (s: { p50: number; p95: number; p99: number }) =>
  `${s.p50.toFixed(2)} / ${s.p95.toFixed(2)} / ${s.p99.toFixed(2)}`;

/** The report as a person reads it: one row per size, then the targets at the largest size. */
export function formatTable(report: BenchReport): string {
  const header = [
    "passages",
    "ingest s",
    "snapshot MB",
    "cold start ms",
    "ingest RSS MB",
    "heap MB",
    "serving RSS MB",
    "ask ms p50 / p95 / p99",
    "bare MiniSearch ms p50 / p95 / p99",
    "p99 ratio",
    "add article ms p50 / max",
  ];
  const rows = report.sizes.map((r) => [
    r.passages.toLocaleString("en-US"),
    (r.ingestMs / 1000).toFixed(1),
    toMB(r.snapshotBytes).toFixed(1),
    String(Math.round(r.coldStartMs)),
    r.rssMB.toFixed(0),
    r.heapMB.toFixed(0),
    r.servingRssMB.toFixed(0),
    triple(r.askMs),
    triple(r.bareMiniSearchMs),
    r.ratio.p99.toFixed(3),
    r.addArticle
      ? `${r.addArticle.addMs.p50.toFixed(0)} / ${r.addArticle.addMs.max.toFixed(0)}`
      : "—",
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const lines = [pad(header, widths), widths.map((w) => "-".repeat(w)).join("  ")];
  for (const row of rows) lines.push(pad(row, widths));

  lines.push("");
  lines.push(
    `${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.memoryMB} MB; Node ${report.node}; ${report.date}; ${report.questions} questions per size`,
  );
  const probe = report.machine.speedProbeMs;
  if (probe) {
    lines.push(
      `machine speed probe (bench/speed-probe.ts, lower is faster): ${probe.before} ms before the run, ${probe.after} ms after`,
    );
  }
  for (const r of report.sizes) {
    const kinds = Object.entries(r.answers)
      .map(
        ([kind, t]) => `${kind} ${t.answered}/${t.asked}${t.errors ? ` (${t.errors} errors)` : ""}`,
      )
      .join(", ");
    lines.push(
      `${r.passages.toLocaleString("en-US")} passages: answered ${kinds}; cold start = boot ${r.coldStart.bootMs} + import ${r.coldStart.importMs} + read ${r.coldStart.readMs} + load ${r.coldStart.parseMs} + first ask ${r.coldStart.firstAskMs} ms`,
    );
    const byKind = Object.entries(r.askMsByKind)
      .map(([kind, latency]) => `${kind} ${latency.p99}`)
      .join(", ");
    lines.push(`  ask p99 by kind: ${byKind} ms`);
    if (r.addArticle) {
      lines.push(
        `  add one article: p50 ${r.addArticle.addMs.p50} / max ${r.addArticle.addMs.max} ms, remove max ${r.addArticle.removeMs.max} ms, after ${r.addArticle.prepareMs} ms preparing the officials ledger once`,
      );
    }
    if (r.charts) {
      lines.push(
        `  chart, request to PNG, p50 / p95 / p99: ${triple(r.charts.chartMs)} ms over ${r.charts.charts} charts (${r.charts.refused} with nothing to draw); its data part ${triple(r.charts.dataMs)} ms`,
      );
    }
    for (const error of r.errors) lines.push(`  error: ${error}`);
  }

  for (const r of report.sizes) {
    if (!r.hotspots) continue;
    lines.push("");
    lines.push(
      `Where the time goes at ${r.passages.toLocaleString("en-US")} passages (self % / total %), profiled run:`,
    );
    for (const [phase, hot] of Object.entries(r.hotspots)) {
      if (hot.length === 0) continue;
      lines.push(`  ${phase}:`);
      for (const f of hot) {
        lines.push(
          `    ${f.selfPercent.toFixed(1).padStart(5)}%  ${f.totalPercent.toFixed(1).padStart(5)}%  ${f.name}`,
        );
      }
    }
  }

  const largest = report.checks[report.checks.length - 1];
  if (largest) {
    const mark = (ok: boolean) => (ok ? "met" : "MISSED");
    lines.push("");
    lines.push(
      `Targets at ${largest.passages.toLocaleString("en-US")} passages (stated for 100,000):`,
    );
    lines.push(`  ask p99 <= ${TARGETS.askP99Ms} ms: ${mark(largest.askP99)}`);
    lines.push(
      `  ask p99 <= ${TARGETS.askP99VersusBare} x bare MiniSearch p99: ${mark(largest.ratioP99)}`,
    );
    lines.push(`  cold start <= ${TARGETS.coldStartMs} ms: ${mark(largest.coldStart)}`);
    lines.push(`  ingest <= ${TARGETS.ingestMs / 1000} s: ${mark(largest.ingest)}`);
    lines.push(`  serving RSS <= ${TARGETS.servingRssMB} MB: ${mark(largest.rss)}`);
    if (largest.addArticle !== null) {
      lines.push(`  add one article <= ${TARGETS.addArticleMs} ms: ${mark(largest.addArticle)}`);
    }
    if (largest.chartP95 !== undefined) {
      lines.push(`  chart p95 <= ${TARGETS.chartP95Ms} ms: ${mark(largest.chartP95)}`);
    }
  }
  return lines.join("\n");
}

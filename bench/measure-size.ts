import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bundle } from "../scripts/bundle.mjs";
import type { Answer, Engine } from "../src/types";
import { type AddArticleResult, measureAddArticle } from "./add-article";
import { buildBareMiniSearch } from "./bare-minisearch";
import { heapMBFor, lastJsonLine, PROJECT_ROOT, runBenchScript } from "./child";
import type { ColdStartReport } from "./cold-start";
import type { EngineModule } from "./engine-module";
import { DEFAULT_SEED, generateCorpus } from "./generate";
import { type ChartResult, measureCharts } from "./measure-charts";
import { memoryAfterGc } from "./memory";
import { type HotFunction, hotFunctions, profiled } from "./profile";
import { type BenchQuestion, type BenchQuestionKind, generateQuestions } from "./questions";
import { type LatencySummary, round, summarize, toMB } from "./stats";

/** Everything measured for one corpus size. The first fields are the `--json` contract. */
export interface SizeResult {
  passages: number;
  ingestMs: number;
  snapshotBytes: number;
  coldStartMs: number;
  /** RSS and used heap of the measuring (ingest) process after `buildEngine` and a forced GC. */
  rssMB: number;
  heapMB: number;
  /**
   * RSS and used heap, after a forced GC, of the process that serves: the cold-start child, which
   * loaded the snapshot and answered one question (the median run's).
   */
  servingRssMB: number;
  servingHeapMB: number;
  askMs: LatencySummary;
  bareMiniSearchMs: LatencySummary;
  /**
   * engine / bare MiniSearch, per percentile, on the questions both answered: the target
   * is p99 ≤ 0.1.
   */
  ratio: { p50: number; p95: number; p99: number };
  /** Questions bare MiniSearch was timed on: all, or the first `--bare-questions` of them. */
  bareQuestions: number;
  /** Passages the splitter found in the generated articles (should equal `passages`). */
  passagesIndexed: number;
  articles: number;
  questions: number;
  generateMs: number;
  snapshotWriteMs: number;
  bareIngestMs: number;
  /** Highest RSS of the measuring process up to the end of ingest (corpus generation included). */
  ingestPeakRssMB: number;
  /** Highest RSS of the measuring process (generation, ingest, snapshot and reference included). */
  peakRssMB: number;
  memoryAfterGc: boolean;
  /** Every cold start run, process start to first answer; `coldStartMs` is their median. */
  coldStartRunsMs: number[];
  coldStart: ColdStartReport;
  /** Per question kind: how many were asked, answered by the engine, and raised an error. */
  answers: Record<BenchQuestionKind, { asked: number; answered: number; errors: number }>;
  errors: string[];
  /** Engine latency per question kind, to see which kind sets the tail. */
  askMsByKind: Record<BenchQuestionKind, LatencySummary>;
  /** Taking one article into the built engine while it serves (null for an engine src/live cannot update). */
  addArticle?: AddArticleResult | null;
  /** A chart from request to PNG (`--charts`), when the corpus has something to draw. */
  charts?: ChartResult;
  /** With `profileDir`: the functions with most self time in each phase (timings then include profiling overhead). */
  hotspots?: { ingest: HotFunction[]; snapshotLoad: HotFunction[]; ask: HotFunction[] };
}

export interface MeasureOptions {
  passages: number;
  questions: number;
  /** Charts to draw and time; 0 or absent: none. */
  charts?: number;
  coldStartRuns: number;
  /** Time bare MiniSearch on only the first this many questions (it takes seconds each at 1M). */
  bareQuestions?: number | null;
  seed?: number;
  /** Path of the engine module, loaded again by each cold-start child. */
  enginePath: string;
  engine: EngineModule;
  /** When set, phases are CPU-profiled and the profiles written here. */
  profileDir?: string;
  log?: (line: string) => void;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

function timeEach(questions: readonly BenchQuestion[], ask: (q: string) => unknown): number[] {
  const times: number[] = [];
  for (const q of questions) {
    const started = performance.now();
    ask(q.text);
    times.push(performance.now() - started);
  }
  return times;
}

const KINDS: readonly BenchQuestionKind[] = ["figure", "official", "quote", "open", "no-answer"];

/** Times each engine answer and tallies, per kind, how many were answered or failed. */
function timeEngine(engine: Engine, questions: readonly BenchQuestion[]) {
  const answers = Object.fromEntries(
    KINDS.map((kind) => [kind, { asked: 0, answered: 0, errors: 0 }]),
  ) as SizeResult["answers"];
  const errors: string[] = [];
  const times: number[] = [];
  const timesByKind = Object.fromEntries(KINDS.map((kind) => [kind, [] as number[]])) as Record<
    BenchQuestionKind,
    number[]
  >;
  for (const q of questions) {
    const tally = answers[q.kind];
    tally.asked++;
    const started = performance.now();
    let answer: Answer | null = null;
    try {
      answer = engine.ask(q.text);
    } catch (error) {
      tally.errors++;
      if (errors.length < 5) errors.push(`${q.text}: ${String(error)}`);
    }
    const elapsed = performance.now() - started;
    times.push(elapsed);
    timesByKind[q.kind].push(elapsed);
    if (answer?.answered) tally.answered++;
  }
  return { times, timesByKind, answers, errors };
}

const ratio = (a: number, b: number): number => (b > 0 ? round(a / b, 3) : Number.NaN);

/** Generates a corpus of `passages`, builds the engine and the reference, and measures both. */
export async function measureSize(options: MeasureOptions): Promise<SizeResult> {
  const log = options.log ?? (() => {});
  const seed = options.seed ?? DEFAULT_SEED;

  let started = performance.now();
  const corpus = generateCorpus({ passages: options.passages, seed });
  const questions = generateQuestions(corpus, { count: options.questions, seed: seed + 1 });
  // Warm-up questions differ from the timed ones, so an engine that caches answers gains nothing.
  const warmUp = generateQuestions(corpus, {
    count: Math.min(50, options.questions),
    seed: seed + 2,
  });
  const generateMs = performance.now() - started;
  log(
    `${options.passages} passages: generated ${corpus.articles.length} articles in ${Math.round(generateMs)} ms`,
  );

  const profileDir = options.profileDir ? resolve(options.profileDir) : null;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const root = resolve(import.meta.dirname, "..");
  const hotspots: NonNullable<SizeResult["hotspots"]> = { ingest: [], snapshotLoad: [], ask: [] };
  /** Runs a phase, under the profiler when asked, keeping its summary and writing its profile. */
  const phase = async <T>(name: keyof typeof hotspots, work: () => T | Promise<T>): Promise<T> => {
    if (!profileDir) return work();
    const { result, profile } = await profiled(work);
    writeFileSync(
      join(profileDir, `${name}-${options.passages}.cpuprofile`),
      JSON.stringify(profile),
    );
    hotspots[name] = hotFunctions(profile, root);
    return result;
  };

  started = performance.now();
  const { buildEngine, buildEngineInParallel } = options.engine;
  const engine = await phase("ingest", () =>
    buildEngineInParallel
      ? buildEngineInParallel(corpus.articles)
      : Promise.resolve(buildEngine(corpus.articles)),
  );
  const ingestMs = performance.now() - started;
  // The process's highest RSS so far: generating the corpus and ingesting it, nothing after.
  const ingestPeakRssMB = toMB(process.resourceUsage().maxRSS * 1024);
  log(
    `${options.passages} passages: built the engine in ${Math.round(ingestMs)} ms, peak RSS ${ingestPeakRssMB} MB`,
  );

  started = performance.now();
  let snapshot: Uint8Array | null = options.engine.engineToSnapshot(engine);
  const snapshotBytes = snapshot.byteLength;
  const snapshotPath = join(tmpdir(), `tijarat-bench-${process.pid}-${options.passages}.snapshot`);
  writeFileSync(snapshotPath, snapshot);
  if (profileDir) {
    const text = snapshot;
    await phase("snapshotLoad", () => options.engine.engineFromSnapshot(text));
  }
  snapshot = null;
  const snapshotWriteMs = performance.now() - started;

  // The engine's footprint: the process holds the engine and its articles, nothing else large.
  const memory = memoryAfterGc();
  log(
    `${options.passages} passages: snapshot ${toMB(snapshotBytes)} MB, RSS ${memory.rssMB} MB, heap ${memory.heapMB} MB`,
  );

  const coldStartQuestion =
    questions.find((q) => q.kind === "figure")?.text ?? questions[0]?.text ?? "trade";
  const coldStarts: ColdStartReport[] = [];
  // Bundled as `npm start` runs (scripts/bundle.mjs) and run by plain Node: a server's restart.
  const bundleDir = join(PROJECT_ROOT, "dist", `bench-${process.pid}-${options.passages}`);
  try {
    await bundle(
      { "cold-start": resolve(import.meta.dirname, "cold-start.ts"), engine: options.enginePath },
      bundleDir,
    );
    for (let run = 0; run < options.coldStartRuns; run++) {
      const child = await runBenchScript(
        join(bundleDir, "cold-start.js"),
        [join(bundleDir, "engine.js"), snapshotPath, coldStartQuestion],
        heapMBFor(options.passages),
        { typescript: false },
      );
      coldStarts.push(lastJsonLine<ColdStartReport>(child.stdout));
    }
  } finally {
    rmSync(snapshotPath, { force: true });
    rmSync(bundleDir, { recursive: true, force: true });
  }
  const coldStartRunsMs = coldStarts.map((c) => c.totalMs);
  const coldStartMs = median(coldStartRunsMs);
  const coldStart = coldStarts.find((c) => c.totalMs === coldStartMs) ?? coldStarts[0];
  if (!coldStart) throw new Error("no cold start was measured");
  log(
    `${options.passages} passages: cold start ${coldStartMs} ms (runs: ${coldStartRunsMs.join(", ")}), serving RSS ${coldStart.rssMB} MB`,
  );

  // `--bare-questions 0`: no reference at all (at 1,000,000 passages its index alone would not fit).
  const bareSet =
    options.bareQuestions === null || options.bareQuestions === undefined
      ? questions
      : questions.slice(0, options.bareQuestions);
  started = performance.now();
  const bare = bareSet.length > 0 ? buildBareMiniSearch(corpus.articles) : null;
  const bareIngestMs = performance.now() - started;
  if (bare) {
    log(`${options.passages} passages: built bare MiniSearch in ${Math.round(bareIngestMs)} ms`);
  }
  timeEngine(engine, warmUp);
  if (bare) {
    timeEach(warmUp.slice(0, bareSet.length < questions.length ? 5 : warmUp.length), (q) =>
      bare.ask(q),
    );
  }
  const {
    times: askTimes,
    timesByKind,
    answers,
    errors,
  } = await phase("ask", () => timeEngine(engine, questions));
  const bareTimes = bare ? timeEach(bareSet, (q) => bare.ask(q)) : [];
  const askMs = summarize(askTimes);
  const bareMiniSearchMs = summarize(bareTimes);
  // Ratios compare the same questions: the engine's times on the ones bare MiniSearch was given.
  const askOnBareSet = summarize(askTimes.slice(0, bareSet.length));
  log(
    `${options.passages} passages: ask p50 ${askMs.p50} / p99 ${askMs.p99} ms, bare MiniSearch p99 ${bareMiniSearchMs.p99} ms`,
  );

  const charts =
    (options.charts ?? 0) > 0 ? await measureCharts(engine, options.charts ?? 0) : null;
  if (charts) {
    log(
      `${options.passages} passages: ${charts.charts} charts, p95 ${charts.chartMs.p95} ms (request to PNG)`,
    );
  }

  // Last, since it changes the engine the questions were timed on.
  const addArticle = await measureAddArticle(engine, seed);
  if (addArticle) {
    log(
      `${options.passages} passages: add one article p50 ${addArticle.addMs.p50} ms, max ${addArticle.addMs.max} ms (after ${addArticle.prepareMs} ms preparing)`,
    );
  }

  return {
    passages: options.passages,
    ingestMs: round(ingestMs, 0),
    snapshotBytes,
    coldStartMs,
    rssMB: memory.rssMB,
    heapMB: memory.heapMB,
    servingRssMB: coldStart.rssMB,
    servingHeapMB: coldStart.heapMB,
    askMs,
    bareMiniSearchMs,
    ratio: {
      p50: ratio(askOnBareSet.p50, bareMiniSearchMs.p50),
      p95: ratio(askOnBareSet.p95, bareMiniSearchMs.p95),
      p99: ratio(askOnBareSet.p99, bareMiniSearchMs.p99),
    },
    bareQuestions: bareSet.length,
    passagesIndexed: bare ? bare.passages : engine.sources().reduce((n, s) => n + s.passages, 0),
    articles: corpus.articles.length,
    questions: questions.length,
    generateMs: round(generateMs, 0),
    snapshotWriteMs: round(snapshotWriteMs, 0),
    bareIngestMs: round(bareIngestMs, 0),
    ingestPeakRssMB,
    peakRssMB: toMB(process.resourceUsage().maxRSS * 1024),
    memoryAfterGc: memory.afterGc,
    coldStartRunsMs,
    coldStart,
    answers,
    errors,
    askMsByKind: Object.fromEntries(
      KINDS.map((kind) => [kind, summarize(timesByKind[kind])]),
    ) as SizeResult["askMsByKind"],
    addArticle,
    ...(charts ? { charts } : {}),
    ...(profileDir ? { hotspots } : {}),
  };
}

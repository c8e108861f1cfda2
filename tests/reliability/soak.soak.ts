import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { execute } from "../../commands/ask";
import { renderAnswer } from "../../src/discord/render";
import { EDGE_QUESTIONS, piecesQuestion } from "../properties/hostile-text";
import { seedEngine } from "../properties/seed-engine";
import { commandContext } from "../support/command-context";

/**
 * 10,000 questions answered and rendered in one process, as a long-running bot would: the heap
 * must not keep what each question leaves behind. Heap growth is measured after a full garbage
 * collection, before and after, following a warm-up that fills every cache the engine keeps.
 */

const CALLS = 10_000;
const WARM_UP = 1_000;
/** Measured ~1–3 MB on the seed corpus; a per-question leak of even 5 KB would pass 50 MB. */
const HEAP_GROWTH_BOUND_MB = 20;
/**
 * CPU time for the whole run. The target is 20 s, but ask+render costs ~2.1–2.5 ms of CPU a
 * question (22–25 s measured; 40–70 s wall on a loaded 2-core machine), most of it finding
 * countries and periods in candidate sentences on every ask. Until that is precomputed at build
 * time, this bound only catches runaway slowdowns; the test timeout catches hangs.
 */
const CPU_BOUND_MS = 45_000;
/**
 * A leak that costs time shows as later questions getting slower than the same early ones.
 * Compared in CPU time, which other processes on a busy machine disturb far less than wall time.
 */
const SLOWDOWN_BOUND = 2.5;

/** `global.gc` without `--expose-gc` on the worker's command line. */
function collector(): () => void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  return () => {
    gc();
    gc();
  };
}

const ROOT = resolve(import.meta.dirname, "../..");
const readQuestions = (file: string) =>
  (
    JSON.parse(readFileSync(join(ROOT, file), "utf8")) as { questions: { question: string }[] }
  ).questions.map((q) => q.question);

/**
 * Three real questions to one hostile one (plus an extreme every 250), fixed by a seed so every
 * run asks the same 10,000.
 */
function questionMix(): string[] {
  const normal = [
    ...readQuestions("tests/fixtures/dev-questions.json"),
    ...readQuestions("tests/fixtures/extra-questions.json"),
  ];
  const hostile = fc.sample(piecesQuestion(["Japan", "trade", "exports"]), {
    numRuns: 400,
    seed: 2024,
  });
  const mix: string[] = [];
  for (let i = 0; i < CALLS; i++) {
    if (i % 250 === 0) mix.push(EDGE_QUESTIONS[(i / 250) % EDGE_QUESTIONS.length] ?? "");
    else if (i % 4 === 0) mix.push(hostile[i % hostile.length] ?? "");
    else mix.push(normal[i % normal.length] ?? "");
  }
  return mix;
}

describe("a long run of questions", () => {
  it(`answers and renders ${CALLS.toLocaleString("en-US")} questions with bounded heap growth and time`, async () => {
    const engine = await seedEngine();
    const { ctx } = commandContext(engine);
    const gc = collector();
    const questions = questionMix();
    const round = (question: string) => {
      const reply =
        question.trim().length > 0 && question.length <= 500
          ? execute({ question }, ctx)
          : renderAnswer(engine.ask(question), { questionKey: "K" });
      if (reply.allowed_mentions.parse.length !== 0) throw new Error("a reply allows mentions");
    };

    for (const question of questions.slice(0, WARM_UP)) round(question);
    gc();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const tenth = CALLS / 10;
    const tenths: number[] = [];
    const cpuMs = () => {
      const usage = process.cpuUsage();
      return (usage.user + usage.system) / 1000;
    };
    let mark = cpuMs();
    for (const [index, question] of questions.entries()) {
      round(question);
      if ((index + 1) % tenth === 0) {
        const now = cpuMs();
        tenths.push(now - mark);
        mark = now;
      }
    }
    const elapsed = performance.now() - started;
    gc();
    const growthMb = (process.memoryUsage().heapUsed - before) / (1024 * 1024);
    // The same questions open and close the run (the mix repeats), so the times compare.
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const early = sum(tenths.slice(0, 3));
    const late = sum(tenths.slice(-3));

    console.info(
      `soak: ${CALLS} ask+render in ${(elapsed / 1000).toFixed(1)} s (${(elapsed / CALLS).toFixed(2)} ms each), CPU ${(sum(tenths) / 1000).toFixed(1)} s, heap growth ${growthMb.toFixed(1)} MB, CPU per tenth ${tenths.map((t) => (t / 1000).toFixed(1)).join("/")} s`,
    );
    expect(sum(tenths)).toBeLessThan(CPU_BOUND_MS);
    expect(late / early).toBeLessThan(SLOWDOWN_BOUND);
    expect(growthMb).toBeLessThan(HEAP_GROWTH_BOUND_MB);
  }, 150_000);
});

import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load";
import { buildEngine } from "../../src/engine";
import type { Answer, Article, Engine } from "../../src/types";
import { QuestionFileSchema } from "../support/grading";
import {
  type Checked,
  checkGrounding,
  type GroundingSources,
  groundingSources,
} from "../support/grounding";
import { askableFigures, figureQuestion, quoteQuestion, quotesOf } from "./answerable-questions";
import { expectGrounded } from "./seed-engine";

/**
 * The grounding rule (`tests/support/grounding.ts`) as properties over the seed corpus and every
 * fixture batch at once. Each property counts the replies that really reached what it checks and
 * requires a minimum, so a generator that stops producing answerable questions, or an engine that
 * stops answering them, fails here instead of passing on nothing.
 */

const ROOT = resolve(import.meta.dirname, "../..");
const FOLDERS = [
  "corpus",
  "tests/fixtures/extra-articles",
  "tests/fixtures/more-articles",
  "tests/fixtures/third-articles",
  "tests/fixtures/fourth-articles",
].map((folder) => join(ROOT, folder));

const FIGURE_KINDS: Checked[] = ["money", "percent", "count", "quantity", "duration"];
const figuresChecked = (checked: Record<Checked, number>) =>
  FIGURE_KINDS.reduce((n, kind) => n + checked[kind], 0);

let engine: Engine;
let articles: Article[];
let sources: GroundingSources;

beforeAll(async () => {
  articles = (await Promise.all(FOLDERS.map((d) => loadCorpus(d)))).flatMap((c) => c.articles);
  engine = buildEngine(articles);
  sources = groundingSources(engine, articles);
});

/** Asks, checks the whole rule, and gives back what was checked. */
function askGrounded(question: string): { answer: Answer; checked: Record<Checked, number> } {
  const answer = engine.ask(question);
  const report = checkGrounding(answer, sources, question);
  expect(report.problems, question).toEqual([]);
  expectGrounded(engine, answer);
  return { answer, checked: report.checked };
}

describe("grounding on questions generated to be answerable", () => {
  it("has figures and quotes to build questions from", () => {
    // 402 askable figures and 74 quotes on 2026-11-30.
    expect(askableFigures(engine.figures()).length).toBeGreaterThan(300);
    expect(quotesOf(engine.officials()).length).toBeGreaterThan(50);
  });

  it("states only grounded figures when asked for an extracted one, in at least 150 of 300 answers", () => {
    let answered = 0;
    fc.assert(
      fc.property(figureQuestion(askableFigures(engine.figures())), (question) => {
        const { answer, checked } = askGrounded(question);
        if (answer.answered && figuresChecked(checked) > 0) answered++;
      }),
      { numRuns: 300 },
    );
    console.info(`grounding: ${answered} of 300 generated figure questions answered with figures`);
    // Measured 2026-11-30: 183 of 300 with the answer model, which declines questions built from
    // a measure misread at ingest ("What were the to ship?") where the gated engine answered them
    // (274–281); the bound keeps the grounding check reached in at least half the runs.
    expect(answered).toBeGreaterThanOrEqual(150);
  });

  it("repeats an official's words only from a cited excerpt, in at least 50 of 80 answers", () => {
    let quoted = 0;
    fc.assert(
      fc.property(quoteQuestion(quotesOf(engine.officials())), (question) => {
        const { answer, checked } = askGrounded(question);
        if (answer.answered && checked.quote > 0) quoted++;
      }),
      { numRuns: 80 },
    );
    console.info(`grounding: ${quoted} of 80 generated quote questions answered with a quote`);
    // Measured: 66–73 of 80 over five runs.
    expect(quoted).toBeGreaterThanOrEqual(50);
  });
});

describe("grounding on a fixed set: every fixture question, asked of all the articles at once", () => {
  const questions = readdirSync(join(ROOT, "tests/fixtures"))
    .filter((f) => f.endsWith("-questions.json"))
    .flatMap(
      (f) =>
        QuestionFileSchema.parse(JSON.parse(readFileSync(join(ROOT, "tests/fixtures", f), "utf8")))
          .questions,
    );

  /**
   * About half of what the 220 questions reached on 2026-11-30 (money 123, percent 40, count 26,
   * quantity 7, duration 11, period 97, official 61, quote 20): room for the engine to change its
   * answers, none for a kind to stop being checked.
   */
  const FIXED_SET_FLOORS: Record<Checked, number> = {
    money: 60,
    percent: 20,
    count: 12,
    quantity: 3,
    duration: 5,
    period: 50,
    official: 30,
    quote: 10,
  };

  it("grounds every reply, and reaches every kind of thing a reply can state", () => {
    expect(questions.length).toBeGreaterThan(200);
    const total = Object.fromEntries(
      [...FIGURE_KINDS, "period", "official", "quote"].map((k) => [k, 0]),
    ) as Record<Checked, number>;
    for (const q of questions) {
      const { checked } = askGrounded(q.question);
      for (const kind of Object.keys(total) as Checked[]) total[kind] += checked[kind];
    }
    console.info(`grounding: the fixed set checked ${JSON.stringify(total)}`);
    const below = Object.entries(FIXED_SET_FLOORS).filter(
      ([kind, floor]) => total[kind as Checked] < floor,
    );
    expect(below).toEqual([]);
  });
});

const STARTS = [
  "What was the",
  "How much",
  "How many",
  "What share of",
  "When did",
  "Who is",
  "What did",
  "Which",
  "Why did",
  "Where is",
  "",
];
const ENDS = [
  "?",
  "",
  " say?",
  " in 2023?",
  " between Pakistan and Japan?",
  " according to the FBR?",
];

describe("grounding on questions made of corpus words, answered or not", () => {
  let words: string[];
  let windows: string[];
  let names: string[];

  beforeAll(() => {
    const bodies = articles.map((a) => a.body);
    words = [...new Set(bodies.flatMap((b) => b.match(/\p{L}[\p{L}\p{N}'’-]*|\d[\d,.]*/gu) ?? []))];
    // Runs of up to eight consecutive words: phrases the articles really contain.
    windows = bodies.flatMap((body) => {
      const tokens = body.split(/\s+/).filter(Boolean);
      const runs: string[] = [];
      for (let at = 0; at < tokens.length; at += 3) runs.push(tokens.slice(at, at + 8).join(" "));
      return runs;
    });
    names = [
      ...engine.officials().flatMap((o) => [o.name, ...o.aliases]),
      ...engine.partners(),
      ...engine.figures().flatMap((f) => [f.measure ?? "", f.period ?? "", f.value]),
    ].filter((n) => n.length > 0);
  });

  const question = () =>
    fc
      .tuple(
        fc.constantFrom(...STARTS),
        fc.array(
          fc.oneof(
            fc.constantFrom(...words),
            fc.constantFrom(...windows),
            fc.constantFrom(...names),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        fc.constantFrom(...ENDS),
      )
      .map(([start, middle, end]) => `${start} ${middle.join(" ")}${end}`.trim());

  it("has material to build questions from", () => {
    expect(words.length).toBeGreaterThan(300);
    expect(windows.length).toBeGreaterThan(100);
    expect(names.length).toBeGreaterThan(100);
  });

  it("cites verbatim spans, and states no figure when it does not answer", () => {
    let unanswered = 0;
    let answered = 0;
    fc.assert(
      fc.property(question(), (q) => {
        const { answer } = askGrounded(q);
        if (answer.answered) answered++;
        else unanswered++;
      }),
      { numRuns: 150 },
    );
    console.info(`grounding: word soup ${answered} answered, ${unanswered} declined of 150`);
    // Both sides of the rule are reached: most word soup is declined, some is answered.
    expect(unanswered).toBeGreaterThanOrEqual(30);
    expect(answered).toBeGreaterThanOrEqual(10);
  });
});

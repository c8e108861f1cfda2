import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load";
import { buildEngine } from "../../src/engine";
import { GROUNDING_PREFIX, gradeAnswer, QuestionFileSchema } from "../support/grading";
import { groundingSources } from "../support/grounding";
import { type FixtureBatch, KNOWN_FAILURES } from "./known-failures";

/**
 * Every fixture question, pinned by id: it gives its expected answer, grounded, or it is on the
 * batch's list of known failures in `./known-failures.ts` and still fails (grounded all the same).
 */

interface Batch {
  name: FixtureBatch;
  folders: string[];
  file: string;
  /** Which of the file's questions the batch asks; all when absent. */
  only?: (q: { answered: boolean }) => boolean;
}

const BATCHES: Batch[] = [
  { name: "dev", folders: ["corpus"], file: "dev-questions.json" },
  // Paraphrases of the seed questions, and near misses the seeds cannot answer.
  { name: "paraphrase", folders: ["corpus"], file: "paraphrase-questions.json" },
  // The dev questions as people type them in Discord (five or more rewrites of each), written
  // apart from the engine, with rewrites that must stay unanswered and small talk.
  { name: "rewrite", folders: ["corpus"], file: "rewrite-questions.json" },
  // The extra articles cover other partners, so a question the seeds cannot answer (trade with
  // China) may well be answerable with them: only the answered questions must stay the same.
  {
    name: "dev-beside-extra",
    folders: ["corpus", "tests/fixtures/extra-articles"],
    file: "dev-questions.json",
    only: (q) => q.answered,
  },
  // Realistic articles written apart from the engine, batch by batch.
  ...(["extra", "more", "third", "fourth", "fifth"] as const).map((name) => ({
    name,
    folders: ["corpus", `tests/fixtures/${name}-articles`],
    file: `${name}-questions.json`,
  })),
];

const LIST_FILE = "tests/answer/known-failures.ts";

describe.each(BATCHES)("fixture batch $name ($file)", async ({ name, folders, file, only }) => {
  const articles = (await Promise.all(folders.map((d) => loadCorpus(d)))).flatMap(
    (c) => c.articles,
  );
  const engine = buildEngine(articles);
  const sources = groundingSources(engine, articles);
  const questions = QuestionFileSchema.parse(
    JSON.parse(readFileSync(`tests/fixtures/${file}`, "utf8")),
  ).questions.filter((q) => only?.(q) ?? true);
  const known: Readonly<Record<string, string>> = KNOWN_FAILURES[name];

  it("has questions, and lists as known failures only questions it asks", () => {
    expect(questions.length).toBeGreaterThan(0);
    const ids = new Set(questions.map((q) => q.id));
    expect(Object.keys(known).filter((id) => !ids.has(id))).toEqual([]);
  });

  for (const q of questions) {
    const reason = known[q.id];
    if (reason === undefined) {
      it(`${q.id}: answers ${JSON.stringify(q.question)} as expected, grounded`, () => {
        expect(gradeAnswer(q, engine.ask(q.question), sources)).toEqual([]);
      });
    } else {
      it(`${q.id}: known failure (${reason}), still grounded`, () => {
        const problems = gradeAnswer(q, engine.ask(q.question), sources);
        expect(
          problems,
          `${q.id} now passes: remove it from KNOWN_FAILURES.${name} in ${LIST_FILE}`,
        ).not.toEqual([]);
        // A wrong answer may be on the list; an ungrounded one never is.
        expect(problems.filter((p) => p.startsWith(GROUNDING_PREFIX))).toEqual([]);
      });
    }
  }
});

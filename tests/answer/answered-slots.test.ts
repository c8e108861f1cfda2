import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load";
import { buildEngine } from "../../src/engine";
import { findCountries } from "../../src/facts/language/countries";
import { findPeriods } from "../../src/facts/language/periods";
import type { Answer, Engine, Figure } from "../../src/types";
import { QuestionFileSchema } from "../support/grading";

/**
 * The grounding rule's second half: a figure given as the answer is of what the question names.
 * When a question names a partner, every figure answered is that partner's (its own partners, or,
 * for a figure that names none, its article); when it names a year, every figure answered is of
 * that year (its own period, else one its paragraph names, else the year its article was published in). A figure of another
 * partner or period stated as the answer is a wrong answer, whatever its sentence says.
 */

const SETS = [
  { file: "dev-questions.json", folders: ["corpus"] },
  { file: "paraphrase-questions.json", folders: ["corpus"] },
  { file: "rewrite-questions.json", folders: ["corpus"] },
  ...["extra", "more", "third", "fourth", "fifth"].map((name) => ({
    file: `${name}-questions.json`,
    folders: ["corpus", `tests/fixtures/${name}-articles`],
  })),
];

const partnersAsked = (q: string) =>
  [...new Set(findCountries(q).map((c) => c.country))].filter((c) => c !== "Pakistan");

const yearsAsked = (q: string) =>
  findPeriods(q)
    .filter((p) => p.years.length > 0)
    .map((p) => p.years);

function partnerFits(engine: Engine, f: Figure, partner: string): boolean {
  if (f.partners.length > 0) return f.partners.includes(partner);
  const article = engine.article(f.articleId);
  return findCountries(`${article?.title ?? ""}\n${article?.body ?? ""}`).some(
    (c) => c.country === partner,
  );
}

function periodFits(engine: Engine, f: Figure, years: readonly number[]): boolean {
  const own = f.period ? findPeriods(f.period).flatMap((p) => p.years) : [];
  if (own.length > 0) return own.some((y) => years.includes(y));
  // A figure the extractor gave no period may stand in a paragraph that names one for it
  // ("… $512 million in 2023-24. Exports made up $318 million of the total, while imports …").
  const span = engine.passage(f.passageId);
  const paragraph = span
    ? (engine.article(f.articleId)?.body ?? "").slice(span.start, span.end)
    : "";
  const stated = findPeriods(paragraph).flatMap((p) => p.years);
  if (stated.length > 0) return stated.some((y) => years.includes(y));
  const published = Number(engine.article(f.articleId)?.published?.slice(0, 4));
  return years.includes(published);
}

describe.each(SETS)("figures answered to $file", async ({ file, folders }) => {
  const articles = (await Promise.all(folders.map((d) => loadCorpus(d)))).flatMap(
    (c) => c.articles,
  );
  const engine = buildEngine(articles);
  const questions = QuestionFileSchema.parse(
    JSON.parse(readFileSync(`tests/fixtures/${file}`, "utf8")),
  ).questions;
  const answers: { question: string; answer: Answer }[] = questions.map((q) => ({
    question: q.question,
    answer: engine.ask(q.question),
  }));

  it("are of the partner the question names", () => {
    const wrong: string[] = [];
    for (const { question, answer } of answers) {
      if (!answer.answered) continue;
      for (const partner of partnersAsked(question)) {
        for (const f of answer.figures) {
          if (!partnerFits(engine, f, partner)) wrong.push(`${question} → ${f.value} (${partner})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("are of the year the question names", () => {
    const wrong: string[] = [];
    for (const { question, answer } of answers) {
      if (!answer.answered) continue;
      for (const years of yearsAsked(question)) {
        for (const f of answer.figures) {
          if (!periodFits(engine, f, years)) wrong.push(`${question} → ${f.value} (${f.period})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

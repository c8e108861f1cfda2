/**
 * Scores the engine on every labelled question set at once, in-process: the development
 * questions, their paraphrases and rewrites, the fixture batches, and — where it has been rebuilt
 * on this machine — the shared real-news set. The inner loop of work on answering; the suite holds
 * the same sets to their pinned results, and `../shared/eval/score.py` scores through the CLI.
 *
 *   npm run eval                 one line per set
 *   npm run eval -- --failures   and every failing question with its problems and reply
 *   npm run eval -- --set real   only the sets whose name contains "real"
 */
import { existsSync, readFileSync } from "node:fs";
import { loadCorpus } from "../src/corpus/load";
import { buildEngine } from "../src/engine";
import type { Article, Engine } from "../src/types";
import { type EvalQuestion, gradeAnswer, QuestionFileSchema } from "../tests/support/grading";
import { groundingSources } from "../tests/support/grounding";
import { QUESTION_SETS, type QuestionSet } from "./sets";

const args = process.argv.slice(2);
const showFailures = args.includes("--failures");
const only = args.includes("--set") ? args[args.indexOf("--set") + 1] : undefined;

async function engineOver(
  dirs: readonly string[],
): Promise<{ engine: Engine; articles: Article[] }> {
  const articles = (await Promise.all(dirs.map((d) => loadCorpus(d)))).flatMap((c) => c.articles);
  return { engine: buildEngine(articles), articles };
}

function questionsOf(set: QuestionSet): EvalQuestion[] {
  return QuestionFileSchema.parse(JSON.parse(readFileSync(set.questions, "utf8"))).questions;
}

for (const set of QUESTION_SETS) {
  if (only && !set.name.includes(only)) continue;
  if (![set.questions, ...set.corpus].every((p) => existsSync(p))) {
    console.log(`${set.name.padEnd(14)} not on this machine (${set.questions})`);
    continue;
  }
  const { engine, articles } = await engineOver(set.corpus);
  const sources = groundingSources(engine, articles);
  const questions = questionsOf(set);
  const failures: string[] = [];
  let negatives = 0;
  let negativesKept = 0;
  let wrong = 0;
  for (const q of questions) {
    const a = engine.ask(q.question);
    const problems = gradeAnswer(q, a, sources);
    if (!q.answered) {
      negatives++;
      if (!a.answered) negativesKept++;
    }
    // An answer given where the expected one is missing: a wrong answer, worse than a refusal.
    if (a.answered && problems.length > 0) wrong++;
    if (problems.length > 0) {
      failures.push(
        `  ${q.id} ${JSON.stringify(q.question)}: ${problems.join("; ")}\n      → ${a.text.replace(/\n/g, " ⏎ ").slice(0, 240)}`,
      );
    }
  }
  const passed = questions.length - failures.length;
  const pct = (100 * passed) / questions.length;
  console.log(
    `${set.name.padEnd(14)} ${String(passed).padStart(3)}/${String(questions.length).padEnd(3)} ${pct.toFixed(0).padStart(3)}%  wrong answers ${wrong}  negatives kept ${negativesKept}/${negatives}`,
  );
  if (showFailures && failures.length > 0) console.log(failures.join("\n"));
}

/**
 * Lists, per fixture batch, the questions the engine gets wrong now and why in one line — the
 * draft of `tests/answer/known-failures.ts`, which the suite holds the engine to. The reason is
 * read off the reply: declined (and the probability it fell short with), answered wrongly (and
 * what with), or a grounding problem.
 *
 *   npx tsx eval/known-failures.ts            prints the batches' failures as TypeScript
 */
import { readFileSync } from "node:fs";
import { loadCorpus } from "../src/corpus/load";
import { buildEngine } from "../src/engine";
import { gradeAnswer, QuestionFileSchema } from "../tests/support/grading";
import { groundingSources } from "../tests/support/grounding";

interface Batch {
  name: string;
  folders: string[];
  file: string;
  onlyAnswered?: boolean;
}

const BATCHES: Batch[] = [
  { name: "dev", folders: ["corpus"], file: "dev-questions.json" },
  { name: "paraphrase", folders: ["corpus"], file: "paraphrase-questions.json" },
  { name: "rewrite", folders: ["corpus"], file: "rewrite-questions.json" },
  {
    name: "dev-beside-extra",
    folders: ["corpus", "tests/fixtures/extra-articles"],
    file: "dev-questions.json",
    onlyAnswered: true,
  },
  ...["extra", "more", "third", "fourth", "fifth"].map((name) => ({
    name,
    folders: ["corpus", `tests/fixtures/${name}-articles`],
    file: `${name}-questions.json`,
  })),
];

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const lines: string[] = [];
for (const batch of BATCHES) {
  const articles = (await Promise.all(batch.folders.map((d) => loadCorpus(d)))).flatMap(
    (c) => c.articles,
  );
  const engine = buildEngine(articles);
  const sources = groundingSources(engine, articles);
  const questions = QuestionFileSchema.parse(
    JSON.parse(readFileSync(`tests/fixtures/${batch.file}`, "utf8")),
  ).questions.filter((q) => !batch.onlyAnswered || q.answered);
  lines.push(`  ${JSON.stringify(batch.name)}: {`);
  let failed = 0;
  for (const q of questions) {
    const a = engine.ask(q.question, { explain: true });
    const problems = gradeAnswer(q, a, sources);
    if (problems.length === 0) continue;
    failed++;
    const decision = a.explanation?.parts[0]?.decision ?? "";
    let reason: string;
    if (!q.answered) reason = `answered a question the articles do not answer: ${clip(a.text, 70)}`;
    else if (!a.answered) reason = `declined (${clip(decision.replace(/^best candidate /, ""), 70)})`;
    else if (problems.some((p) => p.startsWith("ungrounded"))) reason = clip(problems[0] ?? "", 90);
    else reason = `answers ${clip(a.text.split("\n")[0] ?? "", 80)}`;
    lines.push(`    ${q.id}: ${JSON.stringify(reason)},`);
  }
  lines.push(`  }, // ${questions.length - failed}/${questions.length}`);
}
console.log(lines.join("\n"));

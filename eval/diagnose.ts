/**
 * For one question set, every question the engine gets wrong, with the candidates that competed:
 * the top three and the best right one (if the engine found one at all), with their features.
 * Tells a scoring problem (a right candidate ranked low) from a finding problem (none found).
 *
 *   npm run diagnose -- real [--kind figure|official|quote|sentence]
 */
import { readFileSync } from "node:fs";
import { candidatesFor } from "../src/answer/ask";
import { type Candidate, describeCandidate } from "../src/answer/candidates/candidate";
import { figuresTold } from "../src/answer/candidates/figures";
import { CitationList } from "../src/answer/citations";
import { answerConfidence } from "../src/answer/decide";
import { assembleKnowledge, type Knowledge } from "../src/answer/knowledge";
import { THRESHOLD } from "../src/answer/model";
import type { QuestionPlan } from "../src/answer/question";
import { figureReply, officialReply, quoteReply, sentenceReply } from "../src/answer/replies";
import { loadCorpus } from "../src/corpus/load";
import { splitPassages } from "../src/corpus/passages";
import { extractFigures } from "../src/facts/figures/figures";
import { extractOfficials } from "../src/facts/people/officials";
import { type EvalQuestion, has, norm, QuestionFileSchema } from "../tests/support/grading";
import { QUESTION_SETS } from "./sets";

const [name = "real", ...rest] = process.argv.slice(2);
const onlyKind = rest.includes("--kind") ? rest[rest.indexOf("--kind") + 1] : undefined;
const set = QUESTION_SETS.find((s) => s.name === name);
if (!set) throw new Error(`no set ${name}`);

const articles = (await Promise.all(set.corpus.map((d) => loadCorpus(d)))).flatMap(
  (c) => c.articles,
);
const docs = articles.map((article) => ({ article, passages: splitPassages(article) }));
const k: Knowledge = assembleKnowledge({
  articles,
  passages: docs.flatMap((d) => d.passages),
  figures: docs.flatMap((d) => extractFigures(d.article, d.passages)),
  officials: extractOfficials(docs),
});

function replyOf(
  c: Candidate,
  plan: QuestionPlan,
  all: readonly Candidate[],
): { text: string; cited: { id: string; excerpt: string }[] } {
  const citations = new CitationList();
  const text =
    c.kind === "figure"
      ? figureReply(k, figuresTold(k, plan, c, all), citations)
      : c.kind === "official"
        ? officialReply(k, c, citations)
        : c.kind === "quote"
          ? quoteReply(k, [c], citations)
          : sentenceReply(k, c, citations);
  return {
    text,
    cited: citations.items.map((x) => ({ id: x.articleId, excerpt: norm(x.excerpt) })),
  };
}

function isRight(
  q: EvalQuestion,
  c: Candidate,
  plan: QuestionPlan,
  all: readonly Candidate[],
): boolean {
  if (!q.answered) return false;
  const r = replyOf(c, plan, all);
  const text = norm(r.text);
  if (!(q.must ?? []).every((g) => g.some((s) => has(text, s)))) return false;
  const key = q.must?.[0] ?? [];
  return (
    !q.article || r.cited.some((x) => x.id === q.article && key.some((s) => has(x.excerpt, s)))
  );
}

const show = (c: Candidate, rank: number) =>
  `    #${rank} p=${c.p.toFixed(3)} z=${c.z.toFixed(2)} ${describeCandidate(c)}${c.conflict ? ` [${c.conflict}]` : ""}\n       ${Object.entries(
    c.features,
  )
    .map(([f, v]) => `${f}=${Math.round(v * 100) / 100}`)
    .join(" ")}`;

const questions = QuestionFileSchema.parse(
  JSON.parse(readFileSync(set.questions, "utf8")),
).questions;
for (const q of questions) {
  const parts = candidatesFor(k, q.question);
  if (parts.length !== 1) continue;
  const { plan, candidates } = parts[0] as { plan: QuestionPlan; candidates: Candidate[] };
  const free = candidates.filter((c) => c.conflict === null);
  const best = free[0];
  const sure = best ? answerConfidence(k, plan, best, candidates) : 0;
  const answered = best !== undefined && sure >= THRESHOLD;
  const bestRight = best ? isRight(q, best, plan, candidates) : false;
  const ok = q.answered ? answered && bestRight : !answered;
  if (ok) continue;
  const right = candidates.findIndex((c) => isRight(q, c, plan, candidates));
  const kinds = new Set(candidates.slice(0, 3).map((c) => c.kind));
  if (onlyKind && !kinds.has(onlyKind as Candidate["kind"]) && candidates[right]?.kind !== onlyKind)
    continue;
  console.log(
    `${q.id} ${JSON.stringify(q.question)} [${plan.kind}] ${answered ? (bestRight ? "right" : "WRONG") : "declined"} conf=${sure.toFixed(2)}; ${q.answered ? `right candidate ${right >= 0 ? `#${right + 1}${candidates[right]?.conflict ? " (conflict)" : ""}` : "NONE"}` : "negative"}`,
  );
  for (const [i, c] of candidates.slice(0, 3).entries()) console.log(show(c, i + 1));
  const r = candidates[right];
  if (r && right >= 3) console.log(show(r, right + 1));
}

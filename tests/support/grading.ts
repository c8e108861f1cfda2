import { z } from "zod";
import type { Answer } from "../../src/types";
import { checkGrounding, type GroundingSources, norm } from "./grounding";

/**
 * The outside scorer's checks (`shared/eval/score.py`: answered as expected, every `must` group
 * in the text, the key value in a citation of the expected article, verbatim excerpts), in
 * TypeScript so the suite holds the engine to them on a clone that has no `../shared`, and on top
 * of them the full grounding rule of `./grounding` (every figure kind, period, official and quote).
 */
export const QuestionFileSchema = z.object({
  about: z.string().optional(),
  articles: z.record(z.string(), z.string()).optional(),
  questions: z.array(
    z.object({
      id: z.string(),
      question: z.string(),
      answered: z.boolean(),
      must: z.array(z.array(z.string())).optional(),
      article: z.string().optional(),
    }),
  ),
});
export type EvalQuestion = z.infer<typeof QuestionFileSchema>["questions"][number];

export { norm };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `s` occurs in `text`; a number must not be part of a longer number ('25' is not in '2025'). */
export function has(text: string, s: string): boolean {
  const n = norm(s);
  if (/^[\d$£€%.,\s-]+$/.test(n)) {
    return new RegExp(`(?<![\\d.,])${escapeRe(n)}(?![\\d])`).test(text);
  }
  return text.includes(n);
}

/** Problems that break the grounding rule, as opposed to a wrong or missing answer. */
export const GROUNDING_PREFIX = "ungrounded: ";

/** Every problem with one answer; an empty list is a pass. */
export function gradeAnswer(q: EvalQuestion, a: Answer, sources: GroundingSources): string[] {
  const problems: string[] = [];
  const text = norm(a.text);
  if (a.answered !== q.answered) problems.push(`answered=${a.answered} expected ${q.answered}`);
  problems.push(
    ...checkGrounding(a, sources, q.question).problems.map((p) => GROUNDING_PREFIX + p),
  );
  if (q.answered) {
    for (const group of q.must ?? []) {
      if (!group.some((s) => has(text, s))) problems.push(`text lacks ${JSON.stringify(group)}`);
    }
    const key = q.must?.[0] ?? [];
    if (
      q.article &&
      !a.citations.some(
        (c) => c.articleId === q.article && key.some((s) => has(norm(c.excerpt), s)),
      )
    ) {
      problems.push(`no citation of ${q.article} containing ${JSON.stringify(key)}`);
    }
  }
  return problems;
}

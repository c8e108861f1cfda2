import { z } from "zod";
import type { Answer } from "../../src/types";

/**
 * The same checks as the outside scorer (`shared/eval/score.py`), in TypeScript, so the suite
 * holds the engine to them on a clone that has no `../shared`.
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

export function norm(s: string): string {
  return s
    .replace(/\u00a0/g, " ")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `s` occurs in `text`; a number must not be part of a longer number ('25' is not in '2025'). */
export function has(text: string, s: string): boolean {
  const n = norm(s);
  if (/^[\d$£€%.,\s-]+$/.test(n)) {
    return new RegExp(`(?<![\\d.,])${escapeRe(n)}(?![\\d])`).test(text);
  }
  return text.includes(n);
}

/** Money and percentage figures as the scorer finds them in a reply. */
const FIGURE = /\$\s?\d[\d,.]*(?:\s?(?:billion|million|trillion|bn|mn|b|m)\b)?|\d[\d,.]*\s?%/g;

/** Every problem with one answer; an empty list is a pass. */
export function gradeAnswer(
  q: EvalQuestion,
  a: Answer,
  bodyOf: (articleId: string) => string | undefined,
): string[] {
  const problems: string[] = [];
  const text = norm(a.text);
  if (a.answered !== q.answered) problems.push(`answered=${a.answered} expected ${q.answered}`);
  for (const c of a.citations) {
    const body = bodyOf(c.articleId);
    if (body === undefined) problems.push(`citation of unknown article ${c.articleId}`);
    else if (!c.excerpt || !norm(body).includes(norm(c.excerpt))) {
      problems.push(`excerpt not verbatim in ${c.articleId}: ${c.excerpt.slice(0, 80)}`);
    }
  }
  if (a.answered) {
    const excerpts = a.citations.map((c) => norm(c.excerpt)).join(" | ");
    for (const fig of new Set(text.match(FIGURE) ?? [])) {
      const f = fig.replace(/[.,]+$/, "");
      if (!excerpts.includes(f) && !norm(q.question).includes(f)) {
        problems.push(`figure ${fig} in the reply is in no cited excerpt`);
      }
    }
  }
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

import type { Article } from "../types";
import type { RunFacts } from "./article-facts";

/**
 * A worker's facts repeat the article's own text many times over: each passage's text, each of
 * its sentences', each figure's sentence. Copied between threads, every one of them would be
 * serialised, sent and parsed again, and held as a string of its own. So the worker leaves out
 * (as null) each text that is exactly the body's text at its offsets, and the main thread puts
 * back the body's own slice, as reading the article on one thread would have held it. A text
 * that differs from its span is sent as it is.
 */

interface Spanned {
  text: string;
  start: number;
  end: number;
}

/** Leaves out of `run` (in place) the texts that its articles' bodies hold at their offsets. */
export function leaveOutBodyText(run: RunFacts, articles: readonly Article[]): void {
  const bodies = new Map(articles.map((a) => [a.id, a.body]));
  forEachText(run, bodies, (body, start, end, text) =>
    body.slice(start, end) === text ? null : text,
  );
}

/** Puts back the texts `leaveOutBodyText` left out, as slices of the bodies (in place). */
export function putBackBodyText(run: RunFacts, bodyOf: (articleId: string) => string): void {
  const bodies = new Map(run.articles.map((a) => [a.articleId, bodyOf(a.articleId)]));
  forEachText(run, bodies, (body, start, end, text) => text ?? body.slice(start, end));
}

type Rewrite = (body: string, start: number, end: number, text: string | null) => string | null;

function forEachText(run: RunFacts, bodies: Map<string, string>, rewrite: Rewrite): void {
  for (const facts of run.articles) {
    const body = bodies.get(facts.articleId) ?? "";
    const at = (s: Spanned) => {
      s.text = rewrite(body, s.start, s.end, s.text) as string;
    };
    for (const p of facts.passages) {
      at(p);
      for (const s of p.sentences) at(s);
    }
    for (const f of facts.figures) {
      f.sentence = rewrite(body, f.sentenceStart, f.sentenceEnd, f.sentence) as string;
    }
  }
}

import { citeArticle } from "../answer/citations";
import type { Answer, Citation, Engine, Official } from "../types";
import type { CitedSpan } from "./state";

/**
 * "Who said that?": who the articles give as saying the sentence the last answer cited. An
 * official whose quote lies in it, else an official it names with a verb of saying, else the
 * body a figure in it is attributed to ("according to the Federal Board of Revenue"). The reply
 * cites the sentence, and the sentence naming the speaker when that is another one, so the name
 * stands in a cited passage.
 */

/** A verb of saying, or "according to": the sentence attributes what it says. */
const SAYS =
  /\b(?:said|says|told|noted|stated|added|stressed|remarked|explained|emphasi[sz]ed|observed|announced|according\s+to)\b/i;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** A citation of a span of an article body; null when the span is not the article's. */
export function citeBody(
  engine: Engine,
  articleId: string,
  passageId: string,
  start: number,
  end: number,
): Citation | null {
  const article = engine.article(articleId);
  if (!article || start < 0 || end > article.body.length || start >= end) return null;
  return citeArticle(article, passageId, start, end);
}

interface Speaker {
  official: Official | null;
  /** The body a figure is attributed to, when no official is. */
  source: string | null;
  /** Where the speaker is named, when not in the cited sentence itself. */
  namedAt: { passageId: string; start: number; end: number } | null;
}

function findSpeaker(engine: Engine, cited: CitedSpan): Speaker | null {
  const span = { start: cited.start, end: cited.end };
  const officials = engine.officials();
  const quoted = officials.find((o) =>
    o.quotes.some(
      (q) =>
        q.articleId === cited.articleId &&
        overlaps({ start: q.sentenceStart, end: q.sentenceEnd }, span),
    ),
  );
  const body = engine.article(cited.articleId)?.body ?? "";
  const sentence = body.slice(cited.start, cited.end);
  const named =
    quoted ??
    (SAYS.test(sentence)
      ? officials.find((o) =>
          o.mentions.some(
            (m) =>
              m.articleId === cited.articleId &&
              overlaps({ start: m.sentenceStart, end: m.sentenceEnd }, span),
          ),
        )
      : undefined);
  if (named) {
    // The cited sentence may give the speaker only as "he said": cite the nearest sentence
    // before it (or, failing that, after it) that names them.
    const inArticle = named.mentions.filter((m) => m.articleId === cited.articleId);
    const inSentence = inArticle.find((m) =>
      overlaps({ start: m.sentenceStart, end: m.sentenceEnd }, span),
    );
    const before = inArticle
      .filter((m) => m.sentenceEnd <= cited.start)
      .sort((a, b) => b.sentenceEnd - a.sentenceEnd)[0];
    const after = inArticle.find((m) => m.sentenceStart >= cited.end);
    const at = inSentence ? null : (before ?? after ?? null);
    return {
      official: named,
      source: null,
      namedAt: at
        ? { passageId: at.passageId, start: at.sentenceStart, end: at.sentenceEnd }
        : null,
    };
  }
  const figure = engine
    .figures()
    .find(
      (f) =>
        f.articleId === cited.articleId &&
        f.source !== null &&
        overlaps({ start: f.sentenceStart, end: f.sentenceEnd }, span),
    );
  if (figure?.source) return { official: null, source: figure.source, namedAt: null };
  return null;
}

/** The reply to "who said that?" about `cited`, the sentence the last answer cited first. */
export function answerSpeaker(engine: Engine, question: string, cited: CitedSpan | null): Answer {
  const base = { question, kind: "who" as const, figures: [], officials: [] };
  const sentence = cited
    ? citeBody(engine, cited.articleId, cited.passageId, cited.start, cited.end)
    : null;
  if (!cited || !sentence) {
    return {
      ...base,
      answered: false,
      text: "There is no earlier answer in this conversation to say who said it. Ask a question first.",
      citations: [],
      missing: ["an earlier answer"],
    };
  }
  const speaker = findSpeaker(engine, cited);
  if (!speaker) {
    return {
      ...base,
      answered: false,
      text: "The article does not say who said it: the sentence cited last is its own reporting, with no one named as saying it [1].",
      citations: [sentence],
      missing: ["no one named as saying the sentence cited last"],
    };
  }
  const citations = [sentence];
  if (speaker.namedAt) {
    const naming = citeBody(
      engine,
      cited.articleId,
      speaker.namedAt.passageId,
      speaker.namedAt.start,
      speaker.namedAt.end,
    );
    if (naming) citations.push(naming);
  }
  const marks = citations.map((_, i) => `[${i + 1}]`).join("");
  if (speaker.official) {
    const o = speaker.official;
    // A title is stated only where a cited sentence gives it verbatim.
    const title =
      o.title && citations.some((c) => c.excerpt.includes(o.title ?? "")) ? `, ${o.title},` : "";
    return {
      ...base,
      answered: true,
      text: `${o.name}${title} said it ${marks}.`,
      officials: [o],
      citations,
      missing: [],
    };
  }
  const source = (speaker.source ?? "").replace(/^the\s+/i, "");
  return {
    ...base,
    answered: true,
    text: `The article attributes it to the ${source} ${marks}.`,
    citations,
    missing: [],
  };
}

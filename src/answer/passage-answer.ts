import { findCountries } from "../facts/language/countries";
import type { PeriodMention } from "../facts/language/periods";
import { CORPUS_COMMON, stem, words } from "../text/terms";
import type { Passage, Sentence, Span } from "../types";
import { CitationList, citeSpan } from "./citations";
import {
  type Knowledge,
  passageCountries,
  passageTerms,
  sentencePeriods,
  sentenceTerms,
} from "./knowledge";
import { coverage, periodFit } from "./match";
import type { PersonMatch } from "./official-answer";
import type { Outcome } from "./outcome";
import type { QuestionPlan } from "./question";

export interface SentenceHit {
  passage: Passage;
  sentence: Sentence;
  score: number;
  /** The sentence satisfies the question's partner, period and person. */
  fits: boolean;
}

const COMMON_STEMS = new Set([...CORPUS_COMMON].map(stem));
const PASSAGES_SEARCHED = 12;
const CLOSEST_SEARCHED = 4;
/** Part of the question's (rarity-weighted) topic a sentence must hold to be an answer. */
const ANSWER_COVERAGE = 0.6;

/** Sentences of the best passages, scored by how much of the question they hold. */
export function rankSentences(
  k: Knowledge,
  plan: QuestionPlan,
  person: PersonMatch | null,
  /** A quick look for the closest passages only: few passages, no widening to OR. */
  quick = false,
): SentenceHit[] {
  const terms = plan.searchTerms.filter((t) => !COMMON_STEMS.has(t));
  // Words in many passages narrow nothing and make the index do the most work: search by the
  // rarer ones; coverage below still weighs every word.
  const { terms: rare, widen } = rarest(k, terms);
  // A quick look searches by the single rarest word: one posting list instead of several.
  const passageIds = new Set(
    (quick
      ? k.index.find(rare.slice(0, 1), CLOSEST_SEARCHED, [])
      : k.index.find(rare, PASSAGES_SEARCHED, widen ? rare : [])
    ).map((h) => h.id),
  );
  if (person) for (const m of person.official.mentions) passageIds.add(m.passageId);
  const topic = plan.topic.filter((t) => !person?.nameTerms.has(t));
  const personSentences = new Set(
    person
      ? [...person.official.mentions, ...person.official.quotes].map(
          (m) => `${m.articleId}:${m.sentenceStart}`,
        )
      : [],
  );

  const asked = new Set(words(plan.text).map((w) => w.word));
  const hits: SentenceHit[] = [];
  for (const id of passageIds) {
    const passage = k.passages.get(id);
    if (!passage) continue;
    const countries = passageCountries(k, passage.id);
    for (const sentence of passage.sentences) {
      const score = coverage(
        k,
        topic,
        sentenceTerms(k, passage.articleId, sentence),
        passageTerms(k, passage.id),
      );
      const periods = sentencePeriods(k, passage.articleId, sentence);
      let fits = plan.partners.every((p) => countries.has(p));
      if (plan.periods.length > 0) {
        const stated = periods.map((p) => p.text).join("; ");
        fits &&= periodFit(plan.periods, stated || null) > 0;
      }
      const bySpeaker = personSentences.has(`${passage.articleId}:${sentence.start}`);
      if (person) fits &&= bySpeaker || passageMentions(passage, person);
      if (plan.kind === "when") fits &&= periods.length > 0 || /\b\d{1,2}\b/.test(sentence.text);
      const bonus = (bySpeaker ? 0.15 : 0) + answerShapeBonus(plan, sentence.text, asked, periods);
      hits.push({ passage, sentence, score: score + bonus, fits });
    }
  }
  hits.sort((a, b) => b.score - a.score || a.sentence.start - b.sentence.start);
  return hits;
}

/** Opening minus closing quotation marks in a text (straight quotes open and close in turn). */
function quoteBalance(text: string): number {
  const curly = (text.match(/“/g) ?? []).length - (text.match(/”/g) ?? []).length;
  const straight = (text.match(/"/g) ?? []).length % 2;
  return curly + straight;
}

/**
 * A sentence inside a quotation that runs over several sentences is cited with the whole
 * quotation, so the reply never stops mid-quote nor loses who said it.
 */
function wholeQuotation(passage: Passage, sentence: Sentence): Span {
  const at = passage.sentences.findIndex((s) => s.start === sentence.start);
  let first = at;
  let last = at;
  let balance = quoteBalance(sentence.text);
  while (balance > 0 && last + 1 < passage.sentences.length && last - at < 4) {
    last++;
    balance += quoteBalance(passage.sentences[last]?.text ?? "");
  }
  while (balance < 0 && first > 0 && at - first < 4) {
    first--;
    balance += quoteBalance(passage.sentences[first]?.text ?? "");
  }
  if (balance !== 0) return sentence;
  return {
    start: passage.sentences[first]?.start ?? sentence.start,
    end: passage.sentences[last]?.end ?? sentence.end,
  };
}

/** Below this many passages every search is cheap, and every word may help find the answer. */
const LARGE_CORPUS = 2000;

/**
 * The terms to search by: those the corpus has at all (a word in no passage only empties an
 * AND), and in a large corpus only those in at most one passage in ten, or the three rarest.
 */
function rarest(k: Knowledge, terms: string[]): { terms: string[]; widen: boolean } {
  const df = (t: string) => k.passageFrequency.get(t) ?? 0;
  const known = terms.filter((t) => df(t) > 0);
  if (known.length === 0) return { terms, widen: true };
  if (k.passages.size < LARGE_CORPUS) return { terms: known, widen: true };
  const sorted = [...known].sort((a, b) => df(a) - df(b));
  const rare = sorted.filter((t) => df(t) <= k.passages.size / 10);
  // Only common words: AND alone already finds passages holding them all; an OR over words in
  // every tenth passage would walk a large part of the index to rank nothing.
  if (rare.length === 0) return { terms: sorted.slice(0, 2), widen: false };
  return { terms: rare.length >= 2 ? rare : sorted.slice(0, 3), widen: true };
}

/**
 * A small nudge toward sentences shaped like the answer sought: names for which/who, places for
 * where, dates for when, a list for "which sectors". Coverage still decides; this breaks near-ties.
 */
function answerShapeBonus(
  plan: QuestionPlan,
  sentence: string,
  asked: ReadonlySet<string>,
  periods: readonly PeriodMention[],
): number {
  switch (plan.kind) {
    case "which":
    case "who":
    case "where": {
      const countries = new Set(
        findCountries(sentence).flatMap((c) => words(c.matched).map((w) => w.word)),
      );
      const names = words(sentence).filter(
        ({ word, start }) =>
          start > 0 &&
          /^\p{Lu}/u.test(sentence.slice(start, start + 1)) &&
          !asked.has(word) &&
          (plan.kind === "where" || !countries.has(word)),
      );
      const list = (sentence.match(/,/g) ?? []).length >= 3;
      return names.length > 0 || (plan.kind === "which" && list) ? 0.1 : 0;
    }
    case "when":
      return periods.length > 0 ? 0.1 : 0;
    case "quote":
      return /["“”]/.test(sentence) ? 0.2 : 0;
    default:
      return 0;
  }
}

function passageMentions(passage: Passage, person: PersonMatch): boolean {
  return person.official.mentions.some((m) => m.passageId === passage.id);
}

/** Answers with the sentence that holds the most of the question, when it holds enough. */
export function answerFromPassages(
  k: Knowledge,
  plan: QuestionPlan,
  person: PersonMatch | null,
  hits: SentenceHit[] = rankSentences(k, plan, person),
): Outcome {
  const topicless = plan.topic.filter((t) => !person?.nameTerms.has(t)).length === 0;
  const best = hits.find((h) => h.fits);
  if (!best || topicless || best.score < ANSWER_COVERAGE) {
    return { kind: "none", missing: ["no passage holds enough of the question"] };
  }
  const span = wholeQuotation(best.passage, best.sentence);
  const citations = new CitationList();
  const n = citations.add(
    citeSpan(k, best.passage.articleId, best.passage.id, span.start, span.end),
  );
  const article = k.articles.get(best.passage.articleId);
  const text = article ? article.body.slice(span.start, span.end) : best.sentence.text;
  return {
    kind: "answer",
    text: `${text} [${n}]`,
    figures: [],
    officials: person ? [person.official] : [],
    citations: citations.items,
  };
}

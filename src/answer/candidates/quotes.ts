import type { Official, Quote } from "../../types";
import { type Knowledge, passageCountries, passageTerms } from "../knowledge";
import { coverage } from "../match";
import type { QuestionPlan } from "../question";
import type { QuoteCandidate, QuoteFeatures } from "./candidate";
import type { PersonMatch } from "./officials";
import { quoteSentenceTerms, quoteTerms } from "./quote-terms";

/**
 * Quotes that may answer "What did X say about Y?" (X's quoted words, best about Y first) and
 * "Who said …?" (any quote whose words, or the sentence around them, say what the question
 * paraphrases; the answer is its speaker).
 */

const QUOTES_WEIGHED = 24;

/** "Who said that …", "who thinks …", "who wants …": the question asks for a speaker. */
export const ASKS_SPEAKER =
  /^\s*who\s+(?:(?:has|had|have)\s+)?(?:said|says|say|told|tells|stated|states|remarked|noted|claimed|claims|believes|thinks|think|wants|predicted|predicts|stressed|urged|suggested|suggests|called|asked|expects|expected|described|hoped|hopes|mentioned|pointed|promised|pledged|announced|warned|argued|added|insisted|proposed|invited)\b/i;

function quoteFeatures(
  k: Knowledge,
  plan: QuestionPlan,
  topic: readonly string[],
  q: Quote,
): Omit<QuoteFeatures, "speaker"> {
  const own = coverage(k, topic, quoteTerms(q));
  const inSentence = coverage(k, topic, quoteSentenceTerms(q));
  const inPassage = coverage(k, topic, quoteSentenceTerms(q), passageTerms(k, q.passageId));
  const places = passageCountries(k, q.passageId);
  const partner =
    plan.partners.length === 0 ? 1 : plan.partners.every((p) => places.has(p)) ? 1 : 0;
  return {
    unseen: 0,
    own,
    sentence: inSentence,
    passage: inPassage,
    partner,
    topicless: topic.length === 0 ? 1 : 0,
  };
}

/** X's quotes, each scored for how well it covers what the question asks X about. */
export function quotesOfPerson(
  k: Knowledge,
  plan: QuestionPlan,
  person: PersonMatch,
): QuoteCandidate[] {
  const topic = plan.topic.filter((t) => !person.nameTerms.has(t));
  // Someone quoted across a large corpus has hundreds of quotes: the ones whose own words hold
  // the most of the topic are weighed in full.
  let quotes = person.official.quotes;
  if (quotes.length > QUOTES_WEIGHED) {
    quotes = quotes
      .map((q, i) => ({ q, i, cover: coverage(k, topic, quoteTerms(q)) }))
      .sort((a, b) => b.cover - a.cover || a.i - b.i)
      .slice(0, QUOTES_WEIGHED)
      .map((x) => x.q);
  }
  return quotes.map((quote) => ({
    kind: "quote",
    official: person.official,
    quote,
    asks: "words",
    features: { ...quoteFeatures(k, plan, topic, quote), speaker: 1 },
    conflict: null,
    z: 0,
    p: 0,
  }));
}

/** Quotes in the passages the search found, for "who said …?": the answer is the speaker. */
export function quotesSaying(
  k: Knowledge,
  plan: QuestionPlan,
  passageIds: Iterable<string>,
): QuoteCandidate[] {
  const byPassage = quotesByPassage(k);
  const out: QuoteCandidate[] = [];
  for (const id of passageIds) {
    for (const { official, quote } of byPassage.get(id) ?? []) {
      out.push({
        kind: "quote",
        official,
        quote,
        asks: "speaker",
        features: { ...quoteFeatures(k, plan, plan.topic, quote), speaker: 0 },
        conflict: null,
        z: 0,
        p: 0,
      });
    }
  }
  return out;
}

const BY_PASSAGE = new WeakMap<
  readonly Official[],
  Map<string, { official: Official; quote: Quote }[]>
>();

function quotesByPassage(k: Knowledge): Map<string, { official: Official; quote: Quote }[]> {
  let map = BY_PASSAGE.get(k.officials);
  if (!map) {
    map = new Map();
    for (const official of k.officials) {
      for (const quote of official.quotes) {
        const list = map.get(quote.passageId) ?? [];
        list.push({ official, quote });
        map.set(quote.passageId, list);
      }
    }
    BY_PASSAGE.set(k.officials, map);
  }
  return map;
}

/**
 * The countries of the officials whose quoted words hold the span: "We aim to increase our trade
 * volume with Pakistan to $5 billion," said by Turkey's trade minister, is Turkey's figure.
 */
export function speakerCountriesAt(
  k: Knowledge,
  passageId: string,
  start: number,
  end: number,
): Set<string> {
  const out = new Set<string>();
  for (const { official, quote } of quotesByPassage(k).get(passageId) ?? []) {
    if (official.country && quote.sentenceStart <= start && quote.sentenceEnd >= end) {
      out.add(official.country);
    }
  }
  return out;
}

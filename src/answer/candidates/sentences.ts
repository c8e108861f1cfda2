import { findCountries } from "../../facts/language/countries";
import type { PeriodMention } from "../../facts/language/periods";
import { CORPUS_COMMON, stem, words } from "../../text/terms";
import type { Passage, Sentence, Span } from "../../types";
import {
  type Knowledge,
  passageCountries,
  passageTerms,
  sentencePeriods,
  sentenceTerms,
  titleCountries,
} from "../knowledge";
import { coverage, periodFit, rarestHeld } from "../match";
import type { QuestionPlan } from "../question";
import type { SentenceCandidate } from "./candidate";
import { relativeClash, sameRelative } from "./figures";
import type { PersonMatch } from "./officials";
import { localCoverage } from "./proximity";
import { ASKS_SPEAKER } from "./quotes";

/**
 * Sentences of the passages the index finds for a question (and of the passages naming the
 * person it asks about), each with how much of the question it holds and whether it fits the
 * partner, period and person asked for. The answer of last resort, and the closest passages
 * offered when nothing answers.
 */

const COMMON_STEMS = new Set([...CORPUS_COMMON].map(stem));
const PASSAGES_SEARCHED = 12;
const CLOSEST_SEARCHED = 4;
const PERSON_PASSAGES = 12;

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
  if (rare.length === 0) return { terms: sorted.slice(0, 2), widen: false };
  return { terms: rare.length >= 2 ? rare : sorted.slice(0, 3), widen: true };
}

/** The passages to read for a question: the index's best, and those naming the person asked about. */
export function searchPassages(
  k: Knowledge,
  plan: QuestionPlan,
  person: PersonMatch | null,
  quick = false,
): string[] {
  const terms = plan.searchTerms.filter((t) => !COMMON_STEMS.has(t));
  const { terms: rare, widen } = rarest(k, terms);
  const ids = new Set(
    (quick
      ? k.index.find(rare.slice(0, 1), CLOSEST_SEARCHED, [])
      : k.index.find(rare, PASSAGES_SEARCHED, widen ? rare : [])
    ).map((h) => h.id),
  );
  // The passages naming the person asked about, the first few: someone quoted across a large
  // corpus is named in hundreds, and the search above already found the ones about the topic.
  if (person) {
    for (const m of person.official.mentions) {
      if (ids.size >= PASSAGES_SEARCHED + PERSON_PASSAGES) break;
      ids.add(m.passageId);
    }
  }
  return [...ids];
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

/** Whether a sentence has the shape of the answer sought: names for who, dates for when, … */
function answerShape(
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
      return names.length > 0 || (plan.kind === "which" && list) ? 1 : 0;
    }
    case "when":
      return periods.length > 0 ? 1 : 0;
    case "quote":
      return /["“”]/.test(sentence) ? 1 : 0;
    default:
      return /\d/.test(sentence) ? 1 : 0;
  }
}

/** The best share of the topic standing next to any number of the sentence. */
function coverageNearNumbers(k: Knowledge, topic: readonly string[], text: string): number {
  let best = 0;
  for (const m of text.matchAll(/\d[\d,.]*/g)) {
    best = Math.max(best, localCoverage(k, topic, text, m.index ?? 0));
  }
  return best;
}

/** Whether a sentence names a country other than Pakistan and the asked partners. */
function namesOtherCountry(text: string, partners: readonly string[]): boolean {
  return findCountries(text).some((c) => c.country !== "Pakistan" && !partners.includes(c.country));
}

/** Whether a sentence that names no period writes one of the asked years, as part of a name. */
function asksYearIn(plan: QuestionPlan, text: string): boolean {
  return plan.periods.some((p) => p.years.some((y) => new RegExp(`\\b${y}\\b`).test(text)));
}

/** Whether the sentence states a figure (one the figures tower read in it). */
function statesFigure(k: Knowledge, articleId: string, sentence: Sentence): boolean {
  return (k.figuresBySentence.get(`${articleId}:${sentence.start}`)?.length ?? 0) > 0;
}

/** Whether an official is named in the sentence (by a mention the people tower found there). */
function namesSomeone(k: Knowledge, articleId: string, sentence: Sentence): boolean {
  return mentionedSentences(k).has(`${articleId}:${sentence.start}`);
}

const MENTIONED = new WeakMap<Knowledge, Set<string>>();

function mentionedSentences(k: Knowledge): Set<string> {
  let set = MENTIONED.get(k);
  if (!set) {
    set = new Set(
      k.officials.flatMap((o) => o.mentions.map((m) => `${m.articleId}:${m.sentenceStart}`)),
    );
    MENTIONED.set(k, set);
  }
  return set;
}

/** Sentences of the given passages, with their features, best covering first. */
export function sentenceCandidates(
  k: Knowledge,
  plan: QuestionPlan,
  person: PersonMatch | null,
  passageIds: readonly string[],
): SentenceCandidate[] {
  const topic = plan.topic.filter((t) => !person?.nameTerms.has(t));
  const personSentences = new Set(
    person
      ? [...person.official.mentions, ...person.official.quotes].map(
          (m) => `${m.articleId}:${m.sentenceStart}`,
        )
      : [],
  );
  const personPassages = new Set(person?.official.mentions.map((m) => m.passageId) ?? []);
  const asked = new Set(words(plan.text).map((w) => w.word));
  const asksSpeaker = ASKS_SPEAKER.test(plan.text);
  const quantitative = plan.kind === "amount" || plan.kind === "count" || plan.kind === "share";
  const open = ["which", "where", "when", "why"].includes(plan.kind);
  const out: SentenceCandidate[] = [];
  for (const id of passageIds) {
    const passage = k.passages.get(id);
    if (!passage) continue;
    const countries = passageCountries(k, passage.id);
    for (const sentence of passage.sentences) {
      const terms = sentenceTerms(k, passage.articleId, sentence);
      const own = coverage(k, topic, terms);
      const inPassage = coverage(k, topic, terms, passageTerms(k, passage.id));
      const periods = sentencePeriods(k, passage.articleId, sentence);
      // A sentence may leave the partner to its article ("We receive 500,000 pilgrims", said the
      // Saudi minister): named in the passage fits; named in the article's title fits half, when
      // the sentence names no other country.
      const partner = plan.partners.every((p) => countries.has(p))
        ? 1
        : plan.partners.every((p) => titleCountries(k, passage.articleId).has(p)) &&
            !namesOtherCountry(sentence.text, plan.partners)
          ? 0.5
          : 0;
      let period = 1;
      if (plan.periods.length > 0) {
        const stated = periods.map((p) => p.text).join("; ");
        period = periodFit(plan.periods, stated || null);
        // The asked year inside a name ("World Expo 2025", "Vision 2030") is no other period.
        if (period === 0 && !stated && asksYearIn(plan, sentence.text)) period = 0.5;
      } else if (
        periods.some((p) => relativeClash(plan.relative, p.label)) &&
        !periods.some((p) => sameRelative(plan.relative, p.label) === 1)
      ) {
        // "last year" asked; the sentence speaks only of "the ongoing year".
        period = 0;
      }
      const bySpeaker = personSentences.has(`${passage.articleId}:${sentence.start}`) ? 1 : 0;
      const personFit = person ? (bySpeaker || personPassages.has(passage.id) ? 1 : 0) : 1;
      const span = wholeQuotation(passage, sentence);
      let conflict: string | null = null;
      if (plan.partners.length > 0 && partner === 0) conflict = "its passage names another partner";
      else if (asksSpeaker && !namesSomeone(k, passage.articleId, sentence)) {
        conflict = "it names nobody who could have said it";
      } else if (quantitative && !statesFigure(k, passage.articleId, sentence)) {
        conflict = "it states no figure";
      } else if (plan.kind === "quote" && !person && !/["“”]/.test(sentence.text)) {
        // "What did Toyota say?": with nobody the corpus knows named, only a quotation answers.
        conflict = "it quotes nobody";
      } else if (plan.periods.length > 0 && period === 0) conflict = "it names another period";
      out.push({
        kind: "sentence",
        passage,
        sentence,
        start: span.start,
        end: span.end,
        features: {
          unseen: 0,
          own,
          passage: inPassage,
          partner,
          period,
          person: personFit,
          speaker: bySpeaker,
          shape: answerShape(plan, sentence.text, asked, periods),
          topicless: topic.length === 0 ? 1 : 0,
          quoted: /["“”]/.test(sentence.text) ? 1 : 0,
          behind: 0,
          rarest: rarestHeld(k, topic, terms, passageTerms(k, passage.id)),
          sameRelative:
            plan.relative.length > 0 && periods.some((p) => plan.relative.includes(p.label))
              ? 1
              : 0,
          numberNear: quantitative ? coverageNearNumbers(k, topic, sentence.text) : 0,
          quantitative: quantitative ? 1 : 0,
          who: plan.kind === "who" ? 1 : 0,
          quote: plan.kind === "quote" ? 1 : 0,
          open: open ? 1 : 0,
        },
        conflict,
        z: 0,
        p: 0,
      });
    }
  }
  const best = Math.max(
    0,
    ...out.filter((c) => c.conflict === null).map((c) => c.features.passage),
  );
  for (const c of out) c.features.behind = Math.max(0, best - c.features.passage);
  out.sort(
    (a, b) =>
      b.features.passage + 0.2 * b.features.shape - (a.features.passage + 0.2 * a.features.shape) ||
      a.sentence.start - b.sentence.start,
  );
  return out;
}

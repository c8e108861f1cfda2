/**
 * The figures an article states, each with what it measures, the period, the partner countries,
 * who reported it, and the verbatim sentence with offsets into the article body for citing.
 *
 * Sentence by sentence: the figures themselves ({@link findQuantities}), then from the same
 * sentence their measures, the nearest period (a day-date such as a dateline only when nothing
 * else is named), the nearest reporting body, and the partners (see `partners.ts`). A count whose
 * noun is not beside it (`subscribers exceeded 127 million`) counts the head of its measure; a bare
 * number with neither is no figure. A qualifier carried by the verb (`exceeded`, `surpassed`,
 * `crossed`, `topped`) is given as `more than`; written ones are kept as written, in lower case.
 */

import type { Article, Figure, Passage, Sentence } from "../types";
import { findCountries } from "./countries";
import { findMeasures, type MeasureMatch, measureTopics } from "./measures";
import { partnersOfSentence, type Span } from "./partners";
import { findPeriods, type PeriodMention } from "./periods";
import { findQuantities, nounUnit, type Quantity } from "./quantities";
import { findSources, type SourceMention } from "./sources";

const distance = (a: Span, b: Span) =>
  a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0;

function nearest<T extends Span>(items: T[], to: Span): T | null {
  let best: T | null = null;
  for (const item of items) {
    if (!best || distance(item, to) < distance(best, to)) best = item;
  }
  return best;
}

/**
 * The period each figure refers to. Each period named in the sentence belongs to the figure nearest
 * to it, and a figure takes the nearest of its own (`$2.6 billion in 2023 against $2.1 billion in
 * 2022`); a figure with none takes the nearest in the sentence (`rose 12% to $3.1 billion in
 * FY24`). Day-dates (a dateline such as `on February 12`) count only when nothing else is named.
 */
function periodsFor(periods: PeriodMention[], quantities: Quantity[]): (string | null)[] {
  const spans = quantities.map((q) => ({ start: q.qualifierStart, end: q.end }));
  const free = periods.filter((p) => !spans.some((s) => p.start < s.end && s.start < p.end));
  const named = free.filter((p) => p.kind !== "date");
  const pool = named.length > 0 ? named : free;
  const owners = pool.map((p) => {
    let owner = 0;
    spans.forEach((s, i) => {
      const best = spans[owner];
      if (best && distance(p, s) < distance(p, best)) owner = i;
    });
    return owner;
  });
  return spans.map((s, i) => {
    const own = pool.filter((_, j) => owners[j] === i);
    return nearest(own.length > 0 ? own : pool, s)?.label ?? null;
  });
}

/** The counted noun of a count that has none beside it: the head of its measure. */
function headNoun(measure: MeasureMatch | null): string | null {
  const head = measure?.text.split(/\s+/).pop();
  if (!head || !/^\p{L}/u.test(head)) return null;
  return nounUnit(head);
}

function figuresOfSentence(
  article: Pick<Article, "id" | "title">,
  passage: Passage,
  sentence: Sentence,
): Figure[] {
  const quantities = findQuantities(sentence.text);
  if (quantities.length === 0) return [];
  const periodMentions = findPeriods(sentence.text);
  const countries = findCountries(sentence.text);
  const measures = findMeasures(sentence.text, quantities, { periods: periodMentions, countries });
  const periods = periodsFor(periodMentions, quantities);
  const sources: SourceMention[] = findSources(sentence.text);
  const partnersOf = partnersOfSentence(sentence.text, article.title, quantities, countries);
  const figures: Figure[] = [];
  quantities.forEach((q, i) => {
    const measure = measures[i] ?? null;
    const unit = q.unit ?? headNoun(measure);
    if (unit === null) return;
    const source = nearest(sources, q);
    const topics = measureTopics(measure?.text ?? "");
    figures.push({
      value: q.value,
      amount: q.amount,
      amountHigh: q.amountHigh,
      unit,
      kind: q.kind,
      qualifier: q.qualifier,
      measure: measure?.text ?? null,
      period: periods[i] ?? null,
      partners: partnersOf({
        value: q,
        phrase: measure ? { start: measure.phraseStart, end: measure.phraseEnd } : null,
        source,
        topics,
      }),
      source: source?.name ?? null,
      articleId: article.id,
      passageId: passage.id,
      sentence: sentence.text,
      sentenceStart: sentence.start,
      sentenceEnd: sentence.end,
      valueStart: sentence.start + q.start,
      valueEnd: sentence.start + q.end,
    });
  });
  return figures;
}

/**
 * Every figure the passages state, in document order. Offsets are into the article body, so
 * `body.slice(valueStart, valueEnd) === value` and `body.slice(sentenceStart, sentenceEnd) ===
 * sentence`.
 */
export function extractFigures(
  article: Pick<Article, "id" | "title">,
  passages: Passage[],
): Figure[] {
  const figures: Figure[] = [];
  for (const passage of passages) {
    for (const sentence of passage.sentences) {
      figures.push(...figuresOfSentence(article, passage, sentence));
    }
  }
  return figures.sort((a, b) => a.valueStart - b.valueStart);
}

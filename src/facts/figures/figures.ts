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

import type { Article, Figure, FigureKind, Passage, Sentence } from "../../types";
import { findCountries } from "../language/countries";
import { findPeriods, type PeriodMention } from "../language/periods";
import { findMeasures, type MeasureMatch, measureTopics } from "./measures";
import { partnersOfSentence, type Span } from "./partners";
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

/** `compared with 2022`: a base a change is measured against, not the change's own period. */
const BASE_BEFORE =
  /(?<![\p{L}])(?:compared[ \u00a0]+(?:with|to)|against|versus|vs\.?)[ \u00a0]+$/iu;

/**
 * The period each figure refers to. Each period named in the sentence belongs to the figure nearest
 * to it, and a figure takes the nearest of its own (`$2.6 billion in 2023 against $2.1 billion in
 * 2022`); a figure with none takes the nearest in the sentence (`rose 12% to $3.1 billion in
 * FY24`). Day-dates (a dateline such as `on February 12`) count only when nothing else is named.
 * A percentage is never of the base it is compared with (`an increase of 8.2 per cent compared
 * with 2022` is 2023's increase).
 */
function periodsFor(
  sentence: string,
  periods: PeriodMention[],
  quantities: Quantity[],
): { periods: (PeriodMention | null)[]; comparative: Set<PeriodMention> } {
  const spans = quantities.map((q) => ({ start: q.qualifierStart, end: q.end }));
  const free = periods.filter((p) => !spans.some((s) => p.start < s.end && s.start < p.end));
  const named = free.filter((p) => p.kind !== "date");
  const pool = named.length > 0 ? named : free;
  const isBase = pool.map((p) =>
    BASE_BEFORE.test(sentence.slice(Math.max(0, p.start - 16), p.start)),
  );
  // A base period belongs to the figure stated with it, after it (`compared with 2021, which was
  // $10.14 billion`), never to the one before it; a percentage is never of its base.
  const fits = (j: number, i: number) =>
    !(
      isBase[j] &&
      (quantities[i]?.kind === "percent" || (spans[i]?.start ?? 0) < (pool[j]?.start ?? 0))
    );
  const comparison = spans.map((s, i) => isComparisonFigure(sentence, spans, i, s));
  const starts = clauseStarts(sentence);
  const owners = pool.map((p, j) => {
    let owner = -1;
    spans.forEach((s, i) => {
      if (!fits(j, i)) return;
      const best = spans[owner];
      if (!best || distance(p, s) < distance(p, best)) owner = i;
    });
    return owner;
  });
  // Periods of the comparison (a base, or a figure compared against) are no one else's to share.
  const comparative = new Set(
    pool.filter((_, j) => isBase[j] || (owners[j] !== undefined && comparison[owners[j] ?? -1])),
  );
  const result = spans.map((s, i) => {
    const own = pool.filter((_, j) => owners[j] === i);
    if (own.length > 0) return nearest(own, s);
    // A figure in a later clause of plans does not share the period of another clause.
    const plan = starts.length > 0 && inPlanClause(sentence, starts, s);
    const clause = plan ? clauseOf(starts, s.start) : -1;
    const shared = pool.filter(
      (p, j) =>
        fits(j, i) &&
        !comparative.has(p) &&
        !FORWARD.test(p.label) &&
        (!plan || clauseOf(starts, p.start) === clause),
    );
    return nearest(shared, s);
  });
  return { periods: result, comparative };
}

/**
 * A figure stated as what another is compared with: `compared with the exports of $3.7 billion
 * last year`, `against $2.1 billion`, `from $2.04 billion`.
 */
const COMPARED_BEFORE =
  /(?:compared[ \u00a0]+(?:with|to)|against|versus|vs\.?|from|up[ \u00a0]+from|down[ \u00a0]+from)[ \u00a0]+(?:[\p{L}'’-]+[ \u00a0]+){0,4}$/iu;

function isComparisonFigure(sentence: string, spans: Span[], i: number, s: Span): boolean {
  const previousEnd = i > 0 ? (spans[i - 1]?.end ?? 0) : 0;
  return COMPARED_BEFORE.test(sentence.slice(Math.max(previousEnd, s.start - 60), s.start));
}

/** `over the next three years`: a goal's horizon, not the period of the other figures. */
const FORWARD = /^(?:next|coming|following)\b/i;

/** A new clause (`, and`, `;`) and words of a plan or a goal. */
const NEW_CLAUSE = /,[ \u00a0]+and[ \u00a0]+|;[ \u00a0]/g;
const PLAN_WORDS =
  /\b(?:will|would|could|may|might|shall|target|aims?|plans?|expects?|agreed on)\b/i;

/** Where each new clause of the sentence starts, in order. */
function clauseStarts(sentence: string): number[] {
  return [...sentence.matchAll(NEW_CLAUSE)].map((m) => m.index ?? 0);
}

/** How many clause starts come at or before `at` (binary search): the clause `at` is in. */
function clauseOf(starts: number[], at: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((starts[mid] ?? 0) <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Whether the figure at `figure` is in a clause of plans (`…, and the two countries have agreed on
 * a target of USD 1 billion`): from its clause's start to the next comma after it.
 */
function inPlanClause(sentence: string, starts: number[], figure: Span): boolean {
  const clause = clauseOf(starts, figure.start);
  const from = clause === 0 ? 0 : (starts[clause - 1] ?? 0);
  const next = sentence.slice(figure.end, figure.end + 200).search(/[,;]/);
  const end = next < 0 ? Math.min(sentence.length, figure.end + 200) : figure.end + next;
  return PLAN_WORDS.test(sentence.slice(Math.max(from, figure.start - 200), end));
}

/** The counted noun of a count that has none beside it: the head of its measure. */
function headNoun(measure: MeasureMatch | null): string | null {
  const head = measure?.text.split(/\s+/).pop();
  if (!head || !/^\p{L}/u.test(head)) return null;
  return nounUnit(head);
}

/** The periods a sentence may point back to, as the article has named them so far. */
interface PeriodContext {
  /** The first period the article's first paragraph names. */
  lede: PeriodMention | null;
  /** The period the current paragraph's figures were last stated for. */
  paragraph: PeriodMention | null;
  /** The period the article's last sentence with figures stated them for, across paragraphs. */
  stated: PeriodMention | null;
  /** That sentence. */
  statedIn: string;
  /** The last period the article stated figures for, or named, before this sentence. */
  latest: PeriodMention | null;
  /** The previous sentence of the paragraph when it stated figures, the period it gave them, and the figures. */
  previous: { text: string; period: PeriodMention | null; figures: Figure[] } | null;
}

/** A period the answer layer can place in time: a fiscal or calendar year, a span. */
const isConcrete = (p: PeriodMention) =>
  !p.refersBack && (p.kind === "fiscal" || p.kind === "calendar" || p.kind === "span");

/** `July-March FY25`, `first half of 2024`, `late 2024`: less than the whole year it names. */
const PART_OF_YEAR =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|[a-z]+ (?:half|quarter)|\w+ months|Q[1-4]|H[12]|early|mid|late|end|start|beginning|close|since)/i;

/**
 * The period `reference` (`during the year`, `the nine months`) points back to: the first one the
 * sentence names before it, else the paragraph's, else the first paragraph's. `the year` only
 * points to a whole year (`for the full fiscal year` is not `July-March FY25`). Null when nothing
 * fits.
 */
function antecedent(
  reference: PeriodMention,
  named: PeriodMention[],
  context: PeriodContext,
): PeriodMention | null {
  const fits = (p: PeriodMention | null) =>
    p !== null && (!/\byear\b/i.test(reference.label) || !PART_OF_YEAR.test(p.label));
  const before = named.find((p) => p.end <= reference.start && isConcrete(p)) ?? null;
  for (const candidate of [before, context.paragraph, context.lede]) {
    if (candidate) return fits(candidate) ? candidate : null;
  }
  return null;
}

const stem = (word: string) => word.toLowerCase().replace(/(?:es|s)$/, "");

/** Whether `text` names what `measure` measures (its head word, singular or plural). */
function mentionsMeasure(text: string, measure: string | null): boolean {
  const head = measure?.split(/\s+/).pop();
  if (!head) return false;
  const wanted = stem(head);
  return text.split(/[^\p{L}]+/u).some((w) => w.length > 2 && stem(w) === wanted);
}

function figuresOfSentence(
  article: Pick<Article, "id" | "title">,
  passage: Passage,
  sentence: Sentence,
  context: PeriodContext,
  periodMentions: PeriodMention[],
): Figure[] {
  const quantities = findQuantities(sentence.text);
  if (quantities.length === 0) return [];
  const countries = findCountries(sentence.text);
  const measures = findMeasures(sentence.text, quantities, { periods: periodMentions, countries });
  const { periods, comparative } = periodsFor(sentence.text, periodMentions, quantities);
  // The periods of the comparison say nothing of when the other figures were: those may still
  // take the period of the sentence before.
  const ownPeriods = periodMentions.filter((p) => !comparative.has(p));
  const sources: SourceMention[] = findSources(sentence.text);
  // A country in a counted noun (`50 Turkish companies`) names a partner; in a currency it does not.
  const spans = quantities.map((q) => ({
    start: q.start,
    end: q.kind === "count" && q.noun ? q.noun.start : q.end,
  }));
  const partnersOf = partnersOfSentence(sentence.text, article.title, spans, countries);
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
      measure: measure?.text ?? ellipticalMeasure(q.kind, unit, context),
      period: periodOf(
        periods[i] ?? null,
        measure?.text ?? null,
        ownPeriods,
        context,
        sentence.text,
      ),
      partners: partnersOf({
        value: { start: q.qualifierStart, end: q.end },
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
 * What a physical quantity without a measure of its own measures when the paragraph's previous
 * sentence gave one in the same unit: `the pipeline will carry 33 billion cubic metres of gas …
 * Pakistan is due to receive 14.2 billion cubic metres a year` (of gas). Money, shares and counts
 * are left alone: their units say too little of what they measure.
 */
function ellipticalMeasure(kind: FigureKind, unit: string, context: PeriodContext): string | null {
  if (kind !== "quantity") return null;
  const measures = new Set(
    (context.previous?.figures ?? [])
      .filter((f) => f.unit === unit && f.measure)
      .map((f) => f.measure),
  );
  return measures.size === 1 ? ([...measures][0] ?? null) : null;
}

/**
 * A figure's period: its own as named; one that points back (`during the year`) as the period it
 * points to; none named in a sentence that goes on about what the paragraph's previous sentence
 * gave figures for (`Remittances from the UAE grew 49 percent`) is that sentence's period.
 */
function periodOf(
  own: PeriodMention | null,
  measure: string | null,
  named: PeriodMention[],
  context: PeriodContext,
  sentence = "",
): string | null {
  if (own?.refersBack) return antecedent(own, named, context)?.label ?? null;
  if (own && MONTHS_WITHOUT_YEAR.test(own.label) && own.years.length === 0) {
    return withYear(own, named, context);
  }
  if (own) return own.label;
  // `On the import side, China remained the largest source at …`: the other side of the figures
  // just stated, in the paragraph before as well.
  if (named.length === 0 && CONTINUES.test(sentence) && context.stated) return context.stated.label;
  const previous = context.previous;
  if (named.length > 0) return null;
  if (previous?.period && mentionsMeasure(previous.text, measure)) return previous.period.label;
  // A new paragraph that goes on with the same measure (`exports were recorded at $5.2 billion`
  // after a lede on exports in fiscal year 2021) keeps the period the article last stated
  // figures of it for, if that named a year; a goal's own horizon is another matter.
  if (
    !previous &&
    context.stated &&
    context.stated.years.length > 0 &&
    !PLAN_WORDS.test(sentence) &&
    mentionsMeasure(context.statedIn, measure)
  ) {
    return context.stated.label;
  }
  return null;
}

/** Openings that carry on with the figures just stated: `On the import side,`, `By contrast,`. */
const CONTINUES =
  /^[\s"“‘']*(?:on[ \u00a0]+the[ \u00a0]+(?:import|export|other)[ \u00a0]+(?:side|front)|by[ \u00a0]+contrast|in[ \u00a0]+contrast|similarly|likewise)\b/iu;

/** A part of a year without its year: `July-February`, `July to September`, `first half`. */
const MONTHS_WITHOUT_YEAR =
  /^(?:\p{L}+\.?[ \u00a0]*(?:[-–—/]|[ \u00a0]to[ \u00a0])[ \u00a0]*\p{L}+\.?|\p{L}+[ \u00a0]+(?:half|quarter)(?:[ \u00a0]+of(?:[ \u00a0]+the)?)?|(?:first|last)[ \u00a0]+\p{L}+[ \u00a0]+months(?:[ \u00a0]+of(?:[ \u00a0]+the)?)?|[HQ][1-4])$/iu;

const MONTH_NAMES = "jan feb mar apr may jun jul aug sep oct nov dec".split(" ");

/** Whether a range of months runs from one calendar year into the next (`July-February`). */
function wrapsYear(label: string): boolean {
  const months = [...label.toLowerCase().matchAll(/\p{L}+/gu)]
    .map((m) => MONTH_NAMES.indexOf(m[0].slice(0, 3)))
    .filter((i) => i >= 0);
  return months.length === 2 && (months[0] ?? 0) > (months[1] ?? 0);
}

/** How a year is written in a label: `FY2024-25` for a fiscal year, `2024` for a calendar one. */
function yearLabel(p: PeriodMention): string | null {
  if (p.fiscalYear !== null) {
    return `FY${p.fiscalYear - 1}-${String(p.fiscalYear % 100).padStart(2, "0")}`;
  }
  if (p.kind === "calendar" && p.years.length === 1) return String(p.years[0]);
  return null;
}

/**
 * `July-February` in an article about fiscal year 2024-25 is `July-February FY2024-25`: the year the
 * sentence names, else the paragraph's, else the article's latest, else its first paragraph's. A
 * label with no year can meet no question, so the part alone is kept only when none is named.
 */
function withYear(own: PeriodMention, named: PeriodMention[], context: PeriodContext): string {
  const candidates = [named.find(isConcrete), context.paragraph, context.latest, context.lede];
  // `July-February` runs across the turn of a year: only a fiscal year holds it.
  const fiscalOnly = wrapsYear(own.label);
  for (const candidate of candidates) {
    if (fiscalOnly && candidate?.fiscalYear == null) continue;
    const year = candidate ? yearLabel(candidate) : null;
    if (year) return `${own.label.replace(/[ \u00a0]+of(?:[ \u00a0]+the)?$/i, " of")} ${year}`;
  }
  return own.label;
}

/** The period a sentence states its figures for, for the sentences after it to point back to. */
function statedPeriod(figures: Figure[], named: PeriodMention[]): PeriodMention | null {
  for (const f of figures) {
    const stated = f.period === null ? undefined : findPeriods(f.period)[0];
    if (stated && isConcrete(stated)) return stated;
  }
  return named.find(isConcrete) ?? null;
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
  const context: PeriodContext = {
    lede: null,
    paragraph: null,
    latest: null,
    stated: null,
    statedIn: "",
    previous: null,
  };
  passages.forEach((passage, index) => {
    context.paragraph = null;
    context.previous = null;
    for (const sentence of passage.sentences) {
      // The sentence's periods, read once: for its figures and for the sentences after it.
      const named = findPeriods(sentence.text);
      const found = figuresOfSentence(article, passage, sentence, context, named);
      figures.push(...found);
      const ofFigures = statedPeriod(found, []);
      const stated = ofFigures ?? statedPeriod([], named);
      if (stated) {
        context.paragraph = stated;
        context.latest = stated;
      }
      if (index === 0 && context.lede === null) context.lede = stated;
      if (found.length > 0) {
        context.stated = ofFigures;
        context.statedIn = sentence.text;
      }
      context.previous =
        found.length > 0 ? { text: sentence.text, period: ofFigures, figures: found } : null;
    }
  });
  return figures.sort((a, b) => a.valueStart - b.valueStart);
}

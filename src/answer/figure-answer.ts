import { findCountries } from "../facts/language/countries";
import { alternativesOf, foldPhrases, holdsTerm } from "../text/synonyms";
import { contentTerms, STOP_WORDS, words } from "../text/terms";
import type { Figure, FigureKind } from "../types";
import { CitationList, citeSpan } from "./citations";
import {
  type Knowledge,
  passageCountries,
  passageTerms,
  sentenceKey,
  termWeight,
} from "./knowledge";
import { coverage, periodFit, periodOrder } from "./match";
import type { Outcome } from "./outcome";
import type { QuestionPlan } from "./question";

/** Words around a figure that make it a goal rather than a reported value. */
const TARGET_CUE =
  /\b(?:target(?:s|ed|ing)?|goal|aim(?:s|ed|ing)?|plan(?:s|ned)?|push(?:es|ing)? to|toward|towards|hope|seek(?:s|ing)?|ambition|envisage[sd]?|projected|expected to|aspire|(?:to|will|would) (?:raise|boost|double|triple|increase|enhance|take)|by (?:the end of )?(?:20\d\d|FY\s?\d\d))\b/i;

interface Scored {
  figure: Figure;
  at: number;
  score: number;
  measureCover: number;
  periodScore: number;
}

function kindsFor(plan: QuestionPlan): FigureKind[] {
  if (
    /\bhow long\b|\bduration\b|\bperiod of\b|\bhow many (?:years|months|weeks|days)\b/i.test(
      plan.text,
    )
  ) {
    return ["duration"];
  }
  switch (plan.kind) {
    case "count":
      return ["count"];
    case "share":
      return ["percent"];
    case "amount":
      // "How much have exports grown?" is answered by a percentage as well; a duration answers
      // only "how long", handled above.
      return asksChange(plan) ? ["money", "percent", "count"] : ["money", "count"];
    default:
      return ["money", "percent", "count", "duration"];
  }
}

const METONYM = /\bthe (?:bloc|kingdom|emirates|republic|union|federation)\b/i;

function partnerFits(k: Knowledge, plan: QuestionPlan, f: Figure): boolean {
  if (plan.partners.length === 0) return true;
  if (f.partners.length > 0) return plan.partners.every((p) => f.partners.includes(p));
  // A figure with no partner of its own belongs to a partner only when its passage names it, or
  // when its sentence refers to the article's partner as "the bloc", "the kingdom".
  const named = passageCountries(k, f.passageId, METONYM.test(f.sentence));
  return plan.partners.every((p) => named.has(p));
}

/**
 * Heads that say how a thing is counted or held, not what it is: "trade volume" is about trade,
 * a "currency swap line" about the currency swap.
 */
const GENERIC_HEADS = new Set(
  [
    "volume",
    "value",
    "level",
    "amount",
    "total",
    "figure",
    "size",
    "worth",
    "sum",
    "number",
    // Instruments named by what they hold: an oil facility, a swap line.
    "line",
    "facility",
    "arrangement",
    "window",
    "scheme",
    "package",
  ].map((w) => contentTerms(w)[0] ?? w),
);

/**
 * Whether the question names the thing a figure measures — the measure's head noun ("market" in
 * "global halal market", "memoranda" in "memoranda of understanding") — or one of its synonyms. A
 * question about halal meat exports is not answered by the size of the global halal market.
 */
/** Measures repeat across figures ("exports", "bilateral trade"): each is read once. */
const HEADS = new Map<string, string[]>();

function measureHeads(f: Figure): string[] {
  if (!f.measure) return [];
  let heads = HEADS.get(f.measure);
  if (!heads) {
    const [head] = f.measure.split(/\s+of\s+/i);
    heads = [head, f.measure]
      .map(
        (phrase) =>
          contentTerms(phrase ?? "")
            .filter((t) => !GENERIC_HEADS.has(t))
            .at(-1) ?? contentTerms(phrase ?? "").at(-1),
      )
      .filter((h): h is string => h !== undefined);
    if (HEADS.size > 50_000) HEADS.clear();
    HEADS.set(f.measure, heads);
  }
  return heads;
}

function namesWhatIsAsked(f: Figure, asked: ReadonlySet<string>): boolean {
  if (!f.measure) return true;
  return measureHeads(f).some((h) => holdsTerm(asked, h));
}

const TRADE_VERBS = new Set(contentTerms("buy buys bought purchase purchased sell sells sold"));

/** Nouns that make the word before them part of a name for a body or an office. */
const OFFICE_NOUNS = new Set(
  (
    "minister ministry secretary ambassador envoy official officials delegation representative " +
    "adviser advisor council board authority chamber committee commission department division"
  )
    .split(" ")
    .map((w) => contentTerms(w)[0] ?? w),
);

/**
 * The question's terms that may name what a figure measures: every term but one that only
 * qualifies an office or body ("trade" in "the trade minister's visit" asks for no trade figure).
 */
function headTerms(plan: QuestionPlan, asked: QuestionWord[]): Set<string> {
  // The planned topic speaks for Pakistan's side ("Britain bought from Pakistan" is exports); the
  // question's own trade verbs would say the opposite, so they do not count here.
  const all = new Set([
    ...contentTerms(plan.text).filter((t) => !TRADE_VERBS.has(t)),
    ...plan.topic,
  ]);
  asked.forEach((w, i) => {
    const next = asked[i + 1];
    if (w && next && OFFICE_NOUNS.has(next) && !asked.some((o, j) => o === w && j !== i)) {
      all.delete(w);
    }
  });
  return all;
}

/** A question word in order, with its stem, or null where a phrase breaks (stop words, countries). */
type QuestionWord = string | null;

function questionWords(plan: QuestionPlan): QuestionWord[] {
  const text = foldPhrases(plan.text);
  const countries = findCountries(text);
  const inCountry = (at: number) => countries.some((c) => at >= c.start && at < c.end);
  return words(text).map(({ word, start }) =>
    STOP_WORDS.has(word) || inCountry(start) || /^\d/.test(word)
      ? null
      : (contentTerms(word)[0] ?? null),
  );
}

const matchesTerm = (a: string, b: string) =>
  a === b || holdsTerm(new Set([a]), b) || holdsTerm(new Set([b]), a);

/** Qualifiers that every figure of a measure satisfies: "total goods trade" is trade. */
const GENERIC_MODIFIERS = new Set(
  [
    "total",
    "overall",
    "goods",
    "merchandise",
    "annual",
    "yearly",
    "current",
    "new",
    "latest",
    "bilateral",
  ].map((w) => contentTerms(w)[0] ?? w),
);

/**
 * The words that qualify the asked measure in the question ("halal meat" in "halal meat
 * exports"): up to two words right before the word that names the figure's head.
 */
function askedModifiers(asked: QuestionWord[], f: Figure): string[] {
  const heads = measureHeads(f);
  const at = asked.findIndex((w) => w !== null && heads.some((h) => matchesTerm(w, h)));
  const out: string[] = [];
  for (let i = at - 1; i >= 0 && i >= at - 2; i--) {
    const w = asked[i];
    if (!w) break;
    if (!GENERIC_MODIFIERS.has(w)) out.push(w);
  }
  return out;
}

/**
 * The share of a figure's measure, by rarity, that the question does not ask about: "sesame
 * exports" answers "exports" less well than "exports" does.
 */
function measureSurplus(
  k: Knowledge,
  topic: readonly string[],
  measure: readonly string[],
): number {
  if (measure.length === 0) return 0;
  const asked = new Set(topic);
  let total = 0;
  let extra = 0;
  for (const t of measure) {
    if (GENERIC_MODIFIERS.has(t)) continue;
    const w = termWeight(k, t);
    total += w;
    if (!asked.has(t) && !topic.some((q) => holdsTerm(new Set([t]), q))) extra += w;
  }
  return total === 0 ? 0 : extra / total;
}

const CHANGE_BEFORE =
  /\b(?:rose|rise[sn]?|rising|up|increased?|increasing|grew|grow(?:s|n|th|ing)?|jump(?:ed|s)?|surged?|climbed?|fell|fall(?:s|en|ing)?|down|declined?|declining|dropped|drop(?:s|ping)?|slipped|shrank|contracted|by)\s+(?:about|around|nearly|some|almost|over|more than)?\s*$/i;
const CHANGE_AFTER =
  /^\s*(?:growth|increase|rise|jump|surge|decline|drop|fall|year-on-year|yoy)\b/i;

/** A percentage that states a change ("rose 9.4%") rather than a share or a rate ("78% of"). */
function isChange(f: Figure): boolean {
  const at = f.valueStart - f.sentenceStart;
  const before = f.sentence.slice(Math.max(0, at - 30), at);
  const after = f.sentence.slice(at + f.value.length, at + f.value.length + 20);
  return CHANGE_BEFORE.test(before) || CHANGE_AFTER.test(after);
}

const asksChange = (plan: QuestionPlan) =>
  /\b(?:by how much|how fast|grow(?:th|n)?|grew|increase[ds]?|rise|rose|decline[ds]?|fall|fell|drop(?:ped)?|change[ds]?)\b/i.test(
    plan.text,
  );

/** Figures that answer the question, best first, each fit for its kind, partner and period. */
function rankFigures(k: Knowledge, plan: QuestionPlan, exclude: ReadonlySet<string>): Scored[] {
  const kinds = kindsFor(plan);
  const topic = plan.topic.filter((t) => !exclude.has(t));
  const candidates = new Set<number>();
  // Figures are found by the question's words and by their synonyms' ("gap" finds "deficit").
  for (const t of topic) {
    for (const term of [t, ...alternativesOf(t).map((alt) => alt[0] ?? t)]) {
      for (const i of k.figuresByTerm.get(term) ?? []) candidates.add(i);
    }
  }
  if (topic.length === 0) for (let i = 0; i < k.figures.length; i++) candidates.add(i);

  const askedWords = questionWords(plan);
  const askedTerms = headTerms(plan, askedWords);
  const scored: Scored[] = [];
  for (const i of candidates) {
    const f = k.figures[i];
    if (!f || !kinds.includes(f.kind)) continue;
    if (!partnerFits(k, plan, f)) continue;
    const periodScore = periodFit(plan.periods, f.period);
    if (periodScore === 0) continue;
    const measureTerms = k.figureMeasureTerms[i] ?? [];
    // "How long …?" is narrowed by its kind; a duration's measure is seldom worded as asked.
    if (kinds[0] !== "duration" && !namesWhatIsAsked(f, askedTerms)) continue;
    // "Halal meat exports": a figure of exports whose sentence and passage never say halal is
    // about other exports.
    const modifiers = askedModifiers(askedWords, f);
    if (modifiers.length > 0) {
      const here = new Set([
        ...(k.figureMeasureTerms[i] ?? []),
        ...(k.figureSentenceTerms[i] ?? []),
      ]);
      const around = passageTerms(k, f.passageId);
      if (!modifiers.every((m) => holdsTerm(here, m) || holdsTerm(around, m))) continue;
    }
    const measureCover = coverage(k, topic, measureTerms);
    // The passage around the sentence is read only when the sentence alone falls short.
    const alone = coverage(k, topic, k.figureSentenceTerms[i] ?? []);
    const sentenceCover =
      alone >= 1
        ? alone
        : coverage(k, topic, k.figureSentenceTerms[i] ?? [], passageTerms(k, f.passageId));
    // The question already names this measure's head (checked above); when the measure itself
    // holds a good part of the question, the rest may be modifiers the article words otherwise
    // ("workers' remittances" against "remittances … inflows of $6.8 billion").
    const needed = measureCover >= 0.3 ? 0.3 : 0.5;
    // A figure whose measure was not made out rests on its sentence alone: it must hold nearly all.
    const unnamed = f.measure === null ? 0.8 : 0.99;
    const duration = kinds[0] === "duration";
    if (sentenceCover < needed || (!duration && measureCover === 0 && sentenceCover < unnamed)) {
      continue;
    }
    let score = 0.55 * measureCover + 0.45 * sentenceCover + 0.2 * periodScore;
    score -= 0.3 * measureSurplus(k, topic, measureTerms);
    const isTarget = isGoal(f);
    if (plan.asksTarget) score += isTarget ? 0.3 : -0.1;
    else if (isTarget) score -= 0.25;
    // "How much" asks for money first; a count answers it only when no money figure fits.
    if (kinds[0] === f.kind) score += /\bhow much\b/i.test(plan.text) ? 0.25 : 0.05;
    if (f.kind === "percent" && isChange(f) !== asksChange(plan)) score -= 0.15;
    scored.push({ figure: f, at: i, score, measureCover, periodScore });
  }
  scored.sort((a, b) => b.score - a.score || a.at - b.at);
  return scored;
}

/**
 * Whether a figure is a goal: a cue in its own clause ("pushes to raise exports toward $5
 * billion", "agreed to raise trade to $2 billion by 2027"), not anywhere in the sentence ("a desire
 * to work towards enhancing the trade volume, which stood at $1.26 billion" states a result).
 */
export function isGoal(f: Figure): boolean {
  const at = f.valueStart - f.sentenceStart;
  const before = f.sentence.slice(0, at);
  const after = f.sentence.slice(at + f.value.length);
  const from = Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf(":"));
  const stop = after.search(/[,;]/);
  const clause = before.slice(from + 1) + f.value + (stop < 0 ? after : after.slice(0, stop));
  return TARGET_CUE.test(clause);
}

function sameMeasure(k: Knowledge, a: Scored, b: Scored, asked: readonly string[]): boolean {
  if (a.figure.kind !== b.figure.kind || a.figure.unit !== b.figure.unit) return false;
  // A goal and a result are not two readings of one measure.
  if (isGoal(a.figure) !== isGoal(b.figure)) return false;
  // Partners: the same, or, when the question names partners, the same as far as it asks.
  const partnersOf = (f: Figure) =>
    (asked.length > 0 ? f.partners.filter((p) => asked.includes(p)) : f.partners).join();
  if (partnersOf(a.figure) !== partnersOf(b.figure)) return false;
  const ma = new Set(k.figureMeasureTerms[a.at]);
  const mb = k.figureMeasureTerms[b.at] ?? [];
  const shared = mb.filter((t) => ma.has(t)).length;
  const union = new Set([...ma, ...mb]).size;
  return union > 0 && shared / union >= 0.5;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One line per figure: what it measures, for whom, the value as written, when, and who said so. */
export function describeFigure(f: Figure, n: number): string {
  const value =
    f.qualifier && !f.value.toLowerCase().startsWith(f.qualifier.toLowerCase())
      ? `${f.qualifier} ${f.value}`
      : f.value;
  const measure = f.measure ?? "figure";
  const what = isGoal(f) ? `Goal for ${measure}` : capitalise(measure);
  const who = f.partners.length > 0 ? ` (Pakistan–${f.partners.join(", ")})` : "";
  const by =
    f.period && new RegExp(`\\bby\\s+(?:the\\s+)?${escapeRegExp(f.period)}`, "i").test(f.sentence);
  const when = f.period ? ` ${by ? "by" : "in"} ${f.period}` : "";
  const source = f.source ? `, according to the ${f.source.replace(/^the\s+/i, "")}` : "";
  return `${what}${who}: ${value}${when}${source} [${n}].`;
}

/**
 * Answers from extracted figures. When the question names no period and the corpus gives the same
 * measure for several periods, all of them are listed by period, each with its own citation.
 */
export function answerFromFigures(
  k: Knowledge,
  plan: QuestionPlan,
  exclude: ReadonlySet<string> = new Set(),
): Outcome {
  const ranked = rankFigures(k, plan, exclude);
  const best = ranked[0];
  if (!best) return { kind: "none", missing: missingFor(k, plan) };

  let chosen: Scored[] = [best];
  // Every accepted figure of the same measure: each passed the checks for partner, period and
  // topic, so a wording closer to the question's does not hide another period's value.
  const others = ranked.slice(1).filter((s) => sameMeasure(k, best, s, plan.partners));
  if (others.length > 0) {
    const byPeriod = new Map<string, Scored>();
    for (const s of [best, ...others]) {
      const key = `${s.figure.period ?? ""}|${s.figure.value}`;
      if (!byPeriod.has(key)) byPeriod.set(key, s);
    }
    const periods = new Set([...byPeriod.values()].map((s) => s.figure.period ?? ""));
    // No period asked: every period the corpus gives; several asked: each of them.
    if (periods.size > 1 && plan.periods.length !== 1) {
      chosen = [...byPeriod.values()].sort(
        (a, b) => periodOrder(a.figure.period) - periodOrder(b.figure.period),
      );
    }
  }

  const citations = new CitationList();
  const lines = chosen.map((s) => {
    const f = s.figure;
    const n = citations.add(citeSpan(k, f.articleId, f.passageId, f.sentenceStart, f.sentenceEnd));
    return describeFigure(f, n) + companions(k, s);
  });
  return {
    kind: "answer",
    text: lines.join("\n"),
    figures: chosen.map((s) => s.figure),
    officials: [],
    citations: citations.items,
  };
}

/**
 * Other figures of the same sentence that measure the same thing in another form ("rose 9.4% to
 * $2.95 billion"): stated alongside, since the reader asked about that measure.
 */
function companions(k: Knowledge, s: Scored): string {
  const f = s.figure;
  const others = (k.figuresBySentence.get(sentenceKey(f)) ?? [])
    .filter((i) => i !== s.at)
    .map((i) => k.figures[i])
    .filter(
      (g): g is Figure =>
        g !== undefined &&
        g.kind !== f.kind &&
        g.kind !== "duration" &&
        (g.measure === null || g.measure === f.measure),
    );
  if (others.length === 0) return "";
  return ` The same sentence gives ${others.map((g) => g.value).join(", ")}.`;
}

const COVERAGE = new WeakMap<Knowledge, { partners: Set<string>; periods: Set<string> }>();

/** The partners and the distinct periods the figures give, worked out once per corpus. */
function figureCoverage(k: Knowledge) {
  let known = COVERAGE.get(k);
  if (!known) {
    known = {
      partners: new Set(k.figures.flatMap((f) => f.partners)),
      periods: new Set(k.figures.flatMap((f) => (f.period ? [f.period] : []))),
    };
    COVERAGE.set(k, known);
  }
  return known;
}

/** What the corpus lacks, in words a person understands. */
function missingFor(k: Knowledge, plan: QuestionPlan): string[] {
  const missing: string[] = [];
  const { partners, periods } = figureCoverage(k);
  for (const p of plan.partners) {
    if (!partners.has(p)) missing.push(`no figure about ${p}`);
  }
  if (plan.periods.length > 0) {
    const fits = [...periods].some((period) => periodFit(plan.periods, period) > 0);
    if (!fits) missing.push(`no figure for ${plan.periods.map((p) => p.text).join(", ")}`);
  }
  if (missing.length === 0) missing.push("no figure in the corpus measures what is asked");
  return missing;
}

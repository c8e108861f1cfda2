import { articleDate } from "../../corpus/article-date";
import { type CountryMatch, findCountries } from "../../facts/language/countries";
import { boundedMemo } from "../../text/bounded-memo";
import { alternativesOf, foldPhrases, holdsTerm, wordHoldsTerm } from "../../text/synonyms";
import { contentTerms, STOP_WORDS, words } from "../../text/terms";
import type { Figure, FigureKind, Passage, Sentence } from "../../types";
import QUESTION_WORDS from "../data/question-words.json" with { type: "json" };
import {
  articleCountries,
  type Knowledge,
  passageCountries,
  passageTerms,
  sentenceKey,
  sentencePeriods,
  termWeight,
  titleCountries,
} from "../knowledge";
import { coverage, periodFit, periodOrder, rarestHeld } from "../match";
import type { QuestionPlan } from "../question";
import { tradeSide } from "../trade-side";
import { acronymNotNamed, askedAcronyms } from "./acronyms";
import type { FigureCandidate } from "./candidate";
import { clauseOf } from "./clause";
import { preselectFigures } from "./figure-table";
import {
  CHANGE_NOT_SHARE,
  goodInComposition,
  goodsConflict,
  goodsWithOwnFigure,
  productAsked,
} from "./goods";
import { localCoverage } from "./proximity";
import { speakerCountriesAt } from "./quotes";

/**
 * Figures that may answer a question, each with the features the figure model weighs. Nothing is
 * ruled out by wording here — a measure named in other words, a figure whose measure was misread
 * at ingest — only by a named partner or period the figure contradicts, which makes it a conflict
 * (a near miss at best).
 */

/** Words around a figure that make it a goal rather than a reported value. */
const TARGET_CUE =
  /\b(?:target(?:s|ed|ing)?|goal|aim(?:s|ed|ing)?|plan(?:s|ned)?|push(?:es|ing)? to|toward|towards|hope|seek(?:s|ing)?|ambition|envisage[sd]?|projected|expected to|potential|could (?:reach|touch|cross|rise|grow|go)|can (?:reach|touch|cross|rise|grow|go)|will (?:cross|reach|touch|exceed|surpass)|will (?:also |soon )?(?:arrive|come|set up|open|invest|join|enter|start|establish)|aspire|(?:to|will|would) (?:raise|boost|double|triple|increase|enhance|take)|by (?:the end of )?(?:20\d\d|FY\s?\d\d))\b/i;

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
  // The clause ends at a comma, or where another clause begins ("… had exceeded USD 400 million
  // and we have plans to increase that to USD 2 billion": the plan is the second figure's).
  const stop = after.search(
    /[,;]|\s(?:and|but|while|whereas)\s+(?:we|they|he|she|it|i|both|the|this|these|those)\b/i,
  );
  const clause = before.slice(from + 1) + f.value + (stop < 0 ? after : after.slice(0, stop));
  return TARGET_CUE.test(clause);
}

const CHANGE_BEFORE =
  /\b(?:rose|rise[sn]?|rising|up|increased?|increasing|grew|grow(?:s|n|th|ing)?|jump(?:ed|s)?|surged?|climbed?|fell|fall(?:s|en|ing)?|down|declined?|declining|dropped|drop(?:s|ping)?|slipped|shrank|contracted|by|boost(?:ed)?)\s+(?:about|around|nearly|some|almost|over|more than|up to)?\s*$/i;
/** "an increase of $1.45 billion", "a jump of 45 percent": the change named before the figure. */
const CHANGE_OF =
  /\b(?:increase|rise|growth|jump|surge|decline|drop|fall|decrease|gain|hike)\s+of\s+(?:about|around|nearly|some|almost|over|more than|up to)?\s*$/i;
const CHANGE_AFTER =
  /^\s*(?:growth|increase|rise|jump|surge|decline|drop|fall|year-on-year|yoy|year on year|higher|lower|more|less|up|down)\b/i;

/** A figure that states a change ("rose 9.4%", "up $1.45 billion") rather than a level or share. */
export function isChange(f: Figure): boolean {
  const at = f.valueStart - f.sentenceStart;
  const before = f.sentence.slice(Math.max(0, at - 30), at);
  const after = f.sentence.slice(at + f.value.length, at + f.value.length + 20);
  return CHANGE_BEFORE.test(before) || CHANGE_OF.test(before) || CHANGE_AFTER.test(after);
}

/** A movement's verb: `rose`, `went up`, `declined`. */
const MOVED =
  "(?:grow(?:th|n|s)?|grew|increase[ds]?|rise|rose|risen|decline[ds]?|fall|fell|fallen|drop(?:ped)?|change[ds]?|jump(?:ed)?|climb(?:ed)?|go(?:ne)? up|went up|go(?:ne)? down|went down|boost(?:ed)?)";
const ASKS_MOVEMENT = new RegExp(`\\b(?:by how much|how fast|${MOVED})\\b`, "i");
/** "What did meat exports rise to?" asks the level reached, not the change. */
const ASKS_LEVEL_REACHED = new RegExp(`\\b${MOVED}\\s+to\\b`, "i");
/** "What did they rise from?", "before the increase": the level before a movement. */
const ASKS_LEVEL_BEFORE = new RegExp(
  `\\b(?:${MOVED}\\s+from|up from|down from|before|previous(?:ly)?|earlier|prior|originally|used to)\\b`,
  "i",
);

/** "How much did exports go up by?", "by how much did …": only a change answers. */
const ASKS_CHANGE_BY = new RegExp(`\\b(?:by how much|${MOVED}\\s+by)\\b`, "i");

export const asksChange = (plan: QuestionPlan) =>
  ASKS_MOVEMENT.test(plan.text) && !ASKS_LEVEL_REACHED.test(plan.text);

/**
 * The first value of `from $46.8 million to $82.73 million`: the level before the movement, which
 * answers only a question about that earlier level.
 */
function isLevelBefore(f: Figure): boolean {
  const at = f.valueStart - f.sentenceStart;
  if (!/\bfrom\s+$/i.test(f.sentence.slice(Math.max(0, at - 12), at))) return false;
  const after = f.sentence.slice(at + f.value.length, at + f.value.length + 60);
  return /^\s*(?:\([^)]*\)\s*)?(?:in\s+[\w-]+(?:\s+[\w-]+)?\s+)?to\s+\S*\d/i.test(after);
}

const asksDuration = (plan: QuestionPlan) =>
  /\bhow long\b|\bduration\b|\bperiod of\b|\bhow many (?:years|months|weeks|days)\b/i.test(
    plan.text,
  );

/** How well a figure's kind fits the kind of answer the question asks for (0–1). */
function kindFit(plan: QuestionPlan, f: Figure): number {
  if (asksDuration(plan)) return f.kind === "duration" ? 1 : 0;
  if (f.kind === "duration") return 0;
  const change = asksChange(plan);
  switch (plan.kind) {
    case "count":
      return f.kind === "count" ? 1 : f.kind === "quantity" ? 0.6 : 0;
    case "share":
      return f.kind === "percent" ? 1 : 0;
    case "amount":
      if (f.kind === "money") return 1;
      // "How much electricity / LNG": a physical quantity is the amount asked for.
      if (f.kind === "quantity") return 0.9;
      if (f.kind === "percent") return change ? 0.8 : 0.2;
      return /\bhow (?:big|large)\b/i.test(plan.text) ? 0.8 : 0.5;
    default:
      // "exports to the US in fiscal 2021?" asks for an amount; a share or a growth rate answers
      // only when the question speaks of one.
      if (f.kind === "percent")
        return change || /\b(?:share|percent|rate|growth)\b/i.test(plan.text) ? 0.8 : 0.2;
      return f.kind === "money" ? 1 : 0.6;
  }
}

/** Figure kinds worth gathering at all for a question. */
function kindsFor(plan: QuestionPlan): FigureKind[] {
  if (asksDuration(plan)) return ["duration"];
  switch (plan.kind) {
    case "count":
      return ["count", "quantity"];
    case "share":
      return ["percent"];
    default:
      return ["money", "percent", "count", "quantity"];
  }
}

const METONYM = /\bthe (?:bloc|kingdom|emirates|republic|union|federation)\b/i;

/**
 * How a figure stands to the partners the question names: 1 the figure names them, 0.6 its
 * passage does, 0.3 only its article does; -1 it names only others (a conflict).
 */
function partnerFit(k: Knowledge, plan: QuestionPlan, f: Figure): number {
  if (plan.partners.length === 0) return 1;
  if (f.partners.length > 0) return plan.partners.every((p) => f.partners.includes(p)) ? 1 : -1;
  const named = passageCountries(k, f.passageId, METONYM.test(f.sentence));
  if (plan.partners.every((p) => named.has(p))) return 0.6;
  const speakers = speakerCountriesAt(k, f.passageId, f.sentenceStart, f.sentenceEnd);
  if (speakers.size > 0 && plan.partners.every((p) => speakers.has(p))) return 0.6;
  const article = articleCountries(k, f.articleId);
  return plan.partners.every((p) => article.has(p)) ? 0.3 : 0;
}

/**
 * A figure without a partner, in an article whose title is about other partners and whose passage
 * does not name the asked one: "remittances from the UAE … compared with $30.3 billion in FY24"
 * is no figure of the United States, which the article names only in passing.
 */
function partnerTotal(k: Knowledge, f: Figure, asked: readonly string[]): boolean {
  const about = [...titleCountries(k, f.articleId)].filter((c) => c !== "Pakistan");
  return about.length > 0 && !asked.some((p) => about.includes(p));
}

/** Heads that say how a thing is counted or held, not what it is. */
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
    "line",
    "facility",
    "arrangement",
    "window",
    "scheme",
    "package",
  ].map((w) => contentTerms(w)[0] ?? w),
);

const HEADS = new Map<string, string[]>();

/** The head noun(s) of a figure's measure ("market" in "global halal market"). */
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

/** Qualifiers every figure of a measure satisfies: "total goods trade" is trade. */
export const GENERIC_MODIFIERS = new Set(
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
    if (GENERIC_MODIFIERS.has(t) || GENERIC_HEADS.has(t)) continue;
    const w = termWeight(k, t);
    total += w;
    if (!asked.has(t) && !topic.some((q) => wordHoldsTerm(t, q))) extra += w;
  }
  return total === 0 ? 0 : extra / total;
}

/** 1 when the figure's side of the trade is the asked one, -1 the other one, 0 unknown. */
function sideFit(plan: QuestionPlan, f: Figure): number {
  if (!plan.side) return 0;
  const own = tradeSide(clauseOf(f)) ?? (f.measure ? tradeSide(f.measure) : null);
  if (!own) return 0;
  return own === plan.side ? 1 : -1;
}

/** The question's words in order, stemmed, with stop words and countries as breaks (null). */
function questionWords(plan: QuestionPlan): (string | null)[] {
  const text = foldPhrases(plan.text);
  const countries = findCountries(text);
  const inCountry = (at: number) => countries.some((c) => at >= c.start && at < c.end);
  return words(text).map(({ word, start }) =>
    STOP_WORDS.has(word) || inCountry(start) || /^\d/.test(word)
      ? null
      : (contentTerms(word)[0] ?? null),
  );
}

/** Whether the question names the head of the figure's measure, or one of its synonyms. */
function namesHead(f: Figure, asked: ReadonlySet<string>): boolean {
  if (!f.measure) return false;
  return measureHeads(f).some((h) => holdsTerm(asked, h));
}

const matchesTerm = (a: string, b: string) => a === b || wordHoldsTerm(a, b) || wordHoldsTerm(b, a);

/**
 * The share of the question's qualifiers of the asked measure ("halal meat" in "halal meat
 * exports") found in the figure's sentence or passage; 1 when the question qualifies nothing.
 */
function modifiersFound(
  k: Knowledge,
  asked: (string | null)[],
  f: Figure,
  i: number,
  product: readonly string[],
): number {
  const heads = measureHeads(f);
  const here = new Set([...(k.figureMeasureTerms[i] ?? []), ...(k.figureSentenceTerms[i] ?? [])]);
  // "How much rice did Pakistan sell": the rice must be in the figure's own words; a passage that
  // names rice beside the total of all exports does not make that total the rice.
  const named = product.filter((w) => !heads.some((h) => matchesTerm(w, h)));
  if (named.length > 0 && !named.every((w) => holdsTerm(here, w))) return 0;
  const at = asked.findIndex((w) => w !== null && heads.some((h) => matchesTerm(w, h)));
  const mods: string[] = [];
  for (let j = at - 1; j >= 0 && j >= at - 2; j--) {
    const w = asked[j];
    if (!w) break;
    if (!GENERIC_MODIFIERS.has(w)) mods.push(w);
  }
  if (mods.length === 0) return 1;
  const around = passageTerms(k, f.passageId);
  return mods.filter((m) => holdsTerm(here, m) || holdsTerm(around, m)).length / mods.length;
}

/** Whether a count counts the noun the question asks about ("how many trucks" and "1,600 trucks"). */
function countedFit(plan: QuestionPlan, f: Figure, measureTerms: readonly string[]): number {
  if (plan.kind !== "count" || !plan.countedNoun) return 1;
  if (f.kind !== "count") return 0;
  const have = new Set([...contentTerms(f.unit), ...measureTerms]);
  return holdsTerm(have, plan.countedNoun) ? 1 : 0;
}

const wordsOf = (list: readonly string[]) =>
  new RegExp(`\\b(?:${list.map((w) => w.replace(/ /g, "\\s+")).join("|")})\\b`, "i");
const ASKS_PRESENCE = wordsOf(QUESTION_WORDS.presence);
const GATHERING = wordsOf(QUESTION_WORDS.gathering);

/**
 * "How many American companies operate in Pakistan?" is not answered by the 25 companies a
 * diplomat connected with Pakistani firms on one day: a count of those at an event is no count of
 * those established, unless its sentence says they are.
 */
function countsAGathering(plan: QuestionPlan, f: Figure): boolean {
  return (
    plan.kind === "count" &&
    f.kind === "count" &&
    ASKS_PRESENCE.test(plan.text) &&
    GATHERING.test(f.sentence) &&
    !ASKS_PRESENCE.test(f.sentence)
  );
}

/** Words by which a question asks about a prospect, which a goal may answer. */
const ASKS_PROSPECT =
  /\b(?:expect(?:s|ed|ing)?|project(?:ed|ion|ions)?|forecast|potential|possible|could|can|will|would|future|next|upcoming|by 20\d\d|hop(?:e|es|ing)|want(?:s)?|aim(?:s|ing)?|plan(?:s|ned)?|push)\b/i;

const RELATIVE_WORDS: Record<string, string> = {
  last: "back",
  previous: "back",
  preceding: "back",
  past: "back",
  this: "now",
  current: "now",
  ongoing: "now",
  next: "ahead",
  coming: "ahead",
  following: "ahead",
};

/** The direction and unit of a relative period: `last fiscal year` → `back year`. */
function relativeKey(label: string): string | null {
  // "the first eight months of the ongoing year" is of the ongoing year.
  const year = label.trim().replace(/^.*\bof\s+(?:the\s+)?/i, "");
  const m =
    /^(\p{L}+)\s+(?:(?:few|several|\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+)?(?:(?:fiscal|financial|calendar)\s+)?(year|quarter|month|decade)s?$/iu.exec(
      year,
    );
  const direction = m ? RELATIVE_WORDS[(m[1] ?? "").toLowerCase()] : undefined;
  return direction && m ? `${direction} ${(m[2] ?? "").toLowerCase()}` : null;
}

/** Both name a relative period, and not the same one ("last year" asked, "this year" stated). */
export function relativeClash(asked: readonly string[], stated: string | null): boolean {
  if (asked.length === 0 || !stated) return false;
  const have = relativeKey(stated);
  return have !== null && !asked.some((a) => relativeKey(a) === have);
}

/** 1 when the figure's period is the relative period the question names, as written. */
export function sameRelative(asked: readonly string[], stated: string | null): number {
  if (asked.length === 0 || !stated) return 0;
  const have = relativeKey(stated);
  return have !== null && asked.some((a) => relativeKey(a) === have) ? 1 : 0;
}

/**
 * 1 when the figure names no partner but another figure of its sentence names the asked one:
 * "total exports of $30.6 billion, of which the EU took $9.1 billion" — the EU's is the other.
 */
function partnerElsewhere(k: Knowledge, plan: QuestionPlan, f: Figure): number {
  if (plan.partners.length === 0 || f.partners.length > 0) return 0;
  const others = k.figuresBySentence.get(sentenceKey(f)) ?? [];
  return others.some((i) => {
    const g = k.figures[i];
    return g !== undefined && g !== f && plan.partners.every((p) => g.partners.includes(p));
  })
    ? 1
    : 0;
}

/**
 * How near the figure's value its sentence names the asked partner: "80 companies in Pakistan
 * against 4,500 in Thailand" puts Thailand beside 4,500. 1 when no partner is asked or the
 * sentence names only the asked ones.
 */
function partnerNear(plan: QuestionPlan, f: Figure): number {
  if (plan.partners.length === 0) return 1;
  const at = f.valueStart - f.sentenceStart;
  const distance = (c: { start: number; end: number }) =>
    c.end <= at ? at - c.end : Math.max(0, c.start - (at + f.value.length));
  // "Japanese companies in Thailand": Japan owns what is counted, Thailand is where. The place
  // must be nearest, Pakistan included ("80 Japanese companies operating from Pakistan … 4,500
  // operating in Thailand"); the owner's word stands beside every value alike.
  const owners = plan.owners.filter((o) => o !== "Pakistan");
  const places = plan.partners.filter((p) => !owners.includes(p));
  if (owners.length > 0 && places.length > 0) {
    const named = countriesOfSentence(f.sentence).filter((c) => !owners.includes(c.country));
    const asked = named.filter((c) => places.includes(c.country)).map(distance);
    const others = named.filter((c) => !places.includes(c.country)).map(distance);
    if (asked.length > 0) return Math.min(...asked) <= Math.min(...others) ? 1 : 0;
  }
  const named = countriesOfSentence(f.sentence).filter((c) => c.country !== "Pakistan");
  if (named.every((c) => plan.partners.includes(c.country))) return 1;
  const asked = named.filter((c) => plan.partners.includes(c.country)).map(distance);
  const others = named.filter((c) => !plan.partners.includes(c.country)).map(distance);
  if (asked.length === 0) return 0;
  return Math.min(...asked) <= Math.min(...others) ? 1 : 0;
}

/** The countries a sentence names; sentences with figures are asked about again and again. */
const countriesOfSentence: (sentence: string) => CountryMatch[] = boundedMemo(
  20_000,
  findCountries,
);

/** Numbers the question itself states ("the year before the $4 billion target"). */
function numbersIn(text: string): Set<string> {
  return new Set([...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => m[0].replace(/,/g, "")));
}

/** The sentence before the one starting at `start`: in its passage, or the last of the passage before. */
function sentenceBefore(k: Knowledge, passage: Passage, start: number): Sentence | null {
  const at = passage.sentences.findIndex((s) => s.start === start);
  if (at > 0) return passage.sentences[at - 1] ?? null;
  if (at < 0 || passage.index === 0) return null;
  const previous = k.passages.get(`${passage.articleId}#${passage.index - 1}`);
  return previous?.sentences.at(-1) ?? null;
}

/** A figure the article gives no period, for a question that names one. */
const PERIOD_FROM_PASSAGE = 0.5;
const PERIOD_FROM_DATE = 0.4;

/**
 * How a figure's period fits the asked one. A figure the article dates only by context — its
 * passage names the asked period elsewhere, or the article was published in it — fits weakly;
 * one with no period anywhere near conflicts with a question that names one.
 */
function figurePeriodFit(k: Knowledge, plan: QuestionPlan, f: Figure): number {
  if (plan.periods.length === 0) return 1;
  const article = k.articles.get(f.articleId);
  const published = article ? articleDate(article) : null;
  if (f.period) return periodFit(plan.periods, f.period, published);
  const passage = k.passages.get(f.passageId);
  const named = passage
    ? passage.sentences.flatMap((s) => sentencePeriods(k, f.articleId, s).map((p) => p.text))
    : [];
  if (named.length > 0 && periodFit(plan.periods, named.join("; "), published) >= 0.5) {
    return PERIOD_FROM_PASSAGE;
  }
  // "… $563.47 million in FY23. ¶ The exports were boosted by rice at $106.68 million": a
  // paragraph that names no period goes on in the period of the sentence just before it.
  const before = passage ? sentenceBefore(k, passage, f.sentenceStart) : null;
  if (before && named.length === 0) {
    const stated = sentencePeriods(k, f.articleId, before).map((p) => p.text);
    if (stated.length > 0 && periodFit(plan.periods, stated.join("; "), published) >= 0.5) {
      return PERIOD_FROM_PASSAGE;
    }
  }
  if (published && periodFit(plan.periods, published.slice(0, 4)) >= 0.5) return PERIOD_FROM_DATE;
  return 0;
}

const CANDIDATES_KEPT = 40;
/** Figures weighed in full per question; on a large corpus a common word finds thousands. */
const PRESELECTED = 120;

/**
 * The figures worth weighing in full: of the right kind, not about another partner, best by a
 * look at their words alone (the measure's and the sentence's share of the topic) — cheap set
 * look-ups, so a question costs the same on 1,000 passages and on 100,000.
 */
function preselect(
  k: Knowledge,
  plan: QuestionPlan,
  topic: readonly string[],
  kinds: readonly FigureKind[],
  found: readonly number[],
): number[] {
  return preselectFigures(k, plan, topic, kinds, found, PRESELECTED);
}

/** Every figure worth weighing for the question, with its features; best-looking first. */
export function figureCandidates(
  k: Knowledge,
  plan: QuestionPlan,
  exclude: ReadonlySet<string> = new Set(),
): FigureCandidate[] {
  const kinds = kindsFor(plan);
  const topic = plan.topic.filter((t) => !exclude.has(t));
  // The figures in the order first found, each once: a common word finds thousands, which a
  // mark per figure dedupes for a fraction of what a growing Set costs.
  const seen = new Uint8Array(k.figures.length);
  const found: number[] = [];
  const gather = (figures: readonly number[] | undefined) => {
    for (const i of figures ?? []) {
      if (seen[i] === 0) {
        seen[i] = 1;
        found.push(i);
      }
    }
  };
  for (const t of topic) {
    for (const term of [t, ...alternativesOf(t).map((alt) => alt[0] ?? t)]) {
      gather(k.figuresByTerm.get(term));
    }
  }
  // A question that is all partner and period ("china trade 2023?") gathers by partner.
  if (topic.length === 0 || found.length === 0) {
    for (const p of plan.partners) gather(k.figuresByPartner.get(p));
  }

  const askedWords = questionWords(plan);
  const product = productAsked(plan, GENERIC_MODIFIERS);
  const askedTerms = new Set([...contentTerms(plan.text), ...plan.topic]);
  const echoed = numbersIn(plan.text);
  const change = asksChange(plan);
  const acronyms = askedAcronyms(k, plan);
  const unnamedIn = new Map<string, string | null>();
  const acronymMissing = (articleId: string) => {
    if (acronyms.length === 0) return null;
    let missing = unnamedIn.get(articleId);
    if (missing === undefined) {
      missing = acronymNotNamed(k, acronyms, articleId);
      unnamedIn.set(articleId, missing);
    }
    return missing;
  };
  const out: FigureCandidate[] = [];
  for (const i of preselect(k, plan, topic, kinds, found)) {
    const f = k.figures[i];
    if (!f) continue;
    const partner = partnerFit(k, plan, f);
    const period = figurePeriodFit(k, plan, f);
    const measureTerms = k.figureMeasureTerms[i] ?? [];
    const sentenceTerms = k.figureSentenceTerms[i] ?? [];
    const sentenceAlone = coverage(k, topic, sentenceTerms);
    const sentence =
      sentenceAlone >= 1 ? 1 : coverage(k, topic, sentenceTerms, passageTerms(k, f.passageId));
    const goal = isGoal(f);
    const ownTerms = new Set([...measureTerms, ...sentenceTerms]);
    const heldOwn = rarestHeld(k, topic, ownTerms);
    let conflict: string | null = null;
    if (partner < 0) conflict = `it is about ${f.partners.join(", ")}`;
    else if (partner > 0 && partner < 0.5 && partnerTotal(k, f, plan.partners)) {
      conflict = `it is a total, not ${plan.partners.join(", ")}'s`;
    } else if (goal && !plan.asksTarget && !ASKS_PROSPECT.test(plan.text)) {
      conflict = "it is a goal, not a result";
    } else if (plan.kind === "share" && f.kind === "percent" && !change && isChange(f)) {
      conflict = CHANGE_NOT_SHARE;
    } else if (ASKS_CHANGE_BY.test(plan.text) && !isChange(f)) {
      conflict = "it is a level, not the change asked";
    } else if (!f.period && isLevelBefore(f) && !ASKS_LEVEL_BEFORE.test(plan.text)) {
      conflict = "it is the level before the change";
    } else if (countsAGathering(plan, f)) {
      conflict = "it counts those at one event, not those established";
    } else if (relativeClash(plan.relative, f.period)) {
      conflict = `it is for ${f.period}, not ${plan.relative.join(", ")}`;
    } else if (plan.periods.length > 0 && period === 0) {
      conflict = f.period ? `it is for ${f.period}` : "the article gives it no period";
    } else if (acronymMissing(f.articleId)) {
      conflict = `the article does not name the ${acronymMissing(f.articleId)}`;
    } else {
      const own = goodsWithOwnFigure(k, product, f, i);
      const part = own ? null : goodInComposition(k, plan, topic, f, i);
      if (own) conflict = goodsConflict.ownFigure(own);
      else if (part) conflict = goodsConflict.part(part);
    }
    const features = {
      unseen: 0,
      measure: coverage(k, topic, measureTerms),
      local: localCoverage(k, topic, f.sentence, f.valueStart - f.sentenceStart),
      sentence,
      head: namesHead(f, askedTerms) ? 1 : 0,
      unnamed: f.measure === null ? 1 : 0,
      modifiers: modifiersFound(k, askedWords, f, i, product),
      surplus: measureSurplus(k, topic, measureTerms),
      partner: Math.max(0, partner),
      period: plan.periods.length === 0 ? 1 : period,
      asksPeriod: plan.periods.length > 0 ? 1 : 0,
      kind: kindFit(plan, f),
      goal: plan.asksTarget === goal ? 1 : 0,
      change: isChange(f) === change ? 1 : 0,
      side: sideFit(plan, f),
      echoed: echoed.has(String(f.amount === null ? "" : trimNumber(f.value))) ? 1 : 0,
      latest: 0,
      counted: countedFit(plan, f, measureTerms),
      sameRelative: sameRelative(plan.relative, f.period),
      partnerElsewhere: partnerElsewhere(k, plan, f),
      partnerNear: partnerNear(plan, f),
      // The passage is read only when the figure's own words lack the rarest term.
      rarest: heldOwn === 1 ? 1 : rarestHeld(k, topic, ownTerms, passageTerms(k, f.passageId)),
      slots: 0,
      behind: 0,
    };
    features.slots =
      (features.partner >= 0.6 ? 1 : features.partner) *
      features.period *
      features.kind *
      features.goal *
      (features.side < 0 ? 0 : 1) *
      features.counted;
    out.push({ kind: "figure", figure: f, at: i, features, conflict, z: 0, p: 0 });
  }
  markLatest(out, plan);
  const match = (c: FigureCandidate) =>
    Math.max(c.features.local, (c.features.measure + c.features.sentence) / 2);
  const best = Math.max(0, ...out.filter((c) => c.conflict === null).map(match));
  for (const c of out) c.features.behind = Math.max(0, best - match(c));
  // Keep the work bounded on a large corpus: the most promising by a rough sum of the features.
  out.sort((a, b) => roughScore(b) - roughScore(a) || a.at - b.at);
  return out.slice(0, CANDIDATES_KEPT);
}

/** The number as written in a figure's value, without separators (`$1,605 billion` → `1605`). */
function trimNumber(value: string): string {
  return (/\d[\d,]*(?:\.\d+)?/.exec(value)?.[0] ?? "").replace(/,/g, "");
}

const roughScore = (c: FigureCandidate) =>
  c.features.local +
  c.features.sentence +
  c.features.measure +
  c.features.partner +
  c.features.kind;

/**
 * Marks, among figures that look alike (same kind and unit, same measure head), the one of the
 * latest period: the answer to "right now", and the better guess when no period is asked.
 */
function markLatest(candidates: FigureCandidate[], plan: QuestionPlan): void {
  if (plan.periods.length > 0) return;
  const groups = new Map<string, FigureCandidate[]>();
  for (const c of candidates) {
    const f = c.figure;
    const key = `${f.kind}|${f.unit}|${measureHeads(f)[0] ?? ""}|${isGoal(f)}`;
    const list = groups.get(key) ?? [];
    list.push(c);
    groups.set(key, list);
  }
  for (const list of groups.values()) {
    let best: FigureCandidate | null = null;
    for (const c of list) {
      const order = periodOrder(c.figure.period);
      if (!Number.isFinite(order)) continue;
      if (!best || order > periodOrder(best.figure.period)) best = c;
    }
    if (best && list.length > 1) best.features.latest = 1;
  }
}

/** Whether two figures are readings of one measure (listed together, a period each). */
export function sameMeasure(
  k: Knowledge,
  a: FigureCandidate,
  b: FigureCandidate,
  asked: readonly string[],
): boolean {
  if (a.figure.kind !== b.figure.kind || a.figure.unit !== b.figure.unit) return false;
  if (isGoal(a.figure) !== isGoal(b.figure)) return false;
  const partnersOf = (f: Figure) =>
    (asked.length > 0 ? f.partners.filter((p) => asked.includes(p)) : f.partners).join();
  if (partnersOf(a.figure) !== partnersOf(b.figure)) return false;
  const ma = new Set(k.figureMeasureTerms[a.at]);
  const mb = k.figureMeasureTerms[b.at] ?? [];
  const shared = mb.filter((t) => ma.has(t)).length;
  const union = new Set([...ma, ...mb]).size;
  return union > 0 && shared / union >= 0.5;
}

/**
 * Which figures a reply tells together with the chosen one: when the question names no single
 * period (nor asks for the latest), every period the corpus gives of the same measure.
 */
export function toldTogether(
  k: Knowledge,
  plan: QuestionPlan,
): (a: FigureCandidate, b: FigureCandidate) => boolean {
  if (plan.periods.length === 1 || plan.latest) return () => false;
  return (a, b) => sameMeasure(k, a, b, plan.partners);
}

/**
 * The figures a reply tells when it answers with `best`: when the question names no single
 * period (nor asks for the latest), every period the corpus gives of the same measure — each fit
 * for every slot the question names — oldest first, one value a period; else `best` alone.
 */
export function figuresTold(
  k: Knowledge,
  plan: QuestionPlan,
  best: FigureCandidate,
  candidates: readonly { kind: string }[],
): FigureCandidate[] {
  const together = toldTogether(k, plan);
  const others = candidates.filter(
    (c): c is FigureCandidate =>
      c.kind === "figure" &&
      c !== best &&
      (c as FigureCandidate).conflict === null &&
      (c as FigureCandidate).features.slots >= 0.99 &&
      together(best, c as FigureCandidate),
  );
  if (others.length === 0) return [best];
  const byPeriod = new Map<string, FigureCandidate>();
  for (const c of [best, ...others]) {
    const key = `${c.figure.period ?? ""}|${c.figure.value}`;
    if (!byPeriod.has(key)) byPeriod.set(key, c);
  }
  const periods = new Set([...byPeriod.values()].map((c) => c.figure.period ?? ""));
  if (periods.size <= 1) return [best];
  return [...byPeriod.values()].sort(
    (a, b) => periodOrder(a.figure.period) - periodOrder(b.figure.period),
  );
}

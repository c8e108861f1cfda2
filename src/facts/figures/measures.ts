/**
 * What a figure measures, in the article's own words (`trade volume`, `IT and IT-enabled services
 * exports`, `annual GDP growth`), read from the words around the figure:
 *
 * - a noun phrase right after it: `6–7% annual GDP growth`, `$2 billion investment`;
 * - `$Y in/of/worth of X`: `$2 billion in Chinese investment`, `40% of exports`;
 * - `X of $Y`, `X worth $Y`: `income tax holidays of up to 10 years`;
 * - a subject and a verb that states a level, through auxiliaries, adverbs, a relative pronoun
 *   and a change figure: `exports reached`, `the trade volume, which stood at`,
 *   `exports to China rose 12% to`, `is expected to reach`;
 * - `X at/to/toward $Y` after a verb of action: `raise annual IT exports toward $5 billion`.
 *
 * Leading determiners and possessives are dropped (`Pakistan’s`, `the`), and so is everything
 * from the first preposition other than `of` (`bilateral trade between the United States and
 * Pakistan` → `bilateral trade`); the phrase before that cut is kept for finding partners.
 */

import { findCountries } from "../language/countries";
import { findPeriods } from "../language/periods";
import {
  AUXILIARIES,
  DETERMINERS,
  isAdverb,
  isPossessive,
  LEVEL_VERBS,
  nounPhraseAfter,
  nounPhraseBefore,
  PHRASE_PREPOSITIONS,
  type Token,
  tokenize,
} from "../language/phrases";
import type { Quantity } from "./quantities";

export interface MeasureMatch {
  /** The measure, e.g. `bilateral trade` (a sentence-initial capital lowered). */
  text: string;
  /** Span of the measure in the sentence (the text may differ from it only in that capital). */
  start: number;
  end: number;
  /** Span of the whole phrase it was cut from (`Bilateral trade between the United States …`). */
  phraseStart: number;
  phraseEnd: number;
}

/** Nouns that say how a figure changed rather than what it is (`a 12% increase in exports`). */
const CHANGE_NOUNS = new Set(
  "increase rise decline drop jump fall decrease surge hike reduction cut gain dip slump".split(
    " ",
  ),
);

/**
 * Phrases that name no measure: `the $5 billion mark`, `to the tune of`, `the total`, `an
 * all-time high of`, `21 percent year on year`.
 */
const EMPTY_MEASURES = new Set(
  `mark level threshold milestone figure figures barrier range bracket tune amount sum number value
  total it high low peak record all-time year month annum`
    .split(/\s+/)
    .filter(Boolean),
);

const isEmptyMeasure = (text: string) => {
  const words = text.toLowerCase().split(/\s+/);
  const head = words[words.length - 1] ?? "";
  return (
    EMPTY_MEASURES.has(head) &&
    words.every((w) => EMPTY_MEASURES.has(w) || /^(?:all-time|record|new|highest|lowest)$/.test(w))
  );
};

/**
 * Words before a figure that make it a change or a comparison of the figure before it (`…, up
 * 5%`, `compared with $2.1 billion`), so it shares that figure's measure.
 */
const CHANGE_BEFORE =
  /(?<![\p{L}])(?:up|down|from|compared[ \u00a0]+(?:with|to)|against|versus|vs\.?)[ \u00a0]+$/iu;

/** Words after a figure that make it such a change (`5% higher`, `21 percent year on year`). */
const CHANGE_AFTER =
  /^[ \u00a0]+(?:higher|lower|more|less|increase|rise|decline|drop|jump|fall|decrease|year-on-year|on[ \u00a0]year)(?![\p{L}])/iu;

/** What sits between an amount and the same amount in another currency (`¥ 10 billion (about`). */
const CONVERSION =
  /^(?:[ \u00a0]*[([][ \u00a0]*|,?[ \u00a0]+or[ \u00a0]+)(?:(?:equivalent|equal)[ \u00a0]+to[ \u00a0]+)?$/iu;

const lower = (t: Token | undefined) => (t?.kind === "word" ? t.text.toLowerCase() : null);

interface Span {
  start: number;
  end: number;
}

interface Context {
  sentence: string;
  tokens: Token[];
  periods: Span[];
  countries: Span[];
  /** The sentence's first `source of X` (token index and X), once looked for. */
  flow?: { index: number; measure: MeasureMatch } | null;
}

const covered = (spans: Span[], t: Token) =>
  spans.some((s) => t.start >= s.start && t.end <= s.end);

/** Cuts a phrase to a measure: from its first preposition other than `of`, or an `of` + country. */
function toMeasure(ctx: Context, phrase: Token[]): MeasureMatch | null {
  let words = phrase;
  while (
    words.length > 0 &&
    (/^(?:and|or|&|of)$/i.test(words[0]?.text ?? "") ||
      DETERMINERS.has(words[0]?.text.toLowerCase() ?? "") ||
      (/^out$/i.test(words[0]?.text ?? "") && /^of$/i.test(words[1]?.text ?? "")))
  ) {
    words = words.slice(1);
  }
  const cut = words.findIndex((t, i) => {
    if (i === 0) return false;
    const w = t.text.toLowerCase();
    if (w === "of") {
      // `exports of Pakistan` loses `of Pakistan`; `exports of rice to the EU` keeps `of rice`.
      const rest = words.slice(i + 1);
      const next = rest.findIndex((o) => PHRASE_PREPOSITIONS.has(o.text.toLowerCase()));
      const object = next < 0 ? rest : rest.slice(0, next);
      return object.some((o) => covered(ctx.countries, o));
    }
    return /^(?:between|with|to|from|in|for|on|among|across|into|within)$/.test(w);
  });
  // `conclusions on different spheres and mutual trade turnover had exceeded …`: the conjunct
  // nearest the verb is the subject, when a preposition stands between it and the first one.
  const lastAnd = words.findLastIndex((t) => /^(?:and|&)$/i.test(t.text));
  const afterAnd = words.slice(lastAnd + 1);
  if (
    cut > 0 &&
    lastAnd > cut &&
    afterAnd.length > 0 &&
    !afterAnd.some((t) => covered(ctx.countries, t) || covered(ctx.periods, t))
  ) {
    words = afterAnd;
  } else if (cut > 0) words = words.slice(0, cut);
  while (words.length > 0 && /^(?:and|or|&)$/i.test(words[words.length - 1]?.text ?? "")) {
    words = words.slice(0, -1);
  }
  const first = words[0];
  const last = words[words.length - 1];
  const whole = phrase[phrase.length - 1];
  if (!first || !last || !whole) return null;
  if (words.every((t) => covered(ctx.countries, t) || covered(ctx.periods, t))) return null;
  let text = ctx.sentence.slice(first.start, last.end);
  if (isEmptyMeasure(text)) return null;
  // A capital that only opens the sentence (or the text after a dateline) is not part of the
  // words (`Bilateral trade`, `LONDON (APP): Total trade`).
  const opening = /^[\s"“‘'(]*$|:[\s"“‘']*$/u.test(ctx.sentence.slice(0, first.start));
  if (opening && /^\p{Lu}\p{Ll}/u.test(text) && !covered(ctx.countries, first)) {
    text = text[0]?.toLowerCase() + text.slice(1);
  }
  return {
    text,
    start: first.start,
    end: last.end,
    phraseStart: phrase[0]?.start ?? first.start,
    phraseEnd: whole.end,
  };
}

/** Tokens from `from` on, past determiners and possessives (`the`, `Pakistan’s`). */
function skipDeterminers(tokens: Token[], from: number): number {
  let i = from;
  while (tokens[i]?.kind === "word") {
    const t = tokens[i];
    if (!t || !(DETERMINERS.has(t.text.toLowerCase()) || isPossessive(t.text))) break;
    i++;
  }
  return i;
}

/** A noun phrase starting at `from` that is not a period or a place (`in 2023`, `in Pakistan`). */
function objectAt(ctx: Context, from: number): MeasureMatch | null {
  const i = skipDeterminers(ctx.tokens, from);
  const t = ctx.tokens[i];
  if (!t || covered(ctx.periods, t)) return null;
  const phrase = nounPhraseAfter(ctx.sentence, ctx.tokens, i, 6);
  const end = phrase.findIndex((p) => covered(ctx.periods, p));
  const words = end < 0 ? phrase : phrase.slice(0, end);
  return words.length > 0 ? toMeasure(ctx, words) : null;
}

/** A period word left at the end of a change noun's phrase: `increase last year`. */
const RELATIVE_TAIL =
  /^(?:(?:last|this|next|previous|the|past|current)\s+)?(?:fiscal\s+)?(?:year|month|quarter|week)$/;

/** `a 12% increase in exports` → `exports`; a bare change noun defers to the figure before. */
function resolveChange(ctx: Context, found: MeasureMatch, after: number): MeasureMatch | null {
  // `50 percent increase last year`: the change noun with the period after it.
  const [head, ...rest] = found.text.toLowerCase().split(/\s+/);
  const bare = rest.length === 0 || RELATIVE_TAIL.test(rest.join(" "));
  if (!head || !CHANGE_NOUNS.has(head) || !bare) return found;
  const prep = lower(ctx.tokens[after]);
  if (prep === "in" || prep === "of") return objectAt(ctx, after + 1);
  return null;
}

const RATE_UNITS = new Set(["year", "month", "week", "day", "annum"]);
const RATE_ADVERBS = new Set(["annually", "yearly", "monthly", "weekly", "daily"]);

/**
 * Past a rate right after the amount, so `€1.1 billion a year in duties` reads like `€1.1 billion
 * in duties`: `a year`, `per annum`, `each month`, `annually`.
 */
function afterRate(ctx: Context, at: number): number {
  const next = lower(ctx.tokens[at + 1]);
  if (next && RATE_ADVERBS.has(next)) return at + 1;
  const unit = lower(ctx.tokens[at + 2]);
  if (next && ["a", "an", "per", "each", "every"].includes(next) && unit && RATE_UNITS.has(unit)) {
    return at + 2;
  }
  return at;
}

/** The measure from the words after the figure, or null. */
function measureAfter(ctx: Context, q: Quantity, valueEnd: number): MeasureMatch | null {
  const at = afterRate(ctx, valueEnd);
  // A duration measures what follows it only as a modifier: `five-year plan`.
  const modifier = q.kind === "duration" && /-\p{L}+$/u.test(q.value);
  if (q.kind !== "money" && q.kind !== "percent" && !modifier) return null;
  const next = ctx.tokens[at + 1];
  const word = lower(next);
  if (!next || !word) return null;
  if (word === "of") return objectAt(ctx, at + 2);
  // `516 million dollars out of total FDI of 1.9 billion`: a part of the whole named after it.
  if (word === "out" && lower(ctx.tokens[at + 2]) === "of") {
    const whole = objectAt(ctx, at + 3);
    return whole && withoutTotal(whole);
  }
  if (word === "in" && q.kind === "money") {
    // `$2 billion in Chinese investment`, but not `$10 billion in promising sectors`.
    const object = objectAt(ctx, at + 2);
    return object && measureTopics(object.text).length > 0 ? object : null;
  }
  if (word === "worth" && lower(ctx.tokens[at + 2]) === "of") return objectAt(ctx, at + 3);
  const phrase = nounPhraseAfter(ctx.sentence, ctx.tokens, at + 1, 6);
  if (phrase.length === 0 || covered(ctx.periods, next)) return null;
  const found = toMeasure(ctx, phrase);
  return found && resolveChange(ctx, found, at + 1 + phrase.length);
}

const LINKS = new Set(["at", "to", "by", "toward", "towards", "around", "from"]);

/**
 * Verbs right before an amount that name what it measures by their noun: `pledged to invest $10
 * billion` measures investment.
 */
const VERB_MEASURES: Record<string, string> = Object.fromEntries(
  (
    [
      ["investment", "invest invests invested investing"],
      ["exports", "export exports exported exporting"],
      ["imports", "import imports imported importing"],
      ["loans", "lend lends lent lending loaned"],
      ["spending", "spend spends spent spending"],
      ["borrowing", "borrow borrows borrowed borrowing"],
      ["remittances", "remit remits remitted remitting"],
      ["donations", "donate donates donated donating"],
      ["earnings", "earn earns earned earning"],
    ] as const
  ).flatMap(([noun, verbs]) => verbs.split(" ").map((v) => [v, noun])),
);

/** Participles that name the trade in what they qualify: `imported goods worth $4.6 billion`. */
const TRADE_PARTICIPLES = new Set(["imported", "exported"]);

/** Verbs whose object is who pays, not what is measured: `could cost a textile unit £50,000`. */
const COST_VERBS = new Set(["cost", "costs", "costing", "save", "saves", "saved", "saving"]);

/** Measures that only say money moved (`with inflows of $6.8 billion`), not what money. */
const GENERIC_FLOWS = new Set([
  "inflows",
  "outflows",
  "flows",
  "receipts",
  "proceeds",
  "transfers",
]);

/** `the largest source of remittances`: the sentence says what the flows are. */
const SOURCE_OF = new Set([
  "source",
  "sources",
  "destination",
  "destinations",
  "origin",
  "recipient",
]);

/** Words after an amount that say how often or per what (`$2 billion a year`, `Rs 42 per unit`). */
const RATE_AFTER = /^(?:a|an|per|each|every)$/i;

/** Words that open an aside listing what a total is made of: `, mainly …`, `, including …`. */
const COMPOSITION_OPENERS = new Set([
  "mainly",
  "mostly",
  "largely",
  "chiefly",
  "primarily",
  "principally",
  "including",
  "comprising",
  "consisting",
  "particularly",
  "especially",
]);
/** `, led by …`, `, dominated by …`. */
const COMPOSITION_BY = new Set(["led", "dominated", "driven"]);

/** The measure from the words before the figure, or null. */
function measureBefore(
  ctx: Context,
  at: number,
  earlier: (MeasureMatch | null)[],
): MeasureMatch | null {
  let k = at - 1;
  // `stood at a mere USD 97 million`: past words that judge the size.
  if (SIZE_ADJECTIVES.has(lower(ctx.tokens[k]) ?? "")) {
    while (SIZE_ADJECTIVES.has(lower(ctx.tokens[k]) ?? "")) k--;
    if (DETERMINERS.has(lower(ctx.tokens[k]) ?? "")) k--;
  }
  const verbWord = lower(ctx.tokens[k]);
  const named = verbWord === null ? undefined : VERB_MEASURES[verbWord];
  const verbToken = ctx.tokens[k];
  if (named && verbToken) {
    return {
      text: named,
      start: verbToken.start,
      end: verbToken.end,
      phraseStart: verbToken.start,
      phraseEnd: verbToken.end,
    };
  }
  // `the $16 billion mark`, `a $7 billion loan`
  if (DETERMINERS.has(lower(ctx.tokens[k]) ?? "")) k--;
  const link = lower(ctx.tokens[k]);
  if (link === "of" || link === "worth") {
    // `12 MoUs worth $2 billion`: what the count before counts.
    const before = ctx.tokens[k - 1];
    if (before?.kind === "figure" && before.figure !== undefined) {
      return earlier[before.figure] ?? null;
    }
    const phrase = nounPhraseBefore(ctx.sentence, ctx.tokens, k - 1, ctx.countries);
    const found =
      phrase.length > 0
        ? withTradeParticiple(ctx, toMeasure(ctx, phrase), k - 1 - phrase.length)
        : null;
    // `an increase of 8.2 per cent`: the change of what the figure before measures.
    if (found && CHANGE_NOUNS.has(found.text.toLowerCase())) return previous(earlier);
    if (found) return found;
    // `the portfolio is worth $62 billion`, `hit an all-time high of $4.1 billion`: on through
    // the verb.
    k -= phrase.length + 1;
    if (DETERMINERS.has(lower(ctx.tokens[k]) ?? "")) k--;
  }
  // Links, a change figure and the verb chain between the subject and the level: `rose 12% to
  // $3.1 billion`, `increased by 20 percent to`, `rose 8.5pc year-on-year to`, `is expected to
  // reach`, `has risen sharply to`.
  let verb = false;
  for (;;) {
    const t = ctx.tokens[k];
    const w = lower(t);
    // `Inflows in March alone hit`: a period between the subject and its verb is passed.
    const chained =
      (t?.kind === "figure" && !verb) ||
      (t !== undefined && verb && covered(ctx.periods, t)) ||
      (w !== null && (LINKS.has(w) || LEVEL_VERBS.has(w) || AUXILIARIES.has(w) || isAdverb(w))) ||
      // `imports from Morocco accounting for $604 million`
      (w === "for" && /^account(?:s|ed|ing)?$/.test(lower(ctx.tokens[k - 1]) ?? ""));
    if (!chained) break;
    if (w !== null && LEVEL_VERBS.has(w)) verb = true;
    k--;
  }
  // `the trade volume, which stood at`
  const relative = lower(ctx.tokens[k]);
  if (relative === "which" || relative === "that") {
    k--;
    if (ctx.tokens[k]?.text === ",") k--;
  } else if (verb && ctx.tokens[k]?.text === ",") {
    // `Textile exports, which account for 60 percent of exports, rose …`: past the aside; so
    // too `imports from Egypt, mainly fertiliser, glass and citrus, were …`, `imports from Oman,
    // led by urea and polyethylene, reached …`: what a total is made of, set off by commas.
    for (let j = k - 1; j > 0 && j > k - 40; j--) {
      const w = lower(ctx.tokens[j]);
      if (ctx.tokens[j - 1]?.text !== ",") continue;
      const by = lower(ctx.tokens[j + 1]) === "by";
      if (
        w === "which" ||
        w === "who" ||
        COMPOSITION_OPENERS.has(w ?? "") ||
        (by && COMPOSITION_BY.has(w ?? ""))
      ) {
        k = j - 2;
        break;
      }
    }
  }
  const phrase = nounPhraseBefore(ctx.sentence, ctx.tokens, k, ctx.countries);
  // `followed by the United Arab Emirates at $5.6 billion`: a list of partners goes on with the
  // measure of the figure before.
  const place =
    phrase.some((t) => covered(ctx.countries, t)) &&
    phrase.every((t) => covered(ctx.countries, t) || DETERMINERS.has(t.text.toLowerCase()));
  if (place && link !== null && LINKS.has(link)) return previous(earlier);
  let verbAt = k - phrase.length;
  if (DETERMINERS.has(lower(ctx.tokens[verbAt]) ?? "")) verbAt--;
  if (phrase.length > 0 && COST_VERBS.has(lower(ctx.tokens[verbAt]) ?? "")) {
    return costMeasure(ctx, at, verbAt);
  }
  return phrase.length > 0
    ? withTradeParticiple(ctx, toMeasure(ctx, phrase), k - phrase.length)
    : null;
}

/** `imported goods worth …`: the participle before the phrase at token `at` belongs to it. */
function withTradeParticiple(
  ctx: Context,
  found: MeasureMatch | null,
  at: number,
): MeasureMatch | null {
  const t = ctx.tokens[at];
  if (!found || !t || !TRADE_PARTICIPLES.has(lower(t) ?? "")) return found;
  if (!/^[ \u00a0]+$/.test(ctx.sentence.slice(t.end, found.start))) return found;
  return { ...found, text: ctx.sentence.slice(t.start, found.end), start: t.start };
}

/** Past `a`/`per` and one word after the amount at token `at`: the token index after them. */
function pastRate(ctx: Context, at: number): number {
  let i = at + 1;
  if (RATE_AFTER.test(ctx.tokens[i]?.text ?? "") && ctx.tokens[i + 1]?.kind === "word") i += 2;
  return i;
}

/**
 * What a cost measures (the verb at token `verbAt`): what the amount is in (`would cost exporters
 * $2 billion a year in lost sales`), else the verb's subject (`compliance upgrades could cost a
 * textile unit £50,000`).
 */
function costMeasure(ctx: Context, at: number, verbAt: number): MeasureMatch | null {
  const after = pastRate(ctx, at);
  if (lower(ctx.tokens[after]) === "in") {
    const object = objectAt(ctx, after + 1);
    if (object) return object;
  }
  let k = verbAt - 1;
  while (k >= 0 && AUXILIARIES.has(lower(ctx.tokens[k]) ?? "")) k--;
  const subject = nounPhraseBefore(ctx.sentence, ctx.tokens, k, ctx.countries);
  return subject.length > 0 ? toMeasure(ctx, subject) : null;
}

/** What flows the sentence names before token `at`: `the largest source of remittances`. */
function namedFlow(ctx: Context, at: number): MeasureMatch | null {
  // Searched once a sentence: the first `source of` with a measure after it.
  if (ctx.flow === undefined) ctx.flow = firstNamedFlow(ctx);
  return ctx.flow && ctx.flow.index < at ? ctx.flow.measure : null;
}

function firstNamedFlow(ctx: Context): { index: number; measure: MeasureMatch } | null {
  for (let i = 0; i + 1 < ctx.tokens.length; i++) {
    if (
      SOURCE_OF.has(lower(ctx.tokens[i]) ?? "") &&
      /^(?:of|for)$/.test(lower(ctx.tokens[i + 1]) ?? "")
    ) {
      const object = objectAt(ctx, i + 2);
      if (object && measureTopics(object.text).length > 0) return { index: i, measure: object };
    }
  }
  return null;
}

/** `Rs 42 per unit for electricity`, `$300 million for LNG`: what an amount is paid for. */
function paidFor(ctx: Context, at: number): MeasureMatch | null {
  const after = pastRate(ctx, at);
  return lower(ctx.tokens[after]) === "for" ? objectAt(ctx, after + 1) : null;
}

/** `total FDI` → `FDI`: the measure of the whole a part or a share is taken from. */
function withoutTotal(m: MeasureMatch): MeasureMatch {
  const total = /^(?:total|overall|aggregate)[ \u00a0]+(?=\p{L})/iu.exec(m.text);
  if (!total) return m;
  return { ...m, text: m.text.slice(total[0].length), start: m.start + total[0].length };
}

/** Words before an amount that judge its size, not what it measures: `a mere $97 million`. */
const SIZE_ADJECTIVES = new Set(
  `mere only just modest paltry meagre meager whopping staggering record hefty massive sizeable
  sizable healthy respectable combined cumulative`
    .split(/\s+/)
    .filter(Boolean),
);

/** Measures that are a share of something (`a share of 17.9 percent`): of what the figure before measures. */
const SHARE_NOUNS = new Set(["share", "portion", "proportion", "percentage", "chunk"]);

/**
 * Units that measure an amount of a thing (`780,000 tonnes of Russian crude`): the count measures
 * the thing, not the unit.
 */
const MEASURE_UNITS = new Set(
  `tonnes tonne tons ton barrels barrel litres litre liters liter gallons kilograms kg kilometres
  kilometers km miles acres hectares bales metres meters cubic mmcfd megawatts mw gigawatts gw
  mtpa units containers`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * What a count in units of measure measures: what follows `of` (`tonnes of Russian crude`), else
 * what the verb before it names (`imported about 780,000 tonnes` → imports); null when neither.
 */
function measuredThing(ctx: Context, q: Quantity, at: number): MeasureMatch | null {
  const noun = q.noun;
  const of = noun ? /^(.*?[ \u00a0])of[ \u00a0]+/u.exec(noun.text) : null;
  if (noun && of) {
    const start = noun.start + of[0].length;
    return {
      text: noun.text.slice(of[0].length),
      start,
      end: noun.end,
      phraseStart: noun.start,
      phraseEnd: noun.end,
    };
  }
  if (lower(ctx.tokens[at + 1]) === "of") {
    const object = objectAt(ctx, at + 2);
    if (object) return object;
  }
  const verb = ctx.tokens[at - 1];
  const named = VERB_MEASURES[lower(verb) ?? ""];
  if (named && verb) {
    return {
      text: named,
      start: verb.start,
      end: verb.end,
      phraseStart: verb.start,
      phraseEnd: verb.end,
    };
  }
  return null;
}

/**
 * What trade a sentence is about, nearest the token at `at` (before it first): `On the import
 * side, China remained the largest source at $11.2 billion` is about imports.
 */
function tradeSide(ctx: Context, at: number): MeasureMatch | null {
  let best: { token: Token; distance: number } | null = null;
  ctx.tokens.forEach((t, i) => {
    if (t.kind !== "word" || !/^(?:import|export)/i.test(t.text)) return;
    // Words after the figure count as farther than any before it.
    const distance = i < at ? at - i : ctx.tokens.length + i - at;
    if (!best || distance < best.distance) best = { token: t, distance };
  });
  const found = best as { token: Token; distance: number } | null;
  if (!found) return null;
  const text = /^import/i.test(found.token.text) ? "imports" : "exports";
  const { start, end } = found.token;
  return { text, start, end, phraseStart: start, phraseEnd: end };
}

/** The measure of the nearest figure before with one. */
function previous(earlier: (MeasureMatch | null)[]): MeasureMatch | null {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const m = earlier[i];
    if (m) return m;
  }
  return null;
}

/**
 * What each figure of a sentence measures, in the order of `quantities` (the sentence's figures as
 * {@link findQuantities} gives them). `found` passes the sentence's periods and countries when the
 * caller has them already. A change stated after a level (`…, up 5%`) measures what the
 * figure before it measures.
 */
export function findMeasures(
  sentence: string,
  quantities: Quantity[],
  found: { periods?: Span[]; countries?: Span[] } = {},
): (MeasureMatch | null)[] {
  const spans = quantities.map((q) => ({ start: q.qualifierStart, end: q.end }));
  const ctx: Context = {
    sentence,
    tokens: tokenize(sentence, spans),
    periods: found.periods ?? findPeriods(sentence),
    countries: found.countries ?? findCountries(sentence),
  };
  const out: (MeasureMatch | null)[] = [];
  const before = (q: Quantity, length: number) =>
    sentence.slice(Math.max(0, q.qualifierStart - length), q.qualifierStart);
  const tokenOf = new Map<number, number>();
  ctx.tokens.forEach((t, i) => {
    if (t.figure !== undefined) tokenOf.set(t.figure, i);
  });
  quantities.forEach((q, index) => {
    const at = tokenOf.get(index) ?? -1;
    const prior = quantities[index - 1];
    // `780,000 tonnes of Russian crude` measures the crude.
    const unitOfMeasure =
      q.kind === "quantity" ||
      (q.kind === "count" && MEASURE_UNITS.has((q.unit ?? "").toLowerCase()));
    let found: MeasureMatch | null = unitOfMeasure ? measuredThing(ctx, q, at) : null;
    if (found) {
      // Found above.
    } else if (q.kind === "count" && q.noun) {
      // `100 more tariff lines` count tariff lines.
      const more = /^(?:more|additional|extra|further|other)[ \u00a0]+(?=\p{L})/iu.exec(
        q.noun.text,
      );
      const start = q.noun.start + (more?.[0].length ?? 0);
      found = {
        text: q.noun.text.slice(start - q.noun.start),
        start,
        end: q.noun.end,
        phraseStart: q.noun.start,
        phraseEnd: q.noun.end,
      };
    } else if (
      prior &&
      /(?<![\p{L}])to[ \u00a0]+$/u.test(before(q, 4)) &&
      /(?<![\p{L}])from[ \u00a0]+$/u.test(before(prior, 6))
    ) {
      // `cut cargo time from 21 days by sea to 12 days by rail`: both ends measure one thing.
      found = out[index - 1] ?? null;
    } else if (prior && CONVERSION.test(sentence.slice(prior.end, q.qualifierStart))) {
      // `¥ 10 billion (about $67 million)`, `Rs 350 billion, or $1.26 billion`: one amount in
      // two currencies.
      found = out[index - 1] ?? null;
    } else {
      found = measureAfter(ctx, q, at) ?? measureBefore(ctx, at, out);
      if (!found && q.kind === "money") found = paidFor(ctx, at);
    }
    if (found && GENERIC_FLOWS.has(found.text.toLowerCase())) found = namedFlow(ctx, at) ?? found;
    const head = found?.text.toLowerCase().split(/\s+/).pop() ?? "";
    if (found && q.kind !== "count" && SOURCE_OF.has(head)) {
      // `China remained the largest source at $11.2 billion`: a source of what the sentence says.
      found = namedFlow(ctx, at) ?? tradeSide(ctx, at) ?? found;
    }
    if (found && SHARE_NOUNS.has(found.text.toLowerCase())) {
      // `$3.92 billion, a share of 17.9 percent`: a share of what the figure before measures.
      const whole = previous(out);
      if (whole) found = withoutTotal(whole);
    }
    const isChange =
      CHANGE_BEFORE.test(before(q, 16)) || CHANGE_AFTER.test(sentence.slice(q.end, q.end + 16));
    if (!found && isChange) found = previous(out);
    // `trade saw a 50 percent increase last year, exceeding $1 billion`: a participle set off by
    // a comma goes on about what the figure before measures.
    if (!found && /ing$/i.test(q.qualifier ?? "") && /,[ \u00a0]*$/u.test(before(q, 3))) {
      found = previous(out);
    }
    out.push(found);
  });
  return out;
}

/** Coarse topics a measure is about, so differently worded measures can be matched. */
const TOPICS: [string, RegExp][] = [
  ["it", /\bIT\b|\bICT\b|\bIT-/],
  ["trade", /\btrad(?:e|es|ing)\b|\bbilateral\b|\bcommerce\b/i],
  ["exports", /\bexport/i],
  ["imports", /\bimport/i],
  ["investment", /\binvest/i],
  ["fdi", /\bforeign direct investment\b|\bFDI\b/i],
  ["remittances", /\bremittance/i],
  ["growth", /\bgrowth\b|\bgrew\b/i],
  ["gdp", /\bGDP\b|\bgross domestic product\b|\beconom(?:y|ic output)\b/i],
  ["subscribers", /\bsubscri|\busers\b|\bconnections\b|\bcustomers\b/i],
  [
    "companies",
    /\bcompan(?:y|ies)\b|\bfirms?\b|\bbusinesses\b|\benterprises\b|\bstart-?ups?\b|\bautomakers\b|\bmanufacturers\b|\binvestors\b/i,
  ],
  [
    "it",
    /\binformation (?:and communication )?technology\b|\bsoftware\b|\btech(?:nology)?\b|\bdigital\b|\bfreelanc/i,
  ],
  ["telecom", /\btelecom|\bbroadband\b|\bmobile\b|\bcellular\b|\b[345]G\b|\binternet\b/i],
  ["textiles", /\btextile|\bgarment|\bapparel\b|\bcotton\b/i],
  ["tax", /\btax|\bdut(?:y|ies)\b|\btariffs?\b|\bcustoms\b/i],
  ["incentives", /\bincentive|\bholidays?\b|\bexemptions?\b|\bsubsid|\bconcessions?\b/i],
  ["loans", /\bloans?\b|\bdebt\b|\bcredit\b|\bfinancing\b|\bborrow/i],
  ["aid", /\baid\b|\bgrants?\b|\bassistance\b|\bdonations?\b/i],
  ["deficit", /\bdeficit\b|\bsurplus\b|\bbalance\b/i],
  ["revenue", /\brevenues?\b|\bcollections?\b/i],
  ["reserves", /\breserves\b|\bdeposits?\b/i],
  ["inflation", /\binflation\b|\bprices?\b/i],
  ["jobs", /\bjobs?\b|\bemployment\b|\bworkers\b|\bworkforce\b|\bemployees\b/i],
  ["agreements", /\bagreements?\b|\bMoUs?\b|\bmemorand|\bdeals?\b|\bcontracts?\b|\baccords?\b/i],
  ["target", /\btargets?\b|\bgoals?\b/i],
  ["energy", /\benergy\b|\bpower\b|\belectricity\b|\boil\b|\bgas\b|\bfuels?\b|\bsolar\b/i],
  ["agriculture", /\bagricultur|\brice\b|\bwheat\b|\bcrops?\b|\bfarm/i],
  ["automotive", /\bauto(?:mobile|motive)?s?\b|\bvehicles?\b|\bcars?\b|\bautomakers\b/i],
];

/**
 * Coarse topic keys of a measure (`IT and IT-enabled services exports` → `["exports", "it"]`), so
 * the answer layer can match a question's `IT exports` with an article's wording. Also useful on
 * question text.
 */
export function measureTopics(measure: string): string[] {
  const found = TOPICS.filter(([, regex]) => regex.test(measure)).map(([topic]) => topic);
  return [...new Set(found)];
}

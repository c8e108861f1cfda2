/**
 * Which partner countries of Pakistan a figure concerns, from its sentence:
 *
 * 1. countries named in the figure's clause (`with over 70 Japanese companies`) or in the phrase
 *    its measure was cut from (`Bilateral trade between the United States and Pakistan`), except
 *    Pakistan and countries that only name the source (`Office of the U.S. Trade Representative`);
 * 2. none, when the clause names only Pakistan (`As Islamabad pushes to raise IT exports …`): the
 *    figure is Pakistan's own — unless it measures trade (or a trade balance), which always has a
 *    partner (`…, leaving Pakistan with a trade surplus of $3.34 billion`);
 * 3. otherwise countries named elsewhere in the sentence;
 * 4. otherwise, when the figure is about trade between two parties — its measure is about trade or
 *    a trade balance (not a current account balance), or the sentence says `bilateral`, `both countries`, `two nations`, `mutual`,
 *    … — the countries the article's title names (`Pakistan and Japan Commit to Strengthen Trade
 *    Ties` → Japan).
 *    Exports, imports or investment alone are national totals, so take no partner from the title.
 */

import { type CountryMatch, findCountries } from "../language/countries";

export interface Span {
  start: number;
  end: number;
}

/** One figure of the sentence, as partner finding needs it. */
export interface PartnerQuery {
  /** The figure's span in the sentence. */
  value: Span;
  /** The phrase its measure came from, if any. */
  phrase: Span | null;
  /** The source's name, if any: countries in it are not partners. */
  source: Span | null;
  /** Topics of the figure's measure (see `measureTopics`). */
  topics: string[];
}

const HOME = "Pakistan";

const BILATERAL =
  /\b(?:bilateral|two countries|both countries|two nations|both nations|two sides|both sides|mutual|each other)\b/i;

/** Clause boundaries: a comma not inside a number, semicolons, colons, brackets, dashes. */
const BOUNDARY = /,(?!\d)|[;:()—]|[ \u00a0][–-][ \u00a0]/g;

/**
 * Words before a country that make it a rival, not a partner: `struggle against Bangladesh`,
 * `competitors in Bangladesh and Vietnam`. Up to four words (other countries of a list) may stand
 * between.
 */
const RIVAL_BEFORE =
  /(?<![\p{L}])(?:against|competitors?|competing|compete[sd]?|rivals?|rivalling|unlike|than)(?:[ \u00a0]+[\p{L}’'-]+,?){0,4}[ \u00a0]+$/iu;

/**
 * Words before a country that make it a route (`between the two countries through Afghanistan`):
 * not a partner when the sentence names the two parties otherwise, but a party to a route's project
 * (`a railway via Kabul`) when it does not.
 */
const ROUTE_BEFORE =
  /(?<![\p{L}])(?:through|via|transiting)(?:[ \u00a0]+[\p{L}’'-]+,?){0,4}[ \u00a0]+$/iu;

/** What may stand between a country and the figure it owns: `the UAE at $5.6 billion`, `China ($2bn)`. */
const OWNS_FIGURE =
  /^(?:[ \u00a0]+(?:at|with|on)[ \u00a0]+|[ \u00a0]*[:(][ \u00a0]*|['’]s[ \u00a0]+|[ \u00a0]+[–—][ \u00a0]+)$/u;

/** What joins the countries of one enumeration: `Afghanistan, Iran and Russia`. */
const ENUMERATION_GAP = /^(?:,|,?[ \u00a0]+(?:and|or))?[ \u00a0]+(?:the[ \u00a0]+)?$/iu;

/** `Pakistan’s total exports of $30.6 billion`: the figure is Pakistan's own. */
const HOME_POSSESSIVE =
  /(?<![\p{L}])(?:Pakistan|the[ \u00a0]+country|the[ \u00a0]+nation)['’]s[ \u00a0]+$/u;

/** A measure of a whole (`total inflows of $30.3 billion`): none of it is one partner's. */
const WHOLE_MEASURE = /^(?:total|overall|aggregate|combined|national|global)\b/i;

/** A segment that is only country names (`Japan, China and the UK …`) belongs to the list clause. */
const LIST_FILLER = new Set(["and", "or", "the", "as", "well"]);

const within = (inner: Span, outer: Span | null) =>
  outer !== null && inner.start >= outer.start && inner.end <= outer.end;

function unique(names: string[]): string[] {
  return [...new Set(names)].filter((n) => n !== HOME);
}

/** Countries (sorted) not inside any figure (sorted): `417 million U.S. dollars` names no partner. */
function outside(countries: CountryMatch[], figures: Span[]): CountryMatch[] {
  const kept: CountryMatch[] = [];
  let f = 0;
  for (const c of countries) {
    while (f < figures.length && (figures[f]?.end ?? 0) <= c.start) f++;
    const figure = figures[f] ?? null;
    if (!within(c, figure)) kept.push(c);
  }
  return kept;
}

/** The sentence cut at clause boundaries. */
function segmentsOf(sentence: string): Span[] {
  const cuts = [0];
  for (const m of sentence.matchAll(BOUNDARY)) cuts.push(m.index ?? 0);
  cuts.push(sentence.length);
  const segments: Span[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    segments.push({ start: cuts[i] ?? 0, end: cuts[i + 1] ?? sentence.length });
  }
  return segments;
}

/** Whether a segment holds countries and nothing but list words (`, China and the UK`). */
function isCountryList(sentence: string, segment: Span, countries: CountryMatch[]): boolean {
  const inside = countries.filter((c) => within(c, segment));
  if (inside.length === 0) return false;
  let rest = "";
  let at = segment.start;
  for (const c of inside) {
    rest += `${sentence.slice(at, c.start)} `;
    at = c.end;
  }
  rest += sentence.slice(at, segment.end);
  return rest
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .every((w) => LIST_FILLER.has(w.toLowerCase()));
}

/** Countries the title names outright; an adjective (`trans-Afghan railway`) only without them. */
function titlePartners(title: string): string[] {
  const inTitle = findCountries(title);
  const named = inTitle.filter((c) => !c.adjective);
  return unique((named.some((c) => c.country !== HOME) ? named : inTitle).map((c) => c.country));
}

/**
 * The partner countries of each figure of one sentence (see the module comment for the rules).
 * What the sentence gives — its countries, clauses, whether it speaks of two parties — is worked
 * out once here; `figures` are the spans of all its figures, sorted; `countries` may be passed when
 * the caller has them already.
 */
export function partnersOfSentence(
  sentence: string,
  title: string,
  figures: Span[],
  countries: CountryMatch[] = findCountries(sentence),
): (figure: PartnerQuery) => string[] {
  const twoParties = BILATERAL.test(sentence);
  const named = outside(countries, figures).filter((c) => {
    const before = sentence.slice(Math.max(0, c.start - 60), c.start);
    return !RIVAL_BEFORE.test(before) && !(twoParties && ROUTE_BEFORE.test(before));
  });
  const segments = segmentsOf(sentence);
  const listLike = segments.map((s) => isCountryList(sentence, s, named));
  const groups = enumerations(sentence, named);
  let fromTitle: string[] | null = null;

  const clauseAround = (at: number): Span => {
    let index = segments.findIndex((s) => at >= s.start && at < s.end);
    if (index < 0) index = segments.length - 1;
    let first = index;
    let last = index;
    while (first > 0 && listLike[first - 1]) first--;
    while (last + 1 < segments.length && listLike[last + 1]) last++;
    return { start: segments[first]?.start ?? 0, end: segments[last]?.end ?? sentence.length };
  };

  // `followed by the UAE at $5.6 billion, the UK at $4.4 billion`: each figure of such a list is
  // its country's, and the other figures of the sentence are not.
  const owner = (value: Span) =>
    named.find(
      (c) =>
        c.end <= value.start &&
        value.start - c.end <= 8 &&
        c.country !== HOME &&
        OWNS_FIGURE.test(sentence.slice(c.end, value.start)),
    ) ?? null;
  const claimed = new Set(
    figures.map((f) => owner(f)?.country).filter((c): c is string => c !== undefined),
  );

  return (figure) => {
    const own = owner(figure.value);
    if (own) return [own.country];
    const phraseBefore = figure.phrase !== null && figure.phrase.end <= figure.value.start;
    const all = named.filter((c) => !within(c, figure.source) && !claimed.has(c.country));
    const inPhrase = unique(all.filter((c) => within(c, figure.phrase)).map((c) => c.country));
    if (phraseBefore && figure.phrase && inPhrase.length === 0) {
      const opening = sentence.slice(Math.max(0, figure.phrase.start - 20), figure.phrase.start);
      const measure = sentence.slice(figure.phrase.start, figure.phrase.end);
      if (HOME_POSSESSIVE.test(opening) || WHOLE_MEASURE.test(measure)) return [];
    }
    const clause = clauseAround(figure.value.start);
    const near = withGroups(
      all.filter((c) => within(c, clause) || within(c, figure.phrase)),
      groups,
      claimed,
    );
    const partners = unique(near.map((c) => c.country));
    if (partners.length > 0) return partners;
    const bilateral = figure.topics.includes("trade");
    if (!bilateral && near.some((c) => c.country === HOME)) return [];
    const inSentence = unique(all.map((c) => c.country));
    if (inSentence.length > 0) return inSentence;
    if (!bilateral && !twoParties) return [];
    fromTitle ??= titlePartners(title);
    return fromTitle;
  };
}

/** Runs of countries that enumerate (`Afghanistan, Iran and Russia`), each run as an array. */
function enumerations(sentence: string, countries: CountryMatch[]): CountryMatch[][] {
  const groups: CountryMatch[][] = [];
  let run: CountryMatch[] = [];
  for (const c of countries) {
    const last = run[run.length - 1];
    if (last && ENUMERATION_GAP.test(sentence.slice(last.end, c.start))) {
      run.push(c);
      continue;
    }
    if (run.length > 1) groups.push(run);
    run = [c];
  }
  if (run.length > 1) groups.push(run);
  return groups;
}

/** `found` with the rest of any enumeration it holds part of, other than claimed countries. */
function withGroups(
  found: CountryMatch[],
  groups: CountryMatch[][],
  claimed: ReadonlySet<string>,
): CountryMatch[] {
  const out = [...found];
  for (const group of groups) {
    if (!group.some((c) => found.includes(c))) continue;
    for (const c of group) if (!out.includes(c) && !claimed.has(c.country)) out.push(c);
  }
  return out;
}

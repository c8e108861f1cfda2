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

import { type CountryMatch, findCountries } from "./countries";

export interface Span {
  start: number;
  end: number;
}

export interface PartnerInput {
  sentence: string;
  /** The figure's span in the sentence. */
  value: Span;
  /** Spans of every figure in the sentence: `417 million U.S. dollars` names no partner. */
  figures: Span[];
  /** The phrase its measure came from, if any. */
  phrase: Span | null;
  /** The source's name, if any: countries in it are not partners. */
  source: Span | null;
  /** Topics of the figure's measure (see `measureTopics`). */
  topics: string[];
  title: string;
  /** The sentence's countries, when the caller has them already. */
  countries?: CountryMatch[];
}

const HOME = "Pakistan";

const BILATERAL =
  /\b(?:bilateral|two countries|both countries|two nations|both nations|two sides|both sides|mutual|each other)\b/i;

/** Clause boundaries: a comma not inside a number, semicolons, colons, brackets, dashes. */
const BOUNDARY = /,(?!\d)|[;:()—]|[ \u00a0][–-][ \u00a0]/g;

/** A segment that is only country names (`Japan, China and the UK …`) belongs to the list clause. */
const LIST_FILLER = new Set(["and", "or", "the", "as", "well"]);

function clauseAround(sentence: string, at: number, countries: Span[]): Span {
  const cuts = [0];
  for (const m of sentence.matchAll(BOUNDARY)) cuts.push(m.index ?? 0);
  cuts.push(sentence.length);
  const segments: Span[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    segments.push({ start: cuts[i] ?? 0, end: cuts[i + 1] ?? sentence.length });
  }
  const listLike = (s: Span) => {
    const inside = countries.filter((c) => c.start >= s.start && c.end <= s.end);
    if (inside.length === 0) return false;
    let rest = "";
    let at = s.start;
    for (const c of inside) {
      rest += `${sentence.slice(at, c.start)} `;
      at = c.end;
    }
    rest += sentence.slice(at, s.end);
    return rest
      .split(/[^\p{L}]+/u)
      .filter(Boolean)
      .every((w) => LIST_FILLER.has(w.toLowerCase()));
  };
  let index = segments.findIndex((s) => at >= s.start && at < s.end);
  if (index < 0) index = segments.length - 1;
  let first = index;
  let last = index;
  while (first > 0 && segments[first - 1] && listLike(segments[first - 1] as Span)) first--;
  while (last + 1 < segments.length && segments[last + 1] && listLike(segments[last + 1] as Span))
    last++;
  return { start: segments[first]?.start ?? 0, end: segments[last]?.end ?? sentence.length };
}

const within = (inner: Span, outer: Span | null) =>
  outer !== null && inner.start >= outer.start && inner.end <= outer.end;

function unique(names: string[]): string[] {
  return [...new Set(names)].filter((n) => n !== HOME);
}

/** The partner countries a figure concerns; see the module comment for the rules. */
export function figurePartners(input: PartnerInput): string[] {
  const all = (input.countries ?? findCountries(input.sentence)).filter(
    (c) => !within(c, input.source) && !input.figures.some((f) => within(c, f)),
  );
  const clause = clauseAround(input.sentence, input.value.start, all);
  const near = all.filter((c) => within(c, clause) || within(c, input.phrase));
  const partners = unique(near.map((c) => c.country));
  if (partners.length > 0) return partners;
  const bilateral = input.topics.includes("trade");
  if (!bilateral && near.some((c) => c.country === HOME)) return [];
  const inSentence = unique(all.map((c) => c.country));
  if (inSentence.length > 0) return inSentence;
  if (bilateral || BILATERAL.test(input.sentence)) {
    // Countries the title names outright; an adjective (`trans-Afghan railway`) only without them.
    const inTitle = findCountries(input.title);
    const named = inTitle.filter((c) => !c.adjective);
    return unique((named.some((c) => c.country !== HOME) ? named : inTitle).map((c) => c.country));
  }
  return [];
}

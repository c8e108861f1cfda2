import { parseNumeral } from "../facts/language/numbers";
import { findPeriods, type PeriodMention, resolveRelative } from "../facts/language/periods";
import { boundedMemo } from "../text/bounded-memo";
import { alternativesOf, holdsTerm, type TermSet } from "../text/synonyms";
import { type Knowledge, termWeight } from "./knowledge";

/**
 * How much of the question's topic a set of terms covers, weighted by rarity: 1 when every topic
 * term (or one of its alternatives) is there, 0 when none is. Terms found only in `context` (the
 * rest of the passage, the article's title) count half: "under the DCTS" two sentences earlier
 * still says what "94 per cent of tariff lines" is about. An empty topic is covered by anything.
 */
export function coverage(
  k: Knowledge,
  topic: readonly string[],
  terms: Iterable<string>,
  context?: TermSet,
): number {
  if (topic.length === 0) return 1;
  const have = terms instanceof Set ? (terms as Set<string>) : new Set(terms);
  let total = 0;
  let hit = 0;
  for (const t of topic) {
    const w = termWeight(k, t);
    total += w;
    if (holdsTerm(have, t)) hit += w;
    else if (context && holdsTerm(context, t)) hit += w / 2;
  }
  return total === 0 ? 0 : hit / total;
}

/**
 * The share of the question's topic (by rarity) that no passage of the corpus mentions, by the
 * word or a synonym: "what is the population of Dubai" asks about something no article speaks of.
 */
export function unseenShare(k: Knowledge, topic: readonly string[]): number {
  if (topic.length === 0) return 0;
  const seen = (t: string) =>
    (k.passageFrequency.get(t) ?? 0) > 0 ||
    alternativesOf(t).some((alt) => alt.every((a) => (k.passageFrequency.get(a) ?? 0) > 0));
  let total = 0;
  let unseen = 0;
  for (const t of topic) {
    const w = termWeight(k, t);
    total += w;
    if (!seen(t)) unseen += w;
  }
  return total === 0 ? 0 : unseen / total;
}

/**
 * Whether the rarest of the question's topic terms — the one that most says what is asked
 * ("deficit" in "trade deficit with Japan", "rice" in "how much rice") — is held: 1 by the
 * terms, 0.5 only by their context, 0 not at all; 1 for an empty topic.
 */
export function rarestHeld(
  k: Knowledge,
  topic: readonly string[],
  terms: TermSet,
  context?: TermSet,
): number {
  let rarest: string | null = null;
  let weight = -1;
  for (const t of topic) {
    const w = termWeight(k, t);
    if (w > weight) {
      weight = w;
      rarest = t;
    }
  }
  if (rarest === null) return 1;
  if (holdsTerm(terms, rarest)) return 1;
  return context && holdsTerm(context, rarest) ? 0.5 : 0;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_WORD = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?/gi;

/**
 * The months a period label names (1–12), with ranges filled in across the turn of the year
 * ("July-March" is July to March); empty when it names a whole year or none.
 */
export const monthsOf: (label: string) => Set<number> = boundedMemo(10_000, (label: string) =>
  parseMonths(label),
);

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  last: 4,
  final: 4,
  "1st": 1,
  "2nd": 2,
  "3rd": 3,
  "4th": 4,
};

/** Months `from` (1–12) on, `count` of them, across the turn of the year. */
function monthRun(from: number, count: number): Set<number> {
  const months = new Set<number>();
  for (let i = 0; i < count; i++) months.add(((from - 1 + i) % 12) + 1);
  return months;
}

/**
 * Parts of a year named without months: "first half of FY25" is July–December (Pakistan's fiscal
 * year starts in July), "first half of 2024" January–June, "Q3 FY24" January–March, "first
 * eight months of FY25" July–February.
 */
function yearPart(label: string): Set<number> | null {
  const fiscal = /\bFY|fiscal|financial/i.test(label);
  const start = fiscal ? 7 : 1;
  const half = /\b(first|second|1st|2nd)\s+half\b|\bH([12])\b/i.exec(label);
  if (half) {
    const n = half[2] ? Number(half[2]) : (ORDINALS[(half[1] ?? "").toLowerCase()] ?? 1);
    return monthRun(start + (n - 1) * 6, 6);
  }
  const quarter =
    /\b(first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+quarter\b|\bQ([1-4])\b/i.exec(
      label,
    );
  if (quarter) {
    const n = quarter[2] ? Number(quarter[2]) : (ORDINALS[(quarter[1] ?? "").toLowerCase()] ?? 1);
    return monthRun(start + (n - 1) * 3, 3);
  }
  const months =
    /\b(first|last)\s+(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months\b/i.exec(
      label,
    );
  if (months) {
    const count = parseNumeral(months[2] ?? "") ?? 0;
    const from = (months[1] ?? "").toLowerCase() === "first" ? start : start + 12 - count;
    return monthRun(from, count);
  }
  return null;
}

function parseMonths(label: string): Set<number> {
  const part = yearPart(label);
  if (part) return part;
  const found = [...label.matchAll(MONTH_WORD)].map(
    (m) => MONTHS.indexOf((m[1] ?? "").toLowerCase()) + 1,
  );
  const months = new Set<number>();
  const ranged =
    /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*(?:-|–|—|to|through)\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.exec(
      label,
    );
  if (ranged && found.length >= 2) {
    let m = MONTHS.indexOf((ranged[1] ?? "").toLowerCase()) + 1;
    const last = MONTHS.indexOf((ranged[2] ?? "").toLowerCase()) + 1;
    for (let i = 0; i < 12; i++) {
      months.add(m);
      if (m === last) break;
      m = (m % 12) + 1;
    }
    return months;
  }
  for (const m of found) if (m > 0) months.add(m);
  return months;
}

function sameMonths(a: Set<number>, b: Set<number>): boolean {
  return a.size === b.size && [...a].every((m) => b.has(m));
}

/** Periods as figures state them repeat ("FY2023-24"): each label is parsed once. */
const periodsOf: (label: string) => PeriodMention[] = boundedMemo(10_000, (label: string) =>
  findPeriods(label),
);

/**
 * How well a stated period fits the periods a question asks about: 1 exact, 0.5 overlapping, 0
 * no. A relative period ("last year") is placed by the article's date; without one it is unknown.
 */
export function periodFit(
  asked: readonly PeriodMention[],
  stated: string | null,
  published: string | null = null,
): number {
  if (asked.length === 0) return 1;
  if (!stated) return 0;
  let parsed = periodsOf(stated);
  // "from January to August" in an article of October 2024: months of the article's year.
  const year = published?.slice(0, 4);
  if (parsed.length === 0 && year && monthsOf(stated).size > 0) {
    parsed = periodsOf(`${stated} ${year}`);
  }
  if (parsed.length === 0) return 0;
  const have = parsed.map((p) =>
    p.kind === "relative" ? (resolveRelative(p, published) ?? p) : p,
  );
  // A relative period that cannot be placed ("this year" in an undated article) names no year:
  // it cannot answer a question that names one.
  if (have.every((p) => p.kind === "relative")) return 0;
  let best = 0;
  for (const q of asked) {
    const askedMonths = monthsOf(q.label);
    for (const p of have) {
      // "March 2025" is not answered by January's figure nor by the fiscal year's total.
      const statedMonths = monthsOf(p.label);
      if (askedMonths.size > 0 && !sameMonths(askedMonths, statedMonths)) continue;
      const partial = askedMonths.size === 0 && statedMonths.size > 0 ? 0.5 : 1;
      if (q.fiscalYear !== null && p.fiscalYear !== null) {
        if (q.fiscalYear === p.fiscalYear) best = Math.max(best, partial);
        continue;
      }
      if (q.fiscalYear === null && p.fiscalYear === null) {
        if (q.years.some((y) => p.years.includes(y))) best = Math.max(best, partial);
        continue;
      }
      // One side fiscal, the other calendar: FY2022-23 and 2023 overlap but are not the same.
      const fiscal = q.fiscalYear ?? p.fiscalYear;
      const calendar = q.fiscalYear === null ? q.years : p.years;
      if (fiscal !== null && calendar.includes(fiscal)) best = Math.max(best, 0.6);
      else if (q.years.some((y) => p.years.includes(y))) best = Math.max(best, 0.4);
    }
  }
  return best;
}

/** A period's position in time, for listing figures oldest first. */
export function periodOrder(stated: string | null): number {
  if (!stated) return Number.POSITIVE_INFINITY;
  const p = periodsOf(stated)[0];
  if (!p) return Number.POSITIVE_INFINITY;
  return p.fiscalYear ?? Math.max(...p.years);
}

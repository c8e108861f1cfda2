import { findPeriods, type PeriodMention } from "../facts/periods";
import { holdsTerm } from "../text/synonyms";
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
  context?: ReadonlySet<string>,
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

/** How well a stated period fits the periods a question asks about: 1 exact, 0.5 overlapping, 0 no. */
export function periodFit(asked: readonly PeriodMention[], stated: string | null): number {
  if (asked.length === 0) return 1;
  if (!stated) return 0;
  const have = findPeriods(stated);
  if (have.length === 0) return 0;
  let best = 0;
  for (const q of asked) {
    for (const p of have) {
      if (q.fiscalYear !== null && p.fiscalYear !== null) {
        if (q.fiscalYear === p.fiscalYear) best = Math.max(best, 1);
        continue;
      }
      if (q.fiscalYear === null && p.fiscalYear === null) {
        if (q.years.some((y) => p.years.includes(y))) best = Math.max(best, 1);
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
  const p = findPeriods(stated)[0];
  if (!p) return Number.POSITIVE_INFINITY;
  return p.fiscalYear ?? Math.max(...p.years);
}

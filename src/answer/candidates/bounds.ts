import type { Figure } from "../../types";

/**
 * A figure written as a bound or an approximation ("crossed the $5 billion-mark", "over $5
 * billion", "about $5 billion") and an exact figure of the same flow in the same article
 * ("$5.2 billion") are one reading told twice, not rivals: belief in one is belief in the other,
 * and the exact one is what a reply should give.
 */

const ABOVE =
  /^(?:(?:just |well |a little |slightly )?(?:over|above)|more than|slightly more than|exceeding|in excess of|at least|upwards? of|no less than|not less than)$/;
const BELOW =
  /^(?:(?:just )?(?:under|below)|less than|fewer than|slightly less than|at most|up to|no more than|not more than|nearly|almost|close to)$/;
const NEAR = /^(?:about|around|approximately|approx\.|roughly|some|an estimated|estimated|circa)$/;

/** How far an exact value may stand from the bound it satisfies and still be the same reading. */
const SLACK = 0.25;

/** Whether the exact figure `exact` is a closer reading of the bounded figure `bound`. */
export function boundHeldBy(bound: Figure, exact: Figure): boolean {
  if (bound === exact || !bound.qualifier || exact.qualifier !== null) return false;
  if (bound.articleId !== exact.articleId || bound.unit !== exact.unit) return false;
  if (bound.period !== exact.period || bound.partners.join() !== exact.partners.join())
    return false;
  const b = bound.amount;
  const x = exact.amount;
  if (b === null || x === null || b <= 0 || exact.amountHigh !== null) return false;
  const q = bound.qualifier.toLowerCase();
  if (ABOVE.test(q)) return x >= b && x <= b * (1 + SLACK);
  if (BELOW.test(q)) return x <= b && x >= b * (1 - SLACK);
  if (NEAR.test(q)) return Math.abs(x - b) <= b * 0.1;
  return false;
}

/** Whether two figures are one reading: either is a bound the other states exactly. */
export const oneReading = (a: Figure, b: Figure): boolean => boundHeldBy(a, b) || boundHeldBy(b, a);

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bestByScore, nthSmallest } from "../../../src/answer/candidates/figure-table";

/**
 * The figures a question weighs in full are the best `limit` by score, then by position in the
 * corpus: exactly what sorting them all would keep, though only the kept are sorted.
 */

/** Distinct figure positions in any order, each with a score from a few values (ties abound). */
const scored = fc
  .uniqueArray(fc.integer({ min: 0, max: 5000 }), { maxLength: 400 })
  .chain((chosen) =>
    fc.record({
      chosen: fc.constant(chosen),
      scores: fc.array(fc.constantFrom(0, 0.5, 1, 1.25, 2.5, 3), {
        minLength: chosen.length,
        maxLength: chosen.length,
      }),
      limit: fc.integer({ min: 0, max: 450 }),
    }),
  );

const bySortingAll = (chosen: number[], scores: number[], limit: number): number[] =>
  chosen.length <= limit
    ? chosen
    : chosen
        .map((figure, j) => ({ figure, score: scores[j] as number }))
        .sort((a, b) => b.score - a.score || a.figure - b.figure)
        .slice(0, limit)
        .map((x) => x.figure);

describe("bestByScore", () => {
  it("keeps what sorting every figure by score, then position, would keep, in that order", () => {
    fc.assert(
      fc.property(scored, ({ chosen, scores, limit }) => {
        expect(bestByScore(chosen, scores, limit)).toEqual(bySortingAll(chosen, scores, limit));
      }),
      { numRuns: 300 },
    );
  });

  it("selects the value at a sorted position without sorting, ties and all", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, 0.25, 0.5, 1, 2.75, 3), { minLength: 1, maxLength: 300 }),
        fc.nat(),
        (values, at) => {
          const n = at % values.length;
          const sorted = Float64Array.from(values).sort();
          expect(nthSmallest(Float64Array.from(values), n)).toBe(sorted[n]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("returns every figure in the order found when there are no more than the limit", () => {
    expect(bestByScore([9, 2, 7], [0, 3, 1], 3)).toEqual([9, 2, 7]);
  });

  it("breaks a tie at the cut by the figure's position, not the order found", () => {
    expect(bestByScore([40, 10, 30, 20], [1, 1, 2, 1], 2)).toEqual([30, 10]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FigureTables, figureTablesOf } from "../../src/answer/knowledge";
import { shiftedFigureTables } from "../../src/live/shifted-tables";
import type { Figure } from "../../src/types";

/**
 * The figure look-ups after one run of figures leaves and another comes in must be the look-ups
 * of the new figures made from scratch, whichever runs move, and must not change the old ones.
 */

const TERMS = ["export", "import", "rice", "textil", "trade", "remitt"];
const PARTNERS = ["Japan", "China", "Kenya"];

interface Made {
  figure: Figure;
  measure: string[];
  sentence: string[];
}

const made = fc
  .record({
    sentenceStart: fc.integer({ min: 0, max: 3 }),
    partners: fc.subarray(PARTNERS),
    measure: fc.subarray(TERMS),
    sentence: fc.subarray(TERMS),
  })
  .map(
    (r): Made => ({
      figure: { partners: r.partners, sentenceStart: r.sentenceStart } as unknown as Figure,
      measure: r.measure,
      sentence: r.sentence,
    }),
  );

/** Figures of one article: their sentence keys name it. */
const article = (id: string, list: Made[]): Made[] =>
  list.map((m) => ({ ...m, figure: { ...m.figure, articleId: id } as Figure }));

const tablesOf = (list: Made[], first = 0): FigureTables =>
  figureTablesOf(
    list.map((m) => m.figure),
    list.map((m) => m.measure),
    list.map((m) => m.sentence),
    first,
  );

const sorted = (t: FigureTables) =>
  Object.fromEntries(
    Object.entries(t).map(([name, map]) => [
      name,
      [...(map as Map<string, number[]>)].sort(([a], [b]) => (a < b ? -1 : 1)),
    ]),
  );

describe("figure look-ups shifted by one article's change", () => {
  it("equal the look-ups made afresh, for any run removed and any run inserted", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(made, { maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.array(made, { maxLength: 4 }),
        fc.nat(),
        fc.nat(),
        (articles, incoming, removeAt, insertAt) => {
          const old = articles.map((list, i) => article(`a${i}`, list));
          const removed = removeAt % (old.length + 1); // old.length: nothing removed
          const kept = old.filter((_, i) => i !== removed);
          const at = insertAt % (kept.length + 1);
          const added = article("new", incoming);
          const next = [...kept.slice(0, at), added, ...kept.slice(at)];

          const before = tablesOf(old.flat());
          const snapshot = JSON.stringify(sorted(before));
          const removedStart = old.slice(0, removed).flat().length;
          const addedStart = kept.slice(0, at).flat().length;
          const shifted = shiftedFigureTables(before, {
            removed: { start: removedStart, count: old[removed]?.length ?? 0 },
            added: {
              start: addedStart,
              count: added.length,
              tables: tablesOf(added, addedStart),
            },
          });

          expect(sorted(shifted)).toEqual(sorted(tablesOf(next.flat())));
          expect(JSON.stringify(sorted(before))).toBe(snapshot);
        },
      ),
      { numRuns: 300 },
    );
  });
});

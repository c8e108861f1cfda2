import fc from "fast-check";
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { INDEX_OPTIONS, type IndexedPassage, PassageIndex } from "../../src/index/passage-index";
import { RankedSearch } from "../../src/index/ranked-search";

/**
 * The ranked search must give exactly MiniSearch's hits, in MiniSearch's order: the answers rest
 * on which passages come first. Corpora here are small, with a few words of very different
 * frequency, repeated passages (tied scores) and titles, so that every path is taken: the rare
 * term driving AND, OR leaving the common terms' passages out or having to score them, ties.
 */

const VOCABULARY = [
  "trade",
  "export",
  "pakistan",
  "textile",
  "rice",
  "osaka",
  "the",
  "zinc",
  "expo",
];
/** Commoner words first: `trade` in most passages, `zinc` in a few. */
const word = fc
  .integer({ min: 0, max: 99 })
  .map((n) => VOCABULARY[Math.floor(Math.sqrt(n * 0.81))] as string);
const text = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(" "));
const passage = fc.record({
  title: fc.constantFrom("", "Trade news", "Rice and zinc", "Osaka expo"),
  text,
});
const corpus = fc
  .array(passage, { minLength: 1, maxLength: 60 })
  // Each passage twice at times: the same words in the same lengths tie exactly.
  .chain((ps) =>
    fc.shuffledSubarray([...ps, ...ps.slice(0, ps.length / 3)], { minLength: ps.length }),
  )
  .map((ps) => ps.map((p, i): IndexedPassage => ({ id: `p${i}`, ...p })));
const query = fc
  .array(fc.constantFrom(...VOCABULARY, "absent"), { minLength: 0, maxLength: 4 })
  .map((w) => w.join(" "));

function miniSearchHits(
  m: MiniSearch<IndexedPassage>,
  q: string,
  combineWith: "AND" | "OR",
  limit: number,
) {
  return m
    .search(q, { combineWith })
    .slice(0, limit)
    .map((r) => ({ id: String(r.id), score: r.score }));
}

describe("RankedSearch", () => {
  it("finds what MiniSearch finds, in its order, for AND and OR at any limit", () => {
    fc.assert(
      fc.property(
        corpus,
        fc.array(query, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 15 }),
        (docs, queries, limit) => {
          const m = new MiniSearch<IndexedPassage>(INDEX_OPTIONS);
          m.addAll(docs);
          const ranked = new RankedSearch(m as MiniSearch<unknown>);
          expect(ranked.usable()).toBe(true);
          for (const q of queries) {
            expect(ranked.and(q, limit)).toEqual(miniSearchHits(m, q, "AND", limit));
            expect(ranked.or(q, limit)).toEqual(miniSearchHits(m, q, "OR", limit));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each([
    ["built", (passages: IndexedPassage[]) => PassageIndex.build(passages)],
    [
      "packed (changes kept beside the packed postings)",
      (passages: IndexedPassage[]) => PassageIndex.fromPack(PassageIndex.build(passages).pack()),
    ],
  ] as const)(
    "stays exact after passages are added and removed, and after a discard falls back to MiniSearch: %s index",
    (_, make) => {
      fc.assert(
        fc.property(
          corpus,
          corpus,
          fc.array(query, { minLength: 1, maxLength: 4 }),
          (first, more, queries) => {
            const extra = more.map((p) => ({ ...p, id: `x${p.id}` }));
            const index = make(first);
            const m = new MiniSearch<IndexedPassage>(INDEX_OPTIONS);
            m.addAll(first);
            const check = () => {
              for (const q of queries) {
                const terms = q.split(" ").filter(Boolean);
                const strict = miniSearchHits(m, q, "AND", 5);
                const expected =
                  strict.length >= 5 || terms.length === 0
                    ? strict
                    : [
                        ...strict,
                        ...miniSearchHits(m, q, "OR", 5).filter(
                          (h) => !strict.some((s) => s.id === h.id),
                        ),
                      ].slice(0, 5);
                expect(index.find(terms, 5)).toEqual(terms.length === 0 ? [] : expected);
              }
            };
            check();
            index.add(extra);
            m.addAll(extra);
            check();
            const gone = first.slice(0, Math.ceil(first.length / 2));
            index.remove(gone);
            for (const p of gone) m.remove(p);
            check();
            // A discarded passage's postings linger until MiniSearch cleans them: its own search then.
            const discarded = extra.slice(0, 3).map((p) => p.id);
            index.discard(discarded);
            for (const id of discarded) m.discard(id);
            check();
          },
        ),
        { numRuns: 60 },
      );
    },
  );

  it("keeps a common term's list between searches and forgets it when passages come or go", () => {
    // Enough passages for "trade" to have a list long enough to be kept.
    const docs = Array.from(
      { length: 2600 },
      (_, i): IndexedPassage => ({
        id: `p${i}`,
        title: i % 3 === 0 ? "Trade news" : "",
        text: `trade ${"rice ".repeat(i % 4)}${i % 7 === 0 ? "trade zinc" : "export"}`,
      }),
    );
    const index = PassageIndex.build(docs);
    const m = new MiniSearch<IndexedPassage>(INDEX_OPTIONS);
    m.addAll(docs);
    const same = () => {
      for (const q of ["trade", "trade rice", "zinc trade", "export rice"]) {
        expect(index.find(q.split(" "), 12, [])).toEqual(miniSearchHits(m, q, "AND", 12));
      }
    };
    same();
    const more = docs
      .slice(0, 40)
      .map((d) => ({ ...d, id: `x${d.id}`, text: `${d.text} trade trade` }));
    index.add(more);
    m.addAll(more);
    same();
    index.remove(docs.slice(100, 400));
    for (const d of docs.slice(100, 400)) m.remove(d);
    same();
  });
});

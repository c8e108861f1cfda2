import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate";
import { generateQuestions } from "../../bench/questions";
import { splitPassages } from "../../src/corpus/passages";
import { PassageIndex } from "../../src/index/passage-index";
import { contentTerms } from "../../src/text/terms";

// MiniSearch over packed arrays must search, change and pack exactly as MiniSearch over its own
// maps: the packed index reaches into MiniSearch's private fields, and this is what notices when
// a MiniSearch upgrade changes them.

const corpus = generateCorpus({ passages: 300, seed: 11 });
const indexed = corpus.articles.flatMap((a) =>
  splitPassages(a).map((p) => ({ id: p.id, title: a.title, text: p.text })),
);
const queries = generateQuestions(corpus, { count: 40, seed: 12 }).map((q) => contentTerms(q.text));
function postingsByTerm(index: PassageIndex): Record<string, number[][]> {
  const { meta, ranges, docs, freqs } = index.pack();
  const fields = Object.keys(meta.fieldIds).length;
  const byTerm: Record<string, number[][]> = {};
  meta.terms.forEach((term, t) => {
    byTerm[term] = [];
    for (let f = 0; f < fields; f++) {
      for (let i = ranges[t * fields + f] ?? 0; i < (ranges[t * fields + f + 1] ?? 0); i++) {
        byTerm[term]?.push([f, docs[i] ?? -1, freqs[i] ?? -1]);
      }
    }
  });
  return byTerm;
}

const results = (index: PassageIndex) => queries.map((terms) => index.find(terms, 20));

describe("the packed passage index", () => {
  it("finds the same passages with the same scores as the index it was packed from", () => {
    const built = PassageIndex.build(indexed);
    const packed = PassageIndex.fromPack(built.pack());
    expect(packed.size).toBe(built.size);
    const expected = results(built);
    expect(expected.filter((hits) => hits.length > 0).length).toBeGreaterThan(30);
    expect(results(packed)).toEqual(expected);
  });

  it("takes passages in and out in place as the built index does, and packs the result again", () => {
    const [first, ...rest] = indexed;
    const built = PassageIndex.build(rest);
    const packed = PassageIndex.fromPack(built.pack());
    const gone = rest.slice(0, 25).map((p) => p.id);
    for (const index of [built, packed]) {
      index.discard(gone);
      if (first) index.add([first]);
    }
    expect(results(packed)).toEqual(results(built));
    const repacked = PassageIndex.fromPack(packed.pack());
    expect(results(repacked)).toEqual(results(built));
    // The same postings per term, in whatever order the terms come.
    expect(postingsByTerm(repacked)).toEqual(postingsByTerm(built));
  });

  it("serves a prefix search, which walks the whole index, from the packed arrays too", () => {
    const built = PassageIndex.build(indexed);
    const packed = PassageIndex.fromPack(built.pack());
    const search = (index: PassageIndex) =>
      (index as unknown as { search: { search(q: string, o: object): unknown } }).search.search(
        "pakist trad",
        { prefix: true, combineWith: "OR" },
      );
    expect(search(packed)).toEqual(search(built));
  });

  it("refuses a pack whose arrays do not hold together", () => {
    const pack = PassageIndex.build(indexed).pack();
    expect(() => PassageIndex.fromPack({ ...pack, docs: pack.docs.subarray(1) })).toThrow(
      /does not hold together/,
    );
  });
});

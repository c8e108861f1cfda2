import { describe, expect, it } from "vitest";
import {
  addCounts,
  passageCapitalisation,
  passageFrequencyTerms,
  passageWords,
} from "../../src/answer/knowledge";
import { loadCorpus } from "../../src/corpus/load";
import { splitPassages } from "../../src/corpus/passages";
import { IndexTermsWriter } from "../../src/index/index-terms";
import { PassageStatistics } from "../../src/ingest/passage-statistics";
import { words } from "../../src/text/terms";
import type { Passage } from "../../src/types";

const emptyCounts = () => ({
  passageFrequency: new Map<string, number>(),
  wordFrequency: new Map<string, number>(),
  capitalisation: new Map<string, [number, number]>(),
});

/** Each count on its own, as answer/knowledge.ts and the index define it. */
function countedApart(passages: readonly Passage[]) {
  const counts = emptyCounts();
  const writer = new IndexTermsWriter();
  const countInto = (map: Map<string, number>, keys: Iterable<string>) => {
    for (const key of keys) map.set(key, (map.get(key) ?? 0) + 1);
  };
  for (const p of passages) {
    countInto(counts.passageFrequency, passageFrequencyTerms(p));
    countInto(counts.wordFrequency, passageWords(p));
    addCounts(counts.capitalisation, passageCapitalisation(p), 1);
    writer.passage([writer.field(words(p.text).map((w) => w.word))]);
  }
  return { ...counts, index: writer.done() };
}

function countedTogether(passages: readonly Passage[]) {
  const statistics = new PassageStatistics();
  const writer = new IndexTermsWriter();
  for (const p of passages) writer.passage([statistics.count(p.text, words(p.text), writer)]);
  return { ...statistics.totals(), index: writer.done() };
}

const inOrder = (c: ReturnType<typeof countedApart>) => ({
  passageFrequency: [...c.passageFrequency],
  wordFrequency: [...c.wordFrequency],
  capitalisation: [...c.capitalisation],
  vocabulary: c.index.vocabulary,
  data: [...c.index.data],
});

describe("counting a passage's statistics in one pass", () => {
  it("counts what each count apart would, keys in the same order, on the seed corpus", async () => {
    const { articles } = await loadCorpus("corpus");
    const passages = articles.flatMap((a) => splitPassages(a));
    expect(passages.length).toBeGreaterThan(20);
    expect(inOrder(countedTogether(passages))).toEqual(inOrder(countedApart(passages)));
  });

  it("files a term a title put in the index first at the title's place, run after run", () => {
    const title = "Pakistan rice exports to Kenya";
    const passages = [
      { id: "a:0", articleId: "a", text: "Rice exports to Kenya rose. Kenya buys rice." },
      { id: "a:1", articleId: "a", text: "Textile exports fell; Pakistan's rice held." },
    ] as Passage[];
    const apart = () => {
      const writer = new IndexTermsWriter();
      for (const p of passages) {
        writer.passage([
          writer.field(words(title).map((w) => w.word)),
          writer.field(words(p.text).map((w) => w.word)),
        ]);
      }
      return writer.done();
    };
    // Twice: the second run starts its counts from nothing, though its words are known already.
    for (let run = 0; run < 2; run++) {
      const statistics = new PassageStatistics();
      const writer = new IndexTermsWriter();
      for (const p of passages) {
        writer.passage([
          writer.field(words(title).map((w) => w.word)),
          statistics.count(p.text, words(p.text), writer),
        ]);
      }
      expect(writer.done()).toEqual(apart());
      expect(statistics.totals().passageFrequency.get("rice")).toBe(2);
      expect(statistics.totals().wordFrequency.get("kenya")).toBe(1);
    }
  });

  it("counts hyphenated words, acronyms, numbers and other scripts as the counts apart do", () => {
    const text =
      "The IT-enabled services of the U.S. and US rose 12.5% in FY2023–24. Textile-and-apparel " +
      "exports; 'Quoted' words. تجارت پاکستان Ürümqi’s trade, the EU’s GSP+ and 2,000 tonnes.";
    const passages = [{ id: "x:1", articleId: "x", text } as Passage];
    expect(inOrder(countedTogether(passages))).toEqual(inOrder(countedApart(passages)));
  });
});

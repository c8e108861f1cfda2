import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate";
import { loadCorpus } from "../../src/corpus/load";
import { buildEngine, buildEngineInParallel, knowledgeOf } from "../../src/engine";
import { runStarts, workersFor } from "../../src/ingest/parallel-ingest";
import type { Article, Engine } from "../../src/types";

/** What an engine knows, as plain data in the order it holds it. */
function knowledgeData(engine: Engine) {
  const k = knowledgeOf(engine);
  return {
    passages: [...k.passages.values()],
    figures: k.figures,
    officials: k.officials,
    passageFrequency: [...k.passageFrequency],
    wordFrequency: [...k.wordFrequency],
    capitalisation: [...k.capitalisation],
    properNouns: [...k.properNouns],
    figureMeasureTerms: k.figureMeasureTerms,
    figureSentenceTerms: k.figureSentenceTerms,
    index: JSON.stringify(k.index.toJSON()),
  };
}

// Small runs of articles, so that runs come back from two workers out of order and must be put
// back in corpus order.
const forced = { workers: 2, minChars: 0, runArticles: 3 };

describe("building the engine on worker threads", () => {
  it("knows exactly what the engine built on one thread knows", async () => {
    const seed = await loadCorpus("corpus");
    const generated = generateCorpus({ passages: 200, seed: 15 }).articles;
    const articles = [...seed.articles, ...generated];
    const sequential = buildEngine(articles);
    const parallel = await buildEngineInParallel(articles, [], forced);
    const expected = knowledgeData(sequential);
    expect(expected.figures.length).toBeGreaterThan(20);
    expect(expected.officials.length).toBeGreaterThan(10);
    expect(knowledgeData(parallel)).toEqual(expected);
    const q = "What was the trade volume between Pakistan and Japan?";
    expect(parallel.ask(q)).toEqual(sequential.ask(q));
  });

  it("reports an article it cannot read, naming it, and stops", async () => {
    const articles = generateCorpus({ passages: 60, seed: 16 }).articles;
    // No title: splitting it into passages fails in the worker.
    const broken = { ...articles[4], id: "broken-article", title: undefined } as unknown as Article;
    articles.splice(4, 1, broken);
    await expect(buildEngineInParallel(articles, [], forced)).rejects.toThrow(
      /article broken-article/,
    );
  });

  it("starts workers only for a corpus large enough to repay them, and on more than one core", async () => {
    const seed = (await loadCorpus("corpus")).articles;
    expect(workersFor(seed, { workers: 2 })).toBe(0);
    const large = generateCorpus({ passages: 3000, seed: 17 }).articles;
    expect(workersFor(large, { workers: 2 })).toBe(2);
    expect(workersFor(large, { workers: 1 })).toBe(0);
  });

  it("cuts the corpus into consecutive runs, full ones first and shorter ones at the end", () => {
    for (const [articles, workers, longest] of [
      [10_022, 2, 128],
      [300, 4, 128],
      [7, 2, 3],
      [1, 2, 128],
    ] as const) {
      const starts = runStarts(articles, workers, longest);
      const lengths = starts.slice(1).map((end, i) => end - (starts[i] as number));
      expect(starts[0]).toBe(0);
      expect(starts.at(-1)).toBe(articles);
      expect(lengths.every((n) => n > 0 && n <= longest)).toBe(true);
      // Never longer than the run before: the last runs are the shortest.
      expect(lengths.every((n, i) => i === 0 || n <= (lengths[i - 1] as number))).toBe(true);
    }
    const large = runStarts(10_022, 2, 128);
    expect(large[1]).toBe(128);
    expect((large.at(-1) as number) - (large.at(-2) as number)).toBeLessThanOrEqual(8);
    expect(runStarts(0, 2)).toEqual([0]);
  });
});

import type { Engine } from "../src/types";
import { generateCorpus } from "./generate";
import { type LatencySummary, round, summarize } from "./stats";

/**
 * The cost of taking one article into a built engine while it serves (src/live/engine-update.ts),
 * as `/article add` does: the one-off preparation (each article's officials, worked out once per
 * engine, in the background in the bot), then each add and each remove of a fresh article.
 */
export interface AddArticleResult {
  /** Working out the officials ledger, once per loaded engine. */
  prepareMs: number;
  /** Each add of one article (about 10 passages) to the engine as it grows. */
  addMs: LatencySummary;
  removeMs: LatencySummary;
  articles: number;
}

/** Null when the engine measured is not one src/live can update (a stand-in, another build). */
export async function measureAddArticle(
  engine: Engine,
  seed: number,
  count = 5,
): Promise<AddArticleResult | null> {
  const live = await import("../src/live/engine-update");
  try {
    live.liveUpdatesReady(engine);
  } catch {
    return null;
  }
  const fresh = generateCorpus({ passages: count * 15, seed: seed + 7 })
    .articles.slice(0, count)
    .map((article, i) => ({ ...article, id: `zz-bench-added-${i}` }));

  let started = performance.now();
  await live.prepareLiveUpdates(engine);
  const prepareMs = performance.now() - started;

  const addTimes: number[] = [];
  let current = engine;
  for (const article of fresh) {
    started = performance.now();
    current = live.engineWithArticle(current, article);
    addTimes.push(performance.now() - started);
  }
  const removeTimes: number[] = [];
  for (const article of fresh) {
    started = performance.now();
    current = live.engineWithoutArticle(current, article.id);
    removeTimes.push(performance.now() - started);
  }
  return {
    prepareMs: round(prepareMs, 0),
    addMs: summarize(addTimes),
    removeMs: summarize(removeTimes),
    articles: fresh.length,
  };
}

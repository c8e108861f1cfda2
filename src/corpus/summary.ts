import { counted } from "../text/plural";
import type { Engine } from "../types";

/** What a reply's footer says of the corpus: how many articles it holds and its newest date. */
export interface CorpusFacts {
  articles: number;
  /** ISO date of the most recently published article, or null when no article gives a date. */
  newest: string | null;
}

/**
 * Per loaded corpus, computed once: an engine's `issues` list is made with it and kept as long as
 * it serves (a reload brings a new one), so it stands for the corpus here.
 */
const FACTS = new WeakMap<object, CorpusFacts>();

export function corpusFacts(engine: Engine): CorpusFacts {
  const key = engine.issues as object;
  let facts = FACTS.get(key);
  if (!facts) {
    const sources = engine.sources();
    const dates = sources.flatMap((s) => (s.published ? [s.published] : [])).sort();
    facts = { articles: sources.length, newest: dates.at(-1) ?? null };
    FACTS.set(key, facts);
  }
  return facts;
}

/** "3 articles, the newest dated 2025-08-16"; "1 article" when none is dated. */
export const describeCorpus = (facts: CorpusFacts): string =>
  `${counted(facts.articles, "article")}${facts.newest ? `, the newest dated ${facts.newest}` : ""}`;

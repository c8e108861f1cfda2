import MiniSearch from "minisearch";
import { splitPassages } from "../src/corpus/passages";
import type { Article, Passage } from "../src/types";

/**
 * The reference the engine is measured against: MiniSearch used the way a question-answering bot
 * usually uses it, over the same passages — fields title + text, prefix and fuzzy 0.2 matching,
 * terms joined with OR — answering with the top hit. No query planning, no fact index.
 */

interface PassageDocument {
  id: string;
  title: string;
  text: string;
}

export const BARE_SEARCH_OPTIONS = { prefix: true, fuzzy: 0.2, combineWith: "OR" } as const;

export interface BareMiniSearch {
  readonly passages: number;
  /** The best passage for the question, or null when nothing matches. */
  ask(question: string): Passage | null;
}

export function buildBareMiniSearch(articles: readonly Article[]): BareMiniSearch {
  const index = new MiniSearch<PassageDocument>({
    fields: ["title", "text"],
    searchOptions: BARE_SEARCH_OPTIONS,
  });
  const byId = new Map<string, Passage>();
  const documents: PassageDocument[] = [];
  for (const article of articles) {
    for (const passage of splitPassages(article)) {
      byId.set(passage.id, passage);
      documents.push({ id: passage.id, title: article.title, text: passage.text });
    }
  }
  index.addAll(documents);
  return {
    passages: byId.size,
    ask(question) {
      const top = index.search(question)[0];
      return top ? (byId.get(String(top.id)) ?? null) : null;
    },
  };
}

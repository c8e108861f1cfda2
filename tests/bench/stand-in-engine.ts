import { splitPassages } from "../../src/corpus/passages";
import type { Answer, Article, Engine, Passage } from "../../src/types";

/**
 * A minimal engine with the module shape the bench loads (build, snapshot, restore), so the
 * harness can be tested on its own: it answers with the first passage sharing a word of four or
 * more letters with the question.
 */

const words = (text: string) => text.toLowerCase().match(/\p{L}{4,}/gu) ?? [];

function engineOver(articles: Article[]): Engine {
  const passages = articles.flatMap((a) => splitPassages(a));
  const byWord = new Map<string, Passage>();
  for (const p of passages) for (const w of words(p.text)) if (!byWord.has(w)) byWord.set(w, p);
  const snapshotArticles = articles;
  const engine: Engine & { articles: Article[] } = {
    articles: snapshotArticles,
    issues: [],
    ask(question): Answer {
      const hit = words(question)
        .map((w) => byWord.get(w))
        .find((p) => p !== undefined);
      return {
        question,
        answered: hit !== undefined,
        kind: "other",
        text: hit?.text ?? "Not in the corpus.",
        figures: [],
        officials: [],
        citations: [],
        missing: [],
      };
    },
    figures: () => [],
    officials: () => [],
    sources: () => [],
    article: (id) => articles.find((a) => a.id === id),
    passage: (id) => passages.find((p) => p.id === id),
    partners: () => [],
  };
  return engine;
}

export function buildEngine(articles: Article[]): Engine {
  return engineOver(articles);
}

export function engineToSnapshot(engine: Engine): Uint8Array {
  return Buffer.from(JSON.stringify((engine as Engine & { articles: Article[] }).articles));
}

export function engineFromSnapshot(snapshot: Uint8Array): Engine {
  return engineOver(JSON.parse(Buffer.from(snapshot).toString("utf8")) as Article[]);
}

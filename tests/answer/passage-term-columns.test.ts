import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate";
import { type Knowledge, passageTerms } from "../../src/answer/knowledge";
import {
  passageTermColumnsOf,
  passageTermsFromColumns,
} from "../../src/answer/passage-term-columns";
import { loadCorpus } from "../../src/corpus/load";
import {
  buildEngine,
  buildEngineInParallel,
  engineFromSnapshot,
  engineToSnapshot,
  knowledgeOf,
} from "../../src/engine";
import { engineWithArticle, engineWithoutArticle } from "../../src/live/engine-update";
import { contentTerms } from "../../src/text/terms";
import type { Article } from "../../src/types";

/**
 * A passage's terms, counted at ingest and kept in the snapshot, must be exactly what reading its
 * title and text at question time gives: every term of them found, no other term of the corpus.
 */

let seed: Article[];

beforeAll(async () => {
  seed = (await loadCorpus("corpus")).articles;
});

/** The terms `passageTerms` gives each passage, read from its text. */
function readTerms(k: Knowledge, passageId: string): Set<string> {
  const p = k.passages.get(passageId);
  const title = p ? (k.articles.get(p.articleId)?.title ?? "") : "";
  return new Set(contentTerms(`${title} ${p?.text ?? ""}`));
}

/** Every passage's terms from the columns, checked against its text over the whole vocabulary. */
function expectCountedAsRead(k: Knowledge): number {
  const vocabulary = new Set([...k.passages.keys()].flatMap((id) => [...readTerms(k, id)]));
  vocabulary.add("nosuchterm");
  let counted = 0;
  for (const id of k.passages.keys()) {
    const fromColumns = passageTermsFromColumns(k, id);
    if (!fromColumns) continue;
    counted++;
    const read = readTerms(k, id);
    const held = [...vocabulary].filter((t) => fromColumns.has(t));
    expect(held.sort()).toEqual([...read].sort());
    expect([...vocabulary].filter((t) => passageTerms(k, id).has(t)).sort()).toEqual(
      [...read].sort(),
    );
  }
  return counted;
}

describe("passage terms counted at ingest", () => {
  it("gives every passage of a built engine the terms of its title and text", () => {
    const k = knowledgeOf(buildEngine(seed));
    expect(expectCountedAsRead(k)).toBe(k.passages.size);
  });

  it("gives the same terms when the workers count them, and after a snapshot", async () => {
    const articles = generateCorpus({ passages: 300, seed: 11 }).articles;
    const engine = await buildEngineInParallel(articles, [], {
      workers: 2,
      minChars: 0,
      runArticles: 4,
    });
    const k = knowledgeOf(engine);
    expect(expectCountedAsRead(k)).toBe(k.passages.size);
    const restored = knowledgeOf(engineFromSnapshot(engineToSnapshot(engine)));
    expect(expectCountedAsRead(restored)).toBe(restored.passages.size);
  });

  it("finds no passage by an id not written as passages are named", () => {
    const k = knowledgeOf(buildEngine(seed));
    const [id] = k.passages.keys();
    const [articleId, index] = (id ?? "").split("#");
    expect(passageTermsFromColumns(k, `${articleId}#${index}`)).not.toBeNull();
    for (const odd of [
      `${articleId}#${index}.0`,
      `${articleId}#0${index}`,
      `${articleId}#`,
      `${articleId}#-1`,
      `${articleId}#99999`,
    ]) {
      expect(passageTermsFromColumns(k, odd)).toBeNull();
    }
  });

  it("reads a changed article's passages again after a live update, and keeps the rest", () => {
    const [first, ...rest] = seed as [Article, ...Article[]];
    const edited = {
      ...first,
      title: `${first.title} zanzibarite`,
      body: `${first.body}\n\nThe quokkaport line closes it.`,
    };
    const engine = engineWithArticle(buildEngine(seed), edited);
    const k = knowledgeOf(engine);
    const counted = expectCountedAsRead(k);
    const editedPassages = k.passagesByArticle.get(first.id) ?? [];
    expect(counted).toBe(k.passages.size - editedPassages.length);
    for (const p of editedPassages) {
      expect(passageTermsFromColumns(k, p.id)).toBeNull();
      expect(passageTerms(k, p.id).has("zanzi")).toBe(true);
    }
    expect(editedPassages.some((p) => passageTerms(k, p.id).has("quokk"))).toBe(true);
    // A snapshot of the updated engine counts every passage again, the edited ones as they are now.
    const restored = knowledgeOf(engineFromSnapshot(engineToSnapshot(engine)));
    expect(expectCountedAsRead(restored)).toBe(restored.passages.size);
    const removed = knowledgeOf(engineWithoutArticle(engine, rest[0]?.id ?? ""));
    expect(expectCountedAsRead(removed)).toBe(removed.passages.size - editedPassages.length);
    expect(passageTermColumnsOf(removed).articleIds).toEqual([...removed.articles.keys()]);
  });
});

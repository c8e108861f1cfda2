import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate";
import { loadCorpus } from "../../src/corpus/load";
import { buildEngine, knowledgeOf } from "../../src/engine";
import {
  engineWithArticle,
  engineWithoutArticle,
  liveUpdatesReady,
  prepareLiveUpdates,
} from "../../src/live/engine-update";
import type { Article, Engine } from "../../src/types";

/**
 * An engine updated one article at a time must hold what an engine built from the resulting
 * corpus holds: the same passages, figures (with their terms), officials, sources and answers.
 */

const byFile = (a: Article, b: Article) =>
  `${a.id}.md` < `${b.id}.md` ? -1 : `${a.id}.md` > `${b.id}.md` ? 1 : 0;

function sameAsBuilt(updated: Engine, articles: Article[]) {
  const built = buildEngine([...articles].sort(byFile));
  const u = knowledgeOf(updated);
  const b = knowledgeOf(built);
  expect([...u.articles.keys()]).toEqual([...b.articles.keys()]);
  expect([...u.passages.keys()]).toEqual([...b.passages.keys()]);
  expect(u.figures).toEqual(b.figures);
  expect(u.figureMeasureTerms).toEqual(b.figureMeasureTerms);
  expect(u.figureSentenceTerms).toEqual(b.figureSentenceTerms);
  expect(sorted(u.passageFrequency)).toEqual(sorted(b.passageFrequency));
  expect(sorted(u.wordFrequency)).toEqual(sorted(b.wordFrequency));
  expect(sorted(u.capitalisation)).toEqual(sorted(b.capitalisation));
  expect([...u.properNouns].sort()).toEqual([...b.properNouns].sort());
  expect(sorted(u.figuresByTerm)).toEqual(sorted(b.figuresByTerm));
  expect(sorted(u.figuresByPartner)).toEqual(sorted(b.figuresByPartner));
  expect(sorted(u.figuresBySentence)).toEqual(sorted(b.figuresBySentence));
  expect(sorted(u.passagesByArticle)).toEqual(sorted(b.passagesByArticle));
  expect([...u.passages.values()]).toEqual([...b.passages.values()]);
  expect([...u.articles.values()]).toEqual([...b.articles.values()]);
  expect(u.officials).toEqual(b.officials);
  expect(updated.sources()).toEqual(built.sources());
  expect(u.index.size).toBe(b.index.size);
  // Every table above is compared; the caches fill on demand from the tables, so start empty.
  expect(Object.keys(u).sort()).toEqual([...COMPARED, ...CACHES].sort());
  for (const cache of CACHES) expect(u[cache].size).toBe(0);
  return { built, updated };
}

const COMPARED = [
  "articles",
  "passages",
  "passagesByArticle",
  "figures",
  "officials",
  "index",
  "passageFrequency",
  "wordFrequency",
  "capitalisation",
  "properNouns",
  "figuresByTerm",
  "figuresByPartner",
  "figureMeasureTerms",
  "figureSentenceTerms",
  "figuresBySentence",
];
const CACHES = [
  "passageTermCache",
  "passageCountryCache",
  "articleCountryCache",
  "sentenceTermCache",
  "sentencePeriodCache",
] as const;

/** A look-up table in key order: its contents, whatever order the keys went in. */
const sorted = <V>(map: ReadonlyMap<string, V>) =>
  new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

let seed: Article[];
let extra: Article[];

beforeAll(async () => {
  seed = (await loadCorpus("corpus")).articles;
  extra = (await loadCorpus(join("tests", "fixtures", "extra-articles"))).articles;
});

describe("adding and removing one article in a built engine", () => {
  it("adds articles one by one, each landing where the corpus order puts it", () => {
    let engine = buildEngine(seed);
    const present = [...seed];
    for (const article of extra) {
      engine = engineWithArticle(engine, article);
      present.push(article);
    }
    sameAsBuilt(engine, present);
  });

  it("answers a question about the new article, with the same answer as a rebuilt engine", () => {
    const uk = extra.find((a) => a.id === "pakistan-uk-trade-dcts") as Article;
    const question = "What was the trade volume between Pakistan and the UK?";
    const before = buildEngine(seed);
    const after = engineWithArticle(before, uk);
    const { built } = sameAsBuilt(after, [...seed, uk]);
    expect(after.ask(question)).toEqual(built.ask(question));
    expect(after.ask(question).citations.some((c) => c.articleId === uk.id)).toBe(true);
  });

  it("removes an article: its passages, figures and officials go, the rest stay", () => {
    const all = [...seed, ...extra];
    let engine = buildEngine([...all].sort(byFile));
    for (const id of ["pakistan-japan-trade-ties", "saudi-pakistan-mous-al-falih"]) {
      engine = engineWithoutArticle(engine, id);
    }
    const left = all.filter(
      (a) => a.id !== "pakistan-japan-trade-ties" && a.id !== "saudi-pakistan-mous-al-falih",
    );
    sameAsBuilt(engine, left);
    const asked = engine.ask("Who is Khalid bin Abdulaziz Al-Falih?");
    expect(asked.citations.map((c) => c.articleId)).not.toContain("saudi-pakistan-mous-al-falih");
  });

  it("replaces an article given again under its id", () => {
    const [first] = extra as [Article];
    const engine = buildEngine([...seed, first].sort(byFile));
    const edited = { ...first, title: "Edited title", body: `${first.body}\n\nA closing line.` };
    sameAsBuilt(engineWithArticle(engine, edited), [...seed, edited]);
  });

  it("leaves the engine it started from answering as before", () => {
    const engine = buildEngine(seed);
    const question = "What was the trade volume between Pakistan and Japan?";
    const answer = engine.ask(question);
    engineWithoutArticle(engine, "pakistan-japan-trade-ties");
    // The index is shared, so the old engine is not kept in service; its own tables are intact.
    expect(knowledgeOf(engine).articles.has("pakistan-japan-trade-ties")).toBe(true);
    expect(answer.answered).toBe(true);
  });

  it("merges officials across articles the way a full extraction does, on a generated corpus", async () => {
    const corpus = generateCorpus({ passages: 600, seed: 7 }).articles;
    const [head, ...rest] = [...corpus].sort(byFile);
    let engine = buildEngine(rest.slice(10));
    await prepareLiveUpdates(engine);
    expect(liveUpdatesReady(engine)).toBe(true);
    for (const article of [head as Article, ...rest.slice(0, 10)]) {
      engine = engineWithArticle(engine, article);
    }
    engine = engineWithoutArticle(engine, rest[20]?.id ?? "");
    sameAsBuilt(
      engine,
      corpus.filter((a) => a.id !== rest[20]?.id),
    );
  });
});

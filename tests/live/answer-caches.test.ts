import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load";
import { buildEngine } from "../../src/engine";
import { engineWithArticle, engineWithoutArticle } from "../../src/live/engine-update";
import type { Article } from "../../src/types";

/**
 * What the answerer keeps between questions — the search's field lengths and impact lists, the
 * figure table, quote terms — must follow the corpus as articles come and go while the bot runs:
 * an engine updated live, its caches warm from the questions asked before, answers every question
 * exactly as an engine built afresh from the same articles.
 */

const byFile = (a: Article, b: Article) =>
  `${a.id}.md` < `${b.id}.md` ? -1 : `${a.id}.md` > `${b.id}.md` ? 1 : 0;

let seed: Article[];
let extra: Article[];
let questions: string[];

beforeAll(async () => {
  seed = (await loadCorpus("corpus")).articles;
  extra = (await loadCorpus(join("tests", "fixtures", "extra-articles"))).articles;
  const file = JSON.parse(
    readFileSync(join("tests", "fixtures", "extra-questions.json"), "utf8"),
  ) as { questions: { question: string }[] };
  questions = file.questions.map((q) => q.question);
});

describe("answers after a live edit, with the caches warm", () => {
  it("an added article answers at once, as in a rebuilt engine, and its removal takes it back", () => {
    const uk = extra.find((a) => a.id === "pakistan-uk-trade-dcts") as Article;
    const asked = "What was the trade volume between Pakistan and the UK?";
    const engine = buildEngine([...seed].sort(byFile));
    // Warm every cache on the corpus without the article.
    for (const q of [asked, ...questions]) engine.ask(q);
    expect(engine.ask(asked).citations.some((c) => c.articleId === uk.id)).toBe(false);

    const added = engineWithArticle(engine, uk);
    const built = buildEngine([...seed, uk].sort(byFile));
    expect(added.ask(asked).citations.some((c) => c.articleId === uk.id)).toBe(true);
    for (const q of [asked, ...questions]) expect(added.ask(q)).toEqual(built.ask(q));

    const removed = engineWithoutArticle(added, uk.id);
    const rebuilt = buildEngine([...seed].sort(byFile));
    expect(removed.ask(asked).citations.some((c) => c.articleId === uk.id)).toBe(false);
    for (const q of [asked, ...questions]) expect(removed.ask(q)).toEqual(rebuilt.ask(q));
  });

  it("all the extra articles added one by one answer every question as a rebuilt engine", () => {
    let engine = buildEngine([...seed].sort(byFile));
    for (const q of questions) engine.ask(q);
    for (const article of extra) engine = engineWithArticle(engine, article);
    const built = buildEngine([...seed, ...extra].sort(byFile));
    for (const q of questions) expect(engine.ask(q)).toEqual(built.ask(q));
  });
});

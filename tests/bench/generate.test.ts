import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate";
import { ABSENT_PARTNERS } from "../../bench/vocabulary";
import { splitPassages } from "../../src/corpus/passages";
import { findCountries } from "../../src/facts/language/countries";

const corpus = generateCorpus({ passages: 1_000, seed: 11 });

describe("the benchmark corpus generator", () => {
  it("produces the same articles for the same seed", () => {
    expect(generateCorpus({ passages: 1_000, seed: 11 }).articles).toEqual(corpus.articles);
  });

  it("produces different articles for another seed", () => {
    const other = generateCorpus({ passages: 1_000, seed: 12 });
    expect(other.articles[0]?.body).not.toBe(corpus.articles[0]?.body);
  });

  it("writes exactly the requested number of passages as the engine's splitter counts them", () => {
    for (const passages of [1, 7, 537]) {
      const generated = generateCorpus({ passages, seed: 5 });
      const split = generated.articles.flatMap((a) => splitPassages(a));
      expect(split.length).toBe(passages);
      expect(generated.passages).toBe(passages);
    }
    expect(corpus.articles.flatMap((a) => splitPassages(a)).length).toBe(1_000);
  });

  it("writes articles of 5 to 15 paragraphs, but for a last one cut to size", () => {
    const counts = corpus.articles.map((a) => a.body.trim().split(/\n\n/).length);
    for (const count of counts.slice(0, -1)) {
      expect(count).toBeGreaterThanOrEqual(5);
      expect(count).toBeLessThanOrEqual(15);
    }
    expect(counts.reduce((s, c) => s + c, 0)).toBe(1_000);
  });

  it("writes paragraphs of about sixty words", () => {
    const paragraphs = corpus.articles.flatMap((a) => a.body.trim().split(/\n\n/));
    const words = paragraphs.map((p) => p.split(/\s+/).length);
    const mean = words.reduce((s, w) => s + w, 0) / words.length;
    expect(mean).toBeGreaterThan(52);
    expect(mean).toBeLessThan(70);
  });

  it("fills every article field the loader would", () => {
    const first = corpus.articles[0];
    expect(first?.id).toBe("bench-article-000000");
    expect(first?.file).toBe("bench/generated/bench-article-000000.md");
    expect(first?.published).toMatch(/^20\d\d-\d\d-\d\d$/);
    expect(first?.url).toBe(
      `https://news.example.pk/${first?.published?.slice(0, 4)}/${first?.published?.slice(5, 7)}/bench-article-000000`,
    );
    expect(new Set(corpus.articles.map((a) => a.id)).size).toBe(corpus.articles.length);
  });

  it("states each recorded figure in the article it records", () => {
    expect(corpus.figures.length).toBeGreaterThan(50);
    for (const fact of corpus.figures) {
      const body = corpus.articles.find((a) => a.id === fact.articleId)?.body ?? "";
      expect(body).toContain(fact.value);
    }
  });

  it("keeps one value per measure, partner and fiscal year however often it is repeated", () => {
    const keys = corpus.figures.map((f) => `${f.measure}|${f.partner}|${f.fiscalYear}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("names each official with their title in the article that introduces them", () => {
    expect(corpus.officials.length).toBeGreaterThan(20);
    for (const official of corpus.officials) {
      const body = corpus.articles.find((a) => a.id === official.articleId)?.body ?? "";
      const introduced =
        body.includes(`${official.title} ${official.name}`) ||
        body.includes(`${official.title}, ${official.name}`) ||
        body.includes(`${official.name}, the ${official.title}`);
      expect(introduced).toBe(true);
    }
  });

  it("gives each office to one person and each person one office", () => {
    expect(new Set(corpus.officials.map((o) => o.title)).size).toBe(corpus.officials.length);
    expect(new Set(corpus.officials.map((o) => o.name)).size).toBe(corpus.officials.length);
  });

  it("puts each recorded quote inside quotation marks next to its speaker", () => {
    expect(corpus.quotes.length).toBeGreaterThan(50);
    for (const quote of corpus.quotes) {
      const body = corpus.articles.find((a) => a.id === quote.articleId)?.body ?? "";
      expect(body).toMatch(
        new RegExp(
          `"${quote.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[,.]"[^"]*${quote.speaker}|${quote.speaker}[^"]*"${quote.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`,
        ),
      );
    }
  });

  it("never mentions the partners kept absent for no-answer questions", () => {
    const named = new Set(
      corpus.articles.flatMap((a) => findCountries(`${a.title}\n${a.body}`).map((m) => m.country)),
    );
    for (const absent of ABSENT_PARTNERS) expect(named.has(absent)).toBe(false);
    expect(named.has("China")).toBe(true);
  });

  it("writes a smaller corpus as the first articles of a larger one", () => {
    const larger = generateCorpus({ passages: 2_000, seed: 11 });
    const shared = corpus.articles.length - 1;
    expect(larger.articles.slice(0, shared)).toEqual(corpus.articles.slice(0, shared));
  });
});

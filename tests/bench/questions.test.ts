import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate";
import { generateQuestions } from "../../bench/questions";
import { ABSENT_FISCAL_YEARS, ABSENT_PARTNERS, PARTNERS } from "../../bench/vocabulary";

const corpus = generateCorpus({ passages: 2_000, seed: 3 });
const questions = generateQuestions(corpus, { count: 1_000, seed: 4 });

describe("the benchmark questions", () => {
  it("asks exactly the number requested", () => {
    expect(questions.length).toBe(1_000);
  });

  it("asks the same questions for the same corpus and seed", () => {
    expect(generateQuestions(corpus, { count: 1_000, seed: 4 })).toEqual(questions);
  });

  it("mixes figures, officials, quotes, open and no-answer questions near their shares", () => {
    const share = (kind: string) => questions.filter((q) => q.kind === kind).length / 1_000;
    expect(share("figure")).toBeCloseTo(0.35, 1);
    expect(share("official")).toBeCloseTo(0.2, 1);
    expect(share("quote")).toBeCloseTo(0.2, 1);
    expect(share("open")).toBeCloseTo(0.1, 1);
    expect(share("no-answer")).toBeCloseTo(0.15, 1);
  });

  it("asks about officials by titles and names the corpus holds", () => {
    const titles = new Set(corpus.officials.map((o) => o.title));
    const names = new Set(corpus.officials.map((o) => o.name));
    for (const q of questions.filter((x) => x.kind === "official")) {
      const asked = /^Who is (?:the )?(.+)\?$/.exec(q.text)?.[1] ?? "";
      expect(titles.has(asked) || names.has(asked)).toBe(true);
    }
  });

  it("asks what a quoted speaker said about the topic they were quoted on", () => {
    const pairs = new Set(
      corpus.quotes.flatMap((q) => [`${q.speaker}|${q.topic}`, `${q.title}|${q.topic}`]),
    );
    for (const q of questions.filter((x) => x.kind === "quote")) {
      const m = /^What did (?:the )?(.+) say about (.+)\?$/.exec(q.text);
      expect(pairs.has(`${m?.[1]}|${m?.[2]}`)).toBe(true);
    }
  });

  it("names an absent partner, an absent fiscal year or an absent office in every no-answer question", () => {
    const noAnswer = questions.filter((q) => q.kind === "no-answer");
    expect(noAnswer.every((q) => q.answerable === false)).toBe(true);
    for (const q of noAnswer) {
      const absent =
        ABSENT_PARTNERS.some((p) => q.text.includes(p)) ||
        ABSENT_FISCAL_YEARS.some((y) => q.text.includes(String(y))) ||
        q.text.includes("Gilgit-Baltistan");
      expect(absent).toBe(true);
    }
  });

  it("asks figure questions in plain English with a partner and, but for company counts, a fiscal year", () => {
    const first = questions.find((q) => q.kind === "figure");
    expect(first?.text).toMatch(/^(What|How|By)\b.*\?$/);
    for (const q of questions.filter(
      (x) => x.kind === "figure" && !x.text.startsWith("How many"),
    )) {
      expect(q.text).toMatch(/(?:FY|year |in )20\d\d-\d\d\?$/);
    }
    for (const q of questions.filter((x) => x.kind === "figure")) {
      expect(PARTNERS.some((p) => q.text.includes(p.name) || q.text.includes(p.adjective))).toBe(
        true,
      );
    }
  });
});

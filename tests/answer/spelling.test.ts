import { beforeAll, describe, expect, it } from "vitest";
import type { Knowledge } from "../../src/answer/knowledge";
import { correctSpelling } from "../../src/answer/spelling";
import { loadCorpus } from "../../src/corpus/load";
import { buildEngine, knowledgeOf } from "../../src/engine";

let k: Knowledge;
beforeAll(async () => {
  const { articles } = await loadCorpus("corpus");
  k = knowledgeOf(buildEngine(articles));
});

const fixed = (text: string) => correctSpelling(k, text).text;

describe("correcting typos against the corpus's own words", () => {
  it("corrects a missing, doubled or swapped letter into the word the corpus uses", () => {
    expect(fixed("how much did pakistn export")).toBe("how much did Pakistan export");
    expect(fixed("japn trade")).toBe("Japan trade");
    expect(fixed("who is the ambasador")).toBe("who is the Ambassador");
    expect(fixed("haroon akhter khan")).toBe("Haroon Akhtar Khan");
  });

  it("corrects a misspelt country even where no article names it, so the reply can say so", () => {
    expect(fixed("pakistan chian trade volume")).toBe("Pakistan china trade volume");
  });

  it("never turns one country into another, nor an English word into a corpus word", () => {
    expect(fixed("iraq trade")).toBe("iraq trade");
    expect(fixed("how much stuff does pakistan buy")).toBe("how much stuff does Pakistan buy");
  });

  it("corrects a rare English look-alike of a word the corpus uses often", () => {
    expect(fixed("who is the federal minster for comerce")).toBe(
      "who is the federal Minister for Commerce",
    );
  });

  it("gives names typed in lower case the capitals the corpus writes them with", () => {
    expect(fixed("where will world expo 2025 take place")).toContain("Expo 2025");
  });

  it("says what it corrected", () => {
    expect(correctSpelling(k, "japn trade").fixes).toEqual([{ from: "japn", to: "japan" }]);
  });
});

import { describe, expect, it } from "vitest";
import { englishUse, isEnglishWord, synonymsOf } from "../../src/text/english";

describe("English as WordNet knows it", () => {
  it("knows words and their regular inflections, and not typos", () => {
    expect(isEnglishWord("companies")).toBe(true);
    expect(isEnglishWord("dropped")).toBe(true);
    expect(isEnglishWord("pakistn")).toBe(false);
  });

  it("tells a common word from one its tagged texts never used", () => {
    expect(englishUse("minister")).toBeGreaterThan(0);
    expect(englishUse("minster")).toBe(0);
    expect(englishUse("comerce")).toBe(-1);
  });

  it("gives single-word synonyms of a word's common senses", () => {
    expect(synonymsOf("envoy")).toContain("emissary");
  });
});

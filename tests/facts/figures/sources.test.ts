import { describe, expect, it } from "vitest";
import { findSources } from "../../../src/facts/figures/sources";

const names = (text: string) => findSources(text).map((s) => s.name);

describe("findSources", () => {
  it.each([
    [
      "the trade volume stood at $1.26 billion, according to sources from the Federal Board of Revenue.",
      "Federal Board of Revenue",
    ],
    [
      "trade totaled about $7.3 billion in 2023, according to data from the Office of the U.S. Trade Representative.",
      "Office of the U.S. Trade Representative",
    ],
    [
      "Data from the Pakistan Telecommunication Authority shows subscribers exceeded 127 million.",
      "Pakistan Telecommunication Authority",
    ],
    [
      "According to the Pakistan Software Export Board, IT exports reached about $2.6 billion.",
      "Pakistan Software Export Board",
    ],
    [
      "The State Bank of Pakistan said remittances rose 5% to $3 billion.",
      "State Bank of Pakistan",
    ],
    ["FBR data showed revenue of Rs 9 trillion.", "FBR"],
    [
      "the Pakistan Bureau of Statistics (PBS) said exports were $2bn.",
      "Pakistan Bureau of Statistics",
    ],
    ["Exports rose 5% in July (PBS).", "PBS"],
    ["according to the commerce ministry, exports grew 4%.", "commerce ministry"],
    [
      "figures released by the UK Department for Business and Trade show a rise.",
      "UK Department for Business and Trade",
    ],
    ["as per SBP data, inflows were $3 billion.", "SBP"],
  ])("finds the source in %j", (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it("gives the span of the name in the text", () => {
    const text = "according to sources from the Federal Board of Revenue.";
    const [source] = findSources(text);
    expect(source && text.slice(source.start, source.end)).toBe("Federal Board of Revenue");
  });

  it("does not take a person who said something as a reporting body", () => {
    expect(names("Baker said trade reached $5 billion.")).toEqual([]);
  });

  it("does not take an acronym that spells the words before it as a source", () => {
    expect(
      names("Japan's Ministry of Economy, Trade and Industry (METI) hosted the talks."),
    ).toEqual([]);
  });

  it("does not take the news agency of a dateline as the source", () => {
    expect(names("LONDON, Jun 20 (APP): Total trade reached £4.7 billion in 2023.")).toEqual([]);
  });

  it("finds nothing when the sentence names no source", () => {
    expect(names("Exports rose 12% to $3.1 billion.")).toEqual([]);
  });
});

describe("acronyms defined with hyphenated words", () => {
  it("does not cite an acronym spelled by the parts of hyphenated words before it", () => {
    expect(
      findSources("the seventh session of the High-Level Strategic Cooperation Council (HLSCC)"),
    ).toEqual([]);
    expect(findSources("reviving the Islamabad-Tehran-Istanbul (ITI) freight train")).toEqual([]);
  });
});

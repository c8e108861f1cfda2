import { describe, expect, it } from "vitest";
import { normaliseQuestion } from "../../src/answer/normalise";

const read = (q: string) => normaliseQuestion(q).text;

describe("normalising a question typed in chat", () => {
  it.each([
    ["whats pakistan's trade with japan", "what is pakistan's trade with japan"],
    ["who's the trade minister", "who is the trade minister"],
    ["what r the exports to the uk", "what are the exports to the UK"],
    ["trade b/w japan and pakistan", "trade between japan and pakistan"],
    ["trade btw japan n pakistan", "trade between japan and pakistan"],
    ["who is the govt spokesperson", "who is the government spokesperson"],
    ["japanese cos in pakistan", "Japanese companies in pakistan"],
    ["no. of japanese cos", "number of Japanese companies"],
  ])("rewrites chat forms: %j → %j", (typed, read_) => {
    expect(read(typed)).toBe(read_);
  });

  it("drops greetings and filler around the question, stacked or not", () => {
    expect(read("hey bot, quick q: whats the trade volume with japan? thanks")).toBe(
      "what is the trade volume with japan?",
    );
    expect(read("pls tell me which city hosts world expo 2025")).toBe(
      "which city hosts world expo 2025",
    );
  });

  it("reads a message of nothing but greeting or thanks as no question at all", () => {
    expect(read("hi")).toBe("");
    expect(read("thanks!")).toBe("");
  });

  it("writes out scale letters and fiscal years as typed", () => {
    expect(read("the year before the $4bn target")).toBe("the year before the $4 billion target");
    expect(read("exports 1.2b and 450mn")).toBe("exports 1.2 billion and 450 million");
    expect(read("it exports fy23")).toBe("IT exports FY23");
    expect(read("sino-pak trade 22-23")).toBe("China Pakistan trade 2022-23");
    expect(read("exports in 21/22")).toBe("exports in 2021-22");
  });

  it("leaves a range of numbers that is no fiscal year alone", () => {
    expect(read("between 10-20 trucks")).toBe("between 10-20 trucks");
  });

  it("names months typed in lower case beside a range or a year", () => {
    expect(read("growth of russia trade jan-aug 2024?")).toBe(
      "growth of russia trade January-August 2024?",
    );
  });

  it("reads partner pairs joined by a hyphen as the two countries", () => {
    expect(read("pak-japan trade volume?")).toBe("Pakistan japan trade volume?");
    expect(read("pak-us exports")).toBe("Pakistan US exports");
  });

  it("tells the country 'us' from the pronoun", () => {
    expect(read("exports to the us")).toBe("exports to the US");
    expect(read("us pak trade 2022?")).toBe("US Pakistan trade 2022?");
    expect(read("can you tell us the trade figure")).toBe("can you tell us the trade figure");
  });

  it("gives country adjectives and capitals typed in lower case their capitals", () => {
    expect(read("who is the iranian ambassador")).toBe("who is the Iranian ambassador");
    expect(read("who said tehran could export tractors")).toBe(
      "who said Tehran could export tractors",
    );
    expect(read("polish the answer")).toBe("polish the answer");
  });

  it("keeps a dotted abbreviation whole rather than reading its letters as chat forms", () => {
    expect(read("Who is the U.S. envoy in Pakistan?")).toBe("Who is the U.S. envoy in Pakistan?");
  });

  it("notices a question asking for the latest figure, and takes the time words out", () => {
    const n = normaliseQuestion("what's trade turnover with uzbekistan right now");
    expect(n.latest).toBe(true);
    expect(n.text).toBe("what is trade turnover with uzbekistan");
    expect(normaliseQuestion("current account deficit").latest).toBe(false);
  });

  it("says what it changed, for explaining the answer", () => {
    expect(normaliseQuestion("whats pak-uk trade").changes).toEqual([
      "pak-uk → Pakistan UK",
      "whats → what is",
    ]);
  });
});

describe("forms typed with a possessive or over several words", () => {
  it("expands a chat form with its possessive", () => {
    expect(normaliseQuestion("whats the pm's gdp growth target").text).toContain(
      "prime minister's",
    );
  });

  it("writes charge d'affaires however it is typed", () => {
    for (const typed of ["charge d affaires", "charge daffairs", "charge d affairs"]) {
      expect(normaliseQuestion(`who is the us ${typed} in pakistan`).text).toContain(
        "charge d'affaires",
      );
    }
  });

  it("reads Pakistan getting something as receiving it, after chat forms are spelled out too", () => {
    expect(normaliseQuestion("How much gas will Pakistan get each year").text).toContain(
      "Pakistan receive",
    );
    expect(normaliseQuestion("how much gas does pak get from tapi").text).toContain(
      "Pakistan receive",
    );
  });

  it("drops words that only say the answer is money", () => {
    expect(
      normaliseQuestion("how much did exports to the us go up by in dollar terms in fy21").text,
    ).not.toContain("dollar terms");
  });
});

import { describe, expect, it } from "vitest";
import type { Answer, Citation } from "../../src/types";
import { checkGrounding, type GroundingSources, periodKey, statedFigures } from "./grounding";

/**
 * The grader's grounding rule on hand-made replies over one small article: each kind of thing a
 * reply states is found, counted, and refused when no excerpt (or passage) it cites holds it.
 */

const FIRST =
  "Bilateral trade reached $1.26 billion in FY2022-23, up 12 per cent, as 70 Japanese companies shipped 780,000 tonnes of goods over three years, Federal Minister Jam Kamal Khan said.";
const SECOND = "“We see great potential in Pakistan,” said Matsuo Takehiko.";
const THIRD = "“Trade must grow,” he added.";
const BODY = `${FIRST}\n\n${SECOND}\n\n${THIRD}\n`;

const spanOf = (s: string) => ({ start: BODY.indexOf(s), end: BODY.indexOf(s) + s.length });
const PASSAGES = [FIRST, SECOND, THIRD].map((text, i) => ({ id: `a#${i}`, ...spanOf(text) }));

const sources: GroundingSources = {
  body: (id) => (id === "a" ? BODY : undefined),
  passage: (id) => {
    const p = PASSAGES.find((x) => x.id === id);
    return p && { articleId: "a", start: p.start, end: p.end };
  },
  officials: [
    { name: "Jam Kamal Khan", aliases: [] },
    { name: "Matsuo Takehiko", aliases: ["MATSUO Takehiko"] },
    { name: "Abdul Hameed", aliases: [] },
  ],
};

function cite(sentence: string): Citation {
  const span = spanOf(sentence);
  const passage = PASSAGES.find((p) => p.start <= span.start && span.end <= p.end);
  return {
    articleId: "a",
    title: "A",
    publisher: null,
    url: null,
    published: null,
    excerpt: sentence,
    ...span,
    passageId: passage?.id ?? "none",
  };
}

function reply(text: string, cited: string[], answered = true): Answer {
  return {
    question: "What was trade?",
    answered,
    kind: "amount",
    text,
    figures: [],
    officials: [],
    citations: cited.map(cite),
    missing: [],
  };
}

const problemsOf = (a: Answer, question?: string) => checkGrounding(a, sources, question).problems;

describe("the grader's grounding rule", () => {
  it("passes a reply that states only what its citations hold, and counts each kind it checked", () => {
    const report = checkGrounding(
      reply(
        "Trade: $1.26 billion in fiscal year 2022-23 [1]. The same sentence gives 12 per cent, 70 Japanese companies, 780,000 tonnes, three years.\nJam Kamal Khan: Federal Minister [1].\nMatsuo Takehiko said: “We see great potential in Pakistan,” [2]",
        [FIRST, SECOND],
      ),
      sources,
    );
    expect(report.problems).toEqual([]);
    expect(report.checked).toEqual({
      money: 1,
      percent: 1,
      count: 1,
      quantity: 1,
      duration: 1,
      period: 1,
      official: 2,
      quote: 1,
    });
  });

  it.each([
    ["money", "Trade: $1.62 billion [1].", "money $1.62 billion"],
    ["money in another currency", "Trade: Rs 1.26 billion [1].", "money rs 1.26 billion"],
    ["percent", "Growth: 21 per cent [1].", "percent 21 per cent"],
    ["count", "Firms: 71 Japanese companies [1].", "count 71 japanese"],
    ["quantity", "Goods: 870,000 tonnes [1].", "quantity 870,000 tonnes"],
    ["duration", "Period: four years [1].", "duration four years"],
  ])("refuses a %s the cited excerpt does not hold", (_kind, text, expected) => {
    expect(problemsOf(reply(text, [FIRST]))).toEqual([
      `${expected} in the reply is in no excerpt it cites`,
    ]);
  });

  it("reads a figure against the citations of its own line, not another line's", () => {
    expect(problemsOf(reply("Speech [1].\nTrade: $1.26 billion [2].", [FIRST, SECOND]))).toEqual([
      "money $1.26 billion in the reply is in no excerpt it cites",
    ]);
  });

  it("refuses a period the cited article does not name, however it is written", () => {
    expect(problemsOf(reply("Trade: $1.26 billion in FY2023-24 [1].", [FIRST]))).toEqual([
      "period fy2023-24 is named in no cited article up to its excerpt",
    ]);
    expect(problemsOf(reply("Trade: $1.26 billion in FY23 [1].", [FIRST]))).toEqual([]);
  });

  it("refuses an official named in no cited passage", () => {
    expect(problemsOf(reply("Abdul Hameed: Federal Minister [1].", [FIRST]))).toEqual([
      "official Abdul Hameed is named in no passage the line cites",
    ]);
    // Any spelling the corpus gives them will do.
    expect(problemsOf(reply("MATSUO Takehiko said so [1].", [SECOND]))).toEqual([]);
  });

  it("refuses a quote given to a speaker its passage does not name", () => {
    expect(
      problemsOf(reply("Jam Kamal Khan said: “We see great potential in Pakistan,” [1]", [SECOND])),
    ).toEqual(["official Jam Kamal Khan is named in no passage the line cites"]);
  });

  it("allows a speaker named earlier in the article when the quote says only 'he added'", () => {
    expect(problemsOf(reply("Matsuo Takehiko said: “Trade must grow,” [1]", [THIRD]))).toEqual([]);
    expect(problemsOf(reply("Abdul Hameed said: “Trade must grow,” [1]", [THIRD]))).toEqual([
      "official Abdul Hameed is named in no passage the line cites",
    ]);
  });

  it("refuses a quote no cited excerpt holds word for word", () => {
    expect(
      problemsOf(reply("Matsuo Takehiko said: “We see huge potential in Pakistan,” [1]", [SECOND])),
    ).toEqual(['quote "we see huge potential in pakistan" is in no excerpt its line cites']);
  });

  it("refuses an unanswered reply that states a figure, but lets it repeat the question", () => {
    const text =
      "The corpus does not answer this: trade was $1.26 billion. The closest passage is [1].";
    expect(problemsOf(reply(text, [FIRST], false))).toEqual([
      "a line that answers nothing states money $1.26 billion",
    ]);
    // One part of a question in parts answered, the other not: the line citing nothing is held
    // to the same rule.
    const parts =
      "The corpus does not answer this: trade was $1.62 billion.\nTrade: $1.26 billion [1].";
    expect(problemsOf(reply(parts, [FIRST]))).toEqual([
      "a line that answers nothing states money $1.62 billion",
    ]);
    const echo = "The corpus does not answer this: no figure for fiscal year 2019.";
    expect(problemsOf(reply(echo, [], false), "What were IT exports in fiscal year 2019?")).toEqual(
      [],
    );
  });

  it("refuses an excerpt that is not the article's text at its span, and a mark that cites nothing", () => {
    const a = reply("Trade: $1.26 billion [1] [2].", [FIRST]);
    const first = a.citations[0];
    if (first) first.excerpt = first.excerpt.replace("reached", "hit");
    expect(problemsOf(a)).toEqual([
      `excerpt not verbatim in a: ${first?.excerpt.slice(0, 80)}`,
      "citation mark [2] cites nothing",
    ]);
  });
});

describe("what the grader reads as stated", () => {
  it("finds every figure kind and period in a reply line, citation marks aside", () => {
    expect(
      statedFigures(
        "exports: us$ 2.3 billion, 2 billion u.s. dollars, ¥ 50 billion, 12pc, 6-7%, 33 billion cubic metres, 98,400 cars, nine special zones, 10-year, in july-february fy2024-25 [1].",
      ),
    ).toEqual([
      { kind: "money", text: "us$ 2.3 billion" },
      { kind: "money", text: "¥ 50 billion" },
      { kind: "money", text: "2 billion u.s. dollars" },
      { kind: "percent", text: "12pc" },
      { kind: "percent", text: "6-7%" },
      { kind: "period", text: "fy2024-25" },
      { kind: "duration", text: "10-year" },
      { kind: "quantity", text: "33 billion cubic metres" },
      { kind: "count", text: "98,400 cars" },
      { kind: "count", text: "nine special" },
    ]);
  });

  it("names a fiscal year the same however it is written", () => {
    for (const written of [
      "fy2024-25",
      "fiscal year 2024-25",
      "fy25",
      "2024-25",
      "fiscal year 2025",
    ]) {
      expect(periodKey(written), written).toBe("fy2025");
    }
    expect(periodKey("2023")).toBe("2023");
    expect(periodKey("july 30")).toBe("july 30");
  });
});

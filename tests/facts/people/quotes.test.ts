import { describe, expect, it } from "vitest";
import { splitPassages } from "../../../src/corpus/passages";
import { extractOfficials } from "../../../src/facts/people/officials";
import { attributeQuotes, findQuotations } from "../../../src/facts/people/quotes";
import type { Official } from "../../../src/types";

function article(body: string) {
  const a = {
    id: "a",
    title: "Test article",
    publisher: null,
    url: null,
    published: null,
    body,
    file: "corpus/a.md",
  };
  return { article: a, passages: splitPassages(a) };
}

/** Each official's name with the texts of the quotes given to them. */
function quotesByName(body: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const o of extractOfficials([article(body)])) out[o.name] = o.quotes.map((q) => q.text);
  return out;
}

function allQuotes(officials: Official[]): string[] {
  return officials.flatMap((o) => o.quotes.map((q) => q.text));
}

/** The quotations of a one-paragraph text, as the words inside the marks. */
function quotationsIn(text: string): string[] {
  return findQuotations({ text, start: 0 }).map((q) => text.slice(q.open + 1, q.close));
}

const MINISTER = "Federal Minister for Commerce Jam Kamal Khan met exporters in Karachi.";

describe("finding quotations", () => {
  it("finds words inside curly double quotes", () => {
    expect(quotationsIn("“We will double our exports,” he said.")).toEqual([
      "We will double our exports,",
    ]);
  });

  it("finds words inside straight double quotes", () => {
    expect(quotationsIn('"We will double our exports," he said.')).toEqual([
      "We will double our exports,",
    ]);
  });

  it("finds words inside single quotes opened after a space", () => {
    expect(quotationsIn("He said ‘we will double our exports’ and left.")).toEqual([
      "we will double our exports",
    ]);
  });

  it("does not close a single quote at an apostrophe inside a word", () => {
    expect(quotationsIn("He said ‘Pakistan’s exports will double soon’ and left.")).toEqual([
      "Pakistan’s exports will double soon",
    ]);
  });

  it("leaves scare quotes of up to three words out", () => {
    expect(quotationsIn("China, the so-called “iron brother”, is a partner.")).toEqual([]);
  });

  it("runs an unclosed quote to the end of the paragraph", () => {
    expect(quotationsIn("He said: “We will invest in the new zones")).toEqual([
      "We will invest in the new zones",
    ]);
  });
});

describe("attributing quotes", () => {
  it("gives '“…,” said X.' to X", () => {
    expect(
      quotesByName(
        "“Our focus is on creating an environment for investment,” said Haroon Akhtar Khan.",
      ),
    ).toEqual({
      "Haroon Akhtar Khan": ["Our focus is on creating an environment for investment,"],
    });
  });

  it("gives '“…,” X said.' to X", () => {
    expect(
      quotesByName(`${MINISTER} “Exports will grow by a fifth this year,” Jam Kamal Khan said.`),
    ).toEqual({
      "Jam Kamal Khan": ["Exports will grow by a fifth this year,"],
    });
  });

  it("gives 'X said, “…”' to X", () => {
    expect(
      quotesByName(`${MINISTER}\n\nKhan said, “We will remove the duties on raw materials.”`),
    ).toEqual({
      "Jam Kamal Khan": ["We will remove the duties on raw materials."],
    });
  });

  it("gives 'As X put it, “…”' to X", () => {
    expect(
      quotesByName("As Matsuo Takehiko put it, “We see great potential in Pakistan’s market.”"),
    ).toEqual({
      "Matsuo Takehiko": ["We see great potential in Pakistan’s market."],
    });
  });

  it("gives '“…,” noted X, title.' to X", () => {
    expect(
      quotesByName(
        "“Timely follow-ups are essential for progress,” noted Abdul Hameed, Pakistan’s Ambassador to Japan.",
      ),
    ).toEqual({ "Abdul Hameed": ["Timely follow-ups are essential for progress,"] });
  });

  it("gives 'according to X, “…”' to X", () => {
    expect(
      quotesByName(
        `${MINISTER} According to Jam Kamal Khan, “the new policy will cut costs for exporters.”`,
      ),
    ).toEqual({ "Jam Kamal Khan": ["the new policy will cut costs for exporters."] });
  });

  it("gives a quote said by a title and name to that person", () => {
    expect(
      quotesByName(
        "“We will open three new zones this year,” said Federal Minister for Commerce Jam Kamal Khan.",
      ),
    ).toEqual({ "Jam Kamal Khan": ["We will open three new zones this year,"] });
  });

  it("gives a following quote sentence in the same paragraph to the same speaker", () => {
    expect(
      quotesByName(
        "“Our focus is on creating an environment for investment,” said Haroon Akhtar Khan. “We believe incentives will unlock our industries.”",
      ),
    ).toEqual({
      "Haroon Akhtar Khan": [
        "Our focus is on creating an environment for investment,",
        "We believe incentives will unlock our industries.",
      ],
    });
  });

  it("gives a quote sentence after reported speech to the reported speaker", () => {
    expect(
      quotesByName(
        `${MINISTER} Khan said the reforms would help exporters. “We are committed to this path for years.”`,
      ),
    ).toEqual({ "Jam Kamal Khan": ["We are committed to this path for years."] });
  });

  it("gives both halves of an interrupted quote to the speaker", () => {
    expect(
      quotesByName(
        "“We are ready to invest,” said Haroon Akhtar Khan, “and we expect results soon.”",
      ),
    ).toEqual({ "Haroon Akhtar Khan": ["We are ready to invest,", "and we expect results soon."] });
  });

  it("keeps a quote of two sentences whole", () => {
    const [o] = extractOfficials([
      article("“We are ready. We will invest in the zones,” said Haroon Akhtar Khan."),
    ]);
    expect(o?.quotes.map((q) => q.text)).toEqual(["We are ready. We will invest in the zones,"]);
    expect(o?.quotes[0]?.sentence).toBe(
      "“We are ready. We will invest in the zones,” said Haroon Akhtar Khan.",
    );
  });

  it("gives 'she said' to the one person named in the sentence before", () => {
    expect(
      quotesByName(
        "U.S. Chargé d’Affaires Natalie A. Baker connected American companies with officials. “Technology is where our economies meet,” she said.",
      ),
    ).toEqual({ "Natalie A. Baker": ["Technology is where our economies meet,"] });
  });

  it("gives 'he said' to nobody when the sentence before names two people", () => {
    const officials = extractOfficials([
      article(
        "Federal Minister for Commerce Jam Kamal Khan met Ambassador WADA Mitsuhiro in Islamabad. “Trade between our countries must grow,” he said.",
      ),
    ]);
    expect(officials.map((o) => o.name)).toEqual(["Jam Kamal Khan", "Wada Mitsuhiro"]);
    expect(allQuotes(officials)).toEqual([]);
  });

  it("gives 'the minister said' to the article's one minister", () => {
    expect(
      quotesByName(`${MINISTER} “Exporters will get refunds within a week,” the minister said.`),
    ).toEqual({ "Jam Kamal Khan": ["Exporters will get refunds within a week,"] });
  });

  it("gives 'X told reporters: “…”' to X", () => {
    expect(
      quotesByName(`${MINISTER}\n\nKhan told reporters: “The duty cuts take effect from July.”`),
    ).toEqual({
      "Jam Kamal Khan": ["The duty cuts take effect from July."],
    });
  });

  it("gives straight-quoted words to their speaker", () => {
    expect(
      quotesByName(
        '"Our focus is on creating an environment for investment," said Haroon Akhtar Khan.',
      ),
    ).toEqual({
      "Haroon Akhtar Khan": ["Our focus is on creating an environment for investment,"],
    });
  });

  it("gives single-quoted words to their speaker", () => {
    expect(
      quotesByName(
        "‘Our focus is on creating an environment for investment,’ said Haroon Akhtar Khan.",
      ),
    ).toEqual({
      "Haroon Akhtar Khan": ["Our focus is on creating an environment for investment,"],
    });
  });
});

describe("quotes that belong to nobody", () => {
  it("gives a quote from an unnamed representative to nobody, though a named person is near", () => {
    const officials = extractOfficials([
      article(
        "“Our focus is on creating an environment for investment,” said Haroon Akhtar Khan.\n\nJapanese automakers are wary. “We are ready to invest and expand,” a representative from METI was quoted as saying.",
      ),
    ]);
    expect(allQuotes(officials)).toEqual([
      "Our focus is on creating an environment for investment,",
    ]);
  });

  it("gives the continuation of an unnamed official's quote to nobody", () => {
    const officials = extractOfficials([
      article(
        `${MINISTER} “The refunds are delayed,” an official said. “We are working on the backlog now.”`,
      ),
    ]);
    expect(officials.map((o) => o.name)).toEqual(["Jam Kamal Khan"]);
    expect(allQuotes(officials)).toEqual([]);
  });

  it("gives a quote from sources to nobody", () => {
    const officials = extractOfficials([
      article(`${MINISTER} “The minister will announce the package next week,” sources said.`),
    ]);
    expect(allQuotes(officials)).toEqual([]);
  });

  it("does not give person A's quote to person B in the next paragraph", () => {
    const byName = quotesByName(
      "“We see great potential in this market,” said Haroon Akhtar Khan.\n\nAmbassador WADA Mitsuhiro visited the plant. “Japanese firms will keep investing here.”",
    );
    expect(byName).toEqual({
      "Haroon Akhtar Khan": ["We see great potential in this market,"],
      "Wada Mitsuhiro": [],
    });
  });

  it("does not carry a quote across a paragraph break as a continuation", () => {
    expect(
      quotesByName(
        "“We see great potential in this market,” said Haroon Akhtar Khan.\n\n“The market will decide what comes next for the sector.”",
      ),
    ).toEqual({ "Haroon Akhtar Khan": ["We see great potential in this market,"] });
  });

  it("takes no scare quotes as a person's words", () => {
    expect(
      quotesByName(
        `${MINISTER} Khan called China Pakistan’s “iron brother” and praised the corridor.`,
      ),
    ).toEqual({ "Jam Kamal Khan": [] });
  });
});

describe("attributeQuotes", () => {
  it("reports where each quote stands and who said it, null for nobody", () => {
    const { passages } = article(
      "Intro line here.\n\n“We will build the new port by next year,” he said.",
    );
    const body = "Intro line here.\n\n“We will build the new port by next year,” he said.";
    const attributed = attributeQuotes(passages, []);
    expect(attributed).toEqual([
      {
        quote: {
          text: "We will build the new port by next year,",
          articleId: "a",
          passageId: "a#1",
          sentence: "“We will build the new port by next year,” he said.",
          sentenceStart: 18,
          sentenceEnd: body.length,
        },
        speaker: null,
      },
    ]);
  });

  it("resolves 'he' to the one person named in the last sentence of the paragraph before", () => {
    const { passages } = article(
      "Ali Raza spoke.\n\n“We will build the new port by next year,” he said.",
    );
    const attributed = attributeQuotes(passages, [{ person: 7, start: 0, end: 8 }]);
    expect(attributed.map((a) => a.speaker)).toEqual([7]);
  });
});

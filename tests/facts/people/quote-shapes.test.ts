import { describe, expect, it } from "vitest";
import { articleQuotations, isNameOfThing } from "../../../src/facts/people/quotations";
import { articleText as article, quotesOf } from "../../support/people";

/** The words inside every quotation of an article, as found. */
function quotationsOf(body: string): string[] {
  const { passages } = article(body);
  return articleQuotations(passages, (from, to) => body.slice(from, to)).map((q) => q.text);
}

const ENVOY = "Ambassador of Oman Ali Al-Harthy visited the Karachi Chamber on Monday.";

describe("finding the whole of a quote", () => {
  it("closes a straight opening mark with a curly closing one", () => {
    expect(
      quotationsOf('"We discussed our trade volume and investment.” Bolat wrote on X.'),
    ).toEqual(["We discussed our trade volume and investment."]);
  });

  it("keeps a quote closed in the next paragraph whole", () => {
    expect(
      quotationsOf(
        "“A lot of work has been done to prepare for the cup.\n\nAll sectors including security are covered”, he said.",
      ),
    ).toEqual([
      "A lot of work has been done to prepare for the cup.\n\nAll sectors including security are covered",
    ]);
  });

  it("keeps two paragraphs of one quote apart when the second reopens it", () => {
    expect(
      quotationsOf(
        "“We will expand our tourism to new cities.\n\n“And we will open direct flights,” he said.",
      ),
    ).toEqual(["We will expand our tourism to new cities.", "And we will open direct flights,"]);
  });

  it("keeps apostrophes inside a quote", () => {
    expect(
      quotationsOf("“Pakistan’s exports to China’s market will grow,” he said.").map((q) => q),
    ).toEqual(["Pakistan’s exports to China’s market will grow,"]);
  });

  it("takes words in title case for the name of a thing, and a sentence for none", () => {
    expect(isNameOfThing("Ease of Doing Business")).toBe(true);
    expect(isNameOfThing("Meet the Press")).toBe(true);
    expect(isNameOfThing("Buy Pakistani, Build Pakistan")).toBe(true);
    expect(isNameOfThing("We will double our exports")).toBe(false);
    expect(isNameOfThing("pivotal role")).toBe(false);
  });
});

describe("quote shapes", () => {
  it("gives both halves of a quote its attribution interrupts to the speaker", () => {
    expect(
      quotesOf(`${ENVOY}\n\n“We are ready,” he said, “to expand trade with Pakistan.”`),
    ).toEqual({ "Ali Al-Harthy": ["We are ready,", "to expand trade with Pakistan."] });
  });

  it("gives a quote opening a paragraph the attribution at the paragraph's end", () => {
    expect(
      quotesOf(
        `${ENVOY}\n\n“Oman buys rice from Pakistan every year.” “We want to buy fruit as well,” said Al-Harthy.`,
      ),
    ).toEqual({
      "Ali Al-Harthy": [
        "Oman buys rice from Pakistan every year.",
        "We want to buy fruit as well,",
      ],
    });
  });

  it("reads attributions that are not 'said'", () => {
    const attributions = [
      "“Oman buys rice from Pakistan,” Al-Harthy wrote on X.",
      "“Oman buys rice from Pakistan,” Al-Harthy told reporters.",
      "“Oman buys rice from Pakistan,” noted Al-Harthy.",
      "“Oman buys rice from Pakistan,” the ambassador stressed.",
      "“Oman buys rice from Pakistan,” he remarked.",
      "“Oman buys rice from Pakistan,” he added.",
      "According to Al-Harthy, “Oman buys rice from Pakistan.”",
    ];
    for (const line of attributions) {
      expect(Object.values(quotesOf(`${ENVOY}\n\n${line}`))).toEqual([
        [expect.stringMatching(/^Oman buys rice from Pakistan[.,]$/)],
      ]);
    }
  });

  it("gives a partial quote inside running text to the sentence's speaker", () => {
    expect(
      quotesOf(
        `${ENVOY}\n\nAl-Harthy said buyers abroad liked Pakistani mangoes “so our growers could find a market in Europe” and asked for more flights.`,
      ),
    ).toEqual({ "Ali Al-Harthy": ["so our growers could find a market in Europe"] });
  });

  it("counts a partial quote of two words only beside a verb of saying", () => {
    expect(
      quotesOf(`${ENVOY}\n\nDescribing the talks as “very fruitful”, he said trade would grow.`),
    ).toEqual({ "Ali Al-Harthy": ["very fruitful"] });
    expect(
      quotesOf(`${ENVOY}\n\nAl-Harthy praised Pakistan as a “trusted partner” of Oman.`),
    ).toEqual({});
  });

  it("gives every paragraph of a quote news writes over several paragraphs to its speaker", () => {
    expect(
      quotesOf(
        `${ENVOY}\n\nHe said: “Oman will buy more rice from Pakistan this year.\n\n“We will also buy fruit from Karachi.”\n\n“Our ports are open to Pakistani ships.\n\n“Gwadar and Duqm can work together,” he said.`,
      ),
    ).toEqual({
      "Ali Al-Harthy": [
        "Oman will buy more rice from Pakistan this year.",
        "We will also buy fruit from Karachi.",
        "Our ports are open to Pakistani ships.",
        "Gwadar and Duqm can work together,",
      ],
    });
  });

  it("gives a paragraph of quote after a paragraph of reported speech to its speaker", () => {
    expect(
      quotesOf(
        `${ENVOY}\n\nHe said there is a demand for Pakistani rice in Oman.\n\n“Omani dates and fish already arrive in Karachi every week.”`,
      ),
    ).toEqual({ "Ali Al-Harthy": ["Omani dates and fish already arrive in Karachi every week."] });
  });
});

describe("words in quotation marks that are nobody's quote", () => {
  it("takes a slogan with no speaker for nobody's words", () => {
    expect(
      quotesOf(
        `${ENVOY} The campaign, titled “Buy Pakistani, Build Pakistan”, opened at the port.`,
      ),
    ).toEqual({});
  });

  it("takes the name of a programme beside a speaker for no quote of his", () => {
    expect(
      quotesOf(`${ENVOY}\n\nHe said Oman had joined the “Ease of Doing Business” programme.`),
    ).toEqual({});
  });

  it("gives a statement an office issues to nobody, and the paragraph quoting it too", () => {
    expect(
      quotesOf(
        `${ENVOY}\n\n“Oman will open a trade office in Lahore,” the Ministry of Commerce said in a statement.\n\nTrade was discussed, said the Prime Minister’s Office.\n\n“The ambassador thanked the prime minister for his support.”`,
      ),
    ).toEqual({});
  });

  it("gives a quote from unnamed sources to nobody though a named person is near", () => {
    expect(quotesOf(`${ENVOY} “The deal will be signed next month,” sources said.`)).toEqual({});
  });
});

import { describe, expect, it } from "vitest";
import { splitPassages } from "../../../src/corpus/passages";
import { type ArticleText, extractOfficials } from "../../../src/facts/people/officials";
import type { Official } from "../../../src/types";

function doc(body: string): ArticleText {
  const article = {
    id: "a",
    title: "Test article",
    publisher: null,
    url: null,
    published: null,
    body: `${body}\n\nThe talks concerned Pakistan’s trade and investment.`,
    file: "corpus/a.md",
  };
  return { article, passages: splitPassages(article) };
}

const card = (o: Official) => ({
  name: o.name,
  title: o.title,
  organization: o.organization,
  country: o.country,
});

const cards = (body: string) => extractOfficials([doc(body)]).map(card);

function quotesOf(body: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const o of extractOfficials([doc(body)])) out[o.name] = o.quotes.map((q) => q.text);
  return out;
}

describe("the side an official leads", () => {
  it("places a vice minister leading another country's side in that country", () => {
    expect(
      cards(
        "Pakistan’s team was led by Commerce Secretary Ali Raza, while the Thai side was led by Vice Minister of Commerce Somchai Wongsuwan.",
      ),
    ).toEqual([
      {
        name: "Ali Raza",
        title: "Commerce Secretary",
        organization: "Ministry of Commerce",
        country: "Pakistan",
      },
      {
        name: "Somchai Wongsuwan",
        title: "Vice Minister of Commerce",
        organization: null,
        country: "Thailand",
      },
    ]);
  });

  it("places the head of a delegation from a country named after it", () => {
    expect(
      cards(
        "The delegation from Kazakhstan, headed by Minister of Trade Arman Shakkaliyev, arrived.",
      ),
    ).toEqual([
      {
        name: "Arman Shakkaliyev",
        title: "Minister of Trade",
        organization: "Ministry of Trade",
        country: "Kazakhstan",
      },
    ]);
  });

  it("places an unplaced vice minister in the article's partner country, not Pakistan", () => {
    expect(
      cards(
        "Vice Minister of Industry Budi Santoso toured the plant. Indonesia and Pakistan signed two agreements, and Indonesia will send a delegation.",
      ).map((o) => o.country),
    ).toEqual(["Indonesia"]);
  });
});

describe("titles of foreign and private people", () => {
  it("reads a trade representative with his country and posting", () => {
    expect(
      cards(
        "Belarusian Trade Representative in Pakistan Ivan Petrovich said exports of tractors would grow.",
      ),
    ).toEqual([
      {
        name: "Ivan Petrovich",
        title: "Belarusian Trade Representative in Pakistan",
        organization: null,
        country: "Belarus",
      },
    ]);
  });

  it("reads an economist at a firm based in a Pakistani city", () => {
    expect(
      cards(
        "“The rupee will weaken further this year,” said Hira Baig, an economist at Lahore-based Apex Research.",
      ),
    ).toEqual([
      { name: "Hira Baig", title: "economist", organization: "Apex Research", country: "Pakistan" },
    ]);
  });

  it("reads a head of research with the subject in lower case", () => {
    expect(
      cards("Bilal Khan, head of research at Topline Capital, said the deficit would narrow."),
    ).toEqual([
      {
        name: "Bilal Khan",
        title: "head of research",
        organization: "Topline Capital",
        country: null,
      },
    ]);
  });

  it("reads a customs collector with his station written bare before his name", () => {
    expect(
      cards("Collector of Customs Peshawar Fazal Rabbi Khattak said seizures had doubled."),
    ).toEqual([
      {
        name: "Fazal Rabbi Khattak",
        title: "Collector of Customs Peshawar",
        organization: null,
        country: "Pakistan",
      },
    ]);
  });

  it("ends a title where a second official's title begins", () => {
    expect(
      cards(
        "The meeting was co-chaired by Federal Secretary for Commerce Ali Raza Shah and Turkish Deputy Minister of Trade Mehmet Yilmaz.",
      ),
    ).toEqual([
      {
        name: "Ali Raza Shah",
        title: "Federal Secretary for Commerce",
        organization: "Ministry of Commerce",
        country: "Pakistan",
      },
      {
        name: "Mehmet Yilmaz",
        title: "Turkish Deputy Minister of Trade",
        organization: "Ministry of Trade",
        country: "Turkey",
      },
    ]);
  });
});

describe("interviews", () => {
  const interview = [
    "Thailand's Ambassador to Pakistan, Dato' Somsak Chaiyaporn, spoke to the paper.",
    "Q: What do Thai firms want?",
    "Somsak Chaiyaporn: They want to build food factories near Lahore. Rice is only the start.",
    "Q: And the trade agreement?",
    "Somsak Chaiyaporn: Talks resume in May.",
  ].join("\n\n");

  it("reads the envoy named after a Malaysian honour", () => {
    expect(cards(interview)).toEqual([
      {
        name: "Somsak Chaiyaporn",
        title: "Ambassador to Pakistan",
        organization: null,
        country: "Thailand",
      },
    ]);
  });

  it("records each answer the envoy gives as a mention of him, and no quote", () => {
    const [envoy] = extractOfficials([doc(interview)]);
    expect(envoy?.mentions.map((m) => m.passageId)).toEqual(["a#0", "a#2", "a#4"]);
    expect(envoy?.quotes).toEqual([]);
  });

  it("leaves the honour out of the name for Datuk Seri and Tan Sri", () => {
    expect(
      cards(
        "Datuk Seri Ahmad Zahid Hamidi and Tan Sri Muhyiddin Yassin said trade with Pakistan would grow.",
      ).map((o) => o.name),
    ).toEqual(["Ahmad Zahid Hamidi", "Muhyiddin Yassin"]);
  });
});

describe("quotes told to someone", () => {
  it("gives a quote told to reporters on a day to the person named before", () => {
    expect(
      quotesOf(
        "Finance Minister Ali Raza told reporters on Monday that “the budget will protect exporters from new taxes.”",
      ),
    ).toEqual({ "Ali Raza": ["the budget will protect exporters from new taxes."] });
  });

  it("gives a quote told to a newspaper to the person named before", () => {
    expect(
      quotesOf(
        "Commerce Secretary Saima Khan told Dawn that “exporters will get their refunds within a week.”",
      ),
    ).toEqual({ "Saima Khan": ["exporters will get their refunds within a week."] });
  });

  it("gives a quote said in a statement last week to the person named before", () => {
    expect(
      quotesOf(
        "Governor Jamil Ahmad said in a statement last week that “inflation is expected to ease further.”",
      ),
    ).toEqual({ "Jamil Ahmad": ["inflation is expected to ease further."] });
  });
});

import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitPassages } from "../../../src/corpus/passages";
import {
  type ArticleText,
  extractOfficials,
  officialMatches,
} from "../../../src/facts/people/officials";
import type { Official } from "../../../src/types";

function doc(id: string, body: string): ArticleText {
  const article = {
    id,
    title: "Test article",
    publisher: null,
    url: null,
    published: null,
    body,
    file: `corpus/${id}.md`,
  };
  return { article, passages: splitPassages(article) };
}

/** A Pakistani news item: the sentence, then a paragraph placing it in Pakistan's trade news. */
const PAKISTANI = "\n\nThe talks concerned Pakistan’s trade and investment.";

function officialsOf(body: string): Official[] {
  return extractOfficials([doc("a", body + PAKISTANI)]);
}

function only(body: string): Official {
  const all = officialsOf(body);
  expect(all.map((o) => o.name)).toHaveLength(1);
  const [official] = all;
  if (!official) throw new Error("no official");
  return official;
}

function named(officials: Official[], name: string): Official {
  const official = officials.find((o) => o.name === name);
  if (!official)
    throw new Error(`no official named ${name}; found ${officials.map((o) => o.name).join(", ")}`);
  return official;
}

/** Name, title, organisation and country, the facts a shape gives. */
const card = (o: Official) => ({
  name: o.name,
  title: o.title,
  organization: o.organization,
  country: o.country,
});

describe("titles before names", () => {
  it("reads a federal minister with his portfolio set off by commas", () => {
    expect(
      card(only("Federal Minister for Commerce, Jam Kamal Khan, met the delegation.")),
    ).toEqual({
      name: "Jam Kamal Khan",
      title: "Federal Minister for Commerce",
      organization: "Ministry of Commerce",
      country: "Pakistan",
    });
  });

  it("reads a federal minister with his portfolio run into his name", () => {
    expect(card(only("Federal Minister for Commerce Jam Kamal Khan said exports rose."))).toEqual({
      name: "Jam Kamal Khan",
      title: "Federal Minister for Commerce",
      organization: "Ministry of Commerce",
      country: "Pakistan",
    });
  });

  it("reads a special assistant whose title holds another title", () => {
    expect(
      card(
        only(
          "Special Assistant to the Prime Minister on Industries and Production, Haroon Akhtar Khan, visited Tokyo.",
        ),
      ),
    ).toEqual({
      name: "Haroon Akhtar Khan",
      title: "Special Assistant to the Prime Minister on Industries and Production",
      organization: null,
      country: "Pakistan",
    });
  });

  it("reads a possessive country before an ambassador's title", () => {
    expect(card(only("Pakistan’s Ambassador to Japan, Abdul Hameed, hosted the event."))).toEqual({
      name: "Abdul Hameed",
      title: "Ambassador to Japan",
      organization: null,
      country: "Pakistan",
    });
  });

  it("reads a country abbreviation before a diplomatic title and a middle initial", () => {
    expect(card(only("U.S. Chargé d'Affaires Natalie A. Baker opened the session."))).toEqual({
      name: "Natalie A. Baker",
      title: "U.S. Chargé d'Affaires",
      organization: null,
      country: "United States",
    });
  });

  it("reads an organisation written before the title", () => {
    expect(
      card(only("Special Technology Zones Authority Chairman Azfar Manzoor outlined incentives.")),
    ).toEqual({
      name: "Azfar Manzoor",
      title: "Special Technology Zones Authority Chairman",
      organization: "Special Technology Zones Authority",
      country: "Pakistan",
    });
  });

  it("reads a two-word title after an organisation", () => {
    expect(
      card(only("Special Investment Facilitation Council Project Director Syed Hadi joined.")),
    ).toEqual({
      name: "Syed Hadi",
      title: "Special Investment Facilitation Council Project Director",
      organization: "Special Investment Facilitation Council",
      country: "Pakistan",
    });
  });

  it("reads a federal secretary whose portfolio is several words", () => {
    expect(
      card(
        only(
          "Federal Secretary for Information Technology and Telecommunication Zarar Hasham Khan spoke.",
        ),
      ),
    ).toEqual({
      name: "Zarar Hasham Khan",
      title: "Federal Secretary for Information Technology and Telecommunication",
      organization: "Ministry of Information Technology and Telecommunication",
      country: "Pakistan",
    });
  });

  it("reads a foreign ambassador named by title and name only, placing him by the article's partner", () => {
    const o = only("Ambassador WADA Mitsuhiro met business leaders in Osaka, Japan.");
    expect(card(o)).toEqual({
      name: "Wada Mitsuhiro",
      title: "Ambassador",
      organization: null,
      country: "Japan",
    });
    expect(o.aliases).toEqual(["WADA Mitsuhiro"]);
  });

  it("reads a country adjective before a title", () => {
    expect(card(only("Chinese Ambassador Jiang Zaidong visited Gwadar."))).toEqual({
      name: "Jiang Zaidong",
      title: "Chinese Ambassador",
      organization: null,
      country: "China",
    });
  });

  it("reads the prime minister", () => {
    expect(card(only("Prime Minister Shehbaz Sharif inaugurated the zone."))).toEqual({
      name: "Shehbaz Sharif",
      title: "Prime Minister",
      organization: null,
      country: "Pakistan",
    });
  });

  it("reads China's vice premier, whose surname He is written like the pronoun", () => {
    expect(card(only("Chinese Vice Premier He Lifeng arrived in Islamabad on Tuesday."))).toEqual({
      name: "He Lifeng",
      title: "Chinese Vice Premier",
      organization: null,
      country: "China",
    });
  });

  it("reads a portfolio written before the title and derives the ministry", () => {
    expect(card(only("Finance Minister Muhammad Aurangzeb presented the budget."))).toEqual({
      name: "Muhammad Aurangzeb",
      title: "Finance Minister",
      organization: "Ministry of Finance",
      country: "Pakistan",
    });
  });

  it("reads a foreign minister's country and a hyphenated surname", () => {
    expect(
      card(only("Saudi Minister of Investment Khalid Al-Falih signed the agreements.")),
    ).toEqual({
      name: "Khalid Al-Falih",
      title: "Saudi Minister of Investment",
      organization: "Ministry of Investment",
      country: "Saudi Arabia",
    });
  });

  it("reads a trade envoy with a country abbreviation", () => {
    expect(card(only("UK Trade Envoy Mark Eastwood arrived in Lahore."))).toEqual({
      name: "Mark Eastwood",
      title: "UK Trade Envoy",
      organization: null,
      country: "United Kingdom",
    });
  });

  it("reads the organisation in a title's 'of the …' and the name after it", () => {
    expect(
      card(only("Governor of the State Bank of Pakistan Jameel Ahmad briefed the committee.")),
    ).toEqual({
      name: "Jameel Ahmad",
      title: "Governor of the State Bank of Pakistan",
      organization: "State Bank of Pakistan",
      country: "Pakistan",
    });
  });

  it("reads an acronym before the title as the organisation", () => {
    expect(card(only("SBP Governor Jameel Ahmad briefed the committee."))).toEqual({
      name: "Jameel Ahmad",
      title: "SBP Governor",
      organization: "SBP",
      country: "Pakistan",
    });
  });

  it("reads a chamber president with the chamber's acronym in brackets", () => {
    expect(
      card(
        only(
          "President of the Karachi Chamber of Commerce and Industry (KCCI) Muhammad Jawed Bilwani demanded relief.",
        ),
      ),
    ).toEqual({
      name: "Muhammad Jawed Bilwani",
      title: "President of the Karachi Chamber of Commerce and Industry (KCCI)",
      organization: "Karachi Chamber of Commerce and Industry",
      country: "Pakistan",
    });
  });

  it("reads a minister of state and derives the ministry from the portfolio", () => {
    expect(
      card(only("Minister of State for Finance Ali Pervaiz Malik briefed reporters.")),
    ).toEqual({
      name: "Ali Pervaiz Malik",
      title: "Minister of State for Finance",
      organization: "Ministry of Finance",
      country: "Pakistan",
    });
  });

  it("reads a high commissioner whose title names the sending and receiving countries", () => {
    expect(
      card(
        only("High Commissioner of Pakistan to the United Kingdom Mohammad Faisal met investors."),
      ),
    ).toEqual({
      name: "Mohammad Faisal",
      title: "High Commissioner of Pakistan to the United Kingdom",
      organization: null,
      country: "Pakistan",
    });
  });

  it("reads a consul general posted to a Pakistani city", () => {
    expect(
      card(only("Consul General of Japan in Karachi Hattori Masaru praised the reforms.")),
    ).toEqual({
      name: "Hattori Masaru",
      title: "Consul General of Japan in Karachi",
      organization: null,
      country: "Japan",
    });
  });

  it("reads a director general of a board named in the title", () => {
    expect(
      card(
        only(
          "Director General of the Federal Board of Revenue Ahmed Shuja Khan presented figures.",
        ),
      ),
    ).toEqual({
      name: "Ahmed Shuja Khan",
      title: "Director General of the Federal Board of Revenue",
      organization: "Federal Board of Revenue",
      country: "Pakistan",
    });
  });

  it("reads a chief minister and a senator as Pakistani offices", () => {
    const all = officialsOf(
      "Chief Minister of Punjab Maryam Nawaz and Senator Sherry Rehman opened the expo.",
    );
    expect(all.map(card)).toEqual([
      {
        name: "Maryam Nawaz",
        title: "Chief Minister of Punjab",
        organization: null,
        country: "Pakistan",
      },
      { name: "Sherry Rehman", title: "Senator", organization: null, country: "Pakistan" },
    ]);
  });

  it("reads the head of a foreign bank without making him Pakistani", () => {
    expect(
      card(only("Vice President of the Asian Development Bank Shixin Chen visited Islamabad.")),
    ).toEqual({
      name: "Shixin Chen",
      title: "Vice President of the Asian Development Bank",
      organization: "Asian Development Bank",
      country: null,
    });
  });

  it("reads a company chief whose company is named after Pakistan", () => {
    expect(
      card(
        only(
          "Chief Executive Officer of the Pakistan Stock Exchange Farrukh Khan welcomed the listing.",
        ),
      ),
    ).toEqual({
      name: "Farrukh Khan",
      title: "Chief Executive Officer of the Pakistan Stock Exchange",
      organization: "Pakistan Stock Exchange",
      country: "Pakistan",
    });
  });

  it("reads a portfolio secretary", () => {
    expect(card(only("Commerce Secretary Jawad Paul chaired the meeting."))).toEqual({
      name: "Jawad Paul",
      title: "Commerce Secretary",
      organization: "Ministry of Commerce",
      country: "Pakistan",
    });
  });

  it("reads a spokesperson of an office named before the title", () => {
    expect(
      card(only("Foreign Office Spokesperson Mumtaz Zahra Baloch briefed the media.")),
    ).toEqual({
      name: "Mumtaz Zahra Baloch",
      title: "Foreign Office Spokesperson",
      organization: "Foreign Office",
      country: "Pakistan",
    });
  });

  it("reads a lower-case title after 'the' with the name set off by commas", () => {
    expect(
      card(only("The plan was presented by the minister, Ahsan Iqbal, at the conference.")),
    ).toEqual({
      name: "Ahsan Iqbal",
      title: "minister",
      organization: null,
      country: "Pakistan",
    });
  });

  it("reads a lower-case title before a name", () => {
    expect(
      card(only("Pakistan's ambassador to Japan Abdul Hameed welcomed the delegation.")),
    ).toEqual({
      name: "Abdul Hameed",
      title: "ambassador to Japan",
      organization: null,
      country: "Pakistan",
    });
  });
  it("reads a portfolio listed with commas up to the holder's name", () => {
    expect(
      card(
        only(
          "Minister for Planning, Development and Special Initiatives Ahsan Iqbal chaired the session.",
        ),
      ),
    ).toEqual({
      name: "Ahsan Iqbal",
      title: "Minister for Planning, Development and Special Initiatives",
      organization: "Ministry of Planning, Development and Special Initiatives",
      country: "Pakistan",
    });
  });

  it("does not run a portfolio list into the next official's title", () => {
    expect(
      officialsOf(
        "Federal Minister for Commerce, Finance Minister Muhammad Aurangzeb and others attended.",
      ).map(card),
    ).toEqual([
      {
        name: "Muhammad Aurangzeb",
        title: "Finance Minister",
        organization: "Ministry of Finance",
        country: "Pakistan",
      },
    ]);
  });

  it("reads a portfolio written straight after the title, as in 'Secretary Commerce'", () => {
    expect(card(only("Secretary Commerce Jawad Paul briefed the committee."))).toEqual({
      name: "Jawad Paul",
      title: "Secretary Commerce",
      organization: "Ministry of Commerce",
      country: "Pakistan",
    });
  });

  it("reads a body written straight after the title, as in 'Chairman Board of Investment'", () => {
    expect(
      card(
        only(
          "Addressing the ceremony, Chairman Board of Investment Muhammad Azfar Ahsan welcomed investors.",
        ),
      ),
    ).toEqual({
      name: "Muhammad Azfar Ahsan",
      title: "Chairman Board of Investment",
      organization: "Board of Investment",
      country: "Pakistan",
    });
  });

  it("reads a lender's mission chief without making him Pakistani", () => {
    expect(card(only("IMF Mission Chief Nathan Porter said the talks were constructive."))).toEqual(
      {
        name: "Nathan Porter",
        title: "IMF Mission Chief",
        organization: "IMF",
        country: null,
      },
    );
  });

  it("reads a country's head of state named by a country abbreviation", () => {
    expect(card(only("US President Donald Trump announced new tariffs."))).toEqual({
      name: "Donald Trump",
      title: "US President",
      organization: null,
      country: "United States",
    });
  });
});

describe("titles after names", () => {
  it("reads a special assistant named before his title", () => {
    expect(
      card(
        only(
          "Haroon Akhtar Khan, Special Assistant to the Prime Minister on Industries and Production, visited Tokyo.",
        ),
      ),
    ).toEqual({
      name: "Haroon Akhtar Khan",
      title: "Special Assistant to the Prime Minister on Industries and Production",
      organization: null,
      country: "Pakistan",
    });
  });

  it("reads an ambassador named before a possessive title", () => {
    expect(card(only("Abdul Hameed, Pakistan's Ambassador to Japan, hosted the event."))).toEqual({
      name: "Abdul Hameed",
      title: "Ambassador to Japan",
      organization: null,
      country: "Pakistan",
    });
  });

  it("reads a Japanese vice-minister with his ministry after 'at' and its acronym", () => {
    const o = only(
      "MATSUO Takehiko, Vice-Minister for International Affairs at Japan's Ministry of Economy, Trade and Industry (METI), attended.",
    );
    expect(card(o)).toEqual({
      name: "Matsuo Takehiko",
      title: "Vice-Minister for International Affairs",
      organization: "Ministry of Economy, Trade and Industry",
      country: "Japan",
    });
    expect(o.aliases).toEqual(["MATSUO Takehiko"]);
  });

  it("reads a name with particles before a title", () => {
    expect(
      card(only("Ursula von der Leyen, President of the European Commission, met the delegation.")),
    ).toEqual({
      name: "Ursula von der Leyen",
      title: "President of the European Commission",
      organization: "European Commission",
      country: "European Union",
    });
  });

  it("reads a name with an initial before 'the' and a title", () => {
    expect(card(only("Natalie A. Baker, the U.S. Chargé d’Affaires, opened the session."))).toEqual(
      {
        name: "Natalie A. Baker",
        title: "U.S. Chargé d’Affaires",
        organization: null,
        country: "United States",
      },
    );
  });

  it("gives a title after an honorific name to that person", () => {
    expect(
      card(
        only("Dr. Ishrat Husain, Adviser to the Prime Minister on Institutional Reforms, spoke."),
      ),
    ).toEqual({
      name: "Ishrat Husain",
      title: "Adviser to the Prime Minister on Institutional Reforms",
      organization: null,
      country: "Pakistan",
    });
  });

  it("reads a list of officials each with a title, binding each name to the right title", () => {
    const all = officialsOf(
      "The meeting brought together Special Assistant to the Prime Minister on Industries and Production, Haroon Akhtar Khan, Pakistan’s Ambassador to Japan, Abdul Hameed, and MATSUO Takehiko, Vice-Minister for International Affairs at Japan’s Ministry of Economy, Trade and Industry (METI).",
    );
    expect(all.map((o) => [o.name, o.title])).toEqual([
      [
        "Haroon Akhtar Khan",
        "Special Assistant to the Prime Minister on Industries and Production",
      ],
      ["Abdul Hameed", "Ambassador to Japan"],
      ["Matsuo Takehiko", "Vice-Minister for International Affairs"],
    ]);
  });
});

describe("names without titles", () => {
  it("reads a name after Dr. without the honorific", () => {
    const o = only("Dr. Ishrat Husain chaired the session.");
    expect(card(o)).toEqual({
      name: "Ishrat Husain",
      title: null,
      organization: null,
      country: null,
    });
  });

  it("reads a name after Mr.", () => {
    expect(only("Mr. Ahsan Iqbal welcomed the delegates.").name).toBe("Ahsan Iqbal");
  });

  it("reads a name after Ms. followed by 'said'", () => {
    expect(only("Ms. Natalie Baker said the mission would help.").name).toBe("Natalie Baker");
  });

  it("reads a name beside a verb of saying", () => {
    expect(
      only("“We will expand our plant in Karachi next year,” said Ali Asghar Jamali.").name,
    ).toBe("Ali Asghar Jamali");
  });
});

describe("not people", () => {
  it("takes no organisation for a person", () => {
    expect(
      officialsOf("The Special Technology Zones Authority offers tax holidays of up to 10 years."),
    ).toEqual([]);
  });

  it("takes no board named in a sentence for a person", () => {
    expect(
      officialsOf(
        "According to the Pakistan Software Export Board, IT exports reached $2.6 billion.",
      ),
    ).toEqual([]);
  });

  it("takes no possessive title for a person", () => {
    expect(
      officialsOf("This is tied to the Prime Minister’s target of achieving 6–7% growth."),
    ).toEqual([]);
  });

  it("takes no company names for people", () => {
    expect(officialsOf("Major players like Toyota and Suzuki are leading this charge.")).toEqual(
      [],
    );
  });

  it("takes no unnamed officials for people", () => {
    expect(
      officialsOf(
        "Officials from the Special Investment Facilitation Council attended the session.",
      ),
    ).toEqual([]);
  });

  it("takes no title without a name for a person", () => {
    expect(officialsOf("The Federal Minister for Commerce chaired the meeting on Monday.")).toEqual(
      [],
    );
  });

  it("keeps a one-word reference nobody in the article has a full name for out", () => {
    expect(officialsOf("Ambassador Mitsuhiro extended an invitation to businessmen.")).toEqual([]);
  });

  it("reads nothing from a line in headline case", () => {
    expect(officialsOf("Minister Khan Visits Tokyo For Talks With Japanese Firms")).toEqual([]);
  });

  it("takes no place or month after a title for a name", () => {
    expect(officialsOf("The Ambassador in Tokyo said in August that trade would grow.")).toEqual(
      [],
    );
  });
});

describe("one person, several references", () => {
  it("folds a title and given name into the ambassador named in full", () => {
    const all = officialsOf(
      "Ambassador WADA Mitsuhiro and Federal Minister for Commerce, Jam Kamal Khan, met in Islamabad to discuss trade with Japan.\n\nDuring the meeting, Ambassador Mitsuhiro extended an invitation to Pakistani businessmen.",
    );
    expect(all.map((o) => o.name)).toEqual(["Wada Mitsuhiro", "Jam Kamal Khan"]);
    const wada = named(all, "Wada Mitsuhiro");
    expect(wada.aliases).toEqual(["WADA Mitsuhiro", "Ambassador Mitsuhiro"]);
    expect(wada.mentions.map((m) => [m.nameAsWritten, m.title])).toEqual([
      ["WADA Mitsuhiro", "Ambassador"],
      ["Mitsuhiro", "Ambassador"],
    ]);
  });

  it("folds 'Minister Khan' into the minister when another Khan is in the article", () => {
    const all = officialsOf(
      "Federal Minister for Commerce Jam Kamal Khan met Haroon Akhtar Khan, Special Assistant to the Prime Minister on Industries and Production.\n\nMinister Khan assured the provision of government support.",
    );
    expect(named(all, "Jam Kamal Khan").aliases).toEqual(["Minister Khan"]);
    expect(named(all, "Haroon Akhtar Khan").aliases).toEqual([]);
  });

  it("folds a bare surname into the one person of the article who has it", () => {
    const o = only(
      "U.S. Chargé d’Affaires Natalie A. Baker connected 25 American companies with officials.\n\nBaker said the U.S. Mission in Pakistan remains committed to bilateral ties.",
    );
    expect(o.mentions.map((m) => m.nameAsWritten)).toEqual(["Natalie A. Baker", "Baker"]);
    expect(o.aliases).toEqual(["Baker"]);
  });

  it("takes a given name that opens a sentence for an ordinary word", () => {
    const o = only(
      "UK Trade Envoy Mark Eastwood arrived in Lahore.\n\nMark the date: the expo opens in May.",
    );
    expect(o.mentions.map((m) => m.nameAsWritten)).toEqual(["Mark Eastwood"]);
  });

  it("takes a surname in capitals that opens a sentence for the person", () => {
    const o = only(
      "MATSUO Takehiko, Vice-Minister at Japan's Ministry of Economy, Trade and Industry, arrived.\n\nMatsuo met exporters.",
    );
    expect(o.mentions.map((m) => m.nameAsWritten)).toEqual(["MATSUO Takehiko", "Matsuo"]);
  });

  it("leaves a surname two people share unresolved", () => {
    const all = officialsOf(
      "Federal Secretary Zarar Hasham Khan met Haroon Akhtar Khan, Special Assistant on Industries.\n\nKhan said the zones would open soon.",
    );
    expect(all.map((o) => o.name).sort()).toEqual(["Haroon Akhtar Khan", "Zarar Hasham Khan"]);
    for (const o of all) expect(o.mentions.map((m) => m.nameAsWritten)).not.toContain("Khan");
  });

  it("folds a name without its middle initial into the fuller name", () => {
    const o = only(
      "U.S. Chargé d’Affaires Natalie A. Baker opened the session.\n\nMs. Natalie Baker said the mission would help.",
    );
    expect(o.name).toBe("Natalie A. Baker");
    expect(o.aliases).toEqual(["Natalie Baker"]);
    expect(o.mentions).toHaveLength(2);
  });

  it("keeps apart a shorter name written in full with another body's title (father and son)", () => {
    const all = officialsOf(
      "The High Commissioner met a delegation of the Islamabad Chamber of Commerce and Industry (ICCI) led by its President Ahsan Zafar Bakhtawari. FPCCI Secretary General Zafar Bakhtawari was also included in the delegation.",
    );
    expect(all.map((o) => o.name).sort()).toEqual(["Ahsan Zafar Bakhtawari", "Zafar Bakhtawari"]);
  });

  it("makes one entry of a person two articles name, with both article ids", () => {
    const all = extractOfficials([
      doc(
        "first",
        "MATSUO Takehiko, Vice-Minister for International Affairs at Japan's Ministry of Economy, Trade and Industry, met Pakistani officials.",
      ),
      doc(
        "second",
        "Japan's Vice-Minister Takehiko Matsuo said investment in Pakistan would grow.",
      ),
    ]);
    expect(all).toHaveLength(1);
    const [o] = all;
    expect(o?.name).toBe("Matsuo Takehiko");
    expect(o?.articleIds).toEqual(["first", "second"]);
    expect(o?.aliases).toEqual(["MATSUO Takehiko", "Takehiko Matsuo"]);
    expect(o?.mentions.map((m) => m.articleId)).toEqual(["first", "second"]);
    expect(o?.title).toBe("Vice-Minister for International Affairs");
    expect(o?.organization).toBe("Ministry of Economy, Trade and Industry");
  });
});

describe("mentions", () => {
  it("records the verbatim sentence and its offsets in the body", () => {
    const body =
      "Trade grew last year.\n\nFederal Minister for Commerce Jam Kamal Khan said exports rose. Imports fell.";
    const [o] = extractOfficials([doc("a", body)]);
    const [m] = o?.mentions ?? [];
    expect(m).toEqual({
      articleId: "a",
      passageId: "a#1",
      sentence: "Federal Minister for Commerce Jam Kamal Khan said exports rose.",
      sentenceStart: 23,
      sentenceEnd: 86,
      nameAsWritten: "Jam Kamal Khan",
      title: "Federal Minister for Commerce",
    });
    expect(body.slice(m?.sentenceStart, m?.sentenceEnd)).toBe(m?.sentence);
  });
});

describe("officialMatches", () => {
  const body =
    "Ambassador WADA Mitsuhiro met Special Assistant Haroon Akhtar Khan in Tokyo, Japan.\n\nAmbassador Mitsuhiro invited businessmen to Osaka.";
  const all = extractOfficials([doc("a", body)]);
  const wada = named(all, "Wada Mitsuhiro");
  const haroon = named(all, "Haroon Akhtar Khan");

  it("matches a given name in lower case", () => {
    expect(officialMatches(haroon, "haroon")).toBe(true);
  });

  it("matches name parts in any order", () => {
    expect(officialMatches(haroon, "Khan Haroon")).toBe(true);
  });

  it("matches a surname written in capitals, in either order", () => {
    expect(officialMatches(wada, "wada")).toBe(true);
    expect(officialMatches(wada, "Mitsuhiro WADA")).toBe(true);
  });

  it("matches the alias with a title", () => {
    expect(officialMatches(wada, "Ambassador Mitsuhiro")).toBe(true);
  });

  it("leaves title words in the query aside", () => {
    expect(officialMatches(haroon, "Special Assistant Haroon")).toBe(true);
    expect(officialMatches(haroon, "Ambassador Haroon")).toBe(true);
    expect(officialMatches(wada, "Minister Mitsuhiro")).toBe(true);
  });

  it("matches a query of title words alone against the title", () => {
    expect(officialMatches(wada, "ambassador")).toBe(true);
    expect(officialMatches(haroon, "ambassador")).toBe(false);
  });

  it("matches every official when the query is empty", () => {
    expect(officialMatches(wada, "")).toBe(true);
  });

  it("does not match another person's name", () => {
    expect(officialMatches(wada, "Haroon")).toBe(false);
    expect(officialMatches(haroon, "Takehiko")).toBe(false);
  });
});

describe("a news article not in the seed", () => {
  const body = `ISLAMABAD: Pakistan and China on Tuesday agreed to expand bilateral trade, officials said.

The agreement was reached during a meeting between Federal Minister for Planning, Development and Special Initiatives Ahsan Iqbal and Chinese Ambassador to Pakistan Jiang Zaidong in Islamabad.

“CPEC is entering its second phase and we want investors to relocate industries,” Iqbal said. He added that the government would provide security.

Jiang said China valued its “all-weather strategic cooperative partnership” with Pakistan. “We are committed to the high-quality development of CPEC,” the ambassador said.

The State Bank of Pakistan (SBP) Governor Jameel Ahmad said inflation would stay in single digits at a seminar of the Karachi Chamber of Commerce and Industry (KCCI).

KCCI President Javed Bilwani urged a cut in the policy rate. “Businesses cannot survive at these rates,” Bilwani said.

A senior official of the Ministry of Commerce, who requested anonymity, said a trade policy was being drafted. “The draft will be ready by June,” the official said.

Separately, Saudi Arabia's Minister of Investment Khalid Al-Falih met Prime Minister Shehbaz Sharif.`;
  const all = extractOfficials([doc("news", body)]);

  it("finds each official once with what the article says of them", () => {
    expect(all.map(card)).toEqual([
      {
        name: "Ahsan Iqbal",
        title: "Federal Minister for Planning, Development and Special Initiatives",
        organization: "Ministry of Planning, Development and Special Initiatives",
        country: "Pakistan",
      },
      {
        name: "Jiang Zaidong",
        title: "Chinese Ambassador to Pakistan",
        organization: null,
        country: "China",
      },
      {
        name: "Jameel Ahmad",
        title: "State Bank of Pakistan (SBP) Governor",
        organization: "State Bank of Pakistan",
        country: "Pakistan",
      },
      {
        name: "Javed Bilwani",
        title: "KCCI President",
        organization: "Karachi Chamber of Commerce and Industry",
        country: "Pakistan",
      },
      {
        name: "Khalid Al-Falih",
        title: "Minister of Investment",
        organization: "Ministry of Investment",
        country: "Saudi Arabia",
      },
      { name: "Shehbaz Sharif", title: "Prime Minister", organization: null, country: "Pakistan" },
    ]);
  });

  it("gives quotes to the named speaker, the one ambassador, and none to the anonymous official", () => {
    expect(all.map((o) => [o.name, o.quotes.map((q) => q.text)])).toEqual([
      [
        "Ahsan Iqbal",
        ["CPEC is entering its second phase and we want investors to relocate industries,"],
      ],
      ["Jiang Zaidong", ["We are committed to the high-quality development of CPEC,"]],
      ["Jameel Ahmad", []],
      ["Javed Bilwani", ["Businesses cannot survive at these rates,"]],
      ["Khalid Al-Falih", []],
      ["Shehbaz Sharif", []],
    ]);
  });
});

describe("the seed corpus", () => {
  const seed = [
    "pakistan-japan-industrial-cooperation",
    "pakistan-japan-trade-ties",
    "us-tech-companies-pakistan",
  ].map((id) => {
    const raw = readFileSync(new URL(`../../../corpus/${id}.md`, import.meta.url), "utf8");
    const lines = raw.split(/\r?\n/);
    const second = lines.indexOf("---", 1);
    const title = /^title:\s*(.*)$/m.exec(raw)?.[1] ?? "";
    const body = lines.slice(second + 1).join("\n");
    const article = {
      id,
      title,
      publisher: null,
      url: null,
      published: null,
      body,
      file: `corpus/${id}.md`,
    };
    return { article, passages: splitPassages(article) };
  });
  const all = extractOfficials(seed);

  it("finds the nine officials the articles name, once each", () => {
    expect(all.map((o) => o.name)).toEqual([
      "Haroon Akhtar Khan",
      "Abdul Hameed",
      "Matsuo Takehiko",
      "Wada Mitsuhiro",
      "Jam Kamal Khan",
      "Natalie A. Baker",
      "Zarar Hasham Khan",
      "Azfar Manzoor",
      "Syed Hadi",
    ]);
  });

  it("gives each official the title, organisation and country the articles give", () => {
    expect(all.map(card)).toEqual([
      {
        name: "Haroon Akhtar Khan",
        title: "Special Assistant to the Prime Minister on Industries and Production",
        organization: null,
        country: "Pakistan",
      },
      {
        name: "Abdul Hameed",
        title: "Ambassador to Japan",
        organization: null,
        country: "Pakistan",
      },
      {
        name: "Matsuo Takehiko",
        title: "Vice-Minister for International Affairs",
        organization: "Ministry of Economy, Trade and Industry",
        country: "Japan",
      },
      { name: "Wada Mitsuhiro", title: "Ambassador", organization: null, country: "Japan" },
      {
        name: "Jam Kamal Khan",
        title: "Federal Minister for Commerce",
        organization: "Ministry of Commerce",
        country: "Pakistan",
      },
      {
        name: "Natalie A. Baker",
        title: "U.S. Chargé d’Affaires",
        organization: null,
        country: "United States",
      },
      {
        name: "Zarar Hasham Khan",
        title: "Federal Secretary for Information Technology and Telecommunication",
        organization: "Ministry of Information Technology and Telecommunication",
        country: "Pakistan",
      },
      {
        name: "Azfar Manzoor",
        title: "Special Technology Zones Authority Chairman",
        organization: "Special Technology Zones Authority",
        country: "Pakistan",
      },
      {
        name: "Syed Hadi",
        title: "Special Investment Facilitation Council Project Director",
        organization: "Special Investment Facilitation Council",
        country: "Pakistan",
      },
    ]);
  });

  it("folds the later references into the people named in full", () => {
    expect(named(all, "Wada Mitsuhiro").aliases).toEqual([
      "WADA Mitsuhiro",
      "Ambassador Mitsuhiro",
    ]);
    expect(named(all, "Jam Kamal Khan").aliases).toEqual(["Minister Khan"]);
    expect(named(all, "Matsuo Takehiko").aliases).toEqual(["MATSUO Takehiko"]);
    expect(named(all, "Natalie A. Baker").aliases).toEqual(["Baker"]);
  });

  it("gives Haroon Akhtar Khan and Abdul Hameed both of their quotes", () => {
    expect(named(all, "Haroon Akhtar Khan").quotes.map((q) => q.text)).toEqual([
      "Our focus is on creating an environment where investment is rewarded and innovation thrives,",
      "We believe that by moving away from punitive actions and towards supportive incentives, we can unlock the true potential of our industries.",
    ]);
    expect(named(all, "Abdul Hameed").quotes.map((q) => q.text)).toEqual([
      "Timely follow-ups and concrete outcomes are essential if we are to make real progress,",
      "Our goal is to maintain close coordination and ensure that our efforts translate into tangible benefits for both countries.",
    ]);
  });

  it("gives Matsuo Takehiko his one quote", () => {
    const quotes = named(all, "Matsuo Takehiko").quotes;
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.text).toContain("regulatory certainty and clear incentives are crucial");
  });

  it("gives the METI representative's words to nobody", () => {
    const texts = all.flatMap((o) => o.quotes.map((q) => q.text));
    expect(texts.some((t) => t.startsWith("We are ready to invest and expand"))).toBe(false);
    expect(texts).toHaveLength(5);
  });

  it("cites every quote and mention with a verbatim span of its article", () => {
    const bodies = new Map(seed.map((d) => [d.article.id, d.article.body]));
    expect(all.flatMap((o) => o.quotes)).toHaveLength(5);
    expect(all.flatMap((o) => o.mentions).length).toBeGreaterThan(all.length);
    for (const o of all) {
      for (const q of o.quotes) {
        const body = bodies.get(q.articleId) ?? "";
        expect(body.slice(q.sentenceStart, q.sentenceEnd)).toBe(q.sentence);
        expect(q.sentence).toContain(q.text);
      }
      for (const m of o.mentions) {
        const body = bodies.get(m.articleId) ?? "";
        expect(body.slice(m.sentenceStart, m.sentenceEnd)).toBe(m.sentence);
        expect(m.sentence).toContain(m.nameAsWritten);
      }
    }
  });
});

describe("any text", () => {
  const fragments = [
    "Federal Minister for Commerce Jam Kamal Khan",
    "Pakistan’s Ambassador to Japan, Abdul Hameed,",
    "MATSUO Takehiko, Vice-Minister for International Affairs at Japan’s Ministry of Economy, Trade and Industry (METI)",
    "U.S. Chargé d’Affaires Natalie A. Baker",
    "Baker said",
    "Minister Khan",
    "“We will double our exports next year,”",
    "said",
    "he said.",
    "a representative was quoted as saying.",
    "As",
    "put it,",
    "according to",
    "the minister",
    "the Special Technology Zones Authority",
    "in Tokyo",
    "and",
    ",",
    ".",
    "\n\n",
    "“",
    "”",
    '"',
    "‘",
    "’",
    "Dr.",
    "Mr",
    "A.",
    "Prime Minister’s",
    "Ambassador",
    // Whole quotes, so the quote checks below are reached in most runs, not one in fifty.
    "“Exports will grow this year,” said",
    "“We are ready to invest,” said Federal Minister for Commerce Jam Kamal Khan.",
  ];
  const bodies = fc
    .array(fc.constantFrom(...fragments), { maxLength: 40 })
    .map((parts) => parts.join(" "));

  it("never throws, and cites every mention and quote with a verbatim span of the body", () => {
    const checked = { mentions: 0, quotes: 0 };
    fc.assert(
      fc.property(bodies, (body) => {
        const officials = extractOfficials([doc("a", body)]);
        for (const o of officials) {
          checked.mentions += o.mentions.length;
          checked.quotes += o.quotes.length;
          expect(o.name.split(" ").length).toBeGreaterThanOrEqual(2);
          expect(o.articleIds).toEqual(["a"]);
          for (const m of o.mentions) {
            expect(body.slice(m.sentenceStart, m.sentenceEnd)).toBe(m.sentence);
            expect(m.sentence).toContain(m.nameAsWritten);
          }
          for (const q of o.quotes) {
            expect(body.slice(q.sentenceStart, q.sentenceEnd)).toBe(q.sentence);
            expect(q.sentence).toContain(q.text);
          }
        }
      }),
      { numRuns: 150 },
    );
    console.info(`officials property: ${JSON.stringify(checked)} checked`);
    // 87–122 mentions and 25–33 quotes measured over five runs.
    expect(checked.mentions).toBeGreaterThanOrEqual(30);
    expect(checked.quotes).toBeGreaterThanOrEqual(10);
  });

  it("reads a paragraph of 200,000 characters in well under the time quadratic work would take", () => {
    const piece =
      "As the Federal Minister for Commerce, Trade and Industry Ali Khan said, “we are ready according to the Chairman, ";
    const body = piece.repeat(Math.ceil(200_000 / piece.length));
    const started = performance.now();
    const officials = extractOfficials([doc("a", body)]);
    // Linear work took 0.4–1.2 s here on 2026-11-30 (2 cores, load average 8, the first call
    // the slowest); quadratic work took four.
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(officials.map((o) => o.name)).toEqual(["Ali Khan"]);
  });
});

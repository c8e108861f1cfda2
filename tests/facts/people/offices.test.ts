import { describe, expect, it } from "vitest";
import { kindOfOffices, officeOfTitle } from "../../../src/facts/people/offices";
import { extractOfficials } from "../../../src/facts/people/officials";
import type { Official } from "../../../src/types";
import { articleText } from "../../support/people";

const doc = (id: string, body: string) => articleText(body, id);

/** A Pakistani news item: the sentence, then a paragraph placing it in Pakistan's trade news. */
const PAKISTANI = "\n\nThe talks concerned Pakistan’s trade and investment.";

function only(body: string): Official {
  const all = extractOfficials([doc("a", body + PAKISTANI)]);
  expect(all).toHaveLength(1);
  const [o] = all;
  if (!o) throw new Error("no official");
  return o;
}

const card = (o: Official) => ({
  name: o.name,
  title: o.title,
  organization: o.organization,
  country: o.country,
  kind: o.kind,
});

/** Rank and portfolio of a title, the parts a role in a question is matched against. */
const office = (title: string, organization: string | null = null) => {
  const o = officeOfTitle(title, organization, null, null);
  return o && { rank: o.rank, modifiers: o.modifiers, portfolio: o.portfolio };
};

describe("one office however the title is worded", () => {
  it("makes a commerce minister one office in three wordings", () => {
    const want = { rank: "minister", modifiers: [], portfolio: ["commerce"] };
    expect(office("Commerce Minister")).toEqual(want);
    expect(office("Federal Minister for Commerce")).toEqual(want);
    expect(office("Minister of Commerce")).toEqual(want);
  });

  it("keeps the modifiers of a rank apart from the rank", () => {
    expect(office("Vice Minister of Commerce")).toEqual({
      rank: "minister",
      modifiers: ["vice"],
      portfolio: ["commerce"],
    });
    expect(office("Minister of State for Finance")).toEqual({
      rank: "minister",
      modifiers: ["state"],
      portfolio: ["finance"],
    });
    expect(office("Acting Chairperson")).toEqual({
      rank: "chairman",
      modifiers: ["acting"],
      portfolio: [],
    });
  });

  it("reads a body's words and acronym as the portfolio", () => {
    expect(office("FPCCI President")).toEqual({
      rank: "president",
      modifiers: [],
      portfolio: ["fpcci"],
    });
    expect(office("Chairwoman of the Federation Council")).toEqual({
      rank: "chairman",
      modifiers: [],
      portfolio: ["federation", "council"],
    });
    expect(office("CEO", "Pakistan Textile Council")).toEqual({
      rank: "ceo",
      modifiers: [],
      portfolio: ["textile", "council"],
    });
  });

  it("does not take an emir or a crown prince for a prime minister", () => {
    expect(office("Emir")?.rank).toBe("emir");
    expect(office("Crown Prince")?.rank).toBe("crown prince");
    expect(office("Prime Minister")?.rank).toBe("prime minister");
  });

  it("gives one person named by two wordings of one office one office", () => {
    const all = extractOfficials([
      doc("first", `Commerce Minister Jam Kamal Khan met exporters in Karachi.${PAKISTANI}`),
      doc("second", `Federal Minister for Commerce Jam Kamal Khan opened the expo.${PAKISTANI}`),
    ]);
    expect(all).toHaveLength(1);
    expect(all[0]?.offices.map((o) => [o.rank, o.portfolio, o.country])).toEqual([
      ["minister", ["commerce"], "Pakistan"],
    ]);
  });
});

describe("what kind of person an office makes someone", () => {
  const kind = (title: string, organization: string | null = null, government = false) => {
    const o = officeOfTitle(title, organization, null, null);
    return kindOfOffices(o ? [o] : [], government);
  };

  it("tells diplomats, officials of state, business people and analysts apart", () => {
    expect(kind("Ambassador")).toBe("diplomat");
    expect(kind("trade and investment minister", "Pakistani embassy in Riyadh")).toBe("diplomat");
    expect(kind("Federal Minister for Commerce")).toBe("government");
    expect(kind("Emir")).toBe("government");
    expect(kind("Chairman", "Senate", true)).toBe("government");
    expect(kind("President", "Karachi Chamber of Commerce and Industry")).toBe("business");
    expect(kind("Secretary General", "FPCCI")).toBe("business");
    expect(kind("CEO", "Pakistan Textile Council", true)).toBe("business");
    expect(kind("founder")).toBe("business");
    expect(kind("economist", "Topline Securities")).toBe("analyst");
    expect(kind("Director")).toBe("other");
  });

  it("shows the kind of people who hold no office of state", () => {
    expect(card(only("LCCI President Kashif Anwar said exporters need cheaper power."))).toEqual({
      name: "Kashif Anwar",
      title: "LCCI President",
      organization: "LCCI",
      country: null,
      kind: "business",
    });
    expect(
      only(
        "Sana Tariq, an economist at Karachi-based Topline Securities, said the deficit would narrow.",
      ).kind,
    ).toBe("analyst");
  });
});

describe("titles as written", () => {
  it("keeps a country's adjective in the title and reads the country from it", () => {
    expect(card(only("Dutch Ambassador Anna Visser visited the Lahore Chamber."))).toEqual({
      name: "Anna Visser",
      title: "Dutch Ambassador",
      organization: null,
      country: "Netherlands",
      kind: "diplomat",
    });
  });

  it("reads a title after the name with the country's possessive", () => {
    expect(
      card(only("Ahmed Samir, Egypt's Minister of Trade and Industry, met the delegation.")),
    ).toEqual({
      name: "Ahmed Samir",
      title: "Minister of Trade and Industry",
      organization: "Ministry of Trade and Industry",
      country: "Egypt",
      kind: "government",
    });
  });

  it("reads an ambassador 'of' a country as that country's", () => {
    const o = only("Ambassador of Oman Ali Al-Harthy met exporters in Karachi.");
    expect(card(o)).toEqual({
      name: "Ali Al-Harthy",
      title: "Ambassador of Oman",
      organization: null,
      country: "Oman",
      kind: "diplomat",
    });
    expect(o.offices.map((x) => [x.rank, x.country])).toEqual([["ambassador", "Oman"]]);
  });

  it("reads a lower-case title after the name, with a particle inside the name", () => {
    expect(
      card(
        only(
          "Badar uz Zaman, commercial counsellor at Pakistani Embassy in Beijing, said trade had grown.",
        ),
      ),
    ).toEqual({
      name: "Badar uz Zaman",
      title: "commercial counsellor",
      organization: "Pakistani Embassy in Beijing",
      country: "Pakistan",
      kind: "diplomat",
    });
  });

  it("reads a title the sentence before gives nobody as the title of the one named next", () => {
    expect(
      card(
        only(
          "Oman’s Ambassador to Pakistan attended the ceremony in Karachi. Ali Al-Harthy said trade would double.",
        ),
      ),
    ).toEqual({
      name: "Ali Al-Harthy",
      title: "Ambassador to Pakistan",
      organization: null,
      country: "Oman",
      kind: "diplomat",
    });
  });

  it("keeps the fuller of two titles set side by side for one holder", () => {
    const o = only(
      "The High Commissioner (HC) of Malaysia to Pakistan, Ambassador Mohammad Azhar Mazlan said trade rose.",
    );
    expect(card(o)).toEqual({
      name: "Mohammad Azhar Mazlan",
      title: "High Commissioner (HC) of Malaysia to Pakistan",
      organization: null,
      country: "Malaysia",
      kind: "diplomat",
    });
  });

  it("keeps a body written bare after the title, and two titles joined by a slash", () => {
    expect(card(only("She came on the invitation of Chairman Senate Yousaf Raza Gilani."))).toEqual(
      {
        name: "Yousaf Raza Gilani",
        title: "Chairman Senate",
        organization: "Senate",
        country: "Pakistan",
        kind: "government",
      },
    );
    expect(
      card(
        only(
          "Trade rose, said Valentina Matviyenko, the Chairwoman/ Speaker of Russia’s Federation Council of the Federal Assembly.",
        ),
      ),
    ).toEqual({
      name: "Valentina Matviyenko",
      title: "Chairwoman/ Speaker of Russia’s Federation Council of the Federal Assembly",
      organization: "Federation Council of the Federal Assembly",
      country: "Russia",
      kind: "government",
    });
  });

  it("joins two offices of one holder before what both belong to, and a body set off after", () => {
    expect(
      card(
        only(
          "Mahesh Mishra, Counsellor and Group Head (Economic and Trade), British High Commission, addressed traders.",
        ),
      ),
    ).toEqual({
      name: "Mahesh Mishra",
      title: "Counsellor and Group Head (Economic and Trade)",
      organization: "British High Commission",
      country: "United Kingdom",
      kind: "diplomat",
    });
    expect(
      only("Zafar Masud, President and CEO of the Bank of Punjab, said profits rose.").title,
    ).toBe("President and CEO of the Bank of Punjab");
  });

  it("keeps 'the Prime Minister and Finance Minister X' two people's titles", () => {
    const o = only(
      "The Prime Minister and Finance Minister Muhammad Aurangzeb attended the launch.",
    );
    expect(o.title).toBe("Finance Minister");
    expect(o.offices.map((x) => x.rank)).toEqual(["minister"]);
  });

  it("reads titles written as acronyms in capitals only", () => {
    const all = extractOfficials([
      doc("a", `PM Shehbaz Sharif met SAPM on Commerce Haroon Akhtar Khan at 5 pm.${PAKISTANI}`),
    ]);
    expect(all.map((o) => [o.name, o.title, o.offices[0]?.rank])).toEqual([
      ["Shehbaz Sharif", "PM", "prime minister"],
      ["Haroon Akhtar Khan", "SAPM on Commerce", "assistant"],
    ]);
  });

  it("reads honours and honorifics before a name and leaves them out of it", () => {
    const names = extractOfficials([
      doc(
        "a",
        `Malaysian Minister Datuk Seri Tengku Zafrul Aziz met Engr. Ahmed Ali Khan and H.E. Bilal Ahmed.${PAKISTANI}`,
      ),
    ]).map((o) => o.name);
    expect(names).toEqual(["Tengku Zafrul Aziz", "Ahmed Ali Khan", "Bilal Ahmed"]);
  });

  it("takes the body 'its' points back to for a title's organisation", () => {
    expect(
      card(
        only(
          "The envoy met a delegation of Islamabad Chamber of Commerce and Industry (ICCI) led by its President Ahsan Zafar Bakhtawari.",
        ),
      ),
    ).toEqual({
      name: "Ahsan Zafar Bakhtawari",
      title: "President",
      organization: "Islamabad Chamber of Commerce and Industry",
      country: "Pakistan",
      kind: "business",
    });
  });
});

describe("the people an article names beside someone", () => {
  it("lists who met whom, both ways, once each", () => {
    const all = extractOfficials([
      doc(
        "a",
        `Prime Minister Shehbaz Sharif met Uzbek President Shavkat Mirziyoyev in Tashkent. Sharif and Mirziyoyev signed MoUs.${PAKISTANI}`,
      ),
    ]);
    const by = (name: string) => all.find((o) => o.name === name);
    expect(by("Shehbaz Sharif")?.associates.map((a) => [a.name, a.title, a.articleId])).toEqual([
      ["Shavkat Mirziyoyev", "Uzbek President", "a"],
    ]);
    expect(by("Shavkat Mirziyoyev")?.associates.map((a) => a.name)).toEqual(["Shehbaz Sharif"]);
  });
});

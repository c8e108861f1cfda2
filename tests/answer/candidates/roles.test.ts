import { describe, expect, it } from "vitest";
import { askedRole, roleCandidates } from "../../../src/answer/candidates/roles";
import { assembleKnowledge } from "../../../src/answer/knowledge";
import { planQuestion } from "../../../src/answer/question";
import type { OfficeFacts, Official } from "../../../src/types";

const office = (o: Partial<OfficeFacts> & { rank: string }): OfficeFacts => ({
  modifiers: [],
  portfolio: [],
  organization: null,
  country: null,
  postedTo: null,
  ...o,
});

const official = (name: string, title: string, offices: OfficeFacts[]): Official => ({
  name,
  aliases: [],
  title,
  organization: null,
  country: offices[0]?.country ?? null,
  kind: "government",
  offices,
  quotes: [],
  articleIds: ["a"],
  mentions: [],
  associates: [],
});

const OFFICIALS = [
  official("Jam Kamal Khan", "Federal Minister for Commerce", [
    office({ rank: "minister", portfolio: ["commerce"], country: "Pakistan" }),
  ]),
  official("Matsuo Takehiko", "Vice-Minister for International Affairs", [
    office({ rank: "minister", modifiers: ["vice"], portfolio: ["trade"], country: "Japan" }),
  ]),
  official("Omer Bolat", "Trade Minister", [
    office({ rank: "minister", portfolio: ["trade"], country: "Turkey" }),
  ]),
  official("Abdul Hameed", "Ambassador to Japan", [
    office({ rank: "ambassador", country: "Pakistan", postedTo: "Japan" }),
  ]),
  official("Wada Mitsuhiro", "Ambassador", [office({ rank: "ambassador", country: "Japan" })]),
  official("Li Qiang", "Premier", [office({ rank: "prime minister", country: "China" })]),
  official("He Lifeng", "Vice Premier", [
    office({ rank: "prime minister", modifiers: ["vice"], country: "China" }),
  ]),
  // Named once with his portfolio and once as plain "Minister Abbasi": one office, not two.
  official("Hanif Abbasi", "Federal Minister for Railways", [
    office({ rank: "minister", portfolio: ["railways"], country: "Pakistan" }),
    office({ rank: "minister", country: "Pakistan" }),
  ]),
  official("Azfar Manzoor", "Special Technology Zones Authority Chairman", [
    office({
      rank: "chairman",
      organization: "Special Technology Zones Authority",
      country: "Pakistan",
    }),
  ]),
];

const k = assembleKnowledge({ articles: [], passages: [], figures: [], officials: OFFICIALS });

/** The officials a question's role fits, those a conflict rules out left aside. */
const fitting = (question: string) =>
  roleCandidates(k, planQuestion(question))
    .filter((c) => c.conflict === null)
    .map((c) => c.official.name);

describe("a who-question's office", () => {
  it("reads rank, portfolio, whose office and where it is posted", () => {
    expect(askedRole(planQuestion("who is pakistan's ambassador to Japan"))).toMatchObject({
      rank: "ambassador",
      owner: "Pakistan",
      postedTo: "Japan",
    });
    expect(askedRole(planQuestion("who is the Iranian ambassador to Pakistan"))).toMatchObject({
      owner: "Iran",
      postedTo: "Pakistan",
    });
    expect(askedRole(planQuestion("who heads the STZA"))).toMatchObject({
      rank: "head",
      acronyms: ["STZA"],
    });
  });

  it("takes the first country of a telegraphic question as the owner, the next as the posting", () => {
    expect(askedRole(planQuestion("Pakistan ambassador Japan"))).toMatchObject({
      owner: "Pakistan",
      postedTo: "Japan",
    });
  });

  it("names no office when the question names no rank", () => {
    expect(askedRole(planQuestion("who said trade would double"))).toBeNull();
  });
});

describe("matching the asked office against the offices people hold", () => {
  it("finds the commerce minister by portfolio, trade and commerce being one", () => {
    expect(fitting("who is Pakistan's commerce minister")).toEqual(["Jam Kamal Khan"]);
    expect(fitting("who is Pakistan's trade minister")).toEqual(["Jam Kamal Khan"]);
  });

  it("with no country named, prefers Pakistan's office to a partner's of the same portfolio", () => {
    const [pakistan, turkey] = ["Jam Kamal Khan", "Omer Bolat"].map(
      (name) =>
        roleCandidates(k, planQuestion("who is the commerce minister")).find(
          (c) => c.official.name === name,
        )?.features.owner ?? 0,
    );
    expect(pakistan).toBeGreaterThan(turkey ?? 1);
  });

  it("never gives a Vice-Minister for the minister, nor another country's minister", () => {
    expect(fitting("who is Japan's trade minister")).toEqual([]);
    expect(fitting("who is Turkey's trade minister")).toEqual(["Omer Bolat"]);
  });

  it("tells Pakistan's ambassador to Japan from Japan's ambassador", () => {
    expect(fitting("who is Pakistan's ambassador to Japan")).toEqual(["Abdul Hameed"]);
    expect(fitting("who is the Japanese ambassador")).toEqual(["Wada Mitsuhiro"]);
  });

  it("never gives the premier for the vice premier", () => {
    expect(fitting("who is the chinese vice premier")).toEqual(["He Lifeng"]);
  });

  it("does not take a minister named once without his portfolio for a portfolio he does not hold", () => {
    expect(fitting("who is the industries minister")).not.toContain("Hanif Abbasi");
    expect(fitting("who is the railways minister")).toEqual(["Hanif Abbasi"]);
  });

  it("reads a body's initials in the question", () => {
    expect(fitting("who heads the STZA")).toEqual(["Azfar Manzoor"]);
  });
});

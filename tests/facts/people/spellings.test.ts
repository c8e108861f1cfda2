import { describe, expect, it } from "vitest";
import { splitPassages } from "../../../src/corpus/passages";
import { phoneticNameKey, phoneticPart } from "../../../src/facts/people/names";
import { type ArticleText, extractOfficials } from "../../../src/facts/people/officials";
import { officeOf, officesCompatible } from "../../../src/facts/people/titles";
import type { Official } from "../../../src/types";

function doc(id: string, body: string): ArticleText {
  const article = {
    id,
    title: "Test article",
    publisher: null,
    url: null,
    published: null,
    body: `${body}\n\nThe talks concerned Pakistan’s trade and investment.`,
    file: `corpus/${id}.md`,
  };
  return { article, passages: splitPassages(article) };
}

/** The officials of several one-paragraph articles: name, aliases, title and article ids. */
function across(...bodies: string[]) {
  return extractOfficials(bodies.map((b, i) => doc(`a${i + 1}`, b))).map((o: Official) => ({
    name: o.name,
    aliases: o.aliases,
    title: o.title,
    articleIds: o.articleIds,
  }));
}

function compatible(a: [string, string | null], b: [string, string | null]): boolean {
  const x = officeOf(...a);
  const y = officeOf(...b);
  if (!x || !y) throw new Error("no office");
  return officesCompatible(x, y);
}

describe("transliterations", () => {
  it("gives the spellings of Muhammad one form", () => {
    expect(
      ["Mohammad", "Mohammed", "Muhammed", "Mohd"].map((w) => phoneticPart(w.toLowerCase())),
    ).toEqual(["muhammad", "muhammad", "muhammad", "muhammad"]);
  });

  it("reads doubled vowels and consonants as single ones", () => {
    expect(phoneticPart("jameel")).toBe("jamil");
    expect(phoneticPart("naveed")).toBe("navid");
    expect(phoneticPart("hussain")).toBe("husain");
    expect(phoneticPart("ghafoor")).toBe("ghafur");
  });

  it("keeps different names apart", () => {
    expect(phoneticPart("jamil")).not.toBe(phoneticPart("jamal"));
    expect(phoneticNameKey("Tariq Ahmed")).toBe(phoneticNameKey("Tariq Ahmad"));
    expect(phoneticNameKey("Tariq Ahmed")).not.toBe(phoneticNameKey("Tariq Mahmood"));
  });
});

describe("offices", () => {
  it("takes a portfolio before the title and after it for one office", () => {
    expect(compatible(["Commerce Minister", null], ["Federal Minister for Commerce", null])).toBe(
      true,
    );
  });

  it("takes a bank's acronym and its name for one body", () => {
    expect(compatible(["Governor", "SBP"], ["Governor", "State Bank of Pakistan"])).toBe(true);
  });

  it("tells two portfolios apart", () => {
    expect(compatible(["Finance Minister", null], ["Minister for Commerce", null])).toBe(false);
  });

  it("tells the prime minister from a minister", () => {
    expect(compatible(["Prime Minister", null], ["Minister for Commerce", null])).toBe(false);
  });
});

describe("one person across articles", () => {
  it("folds two spellings of a governor's name when the offices agree", () => {
    expect(
      across(
        "SBP Governor Jameel Ahmad said the policy rate would stay unchanged.",
        "State Bank Governor Jamil Ahmad met bankers in Karachi.",
      ),
    ).toEqual([
      {
        name: "Jameel Ahmad",
        aliases: ["Jamil Ahmad"],
        title: "State Bank Governor",
        articleIds: ["a1", "a2"],
      },
    ]);
  });

  it("folds Muhammad and Mohammad when one article gives no title", () => {
    expect(
      across(
        "Finance Minister Muhammad Aurangzeb said revenue rose.",
        "Refunds would be paid this month, said Mohammad Aurangzeb.",
      ).map((o) => [o.name, o.articleIds]),
    ).toEqual([["Muhammad Aurangzeb", ["a1", "a2"]]]);
  });

  it("keeps two spellings apart when their offices differ", () => {
    expect(
      across(
        "Finance Minister Tariq Ahmed said revenue rose.",
        "Commerce Minister Tariq Ahmad said exports rose.",
      ).map((o) => o.name),
    ).toEqual(["Tariq Ahmed", "Tariq Ahmad"]);
  });

  it("folds a shorter name into the full name of the same office", () => {
    expect(
      across(
        "Commerce Minister Jam Kamal met traders in Peshawar.",
        "Federal Minister for Commerce Jam Kamal Khan visited Jakarta.",
      ),
    ).toEqual([
      {
        name: "Jam Kamal Khan",
        aliases: ["Jam Kamal"],
        title: "Federal Minister for Commerce",
        articleIds: ["a1", "a2"],
      },
    ]);
  });

  it("keeps people who share a surname apart", () => {
    expect(
      across(
        "Ambassador to Uzbekistan Farrukh Jamil met traders.",
        "Federal Secretary for Commerce Ahmad Jamil visited Tashkent.",
      ).map((o) => o.name),
    ).toEqual(["Farrukh Jamil", "Ahmad Jamil"]);
  });

  it("keeps a shorter name apart when its office differs", () => {
    expect(
      across(
        "Finance Minister Ali Raza met traders.",
        "Commerce Minister Ali Raza Khan visited Jakarta.",
      ).map((o) => o.name),
    ).toEqual(["Ali Raza", "Ali Raza Khan"]);
  });

  it("keeps a shorter name apart when two full names could hold it", () => {
    expect(
      across(
        "Commerce Minister Ali Raza met traders.",
        "Federal Minister for Commerce Ali Raza Khan visited Jakarta.",
        "Federal Minister for Commerce Ali Raza Shah visited Dhaka.",
      ).map((o) => o.name),
    ).toEqual(["Ali Raza", "Ali Raza Khan", "Ali Raza Shah"]);
  });
});

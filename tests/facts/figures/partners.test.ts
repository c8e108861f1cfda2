import { describe, expect, it } from "vitest";
import { splitPassages } from "../../../src/corpus/passages";
import { extractFigures } from "../../../src/facts/figures/figures";

/** Each figure of `body` with its partners. */
function partners(body: string, title = "Economy update"): [string, string[]][] {
  const article = { id: "test", title, body };
  return extractFigures(article, splitPassages(article)).map((f) => [f.value, f.partners]);
}

describe("partners of figures in a list", () => {
  it("gives each figure of a list the country it stands beside, and the head the rest", () => {
    expect(
      partners(
        "Saudi Arabia remained the largest source of remittances during the nine months, with inflows of $6.8 billion, followed by the United Arab Emirates at $5.6 billion, the United Kingdom at $4.4 billion and the United States at $2.8 billion.",
      ),
    ).toEqual([
      ["$6.8 billion", ["Saudi Arabia"]],
      ["$5.6 billion", ["United Arab Emirates"]],
      ["$4.4 billion", ["United Kingdom"]],
      ["$2.8 billion", ["United States"]],
    ]);
  });

  it("reads a country with its figure in brackets as that figure's", () => {
    expect(
      partners("The largest buyers were China ($2.1 billion) and Germany ($1.4 billion)."),
    ).toEqual([
      ["$2.1 billion", ["China"]],
      ["$1.4 billion", ["Germany"]],
    ]);
  });
});

describe("countries that are not partners", () => {
  it("leaves out rivals and competitors", () => {
    expect(
      partners(
        "Mills were paying around Rs 42 per unit for electricity, nearly double the rate paid by competitors in Bangladesh and Vietnam.",
      ),
    ).toEqual([["Rs 42", []]]);
    expect(
      partners("Exporters would face duties of 8-12% in the EU market and struggle against India."),
    ).toEqual([["8-12%", ["European Union"]]]);
  });

  it("leaves out a country goods only pass through", () => {
    expect(
      partners(
        "Around 2,300 trucks carried cargo between the two countries through Afghanistan in 2024.",
        "Uzbekistan and Pakistan agree to expand trade",
      ),
    ).toEqual([["2,300 trucks", ["Uzbekistan"]]]);
  });

  it("gives a total stated as Pakistan's own no partner", () => {
    expect(
      partners("The EU accounted for 29.7 percent of Pakistan’s total exports of $30.6 billion."),
    ).toEqual([
      ["29.7 percent", ["European Union"]],
      ["$30.6 billion", []],
    ]);
  });
});

describe("countries named beside the figure", () => {
  it("takes a country in the counted noun as a partner", () => {
    expect(partners("More than 50 Turkish companies are active in Pakistan.")).toEqual([
      ["50 Turkish companies", ["Turkey"]],
    ]);
  });

  it("takes every country of an enumeration the clause starts", () => {
    expect(
      partners(
        "Traders may exchange 26 listed goods with counterparts in Afghanistan, Iran and Russia without using hard currency.",
      ),
    ).toEqual([["26 listed goods", ["Afghanistan", "Iran", "Russia"]]]);
  });
});

import { describe, expect, it } from "vitest";
import { buildEngine } from "../../src/engine";
import { articleOf } from "../compare/figure-in";

/** Two paragraphs as Arab News wrote them: all exports with their year, then one good's share. */
const engine = buildEngine([
  articleOf(
    "saudi-exports",
    [
      "Pakistan’s exports to Saudi Arabia increased by 31 percent to a record of $563.47 million in the outgoing fiscal year (FY23).",
      "The exports to the Kingdom were boosted by the sale of rice which stood at $106.68 million, followed by meat that increased from $46.8 million to $82.73 million.",
    ],
    "2023-07-31",
  ),
]);

describe("a question about one good", () => {
  it("never answers 'how much rice' with the total of all exports", () => {
    const a = engine.ask("How much rice did Pakistan sell to Saudi Arabia in FY23?");
    expect(a.text).not.toContain("$563.47 million");
  });

  it("still answers the total when the total is asked", () => {
    const a = engine.ask("How much did Pakistan export to Saudi Arabia in FY23?");
    expect(a.answered).toBe(true);
    expect(a.text).toContain("$563.47 million");
  });
});

describe("a total and the goods it is made of", () => {
  const oman = buildEngine([
    articleOf(
      "oman-trade",
      [
        "Pakistan’s exports to Oman were USD 450 million, mostly rice, meat, vegetables and textiles, while imports from Oman, led by urea, polyethylene and refined petroleum products, reached USD 752 million.",
      ],
      "2024-05-01",
    ),
  ]);

  it("does not give the imports led by urea as the urea, neither as a figure nor as its sentence", () => {
    const a = oman.ask("how much urea does pakistan import from oman");
    expect(a.answered).toBe(false);
  });

  it("does not give exports made up mostly of rice and meat as the meat exports", () => {
    const a = oman.ask("What is the value of Pakistan's meat exports to Oman?");
    expect(a.text).not.toContain("USD 450 million");
  });

  it("still gives the whole when the whole is asked", () => {
    const a = oman.ask("how much does pakistan import from oman");
    expect(a.answered).toBe(true);
    expect(a.text).toContain("USD 752 million");
  });

  it("answers a share of a part, which is what a share question asks", () => {
    const us = buildEngine([
      articleOf(
        "us-textiles",
        [
          "Textiles and clothing accounted for around 78% of Pakistan's shipments to the US, led by home textiles, knitwear and denim.",
        ],
        "2025-02-01",
      ),
    ]);
    const a = us.ask("What share of Pakistan's shipments to America are textiles and clothing?");
    expect(a.text).toContain("78%");
  });
});

describe("a good named before its flow, and the level a movement reached", () => {
  const saudi = buildEngine([
    articleOf(
      "saudi-goods",
      [
        "Pakistan’s exports to Saudi Arabia increased by 31 percent to a record of $563.47 million in the outgoing fiscal year (FY23).",
        "The exports to the Kingdom were boosted by the sale of rice which stood at $106.68 million, followed by meat that increased from $46.8 million to $82.73 million.",
      ],
      "2023-07-31",
    ),
  ]);

  it("answers 'what did meat exports rise to' with the level meat reached, not rice's figure nor the level before", () => {
    const a = saudi.ask("what did meat exports to the kingdom rise to?");
    expect(a.text).not.toContain("$106.68 million");
    expect(a.text).not.toContain("$46.8 million");
    expect(a.answered).toBe(true);
    expect(a.text).toContain("$82.73 million");
  });

  it("never gives the level reached when the level before is asked", () => {
    const a = saudi.ask("meat exports to saudi arabia rose from how much?");
    expect(a.text).not.toContain("$82.73 million");
  });
});

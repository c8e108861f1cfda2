import { describe, expect, it } from "vitest";
import { meaningMatches, meaningOf, readMeasureQuery } from "../../src/compare/measure-meaning";
import { figureIn } from "./figure-in";

const meaning = (sentence: string, value: string, measure: string) => {
  const m = meaningOf(figureIn(sentence, value, { measure }));
  if (!m) throw new Error(`no meaning for ${measure}`);
  return m;
};

describe("what a figure measures, by meaning", () => {
  it("lines up trade volume, bilateral trade, two-way trade and total trade", () => {
    const keys = [
      meaning(
        "The trade volume stood at $1.26 billion in FY2022-23.",
        "$1.26 billion",
        "trade volume",
      ),
      meaning(
        "Bilateral trade totaled about $7.3 billion in 2023.",
        "$7.3 billion",
        "bilateral trade",
      ),
      meaning("Two-way trade reached $2 billion last year.", "$2 billion", "two-way trade"),
      meaning("Total trade with Central Asia was $612 million.", "$612 million", "total trade"),
    ];
    expect(new Set(keys.map((k) => k.key)).size).toBe(1);
    expect(keys[0]?.label).toBe("bilateral trade");
  });

  it("keeps the same word in another sense apart: a trade deficit is not trade", () => {
    const trade = meaning("Trade stood at $4.3 billion.", "$4.3 billion", "trade");
    const deficit = meaning("The trade deficit was $3.7 billion.", "$3.7 billion", "trade deficit");
    expect(deficit.key).not.toBe(trade.key);
    expect(deficit.label).toBe("trade deficit");
  });

  it("reads whose exports they are from who sells to whom", () => {
    const dutch = meaning("Dutch exports to Pakistan were worth €310m.", "€310m", "Dutch exports");
    const eu = meaning(
      "In euro terms, EU imports from Pakistan were worth €6.9 billion in calendar year 2023.",
      "€6.9 billion",
      "EU imports",
    );
    expect(dutch.base).toBe("imports");
    expect(eu.base).toBe("exports");
    const second = meaning(
      "Total trade was $690 million, with Pakistani imports from Morocco accounting for $604 million and exports to Morocco only $86 million.",
      "$86 million",
      "exports",
    );
    expect(second.base).toBe("exports");
  });

  it("keeps what is traded as part of the measure", () => {
    const all = meaning(
      "Pakistan's exports to China were $2.7 billion.",
      "$2.7 billion",
      "exports",
    );
    const sesame = meaning(
      "Pakistan's sesame exports to China had crossed $300 million in FY24.",
      "$300 million",
      "sesame exports",
    );
    expect(sesame.key).not.toBe(all.key);
    expect(sesame.label).toBe("sesame exports");
    expect(
      meaning(
        "Imports of palm oil were valued at $2.9 billion.",
        "$2.9 billion",
        "imports of palm oil",
      ).key,
    ).toBe(
      meaning("The palm oil import bill was $4.1 billion.", "$4.1 billion", "palm oil import bill")
        .key,
    );
  });

  it("keeps targets apart from results", () => {
    const target = meaning(
      "Both governments had set a target of raising bilateral trade to $6 billion by 2028.",
      "$6 billion",
      "target of raising bilateral trade",
    );
    const agreed = meaning(
      "Pakistan and Egypt agreed to raise bilateral trade to $1 billion by 2027.",
      "$1 billion",
      "bilateral trade",
    );
    const result = meaning(
      "Bilateral trade stood at $4.3 billion.",
      "$4.3 billion",
      "bilateral trade",
    );
    expect(target.nature).toBe("target");
    expect(agreed.key).toBe(target.key);
    expect(result.key).not.toBe(target.key);
    expect(target.label).toBe("bilateral trade target");
  });

  it("keeps growth rates and shares apart from amounts", () => {
    const growth = meaning(
      "Pakistan's exports to China rose 14.5 percent to $2.68 billion.",
      "14.5 percent",
      "exports",
    );
    const amount = meaning(
      "Pakistan's exports to China rose 14.5 percent to $2.68 billion.",
      "$2.68 billion",
      "exports",
    );
    expect(growth.nature).toBe("change");
    expect(amount.nature).toBe("level");
    const share = meaning(
      "The EU accounted for 29.7 percent of Pakistan's total exports.",
      "29.7 percent",
      "total exports",
    );
    expect(share.nature).toBe("share");
    // "made up" is not "up": a part of a total, not a rise.
    expect(
      meaning("Exports to Egypt made up $318 million of the total.", "$318 million", "exports")
        .nature,
    ).toBe("level");
  });

  it("keeps a total from everywhere apart from one partner's share", () => {
    const china = meaning("China's FDI was 516 million dollars.", "516 million dollars", "FDI");
    const total = meaning("Total FDI was 1.9 billion dollars.", "1.9 billion dollars", "total FDI");
    expect(china.base).toBe("foreign direct investment");
    expect(total.key).not.toBe(china.key);
  });

  it("has no meaning for a figure whose measure the article does not say", () => {
    expect(
      meaningOf(figureIn("It stood at $5 billion.", "$5 billion", { measure: null })),
    ).toBeNull();
  });
});

describe("a measure as a person asks for it", () => {
  const trade = meaning(
    "Bilateral trade stood at $4.3 billion.",
    "$4.3 billion",
    "bilateral trade",
  );
  const tradeTarget = meaning(
    "They set a target of raising bilateral trade to $6 billion by 2028.",
    "$6 billion",
    "target of raising bilateral trade",
  );
  const sesame = meaning("Sesame exports crossed $300 million.", "$300 million", "sesame exports");
  const exports = meaning("Exports to China were $2.7 billion.", "$2.7 billion", "exports");

  it("matches any wording of the same meaning, and results and targets alike unless told", () => {
    for (const asked of ["trade volume", "two-way trade", "bilateral trade", "Trade"]) {
      expect(meaningMatches(trade, readMeasureQuery(asked)), asked).toBe(true);
      expect(meaningMatches(tradeTarget, readMeasureQuery(asked)), asked).toBe(true);
    }
    expect(meaningMatches(trade, readMeasureQuery("trade target"))).toBe(false);
    expect(meaningMatches(tradeTarget, readMeasureQuery("trade target"))).toBe(true);
  });

  it("does not take exports for sesame exports, nor the other way round", () => {
    expect(meaningMatches(exports, readMeasureQuery("exports"))).toBe(true);
    expect(meaningMatches(sesame, readMeasureQuery("exports"))).toBe(false);
    expect(meaningMatches(sesame, readMeasureQuery("sesame exports"))).toBe(true);
    expect(meaningMatches(exports, readMeasureQuery("trade deficit"))).toBe(false);
  });
});

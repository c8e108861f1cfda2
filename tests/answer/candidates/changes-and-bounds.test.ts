import { describe, expect, it } from "vitest";
import { boundHeldBy, oneReading } from "../../../src/answer/candidates/bounds";
import { clauseOf } from "../../../src/answer/candidates/clause";
import { isChange } from "../../../src/answer/candidates/figures";
import { tradeSide } from "../../../src/answer/trade-side";
import { figureIn } from "../../compare/figure-in";

const US = { measure: "exports", period: "fiscal year 2021", partners: ["United States"] };

describe("telling a change from a level", () => {
  const sentence =
    "Pakistani exports to the US were recorded at $5.2 billion, compared with the exports of $3.7 billion last year, showing an increase of $1.45 billion.";

  it("reads 'an increase of $1.45 billion' as a change and '$5.2 billion' as a level", () => {
    expect(isChange(figureIn(sentence, "$1.45 billion", US))).toBe(true);
    expect(isChange(figureIn(sentence, "$5.2 billion", US))).toBe(false);
  });

  it("reads 'a growth of 65 percent' as a change", () => {
    const growth = "Exports to the EU have witnessed a growth of 65 percent since 2014.";
    expect(isChange(figureIn(growth, "65 percent", { measure: "exports" }))).toBe(true);
  });
});

describe("the clause a figure belongs to", () => {
  it("opens a new clause where 'and' starts another trade flow", () => {
    const sentence =
      "Pakistan’s exports to the EU have witnessed a growth of 65 percent and the EU’s exports to Pakistan have increased by 44 percent.";
    const ours = clauseOf(figureIn(sentence, "65 percent", { measure: "exports" }));
    const theirs = clauseOf(figureIn(sentence, "44 percent", { measure: "exports" }));
    expect(tradeSide(ours)).toBe("exports");
    expect(tradeSide(theirs)).toBe("imports");
  });

  it("keeps 'exports and imports' together", () => {
    const sentence = "Exports and imports rose by 12 percent in 2023.";
    expect(clauseOf(figureIn(sentence, "12 percent", { measure: "trade" }))).toBe(sentence);
  });
});

describe("a bound and the exact figure it rounds", () => {
  const exact = figureIn("Exports to the US were recorded at $5.2 billion.", "$5.2 billion", {
    ...US,
    amount: 5.2e9,
  });
  const crossed = figureIn("Exports to the US have crossed the $5 billion-mark.", "$5 billion", {
    ...US,
    amount: 5e9,
    qualifier: "more than",
  });

  it("takes '$5.2 billion' as the exact reading of 'more than $5 billion'", () => {
    expect(boundHeldBy(crossed, exact)).toBe(true);
    expect(oneReading(exact, crossed)).toBe(true);
  });

  it("keeps them apart when the exact value breaks the bound or is far from it", () => {
    const below = { ...exact, amount: 4.8e9 };
    const far = { ...exact, amount: 9e9 };
    expect(boundHeldBy(crossed, below)).toBe(false);
    expect(boundHeldBy(crossed, far)).toBe(false);
  });

  it("keeps them apart across periods or partners", () => {
    expect(boundHeldBy(crossed, { ...exact, period: "fiscal year 2020" })).toBe(false);
    expect(boundHeldBy(crossed, { ...exact, partners: ["China"] })).toBe(false);
  });
});

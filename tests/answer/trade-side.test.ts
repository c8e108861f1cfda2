import { describe, expect, it } from "vitest";
import { tradeSide } from "../../src/answer/trade-side";
import { buildEngine } from "../../src/engine";
import { articleOf } from "../compare/figure-in";

describe("the side of Pakistan's trade a text speaks of", () => {
  it.each([
    ["how much did pakistan export to china", "exports"],
    // A heading typed without a possessive asks Pakistan's side, as "saudi exports fy23?" does.
    ["us exports fy22", "exports"],
    ["what does china export", "imports"],
    ["what did china import from pakistan", "exports"],
    ["how much does the UAE sell to Pakistan", "imports"],
    ["how much did the uae export to pakistan in 2019", "imports"],
    ["In 2019, the UAE exported $5.93 billion worth of products to Pakistan.", "imports"],
    ["How much did Britain buy from Pakistan last year?", "exports"],
    ["how much does pakistan buy from the US", "imports"],
    ["the EU's imports from Pakistan rose", "exports"],
    ["imports from China stood at $8.5 billion", "imports"],
    ["Pakistan's exports to the US were $5.2 billion", "exports"],
  ])("reads %j as %s", (text, side) => {
    expect(tradeSide(text)).toBe(side);
  });

  it("says neither when a text names both sides or none", () => {
    expect(tradeSide("bilateral trade reached $1.26 billion")).toBeNull();
    expect(tradeSide("exports rose while imports fell")).toBeNull();
  });
});

describe("trade as a whole against one side of it", () => {
  const engine = buildEngine([
    articleOf(
      "china-fta",
      [
        "Pakistan’s imports from China stood at $8.5 billion in July-December FY22, whereas its exports to the ally remain at $1.3 billion in the same period of the fiscal year, translating into a massive trade gap of $7.2 billion.",
      ],
      "2022-02-01",
    ),
  ]);

  it("does not give imports, exports or the gap between them as the total trade", () => {
    const a = engine.ask("whats the total china pakistan trade in FY22");
    expect(a.answered).toBe(false);
  });

  it("still answers the side that is asked", () => {
    const a = engine.ask("how much did pakistan import from china in July-December FY22");
    expect(a.answered).toBe(true);
    expect(a.text).toContain("$8.5 billion");
  });
});

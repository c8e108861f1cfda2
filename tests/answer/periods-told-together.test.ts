import { describe, expect, it } from "vitest";
import { buildEngine } from "../../src/engine";
import { articleOf } from "../compare/figure-in";

const engine = buildEngine([
  articleOf(
    "cpec-zones",
    [
      "Pakistan's exports to China stood at 2.7 billion U.S. dollars in FY24, led by sesame, seafood, refined copper and cotton yarn, according to Pakistani official data.",
    ],
    "2024-12-01",
  ),
  articleOf(
    "trade-deficit",
    [
      "Among destinations, exports to the United States stood at $3.92 billion during July-February FY25, followed by China at $1.64 billion and the United Kingdom at $1.52 billion.",
    ],
    "2025-03-05",
  ),
  articleOf(
    "uk-trade",
    [
      "Trade between Pakistan and the United Kingdom reached £4.3 billion in calendar year 2024, up from £3.9 billion in 2023.",
      "She announced that 12 British companies had pledged £350 million of new investment in Pakistan over the next three years.",
    ],
    "2025-03-12",
  ),
]);

describe("one measure given for several periods, when no period is asked", () => {
  it("answers with every period's figure: two readings of the asked measure are one answer", () => {
    const a = engine.ask("How much did Pakistan export to China?");
    expect(a.answered).toBe(true);
    expect(a.text).toContain("2.7 billion U.S. dollars");
    expect(a.text).toContain("$1.64 billion");
  });

  it("does not add up two readings of a measure that was not asked", () => {
    const a = engine.ask(
      "How much new money did British companies commit to investing during the trade minister's visit?",
    );
    expect(a.text).not.toContain("£4.3 billion");
    expect(a.text).not.toContain("£3.9 billion");
  });
});

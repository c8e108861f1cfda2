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

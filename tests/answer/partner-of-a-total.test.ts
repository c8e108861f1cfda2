import { describe, expect, it } from "vitest";
import { buildEngine } from "../../src/engine";
import type { Article } from "../../src/types";
import { articleOf } from "../compare/figure-in";

const titled = (a: Article, title: string): Article => ({ ...a, title });

const engine = buildEngine([
  titled(
    articleOf(
      "uae-remittances",
      [
        "Remittances from the UAE rose to $5.5 billion in July-March FY25.",
        "Workers in the United States and the United Kingdom also sent more money home.",
        "Analysts expect the momentum to continue. Crescent Capital projected remittances of $38-40 billion for the full fiscal year, compared with $30.3 billion in FY24.",
      ],
      "2025-04-10",
    ),
    "Remittances from UAE rise in July-March FY25",
  ),
]);

describe("a figure of no partner in an article about another partner", () => {
  it("does not give the national total as what Pakistanis in the United States sent", () => {
    const a = engine.ask("How much did Pakistanis in the United States remit in FY24?");
    expect(a.answered).toBe(false);
    expect(a.text).not.toContain("$30.3 billion");
  });

  it("still answers the total when no partner is asked", () => {
    const a = engine.ask("How much were remittances in FY24?");
    expect(a.answered).toBe(true);
    expect(a.text).toContain("$30.3 billion");
  });
});

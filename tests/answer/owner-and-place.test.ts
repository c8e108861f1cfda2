import { describe, expect, it } from "vitest";
import { buildEngine } from "../../src/engine";
import { articleOf } from "../compare/figure-in";

const engine = buildEngine([
  articleOf(
    "japan-companies",
    [
      "“Currently, a total of 80 Japanese companies are successfully operating from Pakistan but this number is nothing if we compare it with 4,500 Japanese companies operating in Thailand and around 17,000 in China,” he said.",
    ],
    "2023-03-01",
  ),
]);

describe("a count whose owner and place are both countries", () => {
  it("gives the count beside the place asked, the owner's word standing beside every count alike", () => {
    const a = engine.ask("How many Japanese companies operate in Thailand?");
    expect(a.answered).toBe(true);
    expect(a.text).toContain("4,500");
    expect(a.text).not.toMatch(/\b80 Japanese companies\b/);
  });

  it("gives the count beside Pakistan when Pakistan is the place asked", () => {
    const a = engine.ask("How many Japanese companies operate in Pakistan?");
    expect(a.text).not.toContain("4,500");
  });
});

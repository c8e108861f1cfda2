import { describe, expect, it } from "vitest";
import { buildEngine } from "../../src/engine";
import { articleOf } from "../compare/figure-in";

const engine = buildEngine([
  articleOf(
    "us-tech-visit",
    [
      "U.S. Chargé d’Affaires Natalie A. Baker on February 12 connected 25 American information and communication technology companies with Pakistani counterparts in Islamabad.",
    ],
    "2025-02-13",
  ),
  articleOf(
    "japan-firms",
    ["Currently, a total of 80 Japanese companies are successfully operating in Pakistan."],
    "2025-03-01",
  ),
]);

describe("a count of those at one event against a count of those established", () => {
  it("does not give the companies a diplomat connected on one day as the companies operating", () => {
    const a = engine.ask("how many american companies operate in pakistan");
    expect(a.answered).toBe(false);
    expect(a.text).not.toMatch(/^25 /);
  });

  it("still answers the count of companies a sentence says are operating", () => {
    const a = engine.ask("how many japanese companies operate in pakistan");
    expect(a.answered).toBe(true);
    expect(a.text).toContain("80 Japanese companies");
  });

  it("still answers how many came when the event is what is asked", () => {
    const a = engine.ask(
      "how many american tech companies did Natalie Baker connect with pakistani firms",
    );
    expect(a.text).toContain("25 American information and communication technology companies");
  });
});

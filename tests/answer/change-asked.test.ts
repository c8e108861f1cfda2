import { describe, expect, it } from "vitest";
import { buildEngine } from "../../src/engine";
import { articleOf } from "../compare/figure-in";

const engine = buildEngine([
  articleOf(
    "us-exports",
    [
      "Pakistani exports to the United States have crossed the $5 billion-mark in fiscal year 2021.",
      "Pakistani exports to the US were recorded at $5.2 billion, compared with the exports of $3.7 billion last year, showing an increase of $1.45 billion.",
    ],
    "2021-07-20",
  ),
]);

describe("a question that asks by how much something moved", () => {
  it("answers 'go up by' with the change, never with a level", () => {
    const a = engine.ask("how much did exports to the us go up by in fy21");
    expect(a.answered).toBe(true);
    expect(a.text).toContain("$1.45 billion");
    expect(a.text).not.toContain("$5.2 billion");
  });

  it("still answers the level when the level is asked", () => {
    const a = engine.ask("how much did pakistan export to the us in fy21");
    expect(a.answered).toBe(true);
    expect(a.text).toContain("$5.2 billion");
    expect(a.text).not.toContain("$1.45 billion");
  });
});

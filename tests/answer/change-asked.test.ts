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

describe("a share against a change", () => {
  const shares = buildEngine([
    articleOf(
      "us-growth",
      [
        "Pakistan’s exports to the United States during the fiscal year 2021 increased 39 per cent, compared with the last year, a senior government official said on Monday.",
      ],
      "2021-07-20",
    ),
  ]);

  it("never gives a rise in percent as the share asked", () => {
    const a = shares.ask("what share of pakistans total exports goes to the united states");
    expect(a.text).not.toContain("39 per cent");
  });

  it("still gives the rise when the growth is asked", () => {
    const a = shares.ask("by what percent did exports to the US grow in fiscal year 2021");
    expect(a.answered).toBe(true);
    expect(a.text).toContain("39 per cent");
  });
});

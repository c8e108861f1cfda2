import { describe, expect, it } from "vitest";
import { buildEngine } from "../../src/engine";
import { articleOf } from "../compare/figure-in";

/** Two schemes with a share of tariff lines each; only one article names the DCTS. */
const engine = buildEngine([
  articleOf(
    "eu-gsp-plus",
    [
      "Pakistan has enjoyed the EU’s Generalised Scheme of Preferences Plus (GSP+) since January 1, 2014, which allows around 66 percent of tariff lines to enter the EU at zero duty.",
    ],
    "2024-02-01",
  ),
  articleOf(
    "uk-dcts",
    [
      "The growth came in the first full year of the Developing Countries Trading Scheme (DCTS), which replaced the UK's Generalised Scheme of Preferences. Under the scheme's Enhanced Preferences tier, Pakistani goods enjoy duty-free access on around 94 per cent of tariff lines.",
    ],
    "2024-06-01",
  ),
]);

describe("a question that names a scheme by its acronym", () => {
  it("answers from the article that names the scheme, not another scheme's figure", () => {
    const a = engine.ask(
      "What share of tariff lines can Pakistani goods enter duty-free under the DCTS?",
    );
    expect(a.answered).toBe(true);
    expect(a.text).toContain("94 per cent");
    expect(a.text).not.toContain("66 percent");
  });

  it("takes an article that spells the acronym out as naming it", () => {
    const spelled = buildEngine([
      articleOf(
        "uk-scheme",
        [
          "Under the Developing Countries Trading Scheme, Pakistani goods enjoy duty-free access on around 94 per cent of tariff lines.",
        ],
        "2024-06-01",
      ),
    ]);
    const a = spelled.ask("What share of tariff lines enter duty-free under the DCTS?");
    expect(a.text).toContain("94 per cent");
  });

  it("does not answer with the other scheme when no article names the one asked", () => {
    const a = engine.ask("What share of tariff lines enter duty-free under the GSP+ of the EU?");
    expect(a.text).not.toContain("94 per cent");
  });
});

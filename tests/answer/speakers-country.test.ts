import { describe, expect, it } from "vitest";
import { speakerCountriesAt } from "../../src/answer/candidates/quotes";
import { buildEngine, knowledgeOf } from "../../src/engine";
import { articleOf } from "../compare/figure-in";

const engine = buildEngine([
  articleOf(
    "turkey-visit",
    [
      "Trade Minister Ömer Bolat of Turkey is paying an official visit to Pakistan.",
      "“We aim to increase our trade volume with Pakistan to $5 billion,” Bolat said.",
      "The delegation will visit Karachi on Friday.",
    ],
    "2024-08-08",
  ),
]);

describe("the countries of those whose words hold a figure", () => {
  const k = knowledgeOf(engine);
  const [figure] = engine.figures();

  it("gives the speaker's country for a figure inside their quote ('our trade volume with Pakistan')", () => {
    if (!figure) throw new Error("no figure");
    const at = speakerCountriesAt(k, figure.passageId, figure.sentenceStart, figure.sentenceEnd);
    expect([...at]).toEqual(["Turkey"]);
  });

  it("gives none for words nobody is quoted saying", () => {
    const passage = k.passagesByArticle.get("turkey-visit")?.[2];
    if (!passage) throw new Error("no passage");
    expect(speakerCountriesAt(k, passage.id, passage.start, passage.end).size).toBe(0);
  });
});

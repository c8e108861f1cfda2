import { describe, expect, it } from "vitest";
import { chartSpec } from "../../src/chart/chart-spec";
import { chartData } from "../../src/compare/chart-data";
import { figureIn } from "../compare/figure-in";
import { sourceOf } from "../compare/source";

/** One value for FY2023-24 stated by `articles` different articles, as a large corpus has it. */
function statedBy(articles: number) {
  const sentence = "Bilateral trade stood at $15.9 billion in FY2023-24.";
  return Array.from({ length: articles }, (_, i) => ({
    ...figureIn(sentence, "$15.9 billion", {
      measure: "bilateral trade",
      amount: 15.9e9,
      period: "FY2023-24",
      partners: ["China"],
      articleId: `a${i}`,
    }),
  }));
}

describe("the chart's text when hundreds of sentences give its figures", () => {
  const outcome = chartData(sourceOf(statedBy(300)), "China", "bilateral trade");
  if (!outcome.ok) throw new Error(outcome.reason);
  const spec = JSON.stringify(chartSpec(outcome.chart));

  it("labels a bar with its first three citations and how many more", () => {
    expect(outcome.chart.citations).toHaveLength(300);
    expect(spec).toContain("[1][2][3] +297");
    expect(spec).not.toMatch(/"label":"[^"]*\[4\]/);
  });

  it("names at most four lines of sources and says how many more the reply lists", () => {
    expect(spec).toMatch(/and \d+ more in the reply/);
    expect(spec).not.toContain("[300]");
  });
});

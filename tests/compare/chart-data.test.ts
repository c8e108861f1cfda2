import { describe, expect, it } from "vitest";
import { chartData, chartOffers } from "../../src/compare/chart-data";
import { chartTableLines, notDrawnText } from "../../src/compare/chart-text";
import { articleOf, figureIn } from "./figure-in";
import { sourceOf } from "./source";

const S1 =
  "Bilateral trade stood at $15.9 billion in FY2023-24, up from $14.7 billion in FY2022-23.";
const S2 =
  "Bilateral trade was $23.1 billion in FY2024-25, compared with $20.5 billion in FY2023-24.";
const S3 = "Trade reached $13.9 billion in calendar year 2023.";
const S4 = "Trade with China was Rs 4,000 billion in 2024.";
const S5 = "Trade was put at $30 billion to $35 billion in FY2025-26.";
const S6 = "The two sides set a target of raising bilateral trade to $40 billion by 2030.";
const a = articleOf("a", [S1, S3, S4], "2024-09-12");
const b = articleOf("b", [S2, S5, S6], "2025-07-30");

const bodies: Record<string, string> = { a: a.body, b: b.body };

/** A bilateral trade figure for China, stated by `sentence` where it stands in its article. */
function trade(
  sentence: string,
  value: string,
  amount: number,
  period: string | null,
  articleId: string,
  extra = {},
) {
  const at = Math.max(0, (bodies[articleId] ?? "").indexOf(sentence));
  const f = figureIn(sentence, value, {
    measure: "bilateral trade",
    amount,
    period,
    partners: ["China"],
    articleId,
    ...extra,
  });
  return {
    ...f,
    sentenceStart: at,
    sentenceEnd: at + sentence.length,
    valueStart: f.valueStart + at,
    valueEnd: f.valueEnd + at,
  };
}

const figures = [
  trade(S2, "$23.1 billion", 23.1e9, "FY2024-25", "b"),
  trade(S1, "$15.9 billion", 15.9e9, "FY2023-24", "a"),
  trade(S1, "$14.7 billion", 14.7e9, "FY2022-23", "a"),
  trade(S2, "$20.5 billion", 20.5e9, "FY2023-24", "b"),
  trade(S3, "$13.9 billion", 13.9e9, "calendar year 2023", "a"),
  trade(S4, "Rs 4,000 billion", 4e12, "2024", "a", { unit: "PKR" }),
  trade(S5, "$30 billion to $35 billion", 30e9, "FY2025-26", "b", { amountHigh: 35e9 }),
  trade(S6, "$40 billion", 40e9, "2030", "b", { measure: "target of raising bilateral trade" }),
];
const source = sourceOf(figures, [a, b]);

describe("a chart's data", () => {
  it("draws a measure's results in period order, fiscal and calendar years placed correctly", () => {
    const out = chartData(source, "China", "trade volume");
    if (!out.ok) throw new Error(out.reason);
    const usd = out.chart.series.find((s) => s.unit === "USD");
    expect(usd?.points.map((p) => `${p.period.label} ${p.value}`)).toEqual([
      "FY2022-23 $14.7 billion",
      "2023 $13.9 billion",
      "FY2023-24 $15.9 billion",
      "FY2023-24 $20.5 billion",
      "FY2024-25 $23.1 billion",
    ]);
    expect(out.chart.periods.map((p) => p.label)).toEqual([
      "FY2022-23",
      "2023",
      "FY2023-24",
      "2024",
      "FY2024-25",
    ]);
  });

  it("puts rupees and dollars in series of their own, each scaled for its axis", () => {
    const out = chartData(source, "China", "bilateral trade");
    if (!out.ok) throw new Error(out.reason);
    expect(out.chart.series.map((s) => [s.unit, s.axisTitle])).toEqual([
      ["USD", "USD billion"],
      ["PKR", "PKR billion"],
    ]);
    expect(chartTableLines(out.chart)).toContain("PKR billion:");
  });

  it("cites each sentence once and numbers it by first use", () => {
    const out = chartData(source, "China", "bilateral trade");
    if (!out.ok) throw new Error(out.reason);
    expect(out.chart.citations.map((c) => c.sentence)).toEqual([S1, S3, S2, S4]);
    const usd = out.chart.series[0];
    for (const point of usd?.points ?? []) {
      for (const [i, n] of point.citations.entries()) {
        expect(out.chart.citations[n - 1]?.sentence).toContain(point.figures[i]?.value);
      }
    }
  });

  it("leaves out ranges and targets, and says what it left out", () => {
    const out = chartData(source, "China", "bilateral trade");
    if (!out.ok) throw new Error(out.reason);
    const drawn = out.chart.series.flatMap((s) => s.points.map((p) => p.value));
    expect(drawn).not.toContain("$30 billion to $35 billion");
    expect(drawn).not.toContain("$40 billion");
    expect(out.chart.notDrawn.map((n) => [n.figure.value, n.reason])).toEqual([
      ["$30 billion to $35 billion", "a range, not one number"],
    ]);
    const target = chartData(source, "China", "trade target");
    expect(target.ok && target.chart.series[0]?.points.map((p) => p.value)).toEqual([
      "$40 billion",
    ]);
  });

  it("merges one amount stated twice for one period into one bar with both citations", () => {
    const again = "Official data put bilateral trade at $15.9 billion in fiscal year 2024.";
    const twice = sourceOf(
      [...figures, trade(again, "$15.9 billion", 15.9e9, "fiscal year 2024", "c")],
      [a, b, articleOf("c", [again])],
    );
    const out = chartData(twice, "China", "bilateral trade");
    if (!out.ok) throw new Error(out.reason);
    const bar = out.chart.series[0]?.points.find((p) => p.value === "$15.9 billion");
    expect(bar?.citations).toHaveLength(2);
  });

  it("refuses when there is nothing to draw", () => {
    expect(chartData(source, "Japan", null)).toMatchObject({ ok: false });
    const none = chartData(source, "China", "remittances");
    expect(none.ok).toBe(false);
    expect(!none.ok && none.reason).toContain("remittances");
    const undated = sourceOf([trade(S1, "$15.9 billion", 15.9e9, null, "a")], [a]);
    expect(chartData(undated, "China", "bilateral trade")).toMatchObject({ ok: false });
  });

  it("offers a chart for a measure a list gives for two or more periods, and not for one", () => {
    expect(chartOffers(source, figures).map((o) => [o.partner, o.measure, o.periods])).toEqual([
      ["China", "bilateral trade", 5],
    ]);
    expect(chartOffers(source, figures.slice(0, 1))).toEqual([]);
  });
});

describe("a chart of a large corpus", () => {
  // Twenty fiscal years, and in the latest one six different values from six articles.
  const years = Array.from({ length: 20 }, (_, i) => 2000 + i);
  const many = years.flatMap((year) => {
    const fy = `FY${year}-${String((year + 1) % 100).padStart(2, "0")}`;
    const values = year === 2019 ? [1, 2, 3, 4, 5, 6] : [year - 1990];
    return values.map((billions, j) => {
      const sentence = `Bilateral trade stood at $${billions} billion in ${fy}.`;
      return {
        ...figureIn(sentence, `$${billions} billion`, {
          measure: "bilateral trade",
          amount: billions * 1e9,
          period: fy,
          partners: ["China"],
          articleId: `y${year}-${j}`,
        }),
      };
    });
  });
  // The first value of the latest year is stated by three articles, the others by one each.
  const first = many.at(-6);
  const repeated = first ? [0, 1].map((k) => ({ ...first, articleId: `again-${k}` })) : [];

  it("draws the latest twelve periods and at most four values in one, listing the rest by why", () => {
    const outcome = chartData(sourceOf([...many, ...repeated]), "China", "bilateral trade");
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { chart } = outcome;
    expect(chart.periods).toHaveLength(12);
    // Only FY2019-20 has values under $10 billion.
    const latest = chart.series[0]?.points.filter((p) => p.amount < 10e9);
    expect(latest?.map((p) => p.amount)).toHaveLength(4);
    // The value three articles give is among those drawn.
    expect(latest?.map((p) => p.amount)).toContain(1e9);
    const reasons = chart.notDrawn.map((n) => n.reason);
    expect(reasons.filter((r) => r.startsWith("older than"))).toHaveLength(8);
    expect(reasons.filter((r) => r.startsWith("more than 4 values"))).toHaveLength(2);
  });

  it("counts what it leaves out by why instead of listing every figure", () => {
    const outcome = chartData(sourceOf([...many, ...repeated]), "China", "bilateral trade");
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(notDrawnText(outcome.chart)).toBe(
      "Not drawn: 8 figures (older than the 12 latest periods); 2 figures (more than 4 values for one period).",
    );
  });
});

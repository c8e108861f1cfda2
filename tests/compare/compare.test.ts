import { describe, expect, it } from "vitest";
import { cellHeadline, comparePartners } from "../../src/compare/compare";
import { comparisonFor } from "../../src/compare/requests";
import { figureIn } from "./figure-in";
import { sourceOf } from "./source";

const JAPAN_TRADE = figureIn(
  "The trade volume stood at $1.26 billion in the fiscal year 2022-23.",
  "$1.26 billion",
  {
    measure: "trade volume",
    period: "fiscal year 2022-23",
    partners: ["Japan"],
    amount: 1.26e9,
    articleId: "japan",
  },
);
const US_TRADE = figureIn("Bilateral trade totaled about $7.3 billion in 2023.", "$7.3 billion", {
  measure: "bilateral trade",
  period: "2023",
  partners: ["United States"],
  amount: 7.3e9,
  articleId: "us",
});
const US_TRADE_2022_23 = figureIn("Two-way trade was $6.9 billion in FY2022-23.", "$6.9 billion", {
  measure: "two-way trade",
  period: "FY2022-23",
  partners: ["United States"],
  amount: 6.9e9,
  articleId: "us2",
});
const JAPAN_TARGET = figureIn(
  "Both sides set a target of raising bilateral trade to $5 billion by 2030.",
  "$5 billion",
  {
    measure: "target of raising bilateral trade",
    period: "2030",
    partners: ["Japan"],
    amount: 5e9,
    articleId: "japan",
  },
);
const US_EXPORTS = figureIn(
  "Pakistan's exports to the United States were $5.44 billion in FY2023-24.",
  "$5.44 billion",
  {
    measure: "exports",
    period: "FY2023-24",
    partners: ["United States"],
    amount: 5.44e9,
    articleId: "us",
  },
);

describe("comparing partners", () => {
  it("puts differently worded figures of one measure in one row, and says their periods differ", () => {
    const c = comparePartners(sourceOf([JAPAN_TRADE, US_TRADE]), ["Japan", "United States"]);
    expect(c.rows.map((r) => r.measure)).toEqual(["bilateral trade"]);
    const [row] = c.rows;
    expect(row?.cells.get("Japan")?.map((p) => p.figure.value)).toEqual(["$1.26 billion"]);
    expect(row?.cells.get("United States")?.map((p) => p.figure.value)).toEqual(["$7.3 billion"]);
    expect(row?.periodsDiffer).toBe(true);
    expect(row?.commonPeriod).toBeNull();
  });

  it("shows the period both partners have when there is one, and does not say they differ", () => {
    const c = comparePartners(sourceOf([JAPAN_TRADE, US_TRADE, US_TRADE_2022_23]), [
      "Japan",
      "United States",
    ]);
    const [row] = c.rows;
    expect(row?.periodsDiffer).toBe(false);
    expect(row?.commonPeriod?.label).toBe("FY2022-23");
    expect(row && cellHeadline(row, "United States").map((p) => p.figure.value)).toEqual([
      "$6.9 billion",
    ]);
  });

  it("gives a measure only one partner has a row, with the other's cell empty, after shared rows and a target after its result", () => {
    const c = comparePartners(sourceOf([US_EXPORTS, JAPAN_TRADE, US_TRADE, JAPAN_TARGET]), [
      "Japan",
      "United States",
    ]);
    expect(c.rows.map((r) => r.measure)).toEqual([
      "bilateral trade",
      "bilateral trade target",
      "exports",
    ]);
    expect(c.rows[2]?.cells.get("Japan")).toEqual([]);
    expect(c.rows[2]?.periodsDiffer).toBe(false);
  });

  it("keeps to the measure asked for, in any of its wordings", () => {
    const source = sourceOf([US_EXPORTS, JAPAN_TRADE, US_TRADE, JAPAN_TARGET]);
    const asked = comparePartners(source, ["Japan", "United States"], "trade volume");
    expect(asked.rows.map((r) => r.measure)).toEqual(["bilateral trade", "bilateral trade target"]);
    expect(comparePartners(source, ["Japan", "United States"], "remittances").rows).toEqual([]);
  });

  it("refuses fewer than two partners, more than four, and names it does not know", () => {
    const source = sourceOf([JAPAN_TRADE, US_TRADE]);
    expect(comparisonFor(source, "Japan")).toMatchObject({ ok: false });
    expect(comparisonFor(source, "Japan, Japan")).toMatchObject({ ok: false });
    expect(comparisonFor(source, "Japan, China, India, Iran, Turkey")).toMatchObject({ ok: false });
    const unknown = comparisonFor(source, "Japan, Atlantis");
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.reason).toContain("Atlantis");
    const typed = comparisonFor(source, ["japan", "US"]);
    expect(typed.ok && typed.comparison.partners).toEqual(["Japan", "United States"]);
    const spoken = comparisonFor(source, "Japan and the United States");
    expect(spoken.ok).toBe(false);
    expect(comparisonFor(source, "Japan and US").ok).toBe(true);
  });
});

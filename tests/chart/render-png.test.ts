import { rmSync } from "node:fs";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartSpec } from "../../src/chart/chart-spec";
import { chartSvg, renderChartPng } from "../../src/chart/render-png";
import { type ChartData, chartData } from "../../src/compare/chart-data";
import { loadEngine } from "../../src/engine";
import type { Engine } from "../../src/types";
import { chartCorpus } from "../support/chart-corpus";

/** The distinct colours of a decoded PNG, up to `enough`. */
function colours(png: PNG, enough = 16): number {
  const seen = new Set<number>();
  for (let i = 0; i < png.data.length && seen.size < enough; i += 4) {
    seen.add(png.data.readUInt32BE(i));
  }
  return seen.size;
}

describe("a chart as a PNG", () => {
  const dir = chartCorpus();
  let engine: Engine;
  let chart: ChartData;

  beforeAll(async () => {
    engine = await loadEngine({ corpusDir: dir });
    const out = chartData(engine, "China", "bilateral trade");
    if (!out.ok) throw new Error(out.reason);
    chart = out.chart;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is a picture at least 600×300 with more than two colours, the same every time", async () => {
    const first = await renderChartPng(chart);
    const decoded = PNG.sync.read(Buffer.from(first.png));
    expect(decoded.width).toBe(first.width);
    expect(decoded.width).toBeGreaterThanOrEqual(600);
    expect(decoded.height).toBeGreaterThanOrEqual(300);
    expect(colours(decoded)).toBeGreaterThan(2);
    // Fonts come from npm, not the machine: the same data gives the same bytes.
    const again = await renderChartPng(chart);
    expect(Buffer.from(again.png).equals(Buffer.from(first.png))).toBe(true);
  });

  it("plots only figures of the corpus, each in a sentence it cites, verbatim in its article", () => {
    const spec = chartSpec(chart) as unknown as {
      vconcat: { data: { values: Record<string, unknown>[] } }[];
    };
    const plotted = chart.series.flatMap((series, i) =>
      (spec.vconcat[i]?.data.values ?? []).map((row) => ({ series, row })),
    );
    expect(plotted.length).toBeGreaterThanOrEqual(3);
    const corpus = engine.figures({ partner: "China" });
    for (const { series, row } of plotted) {
      const amount = Number(row.amount) * series.scale.divisor;
      const figure = corpus.find(
        (f) =>
          f.unit === series.unit && Math.abs((f.amount ?? Number.NaN) - amount) < 1e-3 * amount,
      );
      expect(figure, `a corpus figure of ${amount} ${series.unit}`).toBeDefined();
      if (!figure) continue;
      const cited = chart.citations.find(
        (c) => c.articleId === figure.articleId && c.sentence.includes(figure.value),
      );
      expect(cited, `a citation of ${figure.value}`).toBeDefined();
      expect(engine.article(figure.articleId)?.body).toContain(cited?.sentence);
      expect(String(row.label)).toContain(`[${cited?.number}]`);
    }
  });

  it("labels the axes with units and periods, and names the sources under the bars", async () => {
    const svg = await chartSvg(chart);
    expect(svg).toContain("Pakistan–China: bilateral trade");
    expect(svg).toContain("USD billion");
    for (const period of chart.periods) expect(svg).toContain(period.label);
    for (const citation of chart.citations) expect(svg).toContain(`[${citation.number}]`);
    expect(svg).toContain("nothing added up, averaged or converted");
  });
});

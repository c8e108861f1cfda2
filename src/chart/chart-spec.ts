/**
 * A chart's data as a Vega-Lite specification: a bar per figure, periods in order along the x
 * axis, figures of one period from different sources side by side and coloured by source, each
 * bar labelled with the value as the article writes it and its citation number; one panel per
 * unit, each with its own y axis; a title, and a source line under the bars.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ChartData, ChartSeries } from "../compare/chart-data";
import { chartTitle } from "../compare/chart-text";
import { samePlace } from "../compare/timeline";

export const CHART_FONT = "Roboto";
export const PANEL_WIDTH = 640;
export const PANEL_HEIGHT = 260;

/** `[1] Dawn, 2024-05-02`: a citation named briefly for the legend and the source line. */
export function sourceName(citation: ChartData["citations"][number]): string {
  const by = [citation.publisher, citation.published].filter(Boolean).join(", ");
  return `[${citation.number}] ${by || citation.title}`;
}

/**
 * At most this many lines of sources under a chart, and citations on one bar's label: a large
 * corpus cites hundreds of sentences for one measure, and setting them all as text took seconds
 * and made the picture unreadable. The reply lists the sources in full.
 */
const MAX_SOURCE_LINES = 4;
const MAX_LABEL_CITATIONS = 3;

/** Source lines of at most `width` characters, citations kept whole. */
function sourceLines(chart: ChartData, width: number): string[] {
  const lines: string[] = [];
  let line = "Sources:";
  let shown = 0;
  for (const c of chart.citations) {
    const item = ` ${sourceName(c)};`;
    if (line.length + item.length > width && line !== "Sources:") {
      if (lines.length + 1 >= MAX_SOURCE_LINES) break;
      lines.push(line.replace(/;$/, ""));
      line = " ";
    }
    line += item;
    shown++;
  }
  const more = chart.citations.length - shown;
  lines.push(
    more > 0 ? `${line.replace(/;$/, "")}; and ${more} more in the reply` : line.replace(/;$/, ""),
  );
  lines.push("Figures as the articles state them: nothing added up, averaged or converted.");
  return lines;
}

/** Roughly how wide a bar label may be, in characters, before it runs into the next bar. */
function labelRoom(series: ChartSeries, periods: number): number {
  const slots = Math.max(
    ...series.points.map((p) => series.points.filter((q) => samePlace(q.period, p.period)).length),
  );
  const barWidth = ((PANEL_WIDTH / Math.max(1, periods)) * 0.75) / Math.max(1, slots);
  return Math.floor(barWidth / 5.6);
}

function seriesRows(chart: ChartData, series: ChartSeries, periods: number) {
  const order = chart.periods.map((p) => p.label);
  const room = labelRoom(series, periods);
  return series.points.map((point) => {
    const sameSlot = series.points.filter((p) => samePlace(p.period, point.period));
    const citations = point.citations.map((n) => chart.citations[n - 1]);
    const first = citations[0];
    const more = point.citations.length - MAX_LABEL_CITATIONS;
    const cited =
      point.citations
        .slice(0, MAX_LABEL_CITATIONS)
        .map((n) => `[${n}]`)
        .join("") + (more > 0 ? ` +${more}` : "");
    const full = `${point.value} ${cited}`;
    return {
      period: point.period.label,
      order: order.indexOf(point.period.label),
      slot: sameSlot.indexOf(point),
      amount: point.amount / series.scale.divisor,
      // Narrow bars carry their citation only; the value is on the axis and in the description.
      label: full.length <= room ? full : cited,
      source: first ? sourceName(first) : "",
    };
  });
}

function panel(chart: ChartData, series: ChartSeries) {
  const periods = chart.periods
    .filter((p) => series.points.some((pt) => samePlace(pt.period, p)))
    .map((p) => p.label);
  const fiscal = periods.some((p) => /FY/.test(p));
  return {
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    data: { values: seriesRows(chart, series, periods.length) },
    encoding: {
      x: {
        field: "period",
        type: "ordinal" as const,
        sort: periods,
        scale: { domain: periods, paddingInner: 0.25 },
        axis: { labelAngle: 0, labelFontSize: 11 },
        title: fiscal ? "period (Pakistan's fiscal year runs July to June)" : "period",
      },
      xOffset: { field: "slot", type: "nominal" as const },
      y: {
        field: "amount",
        type: "quantitative" as const,
        title: series.axisTitle,
        scale: { zero: true, nice: true },
      },
    },
    layer: [
      {
        mark: { type: "bar" as const },
        encoding: {
          color: {
            field: "source",
            type: "nominal" as const,
            title: "Source",
            scale: { scheme: "tableau10" },
            // Each bar is labelled with its citation and the source line names them: no legend.
            legend: null,
          },
        },
      },
      {
        mark: {
          type: "text" as const,
          dy: -6,
          fontSize: 10,
          baseline: "bottom" as const,
          color: "#222222",
        },
        encoding: { text: { field: "label", type: "nominal" as const } },
      },
    ],
  };
}

function footer(chart: ChartData) {
  const lines = sourceLines(chart, 110);
  return {
    width: PANEL_WIDTH,
    height: lines.length * 14,
    data: { values: lines.map((text, index) => ({ text, index })) },
    mark: {
      type: "text" as const,
      align: "left" as const,
      baseline: "top" as const,
      fontSize: 10,
      color: "#444444",
    },
    encoding: {
      x: { value: 0 },
      y: { field: "index", type: "ordinal" as const, axis: null },
      text: { field: "text", type: "nominal" as const },
    },
  };
}

export function chartSpec(chart: ChartData): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    background: "white",
    padding: 16,
    title: {
      text: chartTitle(chart),
      subtitle: `From ${chart.citations.length} sentence${chart.citations.length === 1 ? "" : "s"} of the articles, in period order`,
      anchor: "start",
      fontSize: 16,
      subtitleFontSize: 11,
    },
    vconcat: [...chart.series.map((s) => panel(chart, s)), footer(chart)],
    resolve: { scale: { color: "independent", y: "independent", x: "independent" } },
    config: {
      font: CHART_FONT,
      view: { stroke: null },
      axis: { labelFontSize: 11, titleFontSize: 12 },
      legend: { labelFontSize: 11, titleFontSize: 11 },
    },
  } as TopLevelSpec;
}

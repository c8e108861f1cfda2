/**
 * A chart said in words: its title, and a description of every bar for people who cannot see the
 * image (Discord's alt text and embed, the console, the CLI). Built from the same data as the
 * picture, so both say the same.
 */
import type { ChartData, ChartPoint, ChartSeries } from "./chart-data";
import { samePlace } from "./timeline";

export const chartTitle = (chart: Pick<ChartData, "partner" | "measure">) =>
  `Pakistan–${chart.partner}: ${chart.measure}`;

const cite = (point: ChartPoint) => point.citations.map((n) => `[${n}]`).join("");

function seriesText(series: ChartSeries, chart: ChartData): string {
  const parts: string[] = [];
  for (const period of chart.periods) {
    const points = series.points.filter((p) => samePlace(p.period, period));
    if (points.length === 0) continue;
    const values = points.map((p) => `${p.value} ${cite(p)}`).join(" and ");
    parts.push(
      `${period.label}: ${values}${points.length > 1 ? " (the sources give different figures)" : ""}`,
    );
  }
  return parts.join("; ");
}

/**
 * "Bar chart of Pakistan–China: bilateral trade, in USD billion, 3 periods from FY2022-23 to
 * FY2024-25. FY2022-23: $14.7 billion [1]; FY2023-24: $15.9 billion [1] and $20.5 billion [2]
 * (the sources give different figures); …"
 */
export function chartDescription(chart: ChartData): string {
  const first = chart.periods[0]?.label ?? "";
  const last = chart.periods.at(-1)?.label ?? "";
  const span =
    chart.periods.length === 1
      ? `one period, ${first}`
      : `${chart.periods.length} periods from ${first} to ${last}`;
  const units = chart.series.map((s) => s.axisTitle);
  const head =
    chart.series.length === 1
      ? `Bar chart of ${chartTitle(chart)}, in ${units[0]}, ${span}.`
      : `Bar charts of ${chartTitle(chart)}, one per unit (${units.join("; ")}), never on one axis, ${span}.`;
  const body = chart.series.map((s) =>
    chart.series.length === 1
      ? `${seriesText(s, chart)}.`
      : `In ${s.axisTitle}: ${seriesText(s, chart)}.`,
  );
  return [head, ...body].join(" ");
}

/** What the chart leaves out, in one line, or null when it draws every figure of the measure. */
/** Up to this many figures left out are named one by one. */
const NOT_DRAWN_LISTED = 6;

export function notDrawnText(chart: ChartData): string | null {
  if (chart.notDrawn.length === 0) return null;
  if (chart.notDrawn.length <= NOT_DRAWN_LISTED) {
    const items = chart.notDrawn.map(({ figure, reason }) => `${figure.value} (${reason})`);
    return `Not drawn: ${items.join("; ")}.`;
  }
  // A large corpus leaves hundreds out: counted by why, not listed.
  const byReason = new Map<string, number>();
  for (const { reason } of chart.notDrawn) byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  const counts = [...byReason].map(
    ([reason, n]) => `${n} ${n === 1 ? "figure" : "figures"} (${reason})`,
  );
  return `Not drawn: ${counts.join("; ")}.`;
}

/**
 * The chart's bars as a plain table, a block per unit: period, value as written, citations. For
 * the console and the CLI, and inside a code block on Discord, so the numbers read as a table
 * wherever the picture is not seen.
 */
export function chartTableLines(chart: ChartData): string[] {
  const lines: string[] = [];
  for (const series of chart.series) {
    const rows = chart.periods.flatMap((period) =>
      series.points
        .filter((p) => samePlace(p.period, period))
        .map((p, i) => [i === 0 ? period.label : "", p.value, cite(p)]),
    );
    const widths = [0, 1].map((col) =>
      Math.max(col === 0 ? 6 : 5, ...rows.map((r) => (r[col] ?? "").length)),
    );
    const pad = (r: string[]) =>
      `${(r[0] ?? "").padEnd(widths[0] ?? 0)}  ${(r[1] ?? "").padEnd(widths[1] ?? 0)}  ${r[2] ?? ""}`.trimEnd();
    if (chart.series.length > 1) lines.push(`${series.axisTitle}:`);
    lines.push(pad(["Period", "Value", "Source"]));
    for (const row of rows) lines.push(pad(row));
    if (chart.series.length > 1) lines.push("");
  }
  while (lines.at(-1) === "") lines.pop();
  return lines;
}

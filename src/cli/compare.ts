/**
 * `compare` and `chart` for the command line: the JSON `CONTRACT.md` names ("Comparing and
 * charting") and plain text for a person. A chart is written to `--out` only once there is
 * something to draw and it has been rendered, so a refusal leaves no file behind.
 */
import { rename, unlink, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { ChartData, ChartPoint } from "../compare/chart-data";
import { chartDescription, chartTableLines, chartTitle, notDrawnText } from "../compare/chart-text";
import type { Comparison } from "../compare/compare";
import type { PlacedFigure } from "../compare/partner-figures";
import type { Figure } from "../types";

/** A refusal the CLI reports on stderr with exit status 2. */
export class RefusedError extends Error {}

function cellJson(p: PlacedFigure) {
  const f = p.figure;
  return {
    value: f.value,
    period: p.period?.label ?? f.period,
    articleId: f.articleId,
    sentence: f.sentence,
    periodAsWritten: f.period,
    amount: f.amount,
    unit: f.unit,
    qualifier: f.qualifier,
    source: f.source,
  };
}

export function comparisonJson(c: Comparison) {
  return {
    partners: c.partners,
    rows: c.rows.map((row) => ({
      measure: row.measure,
      cells: Object.fromEntries(
        [...row.cells].map(([partner, list]) => [partner, list.map(cellJson)]),
      ),
      nature: row.nature,
      periodsDiffer: row.periodsDiffer,
      commonPeriod: row.commonPeriod?.label ?? null,
    })),
    ...(c.measure ? { measureAsked: c.measure } : {}),
  };
}

function sourceRef(f: Figure) {
  return { articleId: f.articleId, sentence: f.sentence };
}

function pointJson(point: ChartPoint, series: ChartData["series"][number]) {
  const [first] = point.figures;
  return {
    period: point.period.label,
    value: point.value,
    amount: point.amount,
    unit: point.unit,
    articleId: first?.articleId ?? "",
    sentence: first?.sentence ?? "",
    periodAsWritten: first?.period ?? null,
    citations: point.citations,
    sources: point.figures.map(sourceRef),
    axis: series.axisTitle,
  };
}

/** The chart's points in period order (all units, each point once), as the contract lists them. */
export function chartJson(chart: ChartData, file: string) {
  const points = chart.periods.flatMap((period) =>
    chart.series.flatMap((series) =>
      series.points
        .filter((p) => p.period.first === period.first && p.period.last === period.last)
        .map((p) => pointJson(p, series)),
    ),
  );
  return {
    file,
    partner: chart.partner,
    measure: chart.measure,
    points,
    units: chart.series.map((s) => ({ unit: s.unit, axis: s.axisTitle })),
    citations: chart.citations.map((c) => ({
      number: c.number,
      articleId: c.articleId,
      title: c.title,
      sentence: c.sentence,
    })),
    notDrawn: chart.notDrawn.map(({ figure, reason }) => ({
      value: figure.value,
      period: figure.period,
      articleId: figure.articleId,
      reason,
    })),
  };
}

function citationBlock(figures: Figure[]): string[] {
  const lines: string[] = [];
  figures.forEach((f, i) => {
    lines.push(`[${i + 1}] ${f.articleId}: “${f.sentence.replace(/\s+/g, " ")}”`);
  });
  return lines;
}

export function comparisonText(c: Comparison): string {
  const title = `${c.partners.join(" vs ")}${c.measure ? ` — ${c.measure}` : ""}`;
  if (c.rows.length === 0) {
    return `${title}\nThe articles give no figures${c.measure ? ` of ${c.measure}` : ""} for ${c.partners.join(" or ")}.`;
  }
  const cited: Figure[] = [];
  const numberOf = (f: Figure) => {
    let at = cited.findIndex(
      (g) => g.articleId === f.articleId && g.sentenceStart === f.sentenceStart,
    );
    if (at === -1) at = cited.push(f) - 1;
    return at + 1;
  };
  const width = Math.max(...c.partners.map((p) => p.length)) + 1;
  const lines = [
    title,
    "Figures as the articles state them: nothing added up, averaged or converted.",
    "",
  ];
  for (const row of c.rows) {
    lines.push(
      `${row.measure}${row.periodsDiffer ? "   (different periods: compare with care)" : ""}`,
    );
    for (const [partner, list] of row.cells) {
      const cells = list.map(
        (p) =>
          `${p.figure.qualifier ? `${p.figure.qualifier} ` : ""}${p.figure.value} · ${p.period?.label ?? p.figure.period ?? "period not stated"} [${numberOf(p.figure)}]`,
      );
      lines.push(
        `  ${`${partner}:`.padEnd(width)}  ${cells.length > 0 ? cells.join("; ") : "not in the articles"}`,
      );
    }
  }
  lines.push("", "Sources:", ...citationBlock(cited));
  return lines.join("\n");
}

export function chartText(
  chart: ChartData,
  file: string,
  size: { width: number; height: number },
): string {
  const lines = [
    `${chartTitle(chart)} — written to ${file} (${size.width}×${size.height} PNG)`,
    "",
    ...chartTableLines(chart),
    "",
    chartDescription(chart),
  ];
  const notDrawn = notDrawnText(chart);
  if (notDrawn) lines.push(notDrawn);
  lines.push("", "Sources:");
  for (const c of chart.citations) {
    const by = [c.publisher, c.published].filter(Boolean).join(", ");
    lines.push(
      `[${c.number}] ${c.title}${by ? ` (${by})` : ""} — ${c.articleId}`,
      `    “${c.sentence.replace(/\s+/g, " ")}”`,
    );
  }
  return lines.join("\n");
}

/** Writes the PNG next to its final name, then moves it there: never a half-written chart. */
export async function writePng(path: string, png: Uint8Array): Promise<string> {
  const target = resolve(path);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, png);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw new RefusedError(
      `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return target;
}

/**
 * Chart data → Vega-Lite → Vega's headless SVG renderer → resvg → PNG, with no browser and no
 * system fonts: the text is set in Roboto (`@expo-google-fonts/roboto`, TrueType files in the npm
 * package), with DejaVu Sans (`dejavu-fonts-ttf`) for any letter Roboto lacks, so the same data
 * gives the same picture on every machine. Roboto, not DejaVu, comes first because resvg lays out
 * text about twice as fast in the smaller font.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { parse, View } from "vega";
import type { ChartData } from "../compare/chart-data";
import { CHART_FONT, chartSpec } from "./chart-spec";
import { compile } from "./vega-lite";

const packageDir = (name: string) =>
  dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
const roboto = packageDir("@expo-google-fonts/roboto");
const dejavu = join(packageDir("dejavu-fonts-ttf"), "ttf");

export const CHART_FONT_FILES = [
  join(roboto, "400Regular", "Roboto_400Regular.ttf"),
  join(roboto, "700Bold", "Roboto_700Bold.ttf"),
  join(dejavu, "DejaVuSans.ttf"),
  join(dejavu, "DejaVuSans-Bold.ttf"),
];

export interface RenderedChart {
  png: Uint8Array;
  width: number;
  height: number;
}

/** The chart as SVG text, set in the bundled font. */
export async function chartSvg(chart: ChartData): Promise<string> {
  const vega = compile(chartSpec(chart)).spec;
  const view = new View(parse(vega), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as a PNG. */
export async function renderChartPng(chart: ChartData): Promise<RenderedChart> {
  const svg = await chartSvg(chart);
  const image = new Resvg(svg, {
    background: "white",
    // Bars and grid lines are axis-aligned: crisp edges draw them sharp and in half the time.
    shapeRendering: 1,
    font: {
      loadSystemFonts: false,
      fontFiles: CHART_FONT_FILES,
      defaultFontFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT,
    },
    logLevel: "off",
  }).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

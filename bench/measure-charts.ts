import { ChartRenderer } from "../src/chart/chart-renderer";
import { chartData } from "../src/compare/chart-data";
import type { Engine } from "../src/types";
import { type LatencySummary, summarize } from "./stats";

/** What charting costs at one corpus size: a /chart from the request to the PNG. */
export interface ChartResult {
  /** Chart data (measures lined up, periods placed) plus Vega → SVG → PNG, per chart drawn. */
  chartMs: LatencySummary;
  /** The data part alone (measures lined up, periods placed, a partner's first chart cold). */
  dataMs: LatencySummary;
  charts: number;
  /** Requests with nothing to draw: answered at once, not timed. */
  refused: number;
}

/** The measures charted, in turn, for each partner. */
const MEASURES = ["bilateral trade", "exports", "imports", "remittances"];

/**
 * Draws up to `count` charts, partner by partner and measure by measure, timing each from the
 * request to the PNG. A partner's first chart reads its figures cold; the renderer thread is
 * started and warmed on one chart first, as the bot starts it once logged in.
 */
export async function measureCharts(engine: Engine, count: number): Promise<ChartResult | null> {
  const partners = engine.partners();
  const requests = partners
    .flatMap((partner) => MEASURES.map((measure) => ({ partner, measure })))
    .slice(0, count);
  const first = requests
    .map((r) => chartData(engine, r.partner, r.measure))
    .find((outcome) => outcome.ok);
  if (!first?.ok) return null;
  // Drawn as the bot draws them: on the renderer's own thread, started and warmed first.
  const renderer = new ChartRenderer();
  for (let i = 0; i < 3; i++) await renderer.render(first.chart);

  const times: number[] = [];
  const dataTimes: number[] = [];
  let refused = 0;
  for (const request of requests) {
    const started = performance.now();
    const outcome = chartData(engine, request.partner, request.measure);
    const data = performance.now() - started;
    if (!outcome.ok) {
      refused++;
      continue;
    }
    await renderer.render(outcome.chart);
    times.push(performance.now() - started);
    dataTimes.push(data);
  }
  await renderer.close();
  return { chartMs: summarize(times), dataMs: summarize(dataTimes), charts: times.length, refused };
}

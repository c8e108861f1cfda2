/**
 * The chart renderer's own thread: Vega and resvg run here, on a heap of their own, so drawing a
 * chart neither waits on the collector marking the engine's large heap nor holds up the thread
 * that answers Discord.
 */
import { parentPort } from "node:worker_threads";
import type { ChartData } from "../compare/chart-data";
import { renderChartPng } from "./render-png";

/** `chart: null` asks only for an answer once the renderer has loaded. */
export interface RenderRequest {
  id: number;
  chart: ChartData | null;
}

export type RenderResponse =
  | { id: number; ok: true; png: Uint8Array; width: number; height: number }
  | { id: number; ok: false; error: string };

parentPort?.on("message", (request: RenderRequest) => {
  if (request.chart === null) {
    parentPort?.postMessage({
      id: request.id,
      ok: true,
      png: new Uint8Array(),
      width: 0,
      height: 0,
    });
    return;
  }
  renderChartPng(request.chart).then(
    ({ png, width, height }) => {
      const bytes = new Uint8Array(png);
      const reply: RenderResponse = { id: request.id, ok: true, png: bytes, width, height };
      parentPort?.postMessage(reply, [bytes.buffer]);
    },
    (error: unknown) => {
      const reply: RenderResponse = { id: request.id, ok: false, error: String(error) };
      parentPort?.postMessage(reply);
    },
  );
});

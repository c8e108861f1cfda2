/**
 * Draws charts on a worker thread (see `render-worker.ts`), one request at a time in order, the
 * worker started on first use and kept. A worker that cannot start or dies answers the pending
 * requests with an error and is started again on the next chart.
 */

import { Worker } from "node:worker_threads";
import type { ChartData } from "../compare/chart-data";
import { sourceUrl } from "../source-url";
import type { RenderedChart } from "./render-png";
import type { RenderRequest, RenderResponse } from "./render-worker";

interface Pending {
  resolve: (chart: RenderedChart) => void;
  reject: (error: Error) => void;
}

export class ChartRenderer {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** Starts the worker and loads the renderer in it, ahead of the first chart. */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    // The worker runs the TypeScript sources through tsx, as `npm start` runs the bot.
    const worker = new Worker(sourceUrl("chart/render-worker.mjs"));
    worker.unref();
    worker.on("message", (response: RenderResponse) => this.settle(response));
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", () => this.fail(new Error("the chart renderer stopped")));
    this.worker = worker;
    this.ready = this.renderOn(null).then(() => undefined);
    return this.ready;
  }

  async render(chart: ChartData): Promise<RenderedChart> {
    await this.start();
    return this.renderOn(chart);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    await worker?.terminate();
  }

  /** With `null`, a ping that resolves once the worker has loaded the renderer. */
  private renderOn(chart: ChartData | null): Promise<RenderedChart> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error("the chart renderer is not running"));
    const id = this.nextId++;
    return new Promise<RenderedChart>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: RenderRequest = { id, chart };
      worker.postMessage(request);
    });
  }

  private settle(response: RenderResponse): void {
    const waiting = this.pending.get(response.id);
    if (!waiting) return;
    this.pending.delete(response.id);
    if (response.ok) {
      waiting.resolve({ png: response.png, width: response.width, height: response.height });
    } else {
      waiting.reject(new Error(response.error));
    }
  }

  private fail(error: Error): void {
    this.worker = null;
    this.ready = null;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

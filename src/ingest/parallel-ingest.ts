import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { sourceUrl } from "../source-url";
import type { Article } from "../types";
import type { RunFacts } from "./article-facts";
import type { RunReply, RunRequest } from "./extract-worker";

/**
 * Reads the facts of a corpus on worker threads, one per core: the corpus is cut into runs of
 * consecutive articles, each worker is sent a run whenever it has fewer than two in hand (so none
 * waits on the main thread, and only a few runs' articles and facts are ever in transit), and the
 * runs are handed to `take` in corpus order as they complete, so what is built from them is the
 * same as reading the articles one after another. A worker that fails, or an article that cannot
 * be read, rejects the whole read with the reason and stops every worker.
 */

export interface ParallelOptions {
  /** Worker threads to start; default one per core. Below 2, nothing is gained: read in-thread. */
  workers?: number;
  /** Below this many characters of article text, starting workers costs more than it saves. */
  minChars?: number;
  /** Articles per run sent to a worker (the longest run; runs near the end are shorter). */
  runArticles?: number;
}

/**
 * Where each run starts, and where the last ends: runs of `runArticles` while plenty is left, then
 * shorter ones (a share of what is left per worker, down to `MIN_RUN_ARTICLES`), so that the
 * workers finish together rather than one reading its last two full runs while the others wait.
 */
export function runStarts(articles: number, workers: number, runArticles = RUN_ARTICLES): number[] {
  const starts = [0];
  let at = 0;
  while (at < articles) {
    const left = articles - at;
    const share = Math.ceil(left / (Math.max(1, workers) * TAIL_SHARES));
    at += Math.min(
      left,
      Math.max(Math.min(MIN_RUN_ARTICLES, runArticles), Math.min(runArticles, share)),
    );
    starts.push(at);
  }
  return starts;
}

/** About 2,500 passages of news: where two workers start to pay for their start-up. */
export const PARALLEL_MIN_CHARS = 1_000_000;
const RUN_ARTICLES = 128;
const RUNS_IN_HAND = 2;
/** Runs shrink once what is left is under this many full runs per worker. */
const TAIL_SHARES = 4;
const MIN_RUN_ARTICLES = 8;

const WORKER = sourceUrl("ingest/extract-worker.mjs");

/** How many workers to read `articles` with; 0: read them on this thread. */
export function workersFor(articles: readonly Article[], options: ParallelOptions = {}): number {
  const workers = options.workers ?? availableParallelism();
  if (workers < 2) return 0;
  let chars = 0;
  for (const a of articles) chars += a.body.length;
  return chars >= (options.minChars ?? PARALLEL_MIN_CHARS) ? workers : 0;
}

export function readRunsInParallel(
  articles: readonly Article[],
  workers: number,
  take: (run: RunFacts) => void,
  runArticles = RUN_ARTICLES,
): Promise<void> {
  const starts = runStarts(articles.length, workers, runArticles);
  const runs = starts.length - 1;
  if (runs === 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const started: Worker[] = [];
    const arrived = new Map<number, RunFacts>();
    let sent = 0;
    let taken = 0;
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const worker of started) void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const send = (worker: Worker) => {
      if (sent >= runs) return;
      const run = sent++;
      const request: RunRequest = {
        run,
        articles: articles.slice(starts[run], starts[run + 1]),
      };
      worker.postMessage(request);
    };
    const received = (worker: Worker, reply: RunReply) => {
      if (settled) return;
      if (!reply.ok) {
        finish(new Error(`Tijarat ingest: ${reply.error}`));
        return;
      }
      arrived.set(reply.run, reply.facts);
      send(worker);
      try {
        for (let next = arrived.get(taken); next; next = arrived.get(taken)) {
          arrived.delete(taken++);
          take(next);
        }
      } catch (error) {
        finish(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (taken === runs) finish();
    };
    for (let i = 0; i < Math.min(workers, runs); i++) {
      const worker = new Worker(WORKER);
      started.push(worker);
      worker.on("message", (reply: RunReply) => received(worker, reply));
      worker.on("error", (error) =>
        finish(new Error(`Tijarat ingest: a worker failed: ${error.message}`)),
      );
      worker.on("messageerror", (error) =>
        finish(new Error(`Tijarat ingest: a worker's facts could not be read: ${error.message}`)),
      );
      worker.on("exit", (code) =>
        finish(new Error(`Tijarat ingest: a worker stopped (exit code ${code}) before its runs`)),
      );
      for (let k = 0; k < RUNS_IN_HAND; k++) send(worker);
    }
  });
}

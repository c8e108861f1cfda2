/**
 * An ingest worker: reads the facts of the runs of articles it is sent (`readRunFacts`) and sends
 * them back, or the reason it could not. Started by `parallel-ingest.ts`.
 */
import { parentPort } from "node:worker_threads";
import type { Article } from "../types";
import { type RunFacts, readRunFacts } from "./article-facts";
import { leaveOutBodyText } from "./body-slices";

export interface RunRequest {
  run: number;
  articles: Article[];
}

export type RunReply =
  | { run: number; ok: true; facts: RunFacts }
  | { run: number; ok: false; error: string };

parentPort?.on("message", (request: RunRequest) => {
  let reply: RunReply;
  try {
    const facts = readRunFacts(request.articles);
    leaveOutBodyText(facts, request.articles);
    reply = { run: request.run, ok: true, facts };
  } catch (error) {
    reply = { run: request.run, ok: false, error: errorText(error) };
  }
  try {
    // The index terms' and passage terms' arrays are handed over rather than copied.
    parentPort?.postMessage(
      reply,
      reply.ok
        ? [
            reply.facts.indexTerms.data.buffer as ArrayBuffer,
            reply.facts.passageTerms.at.buffer as ArrayBuffer,
            reply.facts.passageTerms.ids.buffer as ArrayBuffer,
          ]
        : [],
    );
  } catch (error) {
    // Facts that cannot be copied to the main thread: say so rather than leave it waiting.
    parentPort?.postMessage({ run: request.run, ok: false, error: errorText(error) });
  }
});

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

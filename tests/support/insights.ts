/**
 * Real insights over a scratch SQLite file, for tests that read what was recorded, and the
 * question events /ask would record for the fake engine's answers.
 */
import { askerHash } from "../../src/insights/asker";
import { Insights } from "../../src/insights/insights";
import type { AskedEvent } from "../../src/insights/recorder";
import { SqliteInsightsStore } from "../../src/insights/sqlite-store";
import type { InsightsStore, Surface } from "../../src/insights/store";
import { StoreWriter, type StoreWriterOptions } from "../../src/insights/store-writer";
import { createLogger, type LogFields } from "../../src/log";
import { answered, unanswered } from "./fake-engine";

/** Resolves once `probe` holds, checking every few milliseconds; fails after `timeoutMs`. */
export async function eventually(what: string, probe: () => boolean, timeoutMs = 5_000) {
  const started = performance.now();
  while (!probe()) {
    if (performance.now() - started > timeoutMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A logger that keeps its lines, parsed, and picks them by level. */
export function capturingLog() {
  const lines: LogFields[] = [];
  const log = createLogger({ level: "debug", write: (line) => lines.push(JSON.parse(line)) });
  const at = (level: string) => lines.filter((line) => line.level === level);
  return { log, lines, at };
}

export interface ScratchInsightsOptions {
  surface?: Surface;
  retentionDays?: number;
  now?: () => number;
  /** The writer's settings (how many records it keeps, how soon it tries a failed store again). */
  writer?: Pick<StoreWriterOptions, "maxPending" | "retryMs">;
}

/** Insights over `store` (or an SQLite file at a path), with a fixed salt and a captured log. */
export function scratchInsights(
  store: InsightsStore | string,
  options: ScratchInsightsOptions = {},
) {
  const captured = capturingLog();
  const kept = typeof store === "string" ? new SqliteInsightsStore({ path: store }) : store;
  const insights = new Insights({
    store: kept,
    hash: askerHash("a-salt-for-tests-that-is-long-enough-0123"),
    surface: options.surface ?? "discord",
    retentionDays: options.retentionDays ?? 90,
    log: captured.log,
    ...(options.now ? { now: options.now } : {}),
    ...(options.writer
      ? { writer: new StoreWriter({ store: kept, log: captured.log, ...options.writer }) }
      : {}),
  });
  return { insights, ...captured };
}

/** What /ask records for a question the fake engine answers (Japan) or not (anything else). */
export function askedEvent(question: string, guildId: string | null, userId = "111"): AskedEvent {
  return {
    command: "ask",
    userId,
    guildId,
    answer: /japan/i.test(question) ? { ...answered, question } : unanswered(question),
    latencyMs: 2,
  };
}

/**
 * Insights as the commands see them: record a question or a vote (never waiting, never
 * throwing), read the report, erase a scope. Retention is enforced here, at start and daily, and
 * also when reading, so an expired record is never shown even before it is pruned.
 */
import type { Logger } from "../log";
import { type AskerHash, askerHash, loadSalt, saltFileFor } from "./asker";
import { importFeedbackLog } from "./legacy-feedback";
import { type AskedEvent, InsightsRecorder, type VotedEvent } from "./recorder";
import {
  buildReport,
  DAY_MS,
  type InsightsReport,
  REPORT_TOPICS,
  STORE_GROUPS,
  windowStart,
} from "./report";
import { SqliteInsightsStore } from "./sqlite-store";
import {
  type Erased,
  type InsightsScope,
  type InsightsStore,
  StoreError,
  type Surface,
} from "./store";

/**
 * The report over the last `days` days, never reaching past the retention period: an expired
 * record is not shown even before it is pruned.
 */
export async function readReport(
  store: InsightsStore,
  options: { scope: InsightsScope; days: number; retentionDays: number; now: number },
): Promise<InsightsReport> {
  const { days, retentionDays, now } = options;
  const since = windowStart(now, days, retentionDays);
  const summary = await store.summarize({
    scope: options.scope,
    since,
    groups: STORE_GROUPS,
    topics: REPORT_TOPICS,
  });
  return buildReport(summary, { days, since, retentionDays });
}

/** What commands use; `tests/support` has an in-memory one for command tests. */
export interface InsightsService {
  readonly surface: Surface;
  readonly retentionDays: number;
  /** Queues the question; returns its record id. */
  asked(event: AskedEvent): string;
  voted(event: VotedEvent): void;
  report(scope: InsightsScope, days: number): Promise<InsightsReport>;
  erase(scope: InsightsScope): Promise<Erased>;
}

export interface InsightsOptions {
  store: InsightsStore;
  hash: AskerHash;
  surface: Surface;
  retentionDays: number;
  log: Logger;
  now?: () => number;
  /** How long a report or an erasure may keep a reply waiting. Default 2 s. */
  deadlineMs?: number;
}

export class Insights implements InsightsService {
  readonly surface: Surface;
  readonly retentionDays: number;
  private readonly recorder: InsightsRecorder;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | null = null;
  private readonly deadlineMs: number;

  /** The store itself, for what else it keeps (follow-up context, `src/conversation/`). */
  get store(): InsightsStore {
    return this.options.store;
  }

  constructor(private readonly options: InsightsOptions) {
    this.surface = options.surface;
    this.retentionDays = options.retentionDays;
    this.now = options.now ?? Date.now;
    this.deadlineMs = options.deadlineMs ?? 2_000;
    this.recorder = new InsightsRecorder({
      store: options.store,
      hash: options.hash,
      surface: options.surface,
      log: options.log,
      now: this.now,
    });
  }

  asked(event: AskedEvent): string {
    return this.recorder.asked(event);
  }

  voted(event: VotedEvent): void {
    this.recorder.voted(event);
  }

  report(scope: InsightsScope, days: number): Promise<InsightsReport> {
    return this.withinDeadline("reading the report", async () => {
      // What was asked just before counts (the console asks and reads in one breath).
      await this.recorder.flush();
      return readReport(this.options.store, {
        scope,
        days,
        retentionDays: this.retentionDays,
        now: this.now(),
      });
    });
  }

  erase(scope: InsightsScope): Promise<Erased> {
    return this.withinDeadline("erasing", async () => {
      // Queued records of the scope must not land after the erasure.
      await this.recorder.flush();
      const erased = await this.options.store.erase(scope);
      this.options.log.info("insights: records erased", { scope, ...erased });
      return erased;
    });
  }

  /**
   * A reply waits for the store at most `deadlineMs` (Discord wants an answer within 3 s); past
   * that it fails and the command says so, while the store finishes on its own.
   */
  private async withinDeadline<T>(what: string, work: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new StoreError(
              `insights store ${this.options.store.description}: ${what} took over ${this.deadlineMs} ms`,
              "TIMEOUT",
            ),
          ),
        this.deadlineMs,
      );
    });
    try {
      return await Promise.race([work(), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Deletes what is older than the retention period. Never throws: a failure is the store's. */
  async prune(): Promise<Erased | null> {
    try {
      const erased = await this.options.store.prune(this.now() - this.retentionDays * DAY_MS);
      this.recorder.succeeded();
      if (erased.questions + erased.votes > 0) {
        this.options.log.info("insights: expired records deleted", {
          retentionDays: this.retentionDays,
          ...erased,
        });
      }
      return erased;
    } catch (error) {
      this.recorder.failed(error);
      return null;
    }
  }

  /**
   * Opens the store, moves the old feedback log in, prunes, and prunes again once a day (on a
   * timer that does not keep the process alive). A store that cannot be opened is one warning.
   */
  async start(legacyFeedbackLog: string | null = null): Promise<void> {
    const { store, log } = this.options;
    try {
      await store.open();
      log.info("insights: recording", {
        store: store.description,
        retentionDays: this.retentionDays,
      });
      if (legacyFeedbackLog) {
        await importFeedbackLog({ file: legacyFeedbackLog, store, hash: this.options.hash, log });
      }
    } catch (error) {
      this.recorder.failed(error);
    }
    this.timer ??= setInterval(() => void this.prune(), DAY_MS).unref();
    await this.prune();
  }

  /** Writes what is queued (within `deadlineMs`) and closes the store. */
  async close(deadlineMs = 2_000): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.recorder.flush(),
      new Promise((resolve) => {
        timer = setTimeout(resolve, deadlineMs);
      }),
    ]);
    clearTimeout(timer);
    await this.options.store.close();
  }
}

export interface InsightsConfig {
  insightsDb: string;
  insightsRetentionDays: number;
  insightsSalt: string | null;
  feedbackLog: string;
}

/** The store a configuration names. Only SQLite files for now; PostgreSQL is issue 17. */
export function storeFor(config: Pick<InsightsConfig, "insightsDb">): InsightsStore {
  return new SqliteInsightsStore({ path: config.insightsDb });
}

/**
 * Opens the insights for the bot or the console: the store, the salt, the old feedback log moved
 * in, and retention started. A store that cannot be opened is warned about once; the bot answers
 * all the same.
 */
export async function openInsights(
  config: InsightsConfig,
  log: Logger,
  surface: Surface,
): Promise<Insights> {
  const store = storeFor(config);
  const salt = loadSalt({ salt: config.insightsSalt, file: saltFileFor(config.insightsDb), log });
  const hash = askerHash(salt);
  const insights = new Insights({
    store,
    hash,
    surface,
    retentionDays: config.insightsRetentionDays,
    log,
  });
  await insights.start(config.feedbackLog);
  return insights;
}

/**
 * Everything Tijarat keeps, opened once per process over the store INSIGHTS_DB names: an SQLite
 * file (one machine; shards may share it) or a PostgreSQL URL (any number of replicas). One
 * writer queues every record off the reply path; one guard bounds every read a reply waits for.
 */
import { isPostgresUrl } from "../config";
import type { Logger } from "../log";
import { type AskerHash, askerHash, loadSalt, saltFileFor } from "./asker";
import { Conversations } from "./conversations";
import { GuardedReads, type GuardedReadsOptions } from "./guarded-reads";
import { Insights } from "./insights";
import { PostgresInsightsStore } from "./postgres-store";
import { SqliteInsightsStore } from "./sqlite-store";
import type { Store, Surface } from "./store";
import { StoreWriter, type StoreWriterOptions } from "./store-writer";

export interface StorageConfig {
  insightsDb: string;
  insightsRetentionDays: number;
  insightsSalt: string | null;
  feedbackLog: string;
  /** GuardedReads' timeout unless `tuning.reads` sets one. */
  storeReadTimeoutMs?: number;
}

/** The store a configuration names: PostgreSQL for a `postgres://` URL, else an SQLite file. */
export function storeFor(config: Pick<StorageConfig, "insightsDb">): Store {
  if (isPostgresUrl(config.insightsDb))
    return new PostgresInsightsStore({ url: config.insightsDb });
  return new SqliteInsightsStore({ path: config.insightsDb });
}

export interface Storage {
  readonly store: Store;
  readonly insights: Insights;
  readonly conversations: Conversations;
  /** Bounds every read a reply waits for (cooldowns, context). */
  readonly reads: GuardedReads;
  /** The salted hash users are counted by, in insights and cooldowns alike. */
  readonly hash: AskerHash;
  /** Writes what is queued (briefly) and closes the store. */
  close(): Promise<void>;
}

/** How long things wait; the defaults suit production, tests shorten them. */
export interface StorageTuning {
  writer?: Pick<StoreWriterOptions, "maxPending" | "retryMs">;
  reads?: Pick<GuardedReadsOptions, "timeoutMs" | "restMs">;
  /** How long a report or an erasure may keep a reply waiting. */
  deadlineMs?: number;
}

/** Expired context and ended cooldown windows are deleted this often (and at start). */
const EXPIRE_EVERY_MS = 60 * 60_000;

/**
 * Opens everything the bot or the console keeps: the store, the salt, insights (the old feedback
 * log moved in, retention started), follow-up context and the guard on reads. A store that cannot
 * be opened is warned about once and tried again in the background; the bot answers all the same.
 */
export async function openStorage(
  config: StorageConfig,
  log: Logger,
  surface: Surface,
  tuning: StorageTuning = {},
): Promise<Storage> {
  const shared = isPostgresUrl(config.insightsDb);
  // Replicas must hash alike, and a URL is no place for a file: config.ts requires the salt.
  if (shared && !config.insightsSalt) {
    throw new Error("INSIGHTS_SALT must be set when INSIGHTS_DB is a PostgreSQL URL");
  }
  const store = storeFor(config);
  const salt = loadSalt({ salt: config.insightsSalt, file: saltFileFor(config.insightsDb), log });
  const hash = askerHash(salt);
  const writer = new StoreWriter({ store, log, ...tuning.writer });
  const reads = new GuardedReads({
    log,
    ...(config.storeReadTimeoutMs ? { timeoutMs: config.storeReadTimeoutMs } : {}),
    ...tuning.reads,
  });
  const insights = new Insights({
    store,
    hash,
    surface,
    retentionDays: config.insightsRetentionDays,
    log,
    writer,
    ...(tuning.deadlineMs ? { deadlineMs: tuning.deadlineMs } : {}),
  });
  const conversations = new Conversations({ surface, shared: { store, writer, reads } });
  await insights.start(config.feedbackLog);
  const expire = () => void store.expire(Date.now()).catch(() => undefined);
  expire();
  const timer = setInterval(expire, EXPIRE_EVERY_MS).unref();
  return {
    store,
    insights,
    conversations,
    reads,
    hash,
    async close() {
      clearInterval(timer);
      await insights.close();
    },
  };
}

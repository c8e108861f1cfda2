/**
 * All configuration in one place: `.env` (via dotenv) and the environment, checked with zod.
 * The only module that reads `process.env`. A bad value stops start-up with a message that
 * names the variable.
 */
import { config as loadDotenv } from "dotenv";
import { z } from "zod";
import { LOG_LEVELS, type LogLevel } from "./log";

export interface Config {
  /** Absent: `npm start` runs the local console instead of the bot. */
  discordToken: string | null;
  discordApplicationId: string | null;
  discordGuildId: string | null;
  /** REST base including `/api` (discord.js appends `/v10`), e.g. `http://127.0.0.1:8080/api`. */
  discordApiUrl: string | null;
  corpusDir: string;
  /** Where the prebuilt index snapshot lives; null builds in memory. */
  indexCacheDir: string | null;
  logLevel: LogLevel;
  cooldownRequests: number;
  cooldownSeconds: number;
  /** The old JSON-lines feedback log: moved into the insights store at start, then deleted. */
  feedbackLog: string;
  /**
   * The store for insights, follow-up context and cooldowns: an SQLite file path, or a
   * `postgres://` URL for a database shared by replicas.
   */
  insightsDb: string;
  /** Records older than this are deleted (at start and daily) and never shown. */
  insightsRetentionDays: number;
  /** Secret for hashing askers; null: one generated and kept beside the store (`.salt`). */
  insightsSalt: string | null;
  /** Shards for `npm run shard`; null: the count Discord recommends. */
  totalShards: number | null;
  /**
   * The shards `npm run shard` runs on this machine, of `totalShards`, so several machines can
   * share one application; null: all of them.
   */
  shardIds: number[] | null;
  /** Lets article fetching reach 127.0.0.0/8 and ::1, for tests; no other private range ever. */
  fetchAllowLoopback: boolean;
  /** How long a follow-up thread (or console session) keeps the last answer's context. */
  followUpMinutes: number;
  /**
   * How long a reply may wait on the shared store (a cooldown, a follow-up's context) before it
   * goes on with what this process knows.
   */
  storeReadTimeoutMs: number;
  /** Where `npm run serve` listens for Discord's interaction requests, on all interfaces. */
  interactionsPort: number;
  /**
   * The application's Ed25519 public key (64 hex characters, Developer Portal → General
   * Information) that every interaction request must be signed with; `npm run serve` needs it.
   */
  discordPublicKey: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

/** An unset or blank variable counts as absent, so `KEY=` in .env means "use the default". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    schema.optional(),
  );

const snowflake = z
  .string()
  .trim()
  .regex(/^\d{1,20}$/, "must be a Discord id: digits only (copy it from the Developer Portal)");

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const positiveSeconds = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/, "must be a number of seconds")
  .transform(Number)
  .pipe(z.number().positive("must be more than 0").max(3600, "must be at most 3600"));

const webUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an http(s) URL such as http://127.0.0.1:8080/api")
  .transform((value) => value.replace(/\/+$/, ""));

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(["1", "0", "true", "false", "yes", "no"], { error: "must be 1 or 0" }))
  .transform((value) => value === "1" || value === "true" || value === "yes");

/** The settings for fetching articles, read alone by the CLI's `add`. */
const fetchSchema = z.object({
  FETCH_ALLOW_LOOPBACK: optional(flag),
});

/** INSIGHTS_DB names a PostgreSQL database (shared by replicas) rather than an SQLite file. */
export const isPostgresUrl = (value: string): boolean => /^postgres(?:ql)?:\/\//i.test(value);

/** A URL node-postgres can connect with: a host, or a socket folder in `?host=`. */
function usablePostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.hostname !== "" || url.searchParams.has("host");
  } catch {
    return false;
  }
}

const storeLocation = z
  .string()
  .trim()
  .refine((value) => !value.includes("\0"), "must be a file path or a postgres:// URL")
  .refine(
    (value) => !isPostgresUrl(value) || usablePostgresUrl(value),
    "must be a URL such as postgres://user:password@host:5432/database (with the password percent-encoded)",
  );

const schema = fetchSchema.extend({
  DISCORD_TOKEN: optional(z.string().trim().regex(/^\S+$/, "must not contain spaces")),
  DISCORD_APPLICATION_ID: optional(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_URL: optional(webUrl),
  CORPUS_DIR: optional(z.string()),
  INDEX_CACHE_DIR: optional(z.string()),
  LOG_LEVEL: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })),
  ),
  COOLDOWN_REQUESTS: optional(wholeNumber(1, 1000)),
  COOLDOWN_SECONDS: optional(positiveSeconds),
  FEEDBACK_LOG: optional(z.string()),
  INSIGHTS_DB: optional(storeLocation),
  INSIGHTS_RETENTION_DAYS: optional(wholeNumber(1, 3650)),
  INSIGHTS_SALT: optional(
    z.string().trim().min(16, "must be at least 16 characters (a long random string)"),
  ),
  TOTAL_SHARDS: optional(wholeNumber(1, 100_000)),
  SHARD_IDS: optional(
    z
      .string()
      .trim()
      .regex(/^\d+(\s*,\s*\d+)*$/, "must be shard numbers separated by commas, such as 0,1")
      .transform((value) => [...new Set(value.split(",").map((id) => Number(id.trim())))]),
  ),
  FOLLOW_UP_MINUTES: optional(wholeNumber(1, 10_080)),
  STORE_READ_TIMEOUT_MS: optional(wholeNumber(10, 2_000)),
  INTERACTIONS_PORT: optional(wholeNumber(0, 65_535)),
  DISCORD_PUBLIC_KEY: optional(
    z
      .string()
      .trim()
      .regex(
        /^[0-9a-fA-F]{64}$/,
        "must be 64 hex characters: the Public Key under General Information in the Developer Portal",
      )
      .transform((value) => value.toLowerCase()),
  ),
});

/** Checks an environment; throws ConfigError naming every bad variable. Pure, for tests. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? "environment"),
        message: issue.message,
      })),
    );
  }
  const values = result.data;
  const together: { variable: string; message: string }[] = [];
  if (values.INSIGHTS_DB && isPostgresUrl(values.INSIGHTS_DB) && !values.INSIGHTS_SALT) {
    together.push({
      variable: "INSIGHTS_SALT",
      message:
        "must be set when INSIGHTS_DB is a PostgreSQL URL: every replica must hash users alike",
    });
  }
  if (values.SHARD_IDS && !values.TOTAL_SHARDS) {
    together.push({
      variable: "SHARD_IDS",
      message: "needs TOTAL_SHARDS, the shards of every machine",
    });
  } else if (values.SHARD_IDS?.some((id) => id >= (values.TOTAL_SHARDS ?? 0))) {
    together.push({
      variable: "SHARD_IDS",
      message: "must be below TOTAL_SHARDS (shards are numbered from 0)",
    });
  }
  if (together.length > 0) throw new ConfigError(together);
  return {
    discordToken: values.DISCORD_TOKEN ?? null,
    discordApplicationId: values.DISCORD_APPLICATION_ID ?? null,
    discordGuildId: values.DISCORD_GUILD_ID ?? null,
    discordApiUrl: values.DISCORD_API_URL ?? null,
    corpusDir: values.CORPUS_DIR ?? "corpus",
    indexCacheDir: values.INDEX_CACHE_DIR ?? null,
    logLevel: values.LOG_LEVEL ?? "info",
    cooldownRequests: values.COOLDOWN_REQUESTS ?? 5,
    cooldownSeconds: values.COOLDOWN_SECONDS ?? 10,
    feedbackLog: values.FEEDBACK_LOG ?? ".tijarat/feedback.jsonl",
    insightsDb: values.INSIGHTS_DB ?? ".tijarat/insights.db",
    insightsRetentionDays: values.INSIGHTS_RETENTION_DAYS ?? 90,
    insightsSalt: values.INSIGHTS_SALT ?? null,
    totalShards: values.TOTAL_SHARDS ?? null,
    shardIds: values.SHARD_IDS ?? null,
    fetchAllowLoopback: values.FETCH_ALLOW_LOOPBACK ?? false,
    followUpMinutes: values.FOLLOW_UP_MINUTES ?? 60,
    storeReadTimeoutMs: values.STORE_READ_TIMEOUT_MS ?? 150,
    interactionsPort: values.INTERACTIONS_PORT ?? 8080,
    discordPublicKey: values.DISCORD_PUBLIC_KEY ?? null,
  };
}

/** `npm run serve`'s configuration: as `parseConfig`, and DISCORD_PUBLIC_KEY must be set. */
export function parseServeConfig(
  env: Record<string, string | undefined>,
): Config & { discordPublicKey: string } {
  const config = parseConfig(env);
  const { discordPublicKey } = config;
  if (discordPublicKey === null) {
    throw new ConfigError([
      {
        variable: "DISCORD_PUBLIC_KEY",
        message:
          "must be set to serve interactions over HTTP: the Public Key under General Information in the Developer Portal",
      },
    ]);
  }
  return { ...config, discordPublicKey };
}

/** Only the article-fetching settings; throws ConfigError naming a bad variable. */
export function parseFetchConfig(
  env: Record<string, string | undefined>,
): Pick<Config, "fetchAllowLoopback"> {
  const result = fetchSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? "environment"),
        message: issue.message,
      })),
    );
  }
  return { fetchAllowLoopback: result.data.FETCH_ALLOW_LOOPBACK ?? false };
}

/**
 * Everything in the configuration a log must never show: the token, the salt, and the password in
 * a PostgreSQL URL (as written and decoded).
 */
export function configSecrets(
  config: Pick<Config, "discordToken" | "insightsSalt" | "insightsDb">,
): string[] {
  const secrets = [config.discordToken, config.insightsSalt];
  if (isPostgresUrl(config.insightsDb)) {
    try {
      const { password } = new URL(config.insightsDb);
      secrets.push(password, decodeURIComponent(password));
    } catch {
      // Not a URL: config.ts refused it already.
    }
  }
  return secrets.filter((secret): secret is string => Boolean(secret));
}

/** Reads `.env` (the environment wins over it) and the environment. */
export function loadConfig(): Config {
  loadDotenv({ quiet: true });
  return parseConfig(process.env);
}

type Env = Record<string, string | undefined>;

/**
 * For entry points: the config (checked by `parse`, `parseConfig` by default), or a message
 * naming the bad variables on stderr and exit 2.
 */
export function loadConfigOrExit(): Config;
export function loadConfigOrExit<T>(parse: (env: Env) => T): T;
export function loadConfigOrExit(parse: (env: Env) => unknown = parseConfig): unknown {
  try {
    loadDotenv({ quiet: true });
    return parse(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
      process.exit(2);
    }
    throw error;
  }
}

import { describe, expect, it } from "vitest";
import { ConfigError, configSecrets, parseConfig, parseServeConfig } from "../src/config";

const problemsOf = (env: Record<string, string | undefined>) => {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
};

/** An Ed25519 public key as the Developer Portal shows it: 32 bytes in hex. */
const PUBLIC_KEY = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";

describe("parseConfig", () => {
  it("fills every default from an empty environment: no token means the local console", () => {
    expect(parseConfig({})).toEqual({
      discordToken: null,
      discordApplicationId: null,
      discordGuildId: null,
      discordApiUrl: null,
      corpusDir: "corpus",
      indexCacheDir: null,
      logLevel: "info",
      cooldownRequests: 5,
      cooldownSeconds: 10,
      feedbackLog: ".tijarat/feedback.jsonl",
      insightsDb: ".tijarat/insights.db",
      insightsRetentionDays: 90,
      insightsSalt: null,
      totalShards: null,
      shardIds: null,
      fetchAllowLoopback: false,
      followUpMinutes: 60,
      storeReadTimeoutMs: 150,
      interactionsPort: 8080,
      discordPublicKey: null,
    });
  });

  it("reads every variable", () => {
    expect(
      parseConfig({
        DISCORD_TOKEN: "abc.def.ghi",
        DISCORD_APPLICATION_ID: "123456789012345678",
        DISCORD_GUILD_ID: "876543210987654321",
        DISCORD_API_URL: "http://127.0.0.1:8080/api/",
        CORPUS_DIR: "articles",
        INDEX_CACHE_DIR: ".cache",
        LOG_LEVEL: "DEBUG",
        COOLDOWN_REQUESTS: "3",
        COOLDOWN_SECONDS: "2.5",
        FEEDBACK_LOG: "votes.jsonl",
        INSIGHTS_DB: "/var/lib/tijarat/insights.db",
        INSIGHTS_RETENTION_DAYS: "30",
        INSIGHTS_SALT: "a-long-random-secret-string",
        TOTAL_SHARDS: "4",
        SHARD_IDS: "1, 3",
        FETCH_ALLOW_LOOPBACK: "1",
        FOLLOW_UP_MINUTES: "15",
        INTERACTIONS_PORT: "3000",
        DISCORD_PUBLIC_KEY: PUBLIC_KEY.toUpperCase(),
      }),
    ).toEqual({
      discordToken: "abc.def.ghi",
      discordApplicationId: "123456789012345678",
      discordGuildId: "876543210987654321",
      discordApiUrl: "http://127.0.0.1:8080/api",
      corpusDir: "articles",
      indexCacheDir: ".cache",
      logLevel: "debug",
      cooldownRequests: 3,
      cooldownSeconds: 2.5,
      feedbackLog: "votes.jsonl",
      insightsDb: "/var/lib/tijarat/insights.db",
      insightsRetentionDays: 30,
      insightsSalt: "a-long-random-secret-string",
      totalShards: 4,
      shardIds: [1, 3],
      fetchAllowLoopback: true,
      followUpMinutes: 15,
      storeReadTimeoutMs: 150,
      interactionsPort: 3000,
      discordPublicKey: PUBLIC_KEY,
    });
  });

  it("treats blank values as unset, as copied from .env.example", () => {
    expect(
      parseConfig({ DISCORD_TOKEN: "", DISCORD_GUILD_ID: "  ", LOG_LEVEL: "" }).discordToken,
    ).toBeNull();
  });

  it.each([
    ["DISCORD_APPLICATION_ID", "my-app"],
    ["DISCORD_GUILD_ID", "12ab"],
    ["DISCORD_API_URL", "ftp://example.com/api"],
    ["DISCORD_API_URL", "not a url"],
    ["DISCORD_TOKEN", "has a space"],
    ["LOG_LEVEL", "verbose"],
    ["COOLDOWN_REQUESTS", "0"],
    ["COOLDOWN_REQUESTS", "five"],
    ["COOLDOWN_REQUESTS", "2.5"],
    ["COOLDOWN_SECONDS", "-1"],
    ["COOLDOWN_SECONDS", "0"],
    ["COOLDOWN_SECONDS", "ten"],
    ["TOTAL_SHARDS", "auto"],
    ["SHARD_IDS", "first"],
    ["SHARD_IDS", "0,1"],
    ["FETCH_ALLOW_LOOPBACK", "sometimes"],
    ["FOLLOW_UP_MINUTES", "0"],
    ["INSIGHTS_RETENTION_DAYS", "0"],
    ["INSIGHTS_RETENTION_DAYS", "forever"],
    ["INSIGHTS_SALT", "short"],
    ["INSIGHTS_DB", "postgres://tijarat:hunter2@[db.internal/tijarat"],
    ["INSIGHTS_DB", "postgresql://"],
    ["INTERACTIONS_PORT", "65536"],
    ["INTERACTIONS_PORT", "http"],
    ["DISCORD_PUBLIC_KEY", PUBLIC_KEY.slice(2)],
    ["DISCORD_PUBLIC_KEY", `${PUBLIC_KEY.slice(2)}zz`],
  ])("names %s when it is %j", (variable, value) => {
    expect(problemsOf({ [variable]: value })).toEqual([variable]);
    expect(() => parseConfig({ [variable]: value })).toThrow(
      new RegExp(`^Invalid configuration:\\n  ${variable}: `),
    );
  });

  it("names every bad variable at once", () => {
    expect(problemsOf({ LOG_LEVEL: "loud", COOLDOWN_SECONDS: "x" })).toEqual([
      "LOG_LEVEL",
      "COOLDOWN_SECONDS",
    ]);
  });

  it("says what a good value looks like", () => {
    expect(() => parseConfig({ LOG_LEVEL: "loud" })).toThrow(
      "LOG_LEVEL: must be one of debug, info, warn, error",
    );
    expect(() => parseConfig({ COOLDOWN_REQUESTS: "0" })).toThrow(
      "COOLDOWN_REQUESTS: must be at least 1",
    );
  });

  it("names an insights variable without ever echoing its value", () => {
    const secrets = {
      INSIGHTS_SALT: "short",
      INSIGHTS_DB: "postgres://tijarat:hunter2@[db.internal/tijarat",
    };
    let message = "";
    try {
      parseConfig(secrets);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("INSIGHTS_SALT: must be at least 16 characters");
    expect(message).toContain("INSIGHTS_DB: must be a URL such as postgres://");
    expect(message).not.toContain("short");
    expect(message).not.toContain("hunter2");
  });

  it("keeps a machine's shards below the total", () => {
    expect(() => parseConfig({ TOTAL_SHARDS: "4", SHARD_IDS: "2,4" })).toThrow(
      "SHARD_IDS: must be below TOTAL_SHARDS",
    );
  });

  it("takes a PostgreSQL URL for INSIGHTS_DB, with the salt every replica must share", () => {
    const url = "postgres://tijarat:hunter%402@db.internal:5433/tijarat";
    expect(() => parseConfig({ INSIGHTS_DB: url })).toThrow(
      "INSIGHTS_SALT: must be set when INSIGHTS_DB is a PostgreSQL URL",
    );
    const config = parseConfig({ INSIGHTS_DB: url, INSIGHTS_SALT: "a-shared-salt-0123456789" });
    expect(config.insightsDb).toBe(url);
    // The password, as written and decoded, is kept out of every log line.
    expect(configSecrets(config)).toEqual(
      expect.arrayContaining(["hunter%402", "hunter@2", "a-shared-salt-0123456789"]),
    );
  });
});

describe("parseServeConfig", () => {
  it("needs DISCORD_PUBLIC_KEY, and nothing else the bot needs, not even DISCORD_TOKEN", () => {
    expect(() => parseServeConfig({})).toThrow(
      /^Invalid configuration:\n {2}DISCORD_PUBLIC_KEY: must be set to serve interactions/,
    );
    const config = parseServeConfig({ DISCORD_PUBLIC_KEY: PUBLIC_KEY });
    expect(config.discordPublicKey).toBe(PUBLIC_KEY);
    expect(config.discordToken).toBeNull();
    expect(config.interactionsPort).toBe(8080);
  });

  it("still names every other bad variable", () => {
    expect(() => parseServeConfig({ DISCORD_PUBLIC_KEY: PUBLIC_KEY, LOG_LEVEL: "loud" })).toThrow(
      "LOG_LEVEL: must be one of",
    );
  });
});

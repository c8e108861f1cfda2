import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config";
import { createLogger, type LogLevel, REDACTED } from "../../src/log";
import { freshUser, plainText, startWiredBot } from "../wire/harness";

/** Shaped like a real bot token (base64 id . timestamp . HMAC) so no format check trips on it. */
const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GxYzAb.Secr3tT0kenValue_abcdefghijklmnopqrstu";
const PROJECT_ROOT = resolve(import.meta.dirname, "../..");

function capturingLogger(secrets: readonly (string | null)[], level: LogLevel = "debug") {
  const lines: string[] = [];
  const log = createLogger({ level, secrets, write: (line) => lines.push(line) });
  return { log, lines };
}

/** An error the way discord.js or fetch could build one: token in message, stack and code. */
function errorCarrying(secret: string): Error {
  const error = new Error(`login failed for token ${secret}`) as Error & { code: string };
  error.code = `BAD_TOKEN_${secret}`;
  return error;
}

describe("the logger never prints the bot token", () => {
  it("replaces the token in the message, in fields and in nested objects at every level", () => {
    const { log, lines } = capturingLogger([TOKEN]);
    log.debug(`connecting with ${TOKEN}`, { token: TOKEN });
    log.info("config", { config: { discord: { token: TOKEN, list: [TOKEN, "x"] } } });
    log.warn("header", { authorization: `Bot ${TOKEN}` });
    log.error("key", { [TOKEN]: 1 });
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).toContain(REDACTED);
    }
    expect(JSON.parse(lines[2] ?? "{}").authorization).toBe(`Bot ${REDACTED}`);
  });

  it("replaces the token in an error object's message, stack and code", () => {
    const { log, lines } = capturingLogger([TOKEN]);
    log.error("start-up failed", { error: errorCarrying(TOKEN) });
    const entry = JSON.parse(lines[0] ?? "{}");
    expect(lines[0]).not.toContain(TOKEN);
    expect(entry.error.message).toBe(`login failed for token ${REDACTED}`);
    expect(entry.error.code).toBe(`BAD_TOKEN_${REDACTED}`);
    expect(entry.error.stack).toContain(`login failed for token ${REDACTED}`);
  });

  it("replaces a token holding quotes and backslashes, which JSON escapes", () => {
    const odd = 'tok"en\\with\\"escapes';
    const { log, lines } = capturingLogger([odd]);
    log.error(`raw ${odd}`, { error: new Error(odd) });
    const line = lines[0] ?? "";
    expect(line).not.toContain(odd);
    expect(line).not.toContain(JSON.stringify(odd).slice(1, -1));
    expect(JSON.parse(line).msg).toBe(`raw ${REDACTED}`);
  });

  it("would show the token if it were not given as a secret, so the checks above can fail", () => {
    const { log, lines } = capturingLogger([]);
    log.info(`connecting with ${TOKEN}`);
    expect(lines[0]).toContain(TOKEN);
  });

  it("ignores an absent token instead of redacting everything", () => {
    const { log, lines } = capturingLogger([null, ""]);
    log.info("hello");
    expect(JSON.parse(lines[0] ?? "{}").msg).toBe("hello");
  });
});

describe("configuration errors never echo the token", () => {
  const configError = (env: Record<string, string>): ConfigError => {
    try {
      parseConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error;
      throw error;
    }
    throw new Error("parseConfig accepted a bad configuration");
  };

  it("names DISCORD_TOKEN but not its value when the token is malformed", () => {
    const error = configError({ DISCORD_TOKEN: `${TOKEN} pasted twice ${TOKEN}` });
    expect(error.problems.map((p) => p.variable)).toEqual(["DISCORD_TOKEN"]);
    expect(error.message).not.toContain(TOKEN);
    expect(String(error.stack)).not.toContain(TOKEN);
    expect(JSON.stringify(error.problems)).not.toContain(TOKEN);
  });

  it("does not echo a token pasted into the wrong variable", () => {
    const error = configError({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: TOKEN,
      DISCORD_GUILD_ID: TOKEN,
      DISCORD_API_URL: TOKEN,
      LOG_LEVEL: TOKEN,
      COOLDOWN_REQUESTS: TOKEN,
      COOLDOWN_SECONDS: TOKEN,
    });
    expect(error.problems.map((p) => p.variable).sort()).toEqual([
      "COOLDOWN_REQUESTS",
      "COOLDOWN_SECONDS",
      "DISCORD_API_URL",
      "DISCORD_APPLICATION_ID",
      "DISCORD_GUILD_ID",
      "LOG_LEVEL",
    ]);
    expect(error.message).not.toContain(TOKEN);
  });

  it("keeps a valid config's token out of a log line that prints the whole config", () => {
    const config = parseConfig({ DISCORD_TOKEN: TOKEN });
    expect(config.discordToken).toBe(TOKEN);
    const { log, lines } = capturingLogger([config.discordToken]);
    log.info("config loaded", { config });
    expect(lines[0]).not.toContain(TOKEN);
  });

  it("exits 2 at start-up with a message naming the variable, not the token", () => {
    // An empty folder as cwd keeps a developer's own .env out of the run.
    const cwd = mkdtempSync(join(tmpdir(), "tijarat-secrets-"));
    try {
      const run = spawnSync(
        join(PROJECT_ROOT, "node_modules/.bin/tsx"),
        [join(PROJECT_ROOT, "src/main.ts")],
        {
          cwd,
          env: {
            PATH: process.env.PATH,
            DISCORD_TOKEN: `${TOKEN} ${TOKEN}`,
            LOG_LEVEL: TOKEN,
          },
          encoding: "utf8",
          timeout: 15_000,
        },
      );
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("DISCORD_TOKEN");
      expect(run.stderr).toContain("LOG_LEVEL");
      expect(run.stderr).not.toContain(TOKEN);
      expect(run.stdout).not.toContain(TOKEN);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe("the token stays out of git", () => {
  it("ignores .env", () => {
    const check = spawnSync("git", ["check-ignore", "-q", ".env"], { cwd: PROJECT_ROOT });
    expect(check.status).toBe(0);
  });
});

describe("the running bot never logs its token", () => {
  const wired = { stop: async () => {} };
  afterAll(() => wired.stop());

  it("keeps the token out of every log line through start-up, /ask answers and a failed reply", async () => {
    const bot = await startWiredBot({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: "debug" });
    wired.stop = bot.stop;
    const asked = bot.fake.command(
      "ask",
      { question: "What was the trade volume between Pakistan and Japan?" },
      freshUser(),
    );
    const reply = await bot.fake.waitForReply(asked.id, 5_000);
    expect(plainText(reply.data)).toContain("$1.26 billion");

    // A refused reply makes the bot log a REST error, the likeliest place for a header to leak.
    bot.fake.injectFault({
      method: "POST",
      path: /\/callback$/,
      status: 401,
      body: { message: "401: Unauthorized", code: 0 },
    });
    const refused = bot.fake.command(
      "ask",
      { question: "Who is Haroon Akhtar Khan?" },
      freshUser(),
    );
    const failure = await bot.bot.waitForLog(
      "the bot's log of the refused reply",
      (line) => line.level === "error" && line.interactionId === refused.id,
      5_000,
    );
    expect(JSON.stringify(failure)).toContain("401: Unauthorized");
    await bot.stop();

    expect(bot.bot.logs.length).toBeGreaterThan(0);
    expect(bot.bot.stderr).not.toContain(TOKEN);
    expect(bot.bot.stdout).not.toContain(TOKEN);
  }, 40_000);
});

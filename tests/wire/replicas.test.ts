/**
 * Two bot processes (`npm start`, each behind its own fake Discord, both in one server) sharing
 * one PostgreSQL database: what is asked through either is counted once in `/insights` and in
 * `cli insights`, a user's cooldown is counted across both, and a database stopped in the middle
 * of a burst costs no answer and, once it is back, no record.
 */
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main";
import { logText } from "../support/bot-process";
import { snowflake } from "../support/fake-discord";
import {
  PostgresServer,
  postgresMissing,
  rowsOf,
  settledQuestionCount,
  waitForQuestions,
} from "../support/postgres";
import { buttonsOf, freshUser, plainText, startWiredBot, type WiredBot } from "./harness";

const missing = postgresMissing();
if (missing) console.warn(`PostgreSQL replica tests skipped: ${missing}`);

const SALT = "a-salt-every-replica-shares-0123456789";
const COOLDOWN = { requests: 3, seconds: 3600 };
const guild = { id: snowflake(), name: "Trade Desk", channelId: snowflake() };

async function cliInsights(url: string) {
  let stdout = "";
  let stderr = "";
  const code = await main(["insights", "--json"], {
    stdin: Readable.from([""]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { INSIGHTS_DB: url, INSIGHTS_SALT: SALT },
  });
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout) as { questions: number; askers: number };
}

const questionCount = async (url: string) =>
  (await rowsOf<{ n: number }>(url, "SELECT COUNT(*)::int AS n FROM questions"))[0]?.n ?? 0;

describe.skipIf(missing !== null)("two replicas sharing one PostgreSQL", () => {
  let server: PostgresServer;
  let url: string;
  let replicas: WiredBot[] = [];

  beforeAll(async () => {
    server = await PostgresServer.start();
    url = await server.createDatabase("replicas");
    const env = {
      INSIGHTS_DB: url,
      INSIGHTS_SALT: SALT,
      COOLDOWN_REQUESTS: String(COOLDOWN.requests),
      COOLDOWN_SECONDS: String(COOLDOWN.seconds),
      // Shared state is what is under test: a replica slowed by the other test files running
      // beside it waits for the database rather than going on alone after 150 ms.
      STORE_READ_TIMEOUT_MS: "1000",
    };
    replicas = await Promise.all([
      startWiredBot(env, { guilds: [guild] }),
      startWiredBot(env, { guilds: [guild] }),
    ]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await server?.close();
  });

  const ask = async (replica: WiredBot | undefined, question: string, user = freshUser()) => {
    if (!replica) throw new Error("no replica");
    const sent = replica.fake.command("ask", { question }, user);
    return replica.fake.waitForReply(sent.id, 10_000);
  };

  it("counts what is asked through either once, in /insights and in cli insights", async () => {
    const [a, b] = replicas;
    await ask(a, "What was the trade volume between Pakistan and Japan?");
    await ask(b, "What is Pakistan's trade with Brazil?");
    await ask(b, "How much does Pakistan trade with Brazil?");
    // Records are written just after each reply; a report reads what is in the database.
    await waitForQuestions(url, 3);
    const shown = a?.fake.command("insights", {}, freshUser());
    const report = plainText((await a?.fake.waitForReply(shown?.id ?? "", 10_000))?.data ?? {});
    expect(report).toContain("3 questions asked · 33% answered (1) · 3 people asked");
    expect(report).toMatch(/1\. 2× (What is|How much does) Pakistan('s)? trade with Brazil\?/);
    expect(await cliInsights(url)).toMatchObject({ questions: 3, askers: 3 });
  });

  it("shares a user's cooldown between the replicas", async () => {
    const [a, b] = replicas;
    const windowOf = () => Math.floor(Date.now() / (COOLDOWN.seconds * 1000));
    // A window may end during the test (once an hour): then the same steps again, for a new user.
    for (let attempt = 0; attempt < 2; attempt++) {
      const user = freshUser();
      const window = windowOf();
      const replies = [];
      for (const replica of [a, b, a, b]) {
        replies.push(plainText((await ask(replica, "Trade with Japan?", user)).data));
      }
      if (windowOf() !== window) continue;
      expect(replies.slice(0, 3).every((reply) => !reply.includes("Easy there"))).toBe(true);
      expect(replies[3]).toMatch(
        /^Easy there — you're asking quickly\. Try again in \d+ seconds?\.$/,
      );
      return;
    }
    throw new Error("two cooldown windows ended during the test");
  });

  it("keeps a follow-up thread's context when its next question reaches the other replica", async () => {
    const [a, b] = replicas;
    if (!a || !b) throw new Error("no replicas");
    // The cooldown test's last records may still be on their way.
    const before = await settledQuestionCount(url);
    const inChannel = { guildId: guild.id, channelId: guild.channelId };
    const first = a.fake.command(
      "ask",
      { question: "What was the trade volume between Pakistan and Japan?" },
      { ...freshUser(), ...inChannel },
    );
    expect(plainText((await a.fake.waitForReply(first.id, 10_000)).data)).toContain(
      "$1.26 billion",
    );
    const original = a.fake.originalMessage(first.id) ?? {};
    const button = buttonsOf(original).find((x) => x.label === "Follow up");
    expect(button).toBeDefined();
    const press = a.fake.button(button?.custom_id ?? "", first.id, {
      ...freshUser(),
      guildId: guild.id,
    });
    await a.fake.waitForReply(press.id, 10_000);
    const threadId = String(original.id);
    const thread = a.fake.threads.get(threadId);
    expect(thread).toBeDefined();
    // One Discord: the thread replica A opened is a thread for replica B too.
    if (thread) b.fake.knowThread(thread);
    const key = `discord:${guild.id}:${threadId}`;
    await vi.waitFor(
      async () =>
        expect(
          await rowsOf(url, "SELECT key FROM conversation_contexts WHERE key = $1", [key]),
        ).toHaveLength(1),
      { timeout: 10_000, interval: 100 },
    );

    const next = b.fake.command(
      "ask",
      { question: "and exports?" },
      { ...freshUser(), guildId: guild.id, channelId: threadId },
    );
    const text = plainText((await b.fake.waitForReply(next.id, 10_000)).data);
    expect(text).toContain("Pakistan–Japan exports");
    // Both questions recorded before the next test counts what is in the database.
    await waitForQuestions(url, before + 2);
  });

  // Its own waits add up to more than the default 20 s: the records may take 20 s to come back.
  it("answers every question of a burst while the database is stopped, and writes them all when it is back", {
    timeout: 45_000,
  }, async () => {
    const before = await questionCount(url);
    const burst = (count: number) =>
      Promise.all(
        Array.from({ length: count }, (_, i) =>
          ask(replicas[i % 2], `What was the trade volume between Pakistan and Japan? (${i})`),
        ),
      );
    const first = await burst(6);
    await server.stop();
    const second = await burst(10);
    for (const reply of [...first, ...second]) {
      expect(plainText(reply.data)).toContain("$1.26 billion");
      expect(reply.latencyMs).toBeLessThan(3_000);
    }
    await server.restart();
    // Each replica tries the database again within 5 s of its return.
    await waitForQuestions(url, before + 16, 20_000);
    // Each replica said once that its records were not being kept, and once that they were again.
    for (const replica of replicas) {
      const said = replica.bot.logs
        .filter((line) => logText(line).startsWith("insights: records"))
        .map((line) => [line.level, logText(line), line.dropped]);
      expect(said).toEqual([
        ["warn", "insights: records are not being kept; answers go on", undefined],
        ["info", "insights: records are being kept again", 0],
      ]);
    }
  });
});

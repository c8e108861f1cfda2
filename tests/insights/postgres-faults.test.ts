/**
 * A PostgreSQL server that is down at start, stops or crashes mid-run, or hangs: every question is
 * still answered at once, the records wait in a bounded queue and are written once it is back,
 * and the log says it once. A real server (a throwaway cluster), really stopped and started.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { storedRouterDeps } from "../../src/discord/context";
import { route } from "../../src/discord/router";
import { PostgresInsightsStore } from "../../src/insights/postgres-store";
import { openStorage, type Storage, type StorageTuning } from "../../src/insights/storage";
import { fakeEngine } from "../support/fake-engine";
import { capturingLog, eventually } from "../support/insights";
import { PostgresServer, postgresMissing, rowsOf, waitForQuestions } from "../support/postgres";
import { FreezableProxy } from "../support/tcp-proxy";
import { questionRecord } from "./store-contract";

const missing = postgresMissing();
if (missing) console.warn(`PostgreSQL fault tests skipped: ${missing}`);

const scratch = mkdtempSync(join(tmpdir(), "tijarat-pg-faults-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Quick retries and a short read timeout, so a test sees in milliseconds what takes seconds. */
const QUICK: StorageTuning = {
  writer: { retryMs: { first: 20, max: 100 } },
  reads: { timeoutMs: 100, restMs: 60_000 },
  deadlineMs: 500,
};

async function openAt(url: string, tuning: StorageTuning = QUICK) {
  const captured = capturingLog();
  const storage = await openStorage(
    {
      insightsDb: url,
      insightsSalt: "a-salt-for-the-fault-tests-0123456789",
      insightsRetentionDays: 90,
      feedbackLog: join(scratch, "no-feedback.jsonl"),
    },
    captured.log,
    "discord",
    tuning,
  );
  return { storage, ...captured };
}

/** /ask as the router runs it in the bot (with the store's cooldown); each answer's milliseconds. */
async function askThrough(storage: Storage, questions: string[], userId = "7") {
  const deps = storedRouterDeps(
    fakeEngine(),
    { cooldownRequests: 1000, cooldownSeconds: 10 },
    storage,
    { cooldown: true },
  );
  const answers: { text: string; ms: number }[] = [];
  for (const question of questions) {
    const started = performance.now();
    const response = await route(
      { type: "command", name: "ask", options: { question }, userId, guildId: "guild-f" },
      deps,
    );
    answers.push({ text: JSON.stringify(response), ms: performance.now() - started });
  }
  return answers;
}

const questionsIn = async (url: string) =>
  (await rowsOf<{ question: string }>(url, "SELECT question FROM questions ORDER BY question")).map(
    (row) => row.question,
  );

const numbered = (prefix: string, count: number) =>
  Array.from(
    { length: count },
    (_, i) => `${prefix} ${String(i).padStart(2, "0")}: trade with Japan?`,
  );

describe.skipIf(missing !== null)("a PostgreSQL store that goes away", () => {
  let server: PostgresServer;
  let databases = 0;

  beforeAll(async () => {
    server = await PostgresServer.start();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("down at start: answers go on, one warning, and the records are written once it is up", async () => {
    const url = await server.createDatabase(`faults_${++databases}`);
    await server.stop();
    const { storage, at } = await openAt(url);
    expect(at("warn").map((line) => line.msg)).toEqual([
      "insights: records are not being kept; answers go on",
    ]);
    const answers = await askThrough(storage, numbered("asked while down", 3));
    for (const answer of answers) expect(answer.text).toContain("$1.26 billion");
    await server.restart();
    await waitForQuestions(url, 3);
    expect(await questionsIn(url)).toEqual(numbered("asked while down", 3));
    expect(at("warn")).toHaveLength(1);
    expect(
      at("info").find((l) => l.msg === "insights: records are being kept again"),
    ).toMatchObject({ dropped: 0 });
    await storage.close();
  });

  it("stopped and crashed mid-run: every question answered, each record written once when it is back", async () => {
    const url = await server.createDatabase(`faults_${++databases}`);
    const { storage, at } = await openAt(url);
    await askThrough(storage, numbered("before", 4));
    await waitForQuestions(url, 4);
    await server.stop();
    const whileStopped = await askThrough(storage, numbered("stopped", 5));
    await server.restart();
    await waitForQuestions(url, 9);
    await server.crash();
    const whileCrashed = await askThrough(storage, numbered("crashed", 5));
    await server.restart();
    await waitForQuestions(url, 14);
    for (const answer of [...whileStopped, ...whileCrashed]) {
      expect(answer.text).toContain("$1.26 billion");
    }
    expect(await questionsIn(url)).toEqual(
      [...numbered("before", 4), ...numbered("crashed", 5), ...numbered("stopped", 5)].sort(),
    );
    expect(at("info").filter((l) => l.msg === "insights: records are being kept again")).toEqual([
      expect.objectContaining({ dropped: 0 }),
      expect.objectContaining({ dropped: 0 }),
    ]);
    await storage.close();
  });

  it("down for long: keeps the queue's bound, and logs how many it dropped", async () => {
    const url = await server.createDatabase(`faults_${++databases}`);
    const { storage, at } = await openAt(url, {
      ...QUICK,
      writer: { ...QUICK.writer, maxPending: 4 },
    });
    await server.crash();
    const answers = await askThrough(storage, numbered("burst", 10));
    expect(answers.filter((a) => a.text.includes("$1.26 billion"))).toHaveLength(10);
    await server.restart();
    await waitForQuestions(url, 4);
    await eventually("the note with the count", () =>
      at("info").some((l) => l.msg === "insights: records are being kept again"),
    );
    expect(await questionsIn(url)).toEqual(numbered("burst", 4));
    expect(
      at("info").find((l) => l.msg === "insights: records are being kept again"),
    ).toMatchObject({ dropped: 6 });
    await storage.close();
  });

  it("hung: cooldowns and follow-up context answer from memory within the timeout, and nothing waits after that", async () => {
    const url = await server.createDatabase(`faults_${++databases}`);
    const proxy = await FreezableProxy.start(server.port);
    const viaProxy = url.replace(`:${server.port}/`, `:${proxy.port}/`);
    const { storage } = await openAt(viaProxy);
    const plan = z.object({ partner: z.string() });
    storage.conversations.remember("thread:9", "guild-f", { partner: "Japan" });
    await storage.insights.report({ all: true }, 30);
    proxy.freeze();
    const answers = await askThrough(storage, numbered("hung", 5));
    // The first waits out the read timeout (100 ms here); the rest do not ask the store at all.
    for (const answer of answers) expect(answer.text).toContain("$1.26 billion");
    expect(answers[0]?.ms).toBeLessThan(1_000);
    expect(Math.max(...answers.slice(1).map((a) => a.ms))).toBeLessThan(100);
    expect(await storage.conversations.recall("thread:9", "guild-f", plan)).toEqual({
      partner: "Japan",
    });
    // A report is not worth a reply that never comes: it fails within its deadline.
    await expect(storage.insights.report({ all: true }, 30)).rejects.toThrow(/took over 500 ms/);
    proxy.thaw();
    await waitForQuestions(url, 5);
    expect(await questionsIn(url)).toEqual(numbered("hung", 5));
    await storage.close();
    await proxy.close();
  });

  it("hung: closing does not wait for the statements stuck on it", async () => {
    const url = await server.createDatabase(`faults_${++databases}`);
    const proxy = await FreezableProxy.start(server.port);
    const store = new PostgresInsightsStore({
      url: url.replace(`:${server.port}/`, `:${proxy.port}/`),
      closeTimeoutMs: 200,
    });
    await store.open();
    proxy.freeze();
    const stuck = store.write([{ type: "question", record: questionRecord() }]).catch(() => null);
    const started = performance.now();
    await store.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    proxy.thaw();
    await stuck;
    await proxy.close();
  });
});

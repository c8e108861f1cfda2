import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, logText, startBot } from "../support/bot-process";
import { FakeDiscord } from "../support/fake-discord";
import { postInteraction, signatureHeaders, signingKeys } from "../support/signing";
import { freshUser, plainText } from "../wire/harness";

/**
 * `npm run serve` end to end, as a deployment runs it: its own process on a port of its own,
 * Discord (the fake) POSTing signed interactions to it and taking its webhook edits.
 */
const JAPAN = "What was the trade volume between Pakistan and Japan?";

const percentile = (values: readonly number[], p: number): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ??
  Number.NaN;

describe("npm run serve", () => {
  const keys = signingKeys();
  const storeDir = mkdtempSync(join(tmpdir(), "tijarat-serve-"));
  let fake: FakeDiscord;
  let serve: BotProcess;
  let base: string;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ callbackDeadlineMs: 3_000 });
    serve = startBot({
      script: "serve",
      apiUrl: fake.apiUrl,
      applicationId: fake.applicationId,
      env: {
        // Serving over HTTP needs no bot token: the interaction's own token edits its reply.
        DISCORD_TOKEN: undefined,
        DISCORD_PUBLIC_KEY: keys.publicKeyHex,
        INTERACTIONS_PORT: "0",
        INSIGHTS_DB: join(storeDir, "insights.db"),
        COOLDOWN_REQUESTS: "1000",
        LOG_LEVEL: "info",
      },
    });
    const listening = await serve.waitForLog(
      "the server to listen",
      (line) => logText(line) === "listening for interactions",
      20_000,
    );
    base = `http://127.0.0.1:${String(listening.port)}`;
    await serve.waitForLog(
      "the engine to load",
      (line) => logText(line) === "ready: serving interactions",
      20_000,
    );
    fake.deliverTo(`${base}/interactions`, keys.privateKey);
  }, 45_000);

  afterAll(async () => {
    await serve?.stop();
    await fake?.close();
    rmSync(storeDir, { recursive: true, force: true });
  });

  it("says /healthz 200 once loaded, and PONG to a signed PING", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ping = JSON.stringify({ id: "1", application_id: "2", type: 1, token: "t" });
    expect(
      await postInteraction(`${base}/interactions`, ping, signatureHeaders(keys.privateKey, ping)),
    ).toEqual({ status: 200, json: { type: 1 } });
    expect((await postInteraction(`${base}/interactions`, ping, {})).status).toBe(401);
  });

  it("answers a signed /ask in the HTTP response", async () => {
    const sent = fake.command("ask", { question: JAPAN }, freshUser());
    const reply = await fake.waitForReply(sent.id, 10_000);
    expect(reply.callbackType).toBe(4);
    expect(plainText(reply.data)).toContain("$1.26 billion");
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
  });

  it("answers 500 concurrent signed /ask, each acknowledged within Discord's 3 s", async () => {
    const sent = Array.from({ length: 500 }, () =>
      fake.command("ask", { question: JAPAN }, freshUser()),
    );
    const replies = await Promise.all(sent.map((s) => fake.waitForReply(s.id, 30_000)));
    const deliveries = sent.map((s) => fake.deliveries.get(s.id));
    const responseMs = sent.map((s, i) => (deliveries[i]?.at ?? Number.NaN) - s.dispatchedAt);
    const answerMs = replies.map((reply) => reply.latencyMs);
    const deferred = deliveries.filter((d) => (d?.body as { type?: number }).type === 5).length;
    console.log(
      `500 concurrent /ask over HTTP: response p50 ${Math.round(percentile(responseMs, 0.5))} ms, ` +
        `p99 ${Math.round(percentile(responseMs, 0.99))} ms, max ${Math.round(Math.max(...responseMs))} ms; ` +
        `answer p50 ${Math.round(percentile(answerMs, 0.5))} ms, p99 ${Math.round(percentile(answerMs, 0.99))} ms; ` +
        `${deferred} deferred then edited`,
    );
    for (const delivery of deliveries) expect(delivery?.status).toBe(200);
    expect(Math.max(...responseMs)).toBeLessThan(3_000);
    for (const reply of replies) {
      expect(plainText(reply.data)).toContain("$1.26 billion");
      expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    }
  }, 60_000);

  it("finishes what is in flight on SIGTERM, then stops", async () => {
    const sent = fake.command("chart", { partner: "Japan", measure: "trade volume" }, freshUser());
    await fake.waitForDelivery(sent.id, 5_000);
    // npm exits on the signal before node has shut down, so the log tells how node ended.
    await serve.stop(10_000);
    expect(fake.replyTo(sent.id)).toBeDefined();
    expect(serve.logs.some((line) => logText(line) === "shutting down")).toBe(true);
    expect(serve.logs.some((line) => line.level === "error")).toBe(false);
  });
});

describe("npm run serve without DISCORD_PUBLIC_KEY", () => {
  it("stops at start-up with exit code 2, naming the variable", async () => {
    const serve = startBot({
      script: "serve",
      apiUrl: "http://127.0.0.1:9/api",
      applicationId: "1",
      env: { DISCORD_TOKEN: undefined, DISCORD_PUBLIC_KEY: "" },
    });
    expect(await serve.waitForExit(15_000)).toBe(2);
    expect(serve.stderr).toContain("DISCORD_PUBLIC_KEY: must be set");
  });
});

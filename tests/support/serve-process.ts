/**
 * `npm run serve` in its own process, as a deployment runs it, with the fake Discord POSTing
 * signed interactions to it; and a burst of signed /ask measured as Discord would see it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { plainText } from "../wire/harness";
import { type BotProcess, logText, startBot } from "./bot-process";
import { FakeDiscord, type Reply, type SentInteraction } from "./fake-discord";
import { signingKeys } from "./signing";

export const JAPAN = "What was the trade volume between Pakistan and Japan?";

export interface ServedBot {
  fake: FakeDiscord;
  serve: BotProcess;
  /** `http://127.0.0.1:PORT` of the server. */
  base: string;
  keys: ReturnType<typeof signingKeys>;
  stop(): Promise<void>;
}

export async function startServed(): Promise<ServedBot> {
  const keys = signingKeys();
  const storeDir = mkdtempSync(join(tmpdir(), "tijarat-serve-"));
  const fake = await FakeDiscord.start({ callbackDeadlineMs: 3_000 });
  const serve = startBot({
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
      // A debug line for every interaction would cost a burst more than its answers do.
      LOG_LEVEL: "info",
    },
  });
  const listening = await serve.waitForLog(
    "the server to listen",
    (line) => logText(line) === "listening for interactions",
    20_000,
  );
  const base = `http://127.0.0.1:${String(listening.port)}`;
  await serve.waitForLog(
    "the engine to load",
    (line) => logText(line) === "ready: serving interactions",
    20_000,
  );
  fake.deliverTo(`${base}/interactions`, keys.privateKey);
  return {
    fake,
    serve,
    base,
    keys,
    async stop() {
      await serve.stop();
      await fake.close();
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}

const percentile = (values: readonly number[], p: number): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ??
  Number.NaN;

export interface BurstResult {
  sent: SentInteraction[];
  /** The replies that came (a test checks there is one for each sent). */
  replies: Reply[];
  /** Milliseconds from sending each request to its HTTP response having arrived. */
  responseMs: number[];
  statuses: number[];
  deferred: number;
}

/** `count` signed /ask at once, each from its own user; logs p50/p99 of response and answer. */
export async function askBurst(fake: FakeDiscord, count: number): Promise<BurstResult> {
  let user = 500_000_000_000_000_000n;
  const sent = Array.from({ length: count }, () => {
    user += 1n;
    return fake.command("ask", { question: JAPAN }, { userId: user.toString() });
  });
  const settled = await Promise.allSettled(sent.map((s) => fake.waitForReply(s.id, 30_000)));
  const replies = settled.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const deliveries = sent.map((s) => fake.deliveries.get(s.id));
  const responseMs = sent.map((s, i) => (deliveries[i]?.at ?? Number.NaN) - s.dispatchedAt);
  const answerMs = replies.map((reply) => reply.latencyMs);
  const deferred = deliveries.filter(
    (d) => ((d?.body ?? {}) as { type?: number }).type === 5,
  ).length;
  console.log(
    `${count} concurrent /ask over HTTP: response p50 ${Math.round(percentile(responseMs, 0.5))} ms, ` +
      `p99 ${Math.round(percentile(responseMs, 0.99))} ms, max ${Math.round(Math.max(...responseMs))} ms; ` +
      `answer p50 ${Math.round(percentile(answerMs, 0.5))} ms, p99 ${Math.round(percentile(answerMs, 0.99))} ms; ` +
      `${deferred} deferred then edited; ${count - replies.length} never answered`,
  );
  return { sent, replies, responseMs, statuses: deliveries.map((d) => d?.status ?? 0), deferred };
}

/**
 * The HTTP contract a burst must keep: every /ask acknowledged with 200 inside Discord's 3 s and
 * answered with the Japan figure, mentions off.
 */
export function expectEveryAskAnswered(burst: BurstResult): void {
  expect(burst.replies).toHaveLength(burst.sent.length);
  expect(burst.statuses.every((status) => status === 200)).toBe(true);
  expect(Math.max(...burst.responseMs)).toBeLessThan(3_000);
  for (const reply of burst.replies) {
    expect(plainText(reply.data)).toContain("$1.26 billion");
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
  }
}

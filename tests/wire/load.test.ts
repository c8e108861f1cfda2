import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply, SentInteraction } from "../support/fake-discord";
import { freshUser, plainText, startWiredBot, type WiredBot } from "./harness";

/** Each question with a word its right answer holds, so a reply given to the wrong user shows. */
const QUESTIONS = [
  { question: "What was the trade volume between Pakistan and Japan?", answer: "$1.26 billion" },
  { question: "How much were Pakistan's IT exports in fiscal year 2023?", answer: "$2.6 billion" },
  { question: "How many Japanese companies operate in Pakistan?", answer: "70 Japanese companies" },
  { question: "Who is Haroon Akhtar Khan?", answer: "Special Assistant to the Prime Minister" },
];

/** Discord drops an interaction whose callback has not arrived 3 s after it was dispatched. */
const DISCORD_DEADLINE_MS = 3_000;

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function describeLatencies(replies: Reply[]): string {
  const latencies = replies.map((r) => r.latencyMs).sort((a, b) => a - b);
  const late = latencies.filter((ms) => ms > DISCORD_DEADLINE_MS).length;
  return (
    `p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, ` +
    `first ${(latencies[0] ?? 0).toFixed(0)} ms, last ${(latencies.at(-1) ?? 0).toFixed(0)} ms; ` +
    `${late} later than 3 s`
  );
}

describe("load over the wire", () => {
  let wired: WiredBot;

  beforeAll(async () => {
    wired = await startWiredBot();
  });

  afterAll(async () => {
    await wired?.stop();
  });

  /** `count` /ask dispatched at once, cycling through QUESTIONS; each with what it asked. */
  function burst(count: number): { sent: SentInteraction; expected: string }[] {
    return Array.from({ length: count }, (_, i) => {
      const q = QUESTIONS[i % QUESTIONS.length] ?? { question: "", answer: "" };
      return {
        sent: wired.fake.command("ask", { question: q.question }, freshUser()),
        expected: q.answer,
      };
    });
  }

  /** Milliseconds from dispatch to each interaction's first accepted callback (null: none). */
  function acknowledgements(asked: { sent: SentInteraction }[]) {
    return asked.map(({ sent }) => {
      const first = wired.fake
        .callsFor(sent.id)
        .find((c) => c.path.endsWith("/callback") && c.status < 300);
      return { id: sent.id, ms: first ? Math.round(first.at - sent.dispatchedAt) : null };
    });
  }

  /** What went wrong per interaction: not one accepted callback, or a reply to another question. */
  function mistakes(
    asked: { sent: SentInteraction; expected: string }[],
    replies: Reply[],
  ): string[] {
    return asked.flatMap(({ sent, expected }, i) => {
      const accepted = wired.fake
        .callsFor(sent.id)
        .filter((c) => c.path.endsWith("/callback") && c.status < 300).length;
      const text = plainText(replies[i]?.data ?? {});
      return [
        ...(accepted === 1 ? [] : [`${sent.id}: ${accepted} accepted callbacks`]),
        ...(text.includes(expected)
          ? []
          : [`${sent.id}: reply lacks ${expected}: ${text.slice(0, 80)}`]),
      ];
    });
  }

  /**
   * Discord's deadline is on the callback: every interaction of the burst acknowledged within 3 s
   * of dispatch, by its answer or, for those a long line would keep waiting, by "thinking…" with
   * the answer edited in when its turn comes. 100 at once took 0.9–1.9 s to the last reply on a
   * quiet machine (2026-11-30); with another test file beside it on the second core, up to 3.3 s,
   * which is why the bot acknowledges early rather than hoping the machine is idle.
   */
  it("acknowledges every one of a burst of 100 /ask within Discord's 3 s deadline, and answers each", {
    timeout: 20_000,
  }, async () => {
    const asked = burst(100);
    const replies = await Promise.all(asked.map((a) => wired.fake.waitForReply(a.sent.id, 10_000)));
    console.log(`100 /ask at once, dispatch → reply: ${describeLatencies(replies)}`);
    const late = acknowledgements(asked).filter((r) => r.ms === null || r.ms > DISCORD_DEADLINE_MS);
    expect(late).toEqual([]);
    expect(mistakes(asked, replies)).toEqual([]);
  });

  /**
   * None lost at 1,000 at once. Not held to the 3 s deadline: the bot spends about 4 ms of CPU an
   * /ask (discord.js and the engine), so on this 2-core machine the last of 1,000 replies came
   * 2.5–18.7 s after dispatch, and even acknowledging early, about half were acknowledged after
   * 3 s (2026-11-30, last at 5.4 s) — beyond what one process can serve in time (shard or run
   * replicas for that), which the logged figures keep in view.
   */
  it("answers 1,000 /ask dispatched at once, each user once and with their own answer", {
    timeout: 60_000,
  }, async () => {
    const asked = burst(1_000);
    const replies = await Promise.all(asked.map((a) => wired.fake.waitForReply(a.sent.id, 40_000)));
    console.log(`1,000 /ask at once, dispatch → reply: ${describeLatencies(replies)}`);
    const acknowledged = acknowledgements(asked).map((r) => r.ms ?? Number.POSITIVE_INFINITY);
    console.log(
      `1,000 /ask at once: last acknowledged ${Math.max(...acknowledged)} ms after dispatch, ${acknowledged.filter((ms) => ms > DISCORD_DEADLINE_MS).length} later than 3 s`,
    );
    expect(mistakes(asked, replies)).toEqual([]);
  });
});

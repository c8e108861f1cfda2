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
    `${late} past Discord's 3 s callback deadline`
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
   * Every reply inside Discord's deadline, for a burst this machine can serve: 100 at once took
   * 0.9–1.9 s to the last reply on 2026-11-30 (2 cores, load average 7–10 from other sessions). A
   * reply past 3 s is one Discord would have thrown away.
   */
  it("answers a burst of 100 /ask at once, every reply within Discord's 3 s deadline", {
    timeout: 20_000,
  }, async () => {
    const asked = burst(100);
    const replies = await Promise.all(asked.map((a) => wired.fake.waitForReply(a.sent.id, 10_000)));
    console.log(`100 /ask at once, dispatch → reply: ${describeLatencies(replies)}`);
    const late = replies
      .map((r, i) => ({ id: asked[i]?.sent.id, ms: Math.round(r.latencyMs) }))
      .filter((r) => r.ms > DISCORD_DEADLINE_MS);
    expect(late).toEqual([]);
    expect(mistakes(asked, replies)).toEqual([]);
  });

  /**
   * None lost at 1,000 at once. Not held to the 3 s deadline: the bot spends about 4 ms of CPU an
   * /ask (discord.js and the engine), so on this 2-core machine the last of 1,000 replies came
   * 2.5–10.3 s after dispatch (2026-11-30, load average 6–10) — beyond what one process can serve
   * in time, which the logged figures keep in view.
   */
  it("answers 1,000 /ask dispatched at once, each user once and with their own answer", {
    timeout: 60_000,
  }, async () => {
    const asked = burst(1_000);
    const replies = await Promise.all(asked.map((a) => wired.fake.waitForReply(a.sent.id, 40_000)));
    console.log(`1,000 /ask at once, dispatch → reply: ${describeLatencies(replies)}`);
    expect(mistakes(asked, replies)).toEqual([]);
  });
});

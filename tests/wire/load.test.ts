import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshUser, plainText, startWiredBot, type WiredBot } from "./harness";

const QUESTIONS = [
  "What was the trade volume between Pakistan and Japan?",
  "How much were Pakistan's IT exports in fiscal year 2023?",
  "How many Japanese companies operate in Pakistan?",
  "Who is Haroon Akhtar Khan?",
];

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/** A thousand users asking at the same moment: every one gets exactly one answer. */
describe("load over the wire", () => {
  let wired: WiredBot;

  beforeAll(async () => {
    wired = await startWiredBot();
  });

  afterAll(async () => {
    await wired?.stop();
  });

  it("answers 1,000 /ask dispatched at once with 1,000 replies, none lost", {
    timeout: 45_000,
  }, async () => {
    const { fake } = wired;
    const sent = Array.from({ length: 1_000 }, (_, i) =>
      fake.command("ask", { question: QUESTIONS[i % QUESTIONS.length] ?? "" }, freshUser()),
    );
    const replies = await Promise.all(sent.map((s) => fake.waitForReply(s.id, 40_000)));
    const latencies = replies.map((r) => r.latencyMs).sort((a, b) => a - b);
    const overDeadline = latencies.filter((ms) => ms > 3_000).length;
    console.log(
      `1,000 /ask dispatch → reply: p50 ${percentile(latencies, 50).toFixed(0)} ms, ` +
        `p99 ${percentile(latencies, 99).toFixed(0)} ms, ` +
        `first ${(latencies[0] ?? 0).toFixed(0)} ms, last ${(latencies.at(-1) ?? 0).toFixed(0)} ms; ` +
        `${overDeadline} past Discord's 3 s callback deadline`,
    );
    expect(replies).toHaveLength(1_000);
    expect(replies.filter((r) => plainText(r.data).length === 0)).toEqual([]);
    const callbacks = sent.map(
      (s) =>
        fake.callsFor(s.id).filter((c) => c.path.endsWith("/callback") && c.status < 300).length,
    );
    expect(callbacks.filter((n) => n !== 1)).toEqual([]);
  });
});

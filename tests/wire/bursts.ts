/** Bursts of /ask over the wire: what `load.test.ts` and `load.soak.ts` send and check. */
import type { Reply, SentInteraction } from "../support/fake-discord";
import { freshUser, plainText, type WiredBot } from "./harness";

/** Each question with a word its right answer holds, so a reply given to the wrong user shows. */
const QUESTIONS = [
  { question: "What was the trade volume between Pakistan and Japan?", answer: "$1.26 billion" },
  { question: "How much were Pakistan's IT exports in fiscal year 2023?", answer: "$2.6 billion" },
  { question: "How many Japanese companies operate in Pakistan?", answer: "70 Japanese companies" },
  { question: "Who is Haroon Akhtar Khan?", answer: "Special Assistant to the Prime Minister" },
];

/** Discord drops an interaction whose callback has not arrived 3 s after it was dispatched. */
export const DISCORD_DEADLINE_MS = 3_000;

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

export function describeLatencies(replies: Reply[]): string {
  const latencies = replies.map((r) => r.latencyMs).sort((a, b) => a - b);
  const late = latencies.filter((ms) => ms > DISCORD_DEADLINE_MS).length;
  return (
    `p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, ` +
    `first ${(latencies[0] ?? 0).toFixed(0)} ms, last ${(latencies.at(-1) ?? 0).toFixed(0)} ms; ` +
    `${late} later than 3 s`
  );
}

/** `count` /ask dispatched at once, cycling through QUESTIONS; each with what it asked. */
export function burst(
  wired: WiredBot,
  count: number,
): { sent: SentInteraction; expected: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const q = QUESTIONS[i % QUESTIONS.length] ?? { question: "", answer: "" };
    return {
      sent: wired.fake.command("ask", { question: q.question }, freshUser()),
      expected: q.answer,
    };
  });
}

/** Milliseconds from dispatch to each interaction's first accepted callback (null: none). */
export function acknowledgements(wired: WiredBot, asked: { sent: SentInteraction }[]) {
  return asked.map(({ sent }) => {
    const first = wired.fake
      .callsFor(sent.id)
      .find((c) => c.path.endsWith("/callback") && c.status < 300);
    return { id: sent.id, ms: first ? Math.round(first.at - sent.dispatchedAt) : null };
  });
}

/** What went wrong per interaction: not one accepted callback, or a reply to another question. */
export function mistakes(
  wired: WiredBot,
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

/** `count` /ask at once, each with what its answer must hold, and what each user ends up seeing. */
export async function sendBurst(wired: WiredBot, count: number, timeoutMs: number) {
  const asked = burst(wired, count);
  const replies = await Promise.all(
    asked.map((a) => wired.fake.waitForReply(a.sent.id, timeoutMs)),
  );
  console.log(
    `${count.toLocaleString("en-US")} /ask at once, dispatch → reply: ${describeLatencies(replies)}`,
  );
  return { asked, replies };
}

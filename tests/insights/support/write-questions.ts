/**
 * One writer process for the concurrency test: `node --import tsx write-questions.ts DB TAG N`
 * records N questions tagged TAG through the real recorder, a few per transaction, then flushes.
 */
import { askerHash } from "../../../src/insights/asker";
import { Insights } from "../../../src/insights/insights";
import { SqliteInsightsStore } from "../../../src/insights/sqlite-store";
import { createLogger } from "../../../src/log";
import type { Answer } from "../../../src/types";

const [path = "", tag = "", countText = "0"] = process.argv.slice(2);
const insights = new Insights({
  store: new SqliteInsightsStore({ path }),
  hash: askerHash("salt-for-the-concurrency-test-0123456789"),
  surface: "discord",
  retentionDays: 90,
  log: createLogger({ level: "warn" }),
});
await insights.start();
const answer = (question: string): Answer => ({
  question,
  answered: false,
  kind: "amount",
  text: "",
  figures: [],
  officials: [],
  citations: [],
  missing: [`no article about ${tag}`],
});
for (let i = 0; i < Number(countText); i++) {
  insights.asked({
    command: "ask",
    userId: `${tag}-${i}`,
    guildId: tag,
    answer: answer(`Question ${i} from ${tag}?`),
    latencyMs: 1,
  });
  // A turn every few questions: many small transactions, interleaved with the other writers'.
  if (i % 4 === 3) await new Promise((resolve) => setImmediate(resolve));
}
await insights.close(60_000);

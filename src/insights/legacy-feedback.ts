/**
 * Before the insights store, 👍/👎 went to a JSON-lines file (FEEDBACK_LOG) with the voter's user
 * id in clear. At start its votes move into the store, with the user id hashed like every asker,
 * and the file is deleted so no user id stays on disk. A process first renames the file to a
 * name of its own, so of several shards starting at once only one moves it; the votes get ids
 * derived from their line, so a move that failed halfway and runs again adds nothing twice.
 */
import { createHash } from "node:crypto";
import { readFile, rename, unlink } from "node:fs/promises";
import { z } from "zod";
import type { Logger } from "../log";
import type { AskerHash } from "./asker";
import { normaliseQuestion, scrubQuestion } from "./question-text";
import type { InsightsEvent, InsightsStore } from "./store";

const LegacyVote = z.object({
  question: z.string(),
  answered: z.boolean(),
  vote: z.enum(["up", "down"]),
  userId: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
});

const BATCH = 500;

export async function importFeedbackLog(options: {
  file: string;
  store: InsightsStore;
  hash: AskerHash;
  log: Logger;
}): Promise<number> {
  const { file, store, hash, log } = options;
  const claimed = `${file}.moving-${process.pid}`;
  try {
    await rename(file, claimed);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  try {
    const lines = (await readFile(claimed, "utf8")).split("\n");
    const events: InsightsEvent[] = [];
    const skipped: string[] = [];
    lines.forEach((line, index) => {
      if (line.trim() === "") return;
      let parsed: ReturnType<typeof LegacyVote.safeParse>;
      try {
        parsed = LegacyVote.safeParse(JSON.parse(line));
      } catch {
        skipped.push(`line ${index + 1}: not JSON`);
        return;
      }
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        skipped.push(`line ${index + 1}: ${issue?.path.join(".") || "record"} ${issue?.message}`);
        return;
      }
      const vote = parsed.data;
      const question = scrubQuestion(vote.question);
      events.push({
        type: "vote",
        record: {
          questionId: `legacy:${createHash("sha256").update(line).digest("base64url").slice(0, 16)}`,
          votedAt: Date.parse(vote.time),
          guildId: null,
          surface: vote.userId === "console" ? "console" : "discord",
          vote: vote.vote,
          question,
          questionNorm: normaliseQuestion(question),
          answered: vote.answered,
          asker: hash(vote.userId),
        },
      });
    });
    for (let at = 0; at < events.length; at += BATCH) {
      await store.write(events.slice(at, at + BATCH));
    }
    await unlink(claimed);
    if (skipped.length > 0) {
      log.warn("insights: lines of the old feedback log skipped", {
        file,
        skipped: skipped.slice(0, 20),
        count: skipped.length,
      });
    }
    log.info("insights: the old feedback log moved into the store and deleted", {
      file,
      votes: events.length,
    });
    return events.length;
  } catch (error) {
    // Put it back for the next start to try again.
    await rename(claimed, file).catch(() => undefined);
    throw error;
  }
}

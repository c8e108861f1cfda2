import { appendFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";

export interface FeedbackRecord {
  question: string;
  answered: boolean;
  vote: "up" | "down";
  userId: string;
  /** ISO 8601. */
  time: string;
}

/** Appends one JSON line per vote; the file is only ever appended to. */
export async function appendFeedback(path: string, record: FeedbackRecord): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await appendFile(path, `${JSON.stringify(record)}\n`, "utf8");
}

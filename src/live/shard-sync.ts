import type { CorpusChange } from "./article-desk";

/**
 * Article changes between shards. Under discord.js's ShardingManager each shard is a process with
 * its own engine; the shard that adds or removes an article tells the manager over the shard IPC
 * channel, the manager passes it to every shard (src/discord/shard.ts), and each of the others
 * takes the article in from the corpus file, which is already written.
 */

const TAG = "tijarat:corpus-change";

export interface CorpusChangeMessage {
  type: typeof TAG;
  change: CorpusChange;
  /** The process that made the change, which has already applied it. */
  from: number;
}

export function isCorpusChangeMessage(message: unknown): message is CorpusChangeMessage {
  if (message === null || typeof message !== "object") return false;
  const m = message as Partial<CorpusChangeMessage>;
  return (
    m.type === TAG &&
    typeof m.from === "number" &&
    (m.change?.op === "add" || m.change?.op === "remove") &&
    typeof m.change.id === "string"
  );
}

/** In a shard process, how to tell the others of a change; undefined when not sharded. */
export function shardAnnouncer(): ((change: CorpusChange) => void) | undefined {
  if (!process.send || !process.env.SHARDING_MANAGER) return undefined;
  return (change) => {
    const message: CorpusChangeMessage = { type: TAG, change, from: process.pid };
    process.send?.(message);
  };
}

/** In a shard process, applies the changes other shards announce. */
export function listenToShards(apply: (change: CorpusChange) => void): void {
  if (!process.send || !process.env.SHARDING_MANAGER) return;
  process.on("message", (message) => {
    if (isCorpusChangeMessage(message) && message.from !== process.pid) apply(message.change);
  });
}

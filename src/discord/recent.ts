import { createHash } from "node:crypto";

/**
 * A small bounded map from short keys to recent query state (a question, a figure filter), so a
 * button's custom_id (100 chars at most) can carry a 10-character key instead of the query.
 * The least recently used entry goes first; a key that has gone answers `undefined`, and the
 * caller tells the user to ask again.
 */
export class RecentQueries<Value> {
  private readonly entries = new Map<string, Value>();

  constructor(private readonly capacity = 1000) {}

  /** Stores value under a key derived from its content, so the same query keeps the same key. */
  remember(value: Value): string {
    const key = shortKey(JSON.stringify(value));
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    return key;
  }

  recall(key: string): Value | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** 10 base64url characters of a SHA-256: 60 bits, ample for a thousand live entries. */
export const shortKey = (text: string): string =>
  createHash("sha256").update(text).digest("base64url").slice(0, 10);

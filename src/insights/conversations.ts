/**
 * Follow-up context: what a conversation (a thread, a console session) carries from one turn to
 * the next, kept for a while under a key its owner chooses. With a store, the process that gets
 * the next turn reads what another wrote; the write goes through the process's `StoreWriter`, off
 * the reply path, and the read waits at most `GuardedReads`' timeout. This process also keeps what
 * it wrote in memory, which answers when the store is slow or down, or when there is no store.
 *
 * While this process's writes wait for the store (a write in flight, a store down or read-only),
 * the later of its memory and the store answers; once they are all in, the store alone does.
 *
 * Values are JSON; `recall` reads them back through the caller's zod schema, so a value written by
 * an older version that no longer fits is no context, not a crash. A conversation belongs to one
 * server: a key recalled from another server (or from a direct message) finds nothing.
 */
import type { z } from "zod";
import type { GuardedReads } from "./guarded-reads";
import type { ContextRecord, ContextStore, Surface } from "./store";
import type { StoreWriter } from "./store-writer";

/** What commands see (`CommandContext.conversations`). */
export interface ConversationContexts {
  /**
   * Keeps `value` as the conversation's context for `ttlMs` (default: the store's). Never waits,
   * never throws; a value that is not JSON, or bigger than 16 KB as JSON, is not kept.
   */
  remember(key: string, guildId: string | null, value: unknown, ttlMs?: number): void;
  /** The conversation's latest context if it is there, unexpired and fits `schema`; else null. */
  recall<T>(key: string, guildId: string | null, schema: z.ZodType<T>): Promise<T | null>;
  /** Ends the conversation's context (a new conversation starts clean). */
  forget(key: string, guildId: string | null): void;
}

export interface ConversationsOptions {
  surface: Surface;
  /** The shared store, its writer and the guard on its reads; all absent: memory only. */
  shared?: { store: ContextStore; writer: StoreWriter; reads: GuardedReads };
  /** How long a context lasts after its last turn. Default 30 minutes. */
  ttlMs?: number;
  /** Conversations kept in this process's memory, the least recent forgotten first. Default 1,000. */
  capacity?: number;
  now?: () => number;
}

/** JSON longer than this is not kept: a context is a plan, not a transcript. */
export const MAX_CONTEXT_CHARS = 16_384;

export class Conversations implements ConversationContexts {
  private readonly local = new Map<string, ContextRecord>();
  private readonly ttlMs: number;
  private readonly capacity: number;
  private readonly now: () => number;

  constructor(private readonly options: ConversationsOptions) {
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.capacity = options.capacity ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  remember(key: string, guildId: string | null, value: unknown, ttlMs = this.ttlMs): void {
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch {
      return;
    }
    if (json === undefined || json.length > MAX_CONTEXT_CHARS) return;
    const now = this.now();
    this.keep({
      key,
      guildId,
      surface: this.options.surface,
      value: json,
      updatedAt: now,
      expiresAt: now + Math.max(0, ttlMs),
    });
  }

  forget(key: string, guildId: string | null): void {
    const now = this.now();
    // Written as already expired, so it replaces whatever another process holds for the key.
    this.keep({
      key,
      guildId,
      surface: this.options.surface,
      value: "null",
      updatedAt: now,
      expiresAt: now,
    });
  }

  async recall<T>(key: string, guildId: string | null, schema: z.ZodType<T>): Promise<T | null> {
    let latest = this.local.get(key) ?? null;
    const shared = this.options.shared;
    if (shared) {
      const read = await shared.reads.read("conversation context", () =>
        shared.store.readContext(key),
      );
      const stored = read.ok ? read.value : null;
      if (read.ok && shared.writer.settled) {
        // Everything this process wrote is in the store, so the store knows best: a conversation
        // another process ended, or a server's records erased, are gone here too.
        latest = stored;
      } else if (stored && (!latest || stored.updatedAt >= latest.updatedAt)) {
        // This process's writes may still be waiting: the later of the two.
        latest = stored;
      }
    }
    if (!latest || latest.expiresAt <= this.now() || latest.guildId !== guildId) return null;
    let value: unknown;
    try {
      value = JSON.parse(latest.value);
    } catch {
      return null;
    }
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : null;
  }

  private keep(record: ContextRecord): void {
    this.local.delete(record.key);
    this.local.set(record.key, record);
    while (this.local.size > this.capacity) {
      const oldest = this.local.keys().next();
      if (oldest.done) break;
      this.local.delete(oldest.value);
    }
    this.options.shared?.writer.push({ type: "context", record });
  }
}

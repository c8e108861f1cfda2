import type { Logger } from "../log";
import { type ConversationState, stateFromJson, stateToJson } from "./state";

/**
 * Where follow-up context outlives the process: what a store needs to offer (the shared insights
 * store does, through `stored-follow-ups.ts`). Contexts are JSON text under a key; a store drops them
 * once expired and never returns an expired one.
 */
export interface FollowUpContextStore {
  /** The context saved under `key` and when it expires, unless it expired before `now`. */
  loadFollowUp(key: string, now: number): Promise<StoredFollowUp | null>;
  /** Saves (replaces) the context under `key` until `expiresAt`. */
  saveFollowUp(key: string, context: string, expiresAt: number): Promise<void>;
}

export interface StoredFollowUp {
  context: string;
  expiresAt: number;
}

export interface ConversationsOptions {
  /** How long a conversation waits for its next turn. */
  ttlMs: number;
  /** Null or absent: contexts live in memory only (lost on restart). */
  store?: FollowUpContextStore | null;
  log?: Logger;
  now?: () => number;
  /** A read from the store slower than this is given up (the question is read on its own). */
  readTimeoutMs?: number;
  /** Conversations kept in memory; the least recently used goes first. */
  capacity?: number;
}

interface Held {
  state: ConversationState;
  expiresAt: number;
}

/**
 * The context of each conversation — a Discord follow-up thread, a console session — by key.
 * Reads on the reply path come from memory: `warm` fills it from the store once (after a restart)
 * within a short deadline, and `get` is synchronous. Writes go to memory at once and to the store
 * in the background; a store that fails costs one warning, and the conversation goes on in memory.
 * A key names one thread of one server, so one conversation can never read another's context.
 */
export class Conversations {
  private readonly held = new Map<string, Held>();
  private readonly warmed = new Set<string>();
  private readonly now: () => number;
  private readonly readTimeoutMs: number;
  private readonly capacity: number;
  private warned = false;

  constructor(private readonly options: ConversationsOptions) {
    this.now = options.now ?? Date.now;
    this.readTimeoutMs = options.readTimeoutMs ?? 300;
    this.capacity = options.capacity ?? 10_000;
  }

  /** The context under `key`, if it has not expired. */
  get(key: string): ConversationState | null {
    const held = this.held.get(key);
    if (!held) return null;
    if (held.expiresAt <= this.now()) {
      this.held.delete(key);
      return null;
    }
    // Most recently used last, so the oldest is dropped first.
    this.held.delete(key);
    this.held.set(key, held);
    return held.state;
  }

  /** Keeps `state` as the context of `key` for another `ttlMs`. */
  save(key: string, state: ConversationState): void {
    const expiresAt = this.now() + this.options.ttlMs;
    this.held.delete(key);
    this.held.set(key, { state, expiresAt });
    this.warmed.add(key);
    while (this.held.size > this.capacity) {
      const oldest = this.held.keys().next();
      if (oldest.done) break;
      this.held.delete(oldest.value);
      this.warmed.delete(oldest.value);
    }
    const store = this.options.store;
    if (store) {
      store.saveFollowUp(key, stateToJson(state), expiresAt).catch((error) => this.failed(error));
    }
  }

  /**
   * Brings the stored context of `key` into memory, once per key and process, waiting at most
   * `readTimeoutMs`: after a restart, a thread's next question still reads against its context.
   */
  async warm(key: string): Promise<void> {
    const store = this.options.store;
    if (!store || this.warmed.has(key) || this.held.has(key)) return;
    if (this.warmed.size > 2 * this.capacity) this.warmed.clear();
    this.warmed.add(key);
    let timer: NodeJS.Timeout | undefined;
    try {
      const stored = await Promise.race([
        store.loadFollowUp(key, this.now()),
        new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), this.readTimeoutMs);
        }),
      ]);
      const state = stored ? stateFromJson(stored.context) : null;
      if (stored && state && stored.expiresAt > this.now() && !this.held.has(key)) {
        this.held.set(key, { state, expiresAt: stored.expiresAt });
      }
    } catch (error) {
      this.failed(error);
    } finally {
      clearTimeout(timer);
    }
  }

  private failed(error: unknown): void {
    if (this.warned) return;
    this.warned = true;
    this.options.log?.warn("follow-up context could not be kept in the store; kept in memory", {
      error,
    });
  }
}

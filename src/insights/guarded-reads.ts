/**
 * Reads on the reply path — a cooldown, a conversation's context — wait for the store at most
 * `timeoutMs`. A read that fails or is late is answered from what this process knows instead, and
 * the store is then left alone for `restMs`, so while it is down or slow no reply waits for it at
 * all. The late answer, when it comes, is ignored.
 */
import type { Logger } from "../log";

export interface GuardedReadsOptions {
  /** Default 150 ms: next to Discord's 3 s, and to an answer's few milliseconds, a small price. */
  timeoutMs?: number;
  /** Default 5 s. */
  restMs?: number;
  log?: Logger;
  /** A monotonic clock in milliseconds; `performance.now` by default. */
  clock?: () => number;
}

export type GuardedRead<T> = { ok: true; value: T } | { ok: false };

export class GuardedReads {
  private restingUntil = Number.NEGATIVE_INFINITY;
  private readonly timeoutMs: number;
  private readonly restMs: number;
  private readonly clock: () => number;

  constructor(private readonly options: GuardedReadsOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 150;
    this.restMs = options.restMs ?? 5_000;
    this.clock = options.clock ?? (() => performance.now());
  }

  /** Whether reads go to the store now, or straight to the fallback. */
  get resting(): boolean {
    return this.clock() < this.restingUntil;
  }

  async read<T>(what: string, work: () => Promise<T>): Promise<GuardedRead<T>> {
    if (this.resting) return { ok: false };
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), this.timeoutMs);
    });
    const reading = work().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    try {
      const outcome = await Promise.race([reading, late]);
      if (outcome !== "late" && outcome.ok) return outcome;
      this.restingUntil = this.clock() + this.restMs;
      this.options.log?.debug("store: a read on the reply path fell back to this process", {
        read: what,
        reason:
          outcome === "late"
            ? `no answer within ${this.timeoutMs} ms`
            : outcome.error instanceof Error
              ? outcome.error.message
              : String(outcome.error),
        restMs: this.restMs,
      });
      return { ok: false };
    } finally {
      clearTimeout(timer);
    }
  }
}

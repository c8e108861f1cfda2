/**
 * Writes records off the reply path. `push` only queues a record and returns; the queue is
 * written after the current turn of the event loop, in batches, one batch at a time. When the
 * store cannot take them (down, restarting, locked, full) the records stay queued — up to
 * `maxPending`, past which new ones are dropped and counted — and are tried again after a pause
 * that grows from `retryMs.first` to `retryMs.max`, the store opened again first. The first
 * failure of a run of them is one warning; the first success after it is one note, with how many
 * records were dropped. A record the store refuses for itself (a constraint, a value it cannot
 * hold) is dropped alone, never holding up the rest.
 */
import type { Logger } from "../log";
import { type InsightsStore, StoreError, type StoreEvent } from "./store";

export interface StoreWriterOptions {
  store: Pick<InsightsStore, "description" | "open" | "write">;
  log: Logger;
  /** Records queued or being written at most; past it new ones are dropped. Default 10,000. */
  maxPending?: number;
  /** Records a transaction at most. Default 500. */
  maxBatch?: number;
  /** Pause before trying a failed store again: the first, and the longest. Default 250 ms, 5 s. */
  retryMs?: { first: number; max: number };
}

const refusesTheRecords = (error: unknown): boolean =>
  error instanceof StoreError && !error.transient;

export class StoreWriter {
  private queue: StoreEvent[] = [];
  private inFlight = 0;
  private scheduled = false;
  private draining: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private pause: number;
  private failing = false;
  private dropped = 0;
  private readonly maxPending: number;
  private readonly maxBatch: number;
  private readonly retryMs: { first: number; max: number };

  constructor(private readonly options: StoreWriterOptions) {
    this.maxPending = options.maxPending ?? 10_000;
    this.maxBatch = options.maxBatch ?? 500;
    this.retryMs = options.retryMs ?? { first: 250, max: 5_000 };
    this.pause = this.retryMs.first;
  }

  /** Records waiting to be written, including a batch being written now. */
  get pending(): number {
    return this.queue.length + this.inFlight;
  }

  /** Whether everything pushed so far is in the store: nothing waits, nothing was refused. */
  get settled(): boolean {
    return this.pending === 0 && !this.failing;
  }

  /** Queues the record; never waits, never throws. */
  push(event: StoreEvent): void {
    if (this.pending >= this.maxPending) {
      this.failed(new Error(`more than ${this.maxPending} records wait for the store`), 1);
      return;
    }
    this.queue.push(event);
    // While a retry is due, the record waits for it rather than hurrying a store that is down.
    if (this.scheduled || this.retryTimer) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.drain();
    });
  }

  /**
   * Tries to write everything queued now, without waiting for a retry that is due; resolves once
   * the queue is empty or the store failed again.
   */
  async flush(): Promise<void> {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
      await this.retry();
      return;
    }
    await this.drain();
  }

  /**
   * Stops trying again. What is still queued is lost: said once, as a warning unless the store's
   * failure was warned about already.
   */
  stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.pending === 0 && this.dropped === 0) return;
    const fields = {
      store: this.options.store.description,
      queued: this.pending,
      dropped: this.dropped,
    };
    if (this.failing) this.options.log.info("insights: records not written before closing", fields);
    else this.options.log.warn("insights: records not written before closing", fields);
  }

  private drain(): Promise<void> {
    this.draining ??= this.writeQueued().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  private async writeQueued(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      const refused = await this.write(batch);
      if (refused === "store failed") return;
      // One record of the batch is refused: write them one by one, to lose only that one.
      if (refused && batch.length > 1) {
        for (let i = 0; i < batch.length; i++) {
          const alone = await this.write(batch.slice(i, i + 1));
          if (alone === "store failed") {
            // Back in order: the one that failed is at the head already, the rest go after it.
            this.queue.splice(1, 0, ...batch.slice(i + 1));
            return;
          }
          if (alone) this.failed(alone, 1);
        }
      } else if (refused) {
        this.failed(refused, batch.length);
      }
    }
  }

  /**
   * Writes one batch. The store failing puts the batch back at the head of the queue and says so;
   * a refusal comes back for the caller to decide.
   */
  private async write(batch: StoreEvent[]): Promise<StoreError | "store failed" | null> {
    this.inFlight = batch.length;
    try {
      await this.options.store.write(batch);
      this.succeeded();
      return null;
    } catch (error) {
      if (refusesTheRecords(error)) return error as StoreError;
      this.queue.unshift(...batch);
      this.failed(error);
      return "store failed";
    } finally {
      this.inFlight = 0;
    }
  }

  private retryLater(): void {
    if (this.retryTimer) return;
    // Not holding the process open: a console or CLI that is done exits, and says what it lost.
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.retry();
    }, this.pause).unref();
    this.pause = Math.min(this.pause * 2, this.retryMs.max);
  }

  /**
   * Opens the store again (it may have been down since the start), then writes the queue. With
   * nothing queued an open store ends the retries; the next write says whether it works.
   */
  private async retry(): Promise<void> {
    try {
      await this.options.store.open();
    } catch (error) {
      this.failed(error);
      return;
    }
    await this.drain();
  }

  /**
   * The store failed (to open, write or prune): the first failure of a run of them is logged, the
   * rest only counted. `dropped` records were lost with it; otherwise the store is tried again
   * later, with what is queued.
   */
  failed(error: unknown, dropped = 0): void {
    this.dropped += dropped;
    if (!this.failing) {
      this.failing = true;
      this.options.log.warn("insights: records are not being kept; answers go on", {
        store: this.options.store.description,
        error: error instanceof Error ? error.message : String(error),
        code: (error as { code?: unknown } | null)?.code ?? null,
      });
    }
    if (dropped === 0) this.retryLater();
  }

  /** The store worked: after failures, says so once, with how many records were lost. */
  succeeded(): void {
    this.pause = this.retryMs.first;
    if (!this.failing) return;
    this.failing = false;
    this.options.log.info("insights: records are being kept again", {
      store: this.options.store.description,
      dropped: this.dropped,
    });
    this.dropped = 0;
  }
}

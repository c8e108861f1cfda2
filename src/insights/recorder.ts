/**
 * Records questions and votes off the reply path: `asked` and `voted` only queue a record and
 * return at once; the queue is written after the current turn of the event loop, in one batch,
 * and the store does its waiting on its own thread. A store that cannot be written costs one
 * warning (and one note when it works again, with how many records were dropped), never an
 * answer.
 */
import { randomUUID } from "node:crypto";
import type { Logger } from "../log";
import type { Answer } from "../types";
import { answerFacets } from "./answer-facets";
import type { AskerHash } from "./asker";
import { normaliseQuestion, scrubQuestion } from "./question-text";
import type { InsightsEvent, InsightsStore, Surface, Vote } from "./store";

export interface AskedEvent {
  command: string;
  userId: string;
  guildId: string | null;
  answer: Answer;
  latencyMs: number;
}

export interface VotedEvent {
  /** The id `asked` returned for the answer voted on. */
  questionId: string;
  question: string;
  answered: boolean;
  vote: Vote;
  userId: string;
  guildId: string | null;
}

export interface RecorderOptions {
  store: InsightsStore;
  hash: AskerHash;
  surface: Surface;
  log: Logger;
  now?: () => number;
  /** Records queued or being written at most; past it new ones are dropped. Default 10,000. */
  maxPending?: number;
}

export class InsightsRecorder {
  private queue: InsightsEvent[] = [];
  private inFlight = 0;
  private scheduled = false;
  private failing = false;
  private dropped = 0;
  private writes: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly maxPending: number;

  constructor(private readonly options: RecorderOptions) {
    this.now = options.now ?? Date.now;
    this.maxPending = options.maxPending ?? 10_000;
  }

  /** Queues the question; returns its record id (for a later vote). Never throws. */
  asked(event: AskedEvent): string {
    const id = randomUUID();
    this.guard(() => {
      const question = scrubQuestion(event.answer.question);
      this.enqueue({
        type: "question",
        record: {
          id,
          askedAt: this.now(),
          guildId: event.guildId,
          surface: this.options.surface,
          command: event.command,
          question,
          questionNorm: normaliseQuestion(question),
          kind: event.answer.kind,
          answered: event.answer.answered,
          ...answerFacets(event.answer),
          latencyMs: Math.round(event.latencyMs * 100) / 100,
          asker: this.options.hash(event.userId),
        },
      });
    });
    return id;
  }

  /** Queues the vote. Never throws. */
  voted(event: VotedEvent): void {
    this.guard(() => {
      const question = scrubQuestion(event.question);
      this.enqueue({
        type: "vote",
        record: {
          questionId: event.questionId,
          votedAt: this.now(),
          guildId: event.guildId,
          surface: this.options.surface,
          vote: event.vote,
          question,
          questionNorm: normaliseQuestion(question),
          answered: event.answered,
          asker: this.options.hash(event.userId),
        },
      });
    });
  }

  /** Resolves once everything queued so far has been written (or given up on). */
  async flush(): Promise<void> {
    this.write();
    await this.writes;
  }

  private guard(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.failed(error, 1);
    }
  }

  private enqueue(event: InsightsEvent): void {
    if (this.queue.length + this.inFlight >= this.maxPending) {
      this.failed(new Error(`more than ${this.maxPending} records wait for the store`), 1);
      return;
    }
    this.queue.push(event);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.write());
  }

  private write(): void {
    this.scheduled = false;
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.inFlight += batch.length;
    const written = this.options.store.write(batch).then(
      () => this.succeeded(),
      (error: unknown) => this.failed(error, batch.length),
    );
    this.writes = Promise.all([this.writes, written]).then(() => {
      this.inFlight -= batch.length;
    });
  }

  /**
   * The store failed (to open, write or prune): the first failure of a run of them is logged, the
   * rest only counted. `dropped` records were lost with it.
   */
  failed(error: unknown, dropped = 0): void {
    this.dropped += dropped;
    if (this.failing) return;
    this.failing = true;
    this.options.log.warn("insights: records are not being kept; answers go on", {
      store: this.options.store.description,
      error: error instanceof Error ? error.message : String(error),
      code: (error as { code?: unknown } | null)?.code ?? null,
    });
  }

  /** The store worked: after failures, says so once, with how many records were lost. */
  succeeded(): void {
    if (!this.failing) return;
    this.failing = false;
    this.options.log.info("insights: records are being kept again", {
      store: this.options.store.description,
      dropped: this.dropped,
    });
    this.dropped = 0;
  }
}

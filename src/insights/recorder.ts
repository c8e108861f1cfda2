/**
 * Records questions and votes off the reply path: `asked` and `voted` only build a record and
 * queue it on the process's `StoreWriter`, which writes it after the current turn of the event
 * loop and keeps it while the store is down. A store that cannot be written costs one warning
 * (and one note when it works again, with how many records were dropped), never an answer.
 */
import { randomUUID } from "node:crypto";
import type { Logger } from "../log";
import type { Answer } from "../types";
import { answerFacets } from "./answer-facets";
import type { AskerHash } from "./asker";
import { normaliseQuestion, scrubQuestion } from "./question-text";
import type { InsightsStore, Surface, Vote } from "./store";
import { StoreWriter } from "./store-writer";

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
  /** The process's writer, shared with follow-up context; by default one of the recorder's own. */
  writer?: StoreWriter;
}

export class InsightsRecorder {
  readonly writer: StoreWriter;
  private readonly now: () => number;

  constructor(private readonly options: RecorderOptions) {
    this.now = options.now ?? Date.now;
    this.writer = options.writer ?? new StoreWriter({ store: options.store, log: options.log });
  }

  /** Queues the question; returns its record id (for a later vote). Never throws. */
  asked(event: AskedEvent): string {
    const id = randomUUID();
    this.guard(() => {
      const question = scrubQuestion(event.answer.question);
      this.writer.push({
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
      this.writer.push({
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

  /** Resolves once everything queued so far has been written, or the store failed again. */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  private guard(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.writer.failed(error, 1);
    }
  }
}

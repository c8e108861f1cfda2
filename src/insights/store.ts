/**
 * Everything Tijarat keeps, and the one interface every store implements: an SQLite file
 * (`sqlite-store.ts`, one machine) or a PostgreSQL database (`postgres-store.ts`, shared by
 * replicas), chosen by INSIGHTS_DB. It keeps the questions asked (with what their answers lacked),
 * the 👍/👎 given, follow-up context per conversation and cooldown windows per user. Stores only
 * write records and aggregate them; grouping similar questions and shaping the report is done
 * once, for every store, in `report.ts`. Times are milliseconds since the epoch (UTC).
 */

/** Where a question was asked: the bot in Discord or the local console. */
export type Surface = "discord" | "console";

/** One question as recorded. No user id or name: only `asker`, a salted hash. */
export interface QuestionRecord {
  /** Made by the asking process before the write, so a later vote can name it. */
  id: string;
  askedAt: number;
  /** The server it was asked in; null in a direct message or the console. */
  guildId: string | null;
  surface: Surface;
  command: string;
  /** As asked, with mention syntax and raw Discord ids taken out. */
  question: string;
  /** `normaliseQuestion(question)`: questions with the same normalised text are one group. */
  questionNorm: string;
  kind: string;
  answered: boolean;
  /** When not answered, what the corpus lacks, as the engine said it. */
  missing: string[];
  citedArticleIds: string[];
  /** Partner countries the question concerned, as far as the answer shows. */
  partners: string[];
  /** Measures (trade volume, exports, …) the answer's figures measure. */
  measures: string[];
  latencyMs: number;
  asker: string;
}

export type Vote = "up" | "down";

/** A 👍/👎 on an answer; one per asker and answer, the latest counts. */
export interface VoteRecord {
  questionId: string;
  votedAt: number;
  guildId: string | null;
  surface: Surface;
  vote: Vote;
  /** The question the answer replied to, kept with the vote so a vote stands on its own. */
  question: string;
  questionNorm: string;
  answered: boolean;
  asker: string;
}

export type InsightsEvent =
  | { type: "question"; record: QuestionRecord }
  | { type: "vote"; record: VoteRecord };

/**
 * What a conversation (a thread, a console session) carries from one turn to the next, for
 * follow-up questions. The store keeps `value` as opaque JSON text; the code that writes it reads
 * it back through its own schema.
 */
export interface ContextRecord {
  /** The conversation, as its owner names it (`thread:123`); one record a key, the latest. */
  key: string;
  /** The server the conversation is in (null in a direct message or the console), for erasure. */
  guildId: string | null;
  surface: Surface;
  /** JSON text. */
  value: string;
  /** When it was written: of two writes of a key, the later wins, whatever order they land in. */
  updatedAt: number;
  /** Over at this time: no context any more, and deleted by `expire`. */
  expiresAt: number;
}

/** Every kind of record written through `write`, off the reply path. */
export type StoreEvent = InsightsEvent | { type: "context"; record: ContextRecord };

/**
 * One request counted against a cooldown window: `subject` (a salted hash of the user) may make
 * `limit` requests in the fixed window starting at `windowStart`, `windowMs` long.
 */
export interface CooldownTake {
  subject: string;
  windowStart: number;
  windowMs: number;
  limit: number;
}

/** Whose records: one server's, the console's, or (for the operator's CLI) everyone's. */
export type InsightsScope = { guildId: string } | { surface: "console" } | { all: true };

export interface SummaryQuery {
  scope: InsightsScope;
  /** Records at or after this time. */
  since: number;
  /** How many groups of each list to return, most frequent first. */
  groups: number;
  /** How many partners and measures to return. */
  topics: number;
}

/** Unanswered questions with the same normalised text, aggregated by the store. */
export interface QuestionGroup {
  questionNorm: string;
  /** One spelling of the question as asked. */
  question: string;
  count: number;
  lastAskedAt: number;
  /** Each `missing` phrase with how many of the group's questions it was given for. */
  missing: { value: string; count: number }[];
  partners: string[];
}

/** 👎 votes on answers to questions with the same normalised text. */
export interface DislikedGroup {
  questionNorm: string;
  question: string;
  count: number;
  /** Whether any of the disliked answers said it had the answer. */
  answered: boolean;
  /** The articles those answers cited. */
  articleIds: string[];
}

export interface TopicCount {
  name: string;
  count: number;
}

/** What a store aggregates (in its own query language) for one report. */
export interface StoreSummary {
  questions: number;
  answered: number;
  askers: number;
  votes: { up: number; down: number };
  unanswered: QuestionGroup[];
  disliked: DislikedGroup[];
  partners: TopicCount[];
  measures: TopicCount[];
}

export interface Erased {
  questions: number;
  votes: number;
}

/** The store could not do what was asked: the message names the store and the reason. */
export class StoreError extends Error {
  constructor(
    message: string,
    /** The store's own code (`SQLITE_READONLY`, `SQLITE_FULL`, `ENOTDIR`, `TIMEOUT`), if any. */
    readonly code: string | null,
    /**
     * Whether the same write may work later (the store is down, locked, full): records are then
     * kept and written again. False when the records themselves are refused.
     */
    readonly transient = true,
  ) {
    super(message);
    this.name = "StoreError";
  }
}

export interface InsightsStore {
  /** `sqlite:PATH` or `postgres://user@host:port/database`, for logs; never a password. */
  readonly description: string;
  /**
   * Connects (creating and migrating the store when needed), so a bad store shows at start. Safe
   * to call again: after a failure it tries again, when open it does nothing.
   */
  open(): Promise<void>;
  /**
   * Writes the events in one transaction; resolves once they are durable. Writing the same events
   * again adds nothing twice (a question by its id, a vote and a context by their keys, the later
   * one winning), so a batch whose outcome is unknown can be written again.
   */
  write(events: readonly StoreEvent[]): Promise<void>;
  summarize(query: SummaryQuery): Promise<StoreSummary>;
  /** Erases every record in the scope (`/insights forget`), follow-up context too. */
  erase(scope: InsightsScope): Promise<Erased>;
  /** Erases every record older than `before` (retention). */
  prune(before: number): Promise<Erased>;
  close(): Promise<void>;
}

/** Follow-up context, read by whichever process gets the conversation's next turn. */
export interface ContextStore {
  /**
   * The conversation's latest record, expired or not (an expired one may be a conversation ended
   * on purpose, newer than what a process remembers); null when there is none.
   */
  readContext(key: string): Promise<ContextRecord | null>;
}

/** Cooldowns counted in one place for every process that shares the store. */
export interface CooldownStore {
  /**
   * Counts one request in its window, atomically, unless the window already holds `limit`:
   * `allowed` says which. A later window starts again from zero; a window older than the one
   * recorded (a process whose clock is behind) counts in the recorded one.
   */
  takeCooldown(take: CooldownTake): Promise<{ allowed: boolean }>;
}

/** One store for everything Tijarat keeps. */
export interface Store extends InsightsStore, ContextStore, CooldownStore {
  /** Deletes context that expired and cooldown windows that ended, by `now`. */
  expire(now: number): Promise<void>;
}

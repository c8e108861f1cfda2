/**
 * What Tijarat keeps for insights, and the one interface every store implements: SQLite now
 * (`sqlite-store.ts`), PostgreSQL later (issue 17) behind the same methods. Stores only write
 * records and aggregate them; grouping similar questions and shaping the report is done once, for
 * every store, in `report.ts`. Times are milliseconds since the epoch (UTC).
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
  ) {
    super(message);
    this.name = "StoreError";
  }
}

export interface InsightsStore {
  /** `sqlite:PATH`, for logs; never a password. */
  readonly description: string;
  /** Connects (creating and migrating the store when needed), so a bad store shows at start. */
  open(): Promise<void>;
  /** Writes the events in one transaction; resolves once they are durable. */
  write(events: readonly InsightsEvent[]): Promise<void>;
  summarize(query: SummaryQuery): Promise<StoreSummary>;
  /** Erases every record in the scope (`/insights forget`). */
  erase(scope: InsightsScope): Promise<Erased>;
  /** Erases every record older than `before` (retention). */
  prune(before: number): Promise<Erased>;
  close(): Promise<void>;
}

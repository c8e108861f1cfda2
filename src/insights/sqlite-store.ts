/**
 * The insights store in an SQLite file. Every statement runs on the connection owned by
 * `sqlite-thread.mjs` (one per process, so one writer per process), in WAL mode with a busy
 * timeout, so several shards can write to one file at once and lose nothing. The thread is
 * started when first needed and again after it failed, at most once per `retryAfterMs`.
 */
import { Worker } from "node:worker_threads";
import type { FollowUpContextStore, StoredFollowUp } from "../conversation/conversations";
import { SQLITE_MIGRATIONS } from "./sqlite-schema";
import {
  type DislikedGroup,
  type Erased,
  type InsightsEvent,
  type InsightsScope,
  type InsightsStore,
  type QuestionGroup,
  StoreError,
  type StoreSummary,
  type SummaryQuery,
  type TopicCount,
} from "./store";

export interface SqliteStoreOptions {
  path: string;
  /** How long one statement waits for another process's lock. Default 5 s. */
  busyTimeoutMs?: number;
  /** Further tries after the busy timeout ran out. Default 5. */
  busyRetries?: number;
  /** A report not read by then fails instead of keeping a reply waiting. Default 2 s. */
  readTimeoutMs?: number;
  /** After the store failed to open, calls fail at once for this long. Default 30 s. */
  retryAfterMs?: number;
}

type Param = string | number | null;
interface Statement {
  sql: string;
  params: Param[];
}
type Request =
  | { op: "write"; statements: Statement[] }
  | { op: "read"; queries: Statement[] }
  | { op: "checkpoint" }
  | { op: "close" };
interface Response {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: { message: string; code: string | null };
}

/** One running thread and the requests waiting for its answers. */
class Connection {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve(value: unknown): void; reject(error: Error): void }
  >();
  readonly ready: Promise<void>;
  private failure: StoreError | null = null;

  constructor(
    private readonly worker: Worker,
    private readonly path: string,
  ) {
    // The thread must not keep a finished CLI or console alive: it is held (ref) only while a
    // request, or the opening, waits for its answer.
    let opened: (value: undefined) => void = () => {};
    let openFailed: (error: Error) => void = () => {};
    this.ready = new Promise((resolve, reject) => {
      opened = resolve;
      openFailed = reject;
    });
    worker.on("message", (message: Response) => {
      if (message.id === 0) {
        worker.unref();
        if (message.ok) opened(undefined);
        else openFailed(this.fail(message.error));
        return;
      }
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (this.pending.size === 0) worker.unref();
      if (message.ok) waiting.resolve(message.result);
      else waiting.reject(this.error(message.error));
    });
    const died = (error: StoreError) => {
      this.failure ??= error;
      openFailed(this.failure);
      for (const waiting of this.pending.values()) waiting.reject(this.failure);
      this.pending.clear();
    };
    worker.on("error", (error) => died(this.error({ message: error.message, code: null })));
    worker.on("exit", () =>
      died(new StoreError(`insights store ${this.path}: the SQLite thread stopped`, null)),
    );
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  private error(error: Response["error"]): StoreError {
    return new StoreError(
      `insights store ${this.path}: ${error?.message ?? "unknown error"}`,
      error?.code ?? null,
    );
  }

  private fail(error: Response["error"]): StoreError {
    this.failure = this.error(error);
    return this.failure;
  }

  send(request: Request): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, ...request });
    });
  }

  async close(): Promise<void> {
    if (!this.failure) await this.send({ op: "close" }).catch(() => undefined);
    await this.worker.terminate();
  }
}

const THREAD = new URL("./sqlite-thread.mjs", import.meta.url);

/** `guild_id = ?` and its parameters, for a table whose columns are prefixed by `alias`. */
function scopeClause(scope: InsightsScope, alias = ""): { sql: string; params: Param[] } {
  if ("guildId" in scope) return { sql: `${alias}guild_id = ?`, params: [scope.guildId] };
  if ("surface" in scope) return { sql: `${alias}surface = 'console'`, params: [] };
  return { sql: "1 = 1", params: [] };
}

const QUESTION_COLUMNS =
  "id, asked_at, guild_id, surface, command, question, question_norm, kind, answered, latency_ms, asker";

function statementsFor(event: InsightsEvent): Statement[] {
  if (event.type === "vote") {
    const v = event.record;
    return [
      {
        sql: `INSERT INTO votes (question_id, asker, voted_at, guild_id, surface, vote, question, question_norm, answered)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT (question_id, asker) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
        params: [
          v.questionId,
          v.asker,
          v.votedAt,
          v.guildId,
          v.surface,
          v.vote,
          v.question,
          v.questionNorm,
          v.answered ? 1 : 0,
        ],
      },
    ];
  }
  const q = event.record;
  const facets = [
    ...q.missing.map((value) => ["missing", value] as const),
    ...q.citedArticleIds.map((value) => ["article", value] as const),
    ...q.partners.map((value) => ["partner", value] as const),
    ...q.measures.map((value) => ["measure", value] as const),
  ];
  return [
    {
      sql: `INSERT INTO questions (${QUESTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING`,
      params: [
        q.id,
        q.askedAt,
        q.guildId,
        q.surface,
        q.command,
        q.question,
        q.questionNorm,
        q.kind,
        q.answered ? 1 : 0,
        q.latencyMs,
        q.asker,
      ],
    },
    ...facets.map(([facet, value]) => ({
      sql: "INSERT INTO question_facets (question_id, facet, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
      params: [q.id, facet, value],
    })),
  ];
}

/** The statements of one report, read in one transaction; `summaryOf` reads their rows in order. */
function summaryQueries(query: SummaryQuery): Statement[] {
  const { since, groups, topics } = query;
  const plain = scopeClause(query.scope);
  const inQ = scopeClause(query.scope, "q.");
  const inV = scopeClause(query.scope, "v.");
  const topUnanswered = `SELECT question_norm FROM questions
      WHERE answered = 0 AND asked_at >= ? AND ${plain.sql}
      GROUP BY question_norm ORDER BY COUNT(*) DESC, MAX(asked_at) DESC LIMIT ?`;
  const topDisliked = `SELECT question_norm FROM votes
      WHERE vote = 'down' AND voted_at >= ? AND ${plain.sql}
      GROUP BY question_norm ORDER BY COUNT(*) DESC, MAX(voted_at) DESC LIMIT ?`;
  const topic = (facet: string): Statement => ({
    sql: `SELECT f.value AS name, COUNT(*) AS n FROM question_facets f
          JOIN questions q ON q.id = f.question_id
          WHERE f.facet = '${facet}' AND q.asked_at >= ? AND ${inQ.sql}
          GROUP BY f.value ORDER BY n DESC, f.value LIMIT ?`,
    params: [since, ...inQ.params, topics],
  });
  return [
    {
      sql: `SELECT COUNT(*) AS questions, COALESCE(SUM(answered), 0) AS answered,
                   COUNT(DISTINCT asker) AS askers
            FROM questions WHERE asked_at >= ? AND ${plain.sql}`,
      params: [since, ...plain.params],
    },
    {
      sql: `SELECT vote, COUNT(*) AS n FROM votes WHERE voted_at >= ? AND ${plain.sql} GROUP BY vote`,
      params: [since, ...plain.params],
    },
    {
      sql: `SELECT question_norm, MIN(question) AS question, COUNT(*) AS n, MAX(asked_at) AS last
            FROM questions WHERE answered = 0 AND asked_at >= ? AND ${plain.sql}
            GROUP BY question_norm ORDER BY n DESC, last DESC LIMIT ?`,
      params: [since, ...plain.params, groups],
    },
    {
      sql: `SELECT q.question_norm, f.facet, f.value, COUNT(*) AS n
            FROM questions q JOIN question_facets f ON f.question_id = q.id
            WHERE q.answered = 0 AND q.asked_at >= ? AND ${inQ.sql}
              AND f.facet IN ('missing', 'partner') AND q.question_norm IN (${topUnanswered})
            GROUP BY q.question_norm, f.facet, f.value ORDER BY n DESC, f.value`,
      params: [since, ...inQ.params, since, ...plain.params, groups],
    },
    {
      sql: `SELECT question_norm, MIN(question) AS question, COUNT(*) AS n, MAX(answered) AS answered
            FROM votes WHERE vote = 'down' AND voted_at >= ? AND ${plain.sql}
            GROUP BY question_norm ORDER BY n DESC, MAX(voted_at) DESC LIMIT ?`,
      params: [since, ...plain.params, groups],
    },
    {
      sql: `SELECT DISTINCT v.question_norm, f.value FROM votes v
            JOIN question_facets f ON f.question_id = v.question_id AND f.facet = 'article'
            WHERE v.vote = 'down' AND v.voted_at >= ? AND ${inV.sql}
              AND v.question_norm IN (${topDisliked})
            ORDER BY f.value`,
      params: [since, ...inV.params, since, ...plain.params, groups],
    },
    topic("partner"),
    topic("measure"),
  ];
}

type Row = Record<string, unknown>;
const num = (value: unknown): number => Number(value ?? 0);
const str = (value: unknown): string => String(value ?? "");

function summaryOf(results: Row[][]): StoreSummary {
  const [totals = [], votes = [], unanswered = [], facets = [], disliked = [], articles = []] =
    results;
  const [partners = [], measures = []] = results.slice(6);
  const total = totals[0] ?? {};
  const groups = new Map<string, QuestionGroup>(
    unanswered.map((row) => [
      str(row.question_norm),
      {
        questionNorm: str(row.question_norm),
        question: str(row.question),
        count: num(row.n),
        lastAskedAt: num(row.last),
        missing: [],
        partners: [],
      },
    ]),
  );
  for (const row of facets) {
    const group = groups.get(str(row.question_norm));
    if (!group) continue;
    if (row.facet === "missing") group.missing.push({ value: str(row.value), count: num(row.n) });
    else group.partners.push(str(row.value));
  }
  const dislikedGroups = new Map<string, DislikedGroup>(
    disliked.map((row) => [
      str(row.question_norm),
      {
        questionNorm: str(row.question_norm),
        question: str(row.question),
        count: num(row.n),
        answered: num(row.answered) === 1,
        articleIds: [],
      },
    ]),
  );
  for (const row of articles) {
    dislikedGroups.get(str(row.question_norm))?.articleIds.push(str(row.value));
  }
  const topic = (row: Row): TopicCount => ({ name: str(row.name), count: num(row.n) });
  return {
    questions: num(total.questions),
    answered: num(total.answered),
    askers: num(total.askers),
    votes: {
      up: num(votes.find((row) => row.vote === "up")?.n),
      down: num(votes.find((row) => row.vote === "down")?.n),
    },
    unanswered: [...groups.values()],
    disliked: [...dislikedGroups.values()],
    partners: partners.map(topic),
    measures: measures.map(topic),
  };
}

export class SqliteInsightsStore implements InsightsStore, FollowUpContextStore {
  readonly description: string;
  private connection: Connection | null = null;
  private failedAt = Number.NEGATIVE_INFINITY;
  private readonly options: Required<SqliteStoreOptions>;

  constructor(options: SqliteStoreOptions) {
    this.options = {
      busyTimeoutMs: 5_000,
      busyRetries: 5,
      readTimeoutMs: 2_000,
      retryAfterMs: 30_000,
      ...options,
    };
    this.description = `sqlite:${options.path}`;
  }

  /** The running thread, started (again) when there is none and the last failure is old enough. */
  private async connect(): Promise<Connection> {
    const current = this.connection;
    if (current && !current.failed) {
      await current.ready;
      return current;
    }
    if (current && performance.now() - this.failedAt < this.options.retryAfterMs) {
      await current.ready;
      return current;
    }
    const worker = new Worker(THREAD, {
      workerData: {
        path: this.options.path,
        busyTimeoutMs: this.options.busyTimeoutMs,
        busyRetries: this.options.busyRetries,
        migrations: SQLITE_MIGRATIONS,
      },
    });
    const connection = new Connection(worker, this.options.path);
    this.connection = connection;
    try {
      await connection.ready;
    } catch (error) {
      this.failedAt = performance.now();
      throw error;
    }
    return connection;
  }

  private async send(request: Request): Promise<unknown> {
    const connection = await this.connect();
    try {
      return await connection.send(request);
    } finally {
      if (connection.failed) this.failedAt = performance.now();
    }
  }

  /** Opens the file now (creating it and its folder), so a bad path shows at start. */
  async open(): Promise<void> {
    await this.connect();
  }

  async write(events: readonly InsightsEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.send({ op: "write", statements: events.flatMap(statementsFor) });
  }

  async summarize(query: SummaryQuery): Promise<StoreSummary> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new StoreError(`insights store ${this.options.path}: the report timed out`, null)),
        this.options.readTimeoutMs,
      );
    });
    try {
      const rows = await Promise.race([
        this.send({ op: "read", queries: summaryQueries(query) }),
        timeout,
      ]);
      return summaryOf(rows as Row[][]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async erased(questions: Statement, votes: Statement): Promise<Erased> {
    const changes = (await this.send({ op: "write", statements: [questions, votes] })) as number[];
    const erased = { questions: changes[0] ?? 0, votes: changes[1] ?? 0 };
    // With secure_delete the database overwrites what was deleted; the write-ahead log still holds
    // the old pages until a checkpoint empties it. Best effort: another process reading blocks it.
    if (erased.questions + erased.votes > 0) {
      await this.send({ op: "checkpoint" }).catch(() => undefined);
    }
    return erased;
  }

  erase(scope: InsightsScope): Promise<Erased> {
    const where = scopeClause(scope);
    return this.erased(
      { sql: `DELETE FROM questions WHERE ${where.sql}`, params: where.params },
      { sql: `DELETE FROM votes WHERE ${where.sql}`, params: where.params },
    );
  }

  prune(before: number): Promise<Erased> {
    return this.erased(
      { sql: "DELETE FROM questions WHERE asked_at < ?", params: [before] },
      { sql: "DELETE FROM votes WHERE voted_at < ?", params: [before] },
    );
  }

  async loadFollowUp(key: string, now: number): Promise<StoredFollowUp | null> {
    const [rows = []] = (await this.send({
      op: "read",
      queries: [
        {
          sql: "SELECT context, expires_at FROM follow_up_contexts WHERE key = ? AND expires_at > ?",
          params: [key, now],
        },
      ],
    })) as Row[][];
    const row = rows[0];
    return row ? { context: str(row.context), expiresAt: num(row.expires_at) } : null;
  }

  async saveFollowUp(key: string, context: string, expiresAt: number): Promise<void> {
    await this.send({
      op: "write",
      statements: [
        {
          sql: `INSERT INTO follow_up_contexts (key, context, expires_at) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET context = excluded.context, expires_at = excluded.expires_at`,
          params: [key, context, expiresAt],
        },
        { sql: "DELETE FROM follow_up_contexts WHERE expires_at <= ?", params: [Date.now()] },
      ],
    });
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    await connection?.close();
  }
}

/**
 * The store in an SQLite file, for one machine. Every statement runs on the connection owned by
 * `sqlite-thread.mjs` (one per process, so one writer per process), in WAL mode with a busy
 * timeout, so several shards can write to one file at once and lose nothing. The thread is
 * started when first needed and again after it failed, at most once per `retryAfterMs`.
 */

import { Worker } from "node:worker_threads";
import { sourceUrl } from "../source-url";
import {
  contextOf,
  cooldownStatement,
  eraseStatements,
  expireStatements,
  pruneStatements,
  type Row,
  readContextStatement,
  SQLITE_DIALECT,
  type Statement,
  summaryOf,
  summaryQueries,
} from "./sql";
import { SQLITE_MIGRATIONS } from "./sqlite-schema";
import {
  type ContextRecord,
  type CooldownTake,
  type Erased,
  type InsightsScope,
  type Store,
  StoreError,
  type StoreEvent,
  type StoreSummary,
  type SummaryQuery,
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

/** A statement the thread runs in a write transaction; `rows` returns its rows, not its changes. */
type WriteStatement = Statement & { rows?: true };
type Request =
  | { op: "write"; statements: WriteStatement[] }
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
    const code = error?.code ?? null;
    return new StoreError(
      `insights store ${this.path}: ${error?.message ?? "unknown error"}`,
      code,
      !refusesTheRecords(code),
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

const THREAD = sourceUrl("insights/sqlite-thread.mjs");

/**
 * Errors that say the records themselves are refused (a constraint, a type, a value too big), so
 * writing them again cannot help. Anything else — locked, read-only, full, unopenable, a thread
 * that stopped — may pass later.
 */
function refusesTheRecords(code: string | null): boolean {
  return code !== null && /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE)/.test(code);
}

const QUESTION_COLUMNS =
  "id, asked_at, guild_id, surface, command, question, question_norm, kind, answered, latency_ms, asker";

const bit = (value: boolean): number => (value ? 1 : 0);

function statementsFor(event: StoreEvent): Statement[] {
  if (event.type === "context") {
    const c = event.record;
    return [
      {
        sql: `INSERT INTO conversation_contexts (key, guild_id, surface, value, updated_at, expires_at)
              VALUES (?, ?, ?, ?, ?, ?)
              ON CONFLICT (key) DO UPDATE SET guild_id = excluded.guild_id, surface = excluded.surface,
                value = excluded.value, updated_at = excluded.updated_at, expires_at = excluded.expires_at
              WHERE excluded.updated_at >= conversation_contexts.updated_at`,
        params: [c.key, c.guildId, c.surface, c.value, c.updatedAt, c.expiresAt],
      },
    ];
  }
  if (event.type === "vote") {
    const v = event.record;
    return [
      {
        sql: `INSERT INTO votes (question_id, asker, voted_at, guild_id, surface, vote, question, question_norm, answered)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT (question_id, asker) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at
              WHERE excluded.voted_at >= votes.voted_at`,
        params: [
          v.questionId,
          v.asker,
          v.votedAt,
          v.guildId,
          v.surface,
          v.vote,
          v.question,
          v.questionNorm,
          bit(v.answered),
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
        bit(q.answered),
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

export class SqliteInsightsStore implements Store {
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

  async write(events: readonly StoreEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.send({ op: "write", statements: events.flatMap(statementsFor) });
  }

  async readContext(key: string): Promise<ContextRecord | null> {
    const [rows] = (await this.send({
      op: "read",
      queries: [readContextStatement(key)],
    })) as Row[][];
    return contextOf(rows?.[0]);
  }

  async takeCooldown(take: CooldownTake): Promise<{ allowed: boolean }> {
    const statement = { ...cooldownStatement(take, SQLITE_DIALECT), rows: true as const };
    const [rows] = (await this.send({ op: "write", statements: [statement] })) as Row[][];
    return { allowed: (rows?.length ?? 0) > 0 };
  }

  async expire(now: number): Promise<void> {
    await this.send({ op: "write", statements: expireStatements(now) });
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
        this.send({ op: "read", queries: summaryQueries(query, SQLITE_DIALECT) }),
        timeout,
      ]);
      return summaryOf(rows as Row[][]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs the deletions; the first two count questions and votes. */
  private async erased(statements: Statement[]): Promise<Erased> {
    const changes = (await this.send({ op: "write", statements })) as number[];
    const erased = { questions: changes[0] ?? 0, votes: changes[1] ?? 0 };
    // With secure_delete the database overwrites what was deleted; the write-ahead log still holds
    // the old pages until a checkpoint empties it. Best effort: another process reading blocks it.
    if (erased.questions + erased.votes > 0) {
      await this.send({ op: "checkpoint" }).catch(() => undefined);
    }
    return erased;
  }

  erase(scope: InsightsScope): Promise<Erased> {
    return this.erased(eraseStatements(scope));
  }

  prune(before: number): Promise<Erased> {
    return this.erased(pruneStatements(before));
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    await connection?.close();
  }
}

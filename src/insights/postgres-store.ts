/**
 * The store in a PostgreSQL database, shared by any number of replicas. node-postgres (`pg`) keeps
 * a small pool of connections; every statement is a named prepared statement (parsed once per
 * connection); the schema is migrated at open under an advisory lock, so replicas starting at once
 * migrate once. A batch of records is written in one transaction with one statement a table
 * (arrays unnested), however many records it holds. The pool reconnects by itself: after the
 * server comes back, the next statement simply works.
 */
import { createHash } from "node:crypto";
import type pg from "pg";
import { lazyPackage } from "../lazy-package";
import { MIGRATION_LOCK, POSTGRES_MIGRATIONS } from "./postgres-schema";

/** pg, loaded when a PostgreSQL store first connects: an SQLite setup never needs it. */
const postgres = lazyPackage<typeof pg>("pg");

import {
  contextOf,
  cooldownStatement,
  eraseStatements,
  expireStatements,
  numbered,
  POSTGRES_DIALECT,
  pruneStatements,
  type Row,
  readContextStatement,
  type Statement,
  summaryOf,
  summaryQueries,
} from "./sql";
import {
  type ContextRecord,
  type CooldownTake,
  type Erased,
  type InsightsScope,
  type QuestionRecord,
  type Store,
  StoreError,
  type StoreEvent,
  type StoreSummary,
  type SummaryQuery,
  type VoteRecord,
} from "./store";

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:5432/database`. */
  url: string;
  /** Connections at most. Default 4: one batch of writes at a time, and reads beside it. */
  poolSize?: number;
  /** How long to wait for a connection (the server down or unreachable). Default 2 s. */
  connectTimeoutMs?: number;
  /** A read (report, context) not answered by then fails. Default 2 s. */
  readTimeoutMs?: number;
  /** A write not done by then fails, and its records are written again later. Default 10 s. */
  writeTimeoutMs?: number;
  /** How long `close` waits for statements in flight. Default 1 s. */
  closeTimeoutMs?: number;
}

/** The URL without its password or options, for logs. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : "";
    return `postgres://${user}${parsed.host}${parsed.pathname}`;
  } catch {
    return "postgres://(unreadable URL)";
  }
}

/**
 * Errors that say the records themselves are refused — SQLSTATE class 22 (data exception) or 23
 * (integrity constraint) — so writing them again cannot help. Anything else (the server down,
 * restarting, out of connections, a timeout) may pass later.
 */
function refusesTheRecords(code: string | null): boolean {
  return code !== null && /^(22|23)[0-9A-Z]{3}$/.test(code);
}

/** PostgreSQL text cannot hold U+0000; a question typed with one is kept with U+FFFD instead. */
const text = (value: string): string => value.replace(/\0/g, "\uFFFD");
const textOrNull = (value: string | null): string | null => (value === null ? null : text(value));

/** The latest of each key, in order: one row a key, as `ON CONFLICT DO UPDATE` needs. */
function latestByKey<T>(items: readonly T[], key: (item: T) => string, time: (item: T) => number) {
  const latest = new Map<string, T>();
  for (const item of items) {
    const seen = latest.get(key(item));
    if (!seen || time(item) >= time(seen)) latest.set(key(item), item);
  }
  return [...latest.values()];
}

/** The statements writing a batch: questions, their facets, votes, context; none for an empty kind. */
function batchStatements(events: readonly StoreEvent[]): Statement[] {
  const questions = latestByKey(
    events.flatMap((e) => (e.type === "question" ? [e.record] : [])),
    (q: QuestionRecord) => q.id,
    () => 0,
  );
  const votes = latestByKey(
    events.flatMap((e) => (e.type === "vote" ? [e.record] : [])),
    (v: VoteRecord) => JSON.stringify([v.questionId, v.asker]),
    (v) => v.votedAt,
  );
  const contexts = latestByKey(
    events.flatMap((e) => (e.type === "context" ? [e.record] : [])),
    (c: ContextRecord) => c.key,
    (c) => c.updatedAt,
  );
  const facets = new Map<string, [string, string, string]>();
  for (const q of questions) {
    const add = (facet: string, values: string[]) => {
      for (const value of values) {
        const row: [string, string, string] = [text(q.id), facet, text(value)];
        facets.set(JSON.stringify(row), row);
      }
    };
    add("missing", q.missing);
    add("article", q.citedArticleIds);
    add("partner", q.partners);
    add("measure", q.measures);
  }
  const column = <T, V>(rows: readonly T[], pick: (row: T) => V): V[] => rows.map(pick);
  const statements: Statement[] = [];
  if (questions.length > 0) {
    statements.push({
      sql: `INSERT INTO questions (id, asked_at, guild_id, surface, command, question, question_norm,
                                   kind, answered, latency_ms, asker)
            SELECT * FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],
                                 ?::text[], ?::text[], ?::boolean[], ?::float8[], ?::text[])
            ON CONFLICT (id) DO NOTHING`,
      params: [
        column(questions, (q) => text(q.id)),
        column(questions, (q) => q.askedAt),
        column(questions, (q) => textOrNull(q.guildId)),
        column(questions, (q) => q.surface),
        column(questions, (q) => text(q.command)),
        column(questions, (q) => text(q.question)),
        column(questions, (q) => text(q.questionNorm)),
        column(questions, (q) => text(q.kind)),
        column(questions, (q) => q.answered),
        column(questions, (q) => q.latencyMs),
        column(questions, (q) => text(q.asker)),
      ],
    });
  }
  if (facets.size > 0) {
    const rows = [...facets.values()];
    statements.push({
      sql: `INSERT INTO question_facets (question_id, facet, value)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[]) ON CONFLICT DO NOTHING`,
      params: [column(rows, (r) => r[0]), column(rows, (r) => r[1]), column(rows, (r) => r[2])],
    });
  }
  if (votes.length > 0) {
    statements.push({
      sql: `INSERT INTO votes AS v (question_id, asker, voted_at, guild_id, surface, vote, question,
                                    question_norm, answered)
            SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[],
                                 ?::text[], ?::text[], ?::boolean[])
            ON CONFLICT (question_id, asker) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at
            WHERE excluded.voted_at >= v.voted_at`,
      params: [
        column(votes, (v) => text(v.questionId)),
        column(votes, (v) => text(v.asker)),
        column(votes, (v) => v.votedAt),
        column(votes, (v) => textOrNull(v.guildId)),
        column(votes, (v) => v.surface),
        column(votes, (v) => v.vote),
        column(votes, (v) => text(v.question)),
        column(votes, (v) => text(v.questionNorm)),
        column(votes, (v) => v.answered),
      ],
    });
  }
  if (contexts.length > 0) {
    statements.push({
      sql: `INSERT INTO conversation_contexts AS c (key, guild_id, surface, value, updated_at, expires_at)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])
            ON CONFLICT (key) DO UPDATE SET guild_id = excluded.guild_id, surface = excluded.surface,
              value = excluded.value, updated_at = excluded.updated_at, expires_at = excluded.expires_at
            WHERE excluded.updated_at >= c.updated_at`,
      params: [
        column(contexts, (c) => text(c.key)),
        column(contexts, (c) => textOrNull(c.guildId)),
        column(contexts, (c) => c.surface),
        column(contexts, (c) => text(c.value)),
        column(contexts, (c) => c.updatedAt),
        column(contexts, (c) => c.expiresAt),
      ],
    });
  }
  return statements;
}

/** A named prepared statement: the name is the text's hash, so each text is parsed once a connection. */
function prepared(
  statement: Statement,
  timeoutMs: number,
): pg.QueryConfig & { query_timeout: number } {
  const sql = numbered(statement.sql);
  return {
    name: `tijarat_${createHash("sha256").update(sql).digest("hex").slice(0, 24)}`,
    text: sql,
    values: statement.params,
    query_timeout: timeoutMs,
  };
}

export class PostgresInsightsStore implements Store {
  readonly description: string;
  private readonly options: Required<PostgresStoreOptions>;
  private pool: pg.Pool | null = null;
  /** Resolves once the schema is current; null before the first open and after a failed one. */
  private migrated: Promise<void> | null = null;

  constructor(options: PostgresStoreOptions) {
    this.options = {
      poolSize: 4,
      connectTimeoutMs: 2_000,
      readTimeoutMs: 2_000,
      writeTimeoutMs: 10_000,
      closeTimeoutMs: 1_000,
      ...options,
    };
    this.description = describePostgresUrl(options.url);
  }

  private error(error: unknown): StoreError {
    if (error instanceof StoreError) return error;
    const e = error as { message?: unknown; code?: unknown; name?: unknown };
    const code = typeof e?.code === "string" ? e.code : null;
    // A refused connection to a name with several addresses is an AggregateError with no message.
    const reason = String(e?.message || code || e?.name || error);
    // A table gone (the database dropped and made again): migrate again before the next statement.
    if (code === "42P01") this.migrated = null;
    return new StoreError(
      `insights store ${this.description}: ${reason}`,
      code,
      !refusesTheRecords(code),
    );
  }

  private connections(): pg.Pool {
    if (this.pool) return this.pool;
    const pool = new (postgres().Pool)({
      connectionString: this.options.url,
      max: this.options.poolSize,
      connectionTimeoutMillis: this.options.connectTimeoutMs,
      idleTimeoutMillis: 30_000,
      // An idle pool does not keep a finished CLI or console alive.
      allowExitOnIdle: true,
      application_name: "tijarat",
    });
    // A connection the server drops (a restart, a failover) is an 'error' event; unheard, it
    // would end the process. The pool discards such a connection and the next statement fails
    // or reconnects, which is where it is handled.
    pool.on("error", () => undefined);
    pool.on("connect", (client) => client.on("error", () => undefined));
    this.pool = pool;
    return pool;
  }

  /** Migrates under the advisory lock, in one transaction: all of a version or none of it. */
  private async migrate(): Promise<void> {
    const client = await this.connections().connect();
    let failed: unknown;
    try {
      await client.query("BEGIN");
      await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      await client.query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)",
      );
      const { rows } = await client.query<{ version: number }>(
        "SELECT version FROM schema_migrations",
      );
      const applied = new Set(rows.map((row) => Number(row.version)));
      for (const migration of POSTGRES_MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        await client.query(migration.sql);
        await client.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)", [
          migration.version,
          Date.now(),
        ]);
      }
      await client.query("COMMIT");
    } catch (error) {
      failed = error;
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release(failed instanceof Error ? failed : undefined);
    }
  }

  /** The pool, once the schema is current; a failed open is tried again by the next call. */
  private async ready(): Promise<pg.Pool> {
    this.migrated ??= this.migrate().catch((error: unknown) => {
      this.migrated = null;
      throw this.error(error);
    });
    await this.migrated;
    return this.connections();
  }

  async open(): Promise<void> {
    await this.ready();
  }

  /** One statement outside a transaction. */
  private async query(statement: Statement, timeoutMs: number): Promise<pg.QueryResult<Row>> {
    const pool = await this.ready();
    try {
      return await pool.query<Row>(prepared(statement, timeoutMs));
    } catch (error) {
      throw this.error(error);
    }
  }

  /** Statements in one transaction, each answered within `timeoutMs`. */
  private async transaction(
    statements: readonly Statement[],
    timeoutMs: number,
    begin = "BEGIN",
  ): Promise<pg.QueryResult<Row>[]> {
    const pool = await this.ready();
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw this.error(error);
    }
    let failed: Error | undefined;
    try {
      await client.query({ text: begin, query_timeout: timeoutMs } as pg.QueryConfig);
      const results: pg.QueryResult<Row>[] = [];
      for (const statement of statements) {
        results.push(await client.query<Row>(prepared(statement, timeoutMs)));
      }
      await client.query({ text: "COMMIT", query_timeout: timeoutMs } as pg.QueryConfig);
      return results;
    } catch (error) {
      failed = error instanceof Error ? error : new Error(String(error));
      await client.query("ROLLBACK").catch(() => undefined);
      throw this.error(error);
    } finally {
      // A connection that failed mid-transaction is discarded, not reused.
      client.release(failed);
    }
  }

  async write(events: readonly StoreEvent[]): Promise<void> {
    const statements = batchStatements(events);
    if (statements.length === 0) return;
    await this.transaction(statements, this.options.writeTimeoutMs);
  }

  async readContext(key: string): Promise<ContextRecord | null> {
    const { rows } = await this.query(readContextStatement(text(key)), this.options.readTimeoutMs);
    return contextOf(rows[0]);
  }

  async takeCooldown(take: CooldownTake): Promise<{ allowed: boolean }> {
    const statement = cooldownStatement({ ...take, subject: text(take.subject) }, POSTGRES_DIALECT);
    const { rows } = await this.query(statement, this.options.readTimeoutMs);
    return { allowed: rows.length > 0 };
  }

  async expire(now: number): Promise<void> {
    await this.transaction(expireStatements(now), this.options.writeTimeoutMs);
  }

  async summarize(query: SummaryQuery): Promise<StoreSummary> {
    // One snapshot, so every part of the report sees the same moment, as in SQLite.
    const results = await this.transaction(
      summaryQueries(query, POSTGRES_DIALECT),
      this.options.readTimeoutMs,
      "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
    );
    return summaryOf(results.map((result) => result.rows));
  }

  private async erased(statements: Statement[]): Promise<Erased> {
    const results = await this.transaction(statements, this.options.writeTimeoutMs);
    return { questions: results[0]?.rowCount ?? 0, votes: results[1]?.rowCount ?? 0 };
  }

  erase(scope: InsightsScope): Promise<Erased> {
    return this.erased(eraseStatements(scope));
  }

  prune(before: number): Promise<Erased> {
    return this.erased(pruneStatements(before));
  }

  /**
   * Ends the pool. A statement still waiting on a server that hangs would keep `end` waiting, and
   * the process from exiting: after `closeTimeoutMs` the connections are left to the exit.
   */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    this.migrated = null;
    if (!pool) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      pool.end().catch(() => undefined),
      new Promise((resolve) => {
        timer = setTimeout(resolve, this.options.closeTimeoutMs).unref();
      }),
    ]);
    clearTimeout(timer);
  }
}

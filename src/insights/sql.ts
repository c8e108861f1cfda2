/**
 * The SQL both stores run, written once with `?` placeholders: the report's aggregates, erasure,
 * retention, follow-up context and cooldowns. SQLite runs it as written; PostgreSQL numbers the
 * placeholders (`numbered`) and fills the few differences through its `Dialect`. Only writes of
 * records differ enough to live with each store.
 */
import type {
  ContextRecord,
  CooldownTake,
  DislikedGroup,
  InsightsScope,
  QuestionGroup,
  StoreSummary,
  SummaryQuery,
  TopicCount,
} from "./store";

type Scalar = string | number | boolean | null;
/** Arrays only for PostgreSQL, which unnests them into rows; SQLite binds scalars. */
export type Param = Scalar | readonly Scalar[];

export interface Statement {
  sql: string;
  params: Param[];
}

export interface Dialect {
  /** Appended to text in ORDER BY and MIN, so both stores compare by code point. */
  collate: string;
  /** The larger of two values: `MAX` in SQLite, `GREATEST` in PostgreSQL. */
  greatest: string;
}

export const SQLITE_DIALECT: Dialect = { collate: "", greatest: "MAX" };
export const POSTGRES_DIALECT: Dialect = { collate: ' COLLATE "C"', greatest: "GREATEST" };

/** `?` placeholders as PostgreSQL's `$1, $2, …` (the SQL here has no `?` inside a literal). */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** `guild_id = ?` and its parameters, for a table whose columns are prefixed by `alias`. */
function scopeClause(scope: InsightsScope, alias = ""): { sql: string; params: Param[] } {
  if ("guildId" in scope) return { sql: `${alias}guild_id = ?`, params: [scope.guildId] };
  if ("surface" in scope) return { sql: `${alias}surface = 'console'`, params: [] };
  return { sql: "1 = 1", params: [] };
}

/** 1 for an answered question, 0 otherwise: SQLite keeps 0/1, PostgreSQL a boolean. */
const ANSWERED = "CASE WHEN answered THEN 1 ELSE 0 END";

/** The statements of one report, read in one transaction; `summaryOf` reads their rows in order. */
export function summaryQueries(query: SummaryQuery, dialect: Dialect): Statement[] {
  const { since, groups, topics } = query;
  const c = dialect.collate;
  const plain = scopeClause(query.scope);
  const inQ = scopeClause(query.scope, "q.");
  const inV = scopeClause(query.scope, "v.");
  const topUnanswered = `SELECT question_norm FROM questions
      WHERE NOT answered AND asked_at >= ? AND ${plain.sql}
      GROUP BY question_norm ORDER BY COUNT(*) DESC, MAX(asked_at) DESC LIMIT ?`;
  const topDisliked = `SELECT question_norm FROM votes
      WHERE vote = 'down' AND voted_at >= ? AND ${plain.sql}
      GROUP BY question_norm ORDER BY COUNT(*) DESC, MAX(voted_at) DESC LIMIT ?`;
  const topic = (facet: string): Statement => ({
    sql: `SELECT f.value AS name, COUNT(*) AS n FROM question_facets f
          JOIN questions q ON q.id = f.question_id
          WHERE f.facet = '${facet}' AND q.asked_at >= ? AND ${inQ.sql}
          GROUP BY f.value ORDER BY n DESC, f.value${c} LIMIT ?`,
    params: [since, ...inQ.params, topics],
  });
  return [
    {
      sql: `SELECT COUNT(*) AS questions, COALESCE(SUM(${ANSWERED}), 0) AS answered,
                   COUNT(DISTINCT asker) AS askers
            FROM questions WHERE asked_at >= ? AND ${plain.sql}`,
      params: [since, ...plain.params],
    },
    {
      sql: `SELECT vote, COUNT(*) AS n FROM votes WHERE voted_at >= ? AND ${plain.sql} GROUP BY vote`,
      params: [since, ...plain.params],
    },
    {
      sql: `SELECT question_norm, MIN(question${c}) AS question, COUNT(*) AS n, MAX(asked_at) AS last
            FROM questions WHERE NOT answered AND asked_at >= ? AND ${plain.sql}
            GROUP BY question_norm ORDER BY n DESC, last DESC LIMIT ?`,
      params: [since, ...plain.params, groups],
    },
    {
      sql: `SELECT q.question_norm, f.facet, f.value, COUNT(*) AS n
            FROM questions q JOIN question_facets f ON f.question_id = q.id
            WHERE NOT q.answered AND q.asked_at >= ? AND ${inQ.sql}
              AND f.facet IN ('missing', 'partner') AND q.question_norm IN (${topUnanswered})
            GROUP BY q.question_norm, f.facet, f.value ORDER BY n DESC, f.value${c}`,
      params: [since, ...inQ.params, since, ...plain.params, groups],
    },
    {
      sql: `SELECT question_norm, MIN(question${c}) AS question, COUNT(*) AS n,
                   MAX(${ANSWERED}) AS answered
            FROM votes WHERE vote = 'down' AND voted_at >= ? AND ${plain.sql}
            GROUP BY question_norm ORDER BY n DESC, MAX(voted_at) DESC LIMIT ?`,
      params: [since, ...plain.params, groups],
    },
    {
      sql: `SELECT DISTINCT v.question_norm, f.value${c} AS value FROM votes v
            JOIN question_facets f ON f.question_id = v.question_id AND f.facet = 'article'
            WHERE v.vote = 'down' AND v.voted_at >= ? AND ${inV.sql}
              AND v.question_norm IN (${topDisliked})
            ORDER BY value`,
      params: [since, ...inV.params, since, ...plain.params, groups],
    },
    topic("partner"),
    topic("measure"),
  ];
}

export type Row = Record<string, unknown>;
/** Counts and times come back as numbers from SQLite and as text (bigint) from PostgreSQL. */
const num = (value: unknown): number => Number(value ?? 0);
const str = (value: unknown): string => String(value ?? "");

export function summaryOf(results: Row[][]): StoreSummary {
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

/** Erasure of a scope: questions (their facets go with them), votes, then follow-up context. */
export function eraseStatements(scope: InsightsScope): [Statement, Statement, Statement] {
  const where = scopeClause(scope);
  return [
    { sql: `DELETE FROM questions WHERE ${where.sql}`, params: where.params },
    { sql: `DELETE FROM votes WHERE ${where.sql}`, params: where.params },
    { sql: `DELETE FROM conversation_contexts WHERE ${where.sql}`, params: where.params },
  ];
}

/** Retention: what was asked or voted before `before`. */
export function pruneStatements(before: number): [Statement, Statement] {
  return [
    { sql: "DELETE FROM questions WHERE asked_at < ?", params: [before] },
    { sql: "DELETE FROM votes WHERE voted_at < ?", params: [before] },
  ];
}

/** Context that has expired and cooldown windows that have ended, by `now`. */
export function expireStatements(now: number): Statement[] {
  return [
    { sql: "DELETE FROM conversation_contexts WHERE expires_at <= ?", params: [now] },
    { sql: "DELETE FROM cooldowns WHERE ends_at <= ?", params: [now] },
  ];
}

export function readContextStatement(key: string): Statement {
  return {
    sql: `SELECT key, guild_id, surface, value, updated_at, expires_at FROM conversation_contexts
          WHERE key = ?`,
    params: [key],
  };
}

export function contextOf(row: Row | undefined): ContextRecord | null {
  if (!row) return null;
  return {
    key: str(row.key),
    guildId: row.guild_id === null || row.guild_id === undefined ? null : str(row.guild_id),
    surface: row.surface === "console" ? "console" : "discord",
    value: str(row.value),
    updatedAt: num(row.updated_at),
    expiresAt: num(row.expires_at),
  };
}

/**
 * One atomic upsert per user: a later window replaces the recorded one and counts from 1; the same
 * (or an older) window counts one more unless it holds `limit` already, when nothing changes and
 * no row comes back. So every process sharing the store counts into the same window.
 */
export function cooldownStatement(take: CooldownTake, dialect: Dialect): Statement {
  const { subject, windowStart, windowMs, limit } = take;
  return {
    sql: `INSERT INTO cooldowns AS c (subject, window_start, ends_at, hits) VALUES (?, ?, ?, 1)
          ON CONFLICT (subject) DO UPDATE SET
            hits = CASE WHEN excluded.window_start > c.window_start THEN 1 ELSE c.hits + 1 END,
            window_start = ${dialect.greatest}(c.window_start, excluded.window_start),
            ends_at = ${dialect.greatest}(c.ends_at, excluded.ends_at)
          WHERE excluded.window_start > c.window_start OR c.hits < ?
          RETURNING hits`,
    params: [subject, windowStart, windowStart + windowMs, limit],
  };
}

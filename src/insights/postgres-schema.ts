/**
 * The PostgreSQL schema, one migration per version, applied in order at open under an advisory
 * lock and recorded in `schema_migrations`. The same tables as the SQLite file (the report's SQL
 * in `sql.ts` runs on both), in PostgreSQL's types. A released migration is never edited: a change
 * is a new version.
 */
import type { Migration } from "./sqlite-schema";

/**
 * The advisory lock every replica takes to migrate: one migrates, the others wait and then find
 * nothing left to do. Any constant works, as long as it never changes; this one spells "tjrt".
 */
export const MIGRATION_LOCK = 0x746a7274;

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE questions (
        id TEXT PRIMARY KEY,
        asked_at BIGINT NOT NULL,
        guild_id TEXT,
        surface TEXT NOT NULL,
        command TEXT NOT NULL,
        question TEXT NOT NULL,
        question_norm TEXT NOT NULL,
        kind TEXT NOT NULL,
        answered BOOLEAN NOT NULL,
        latency_ms DOUBLE PRECISION NOT NULL,
        asker TEXT NOT NULL
      );
      CREATE INDEX questions_by_time ON questions (asked_at);
      CREATE INDEX questions_by_guild ON questions (guild_id, asked_at);
      CREATE INDEX questions_unanswered ON questions (answered, question_norm);

      -- What an answer said about a question, one row a value: 'missing' (what the corpus
      -- lacks), 'article' (a cited article id), 'partner', 'measure'.
      CREATE TABLE question_facets (
        question_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        facet TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (question_id, facet, value)
      );
      CREATE INDEX question_facets_by_value ON question_facets (facet, value);

      -- No foreign key: votes moved in from the old feedback log have no question row.
      CREATE TABLE votes (
        question_id TEXT NOT NULL,
        asker TEXT NOT NULL,
        voted_at BIGINT NOT NULL,
        guild_id TEXT,
        surface TEXT NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        question TEXT NOT NULL,
        question_norm TEXT NOT NULL,
        answered BOOLEAN NOT NULL,
        PRIMARY KEY (question_id, asker)
      );
      CREATE INDEX votes_by_time ON votes (voted_at);
      CREATE INDEX votes_by_guild ON votes (guild_id, voted_at);

      -- Follow-up context, one row a conversation: the latest turn's, until it expires.
      CREATE TABLE conversation_contexts (
        key TEXT PRIMARY KEY,
        guild_id TEXT,
        surface TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX conversation_contexts_by_expiry ON conversation_contexts (expires_at);
      CREATE INDEX conversation_contexts_by_guild ON conversation_contexts (guild_id);

      -- Cooldowns, one row a user (a salted hash): the current fixed window and its count.
      CREATE TABLE cooldowns (
        subject TEXT PRIMARY KEY,
        window_start BIGINT NOT NULL,
        ends_at BIGINT NOT NULL,
        hits INTEGER NOT NULL
      );
      CREATE INDEX cooldowns_by_end ON cooldowns (ends_at);
    `,
  },
];

/**
 * The SQLite schema, one migration per version, applied in order at open and recorded in
 * `schema_migrations`. A released migration is never edited: a change is a new version.
 */
export interface Migration {
  version: number;
  sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE questions (
        id TEXT PRIMARY KEY,
        asked_at INTEGER NOT NULL,
        guild_id TEXT,
        surface TEXT NOT NULL,
        command TEXT NOT NULL,
        question TEXT NOT NULL,
        question_norm TEXT NOT NULL,
        kind TEXT NOT NULL,
        answered INTEGER NOT NULL,
        latency_ms REAL NOT NULL,
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

      -- No foreign key: a vote outlives nothing, but votes moved in from the old feedback log
      -- have no question row.
      CREATE TABLE votes (
        question_id TEXT NOT NULL,
        asker TEXT NOT NULL,
        voted_at INTEGER NOT NULL,
        guild_id TEXT,
        surface TEXT NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        question TEXT NOT NULL,
        question_norm TEXT NOT NULL,
        answered INTEGER NOT NULL,
        PRIMARY KEY (question_id, asker)
      );
      CREATE INDEX votes_by_time ON votes (voted_at);
      CREATE INDEX votes_by_guild ON votes (guild_id, voted_at);
    `,
  },
  {
    version: 2,
    sql: `
      -- Follow-up context of a conversation (a Discord thread), so a thread's next question
      -- still reads against the last answer after a restart. The key names the server and the
      -- thread; the context holds slots (partner, measure, period, person) and a cited span,
      -- never what anyone typed nor who. Expired rows are deleted as new ones are written.
      CREATE TABLE follow_up_contexts (
        key TEXT PRIMARY KEY,
        context TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX follow_up_contexts_by_expiry ON follow_up_contexts (expires_at);
    `,
  },
];

// @ts-check
/**
 * The thread that owns the process's one SQLite connection. better-sqlite3 is synchronous: a
 * write waiting on another process's lock (the busy timeout) or on a slow disk would stall
 * whatever thread runs it, so it runs here and the bot's thread only posts messages and never
 * waits. It knows no table: the SQL comes from `sqlite-store.ts`. Plain JavaScript because a
 * worker is started by Node itself, which on Node 20 cannot load TypeScript.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

/** @typedef {{ sql: string, params: unknown[] }} Statement */
/** @typedef {Statement & { rows?: true }} WriteStatement */
/** @typedef {{ id: number, op: "write", statements: WriteStatement[] } | { id: number, op: "read", queries: Statement[] } | { id: number, op: "checkpoint" } | { id: number, op: "close" }} Request */

const port = parentPort;
if (!port) throw new Error("sqlite-thread.mjs runs as a worker thread");

/** @type {{ path: string, busyTimeoutMs: number, busyRetries: number, migrations: { version: number, sql: string }[] }} */
const options = workerData;

/** @param {unknown} error */
const describe = (error) => {
  const e = /** @type {{ message?: unknown, code?: unknown }} */ (error ?? {});
  return { message: String(e.message ?? error), code: typeof e.code === "string" ? e.code : null };
};

/** Waits without spinning; fine here, this thread has nothing else to do. */
const sleep = (/** @type {number} */ ms) =>
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `work`, again after a pause when another process still holds the lock past the busy
 * timeout, so a burst from several shards loses no row.
 * @template T
 * @param {() => T} work
 * @returns {T}
 */
function whileBusy(work) {
  for (let attempt = 0; ; attempt++) {
    try {
      return work();
    } catch (error) {
      const code = describe(error).code ?? "";
      if (!code.startsWith("SQLITE_BUSY") || attempt >= options.busyRetries) throw error;
      sleep(50 * (attempt + 1));
    }
  }
}

/** @param {import("better-sqlite3").Database} db */
function migrate(db) {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)",
  );
  const applied = () =>
    new Set(
      db
        .prepare("SELECT version FROM schema_migrations")
        .all()
        .map((row) => /** @type {{ version: number }} */ (row).version),
    );
  // Read first: a store that is already current needs no write lock (and may be read-only).
  if (options.migrations.every((m) => applied().has(m.version))) return;
  // IMMEDIATE takes the write lock before looking, so two processes starting at once migrate once.
  const run = db.transaction(() => {
    const done = applied();
    for (const migration of options.migrations) {
      if (done.has(migration.version)) continue;
      db.exec(migration.sql);
      db.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)").run(
        migration.version,
        Date.now(),
      );
    }
  });
  whileBusy(() => run.immediate());
}

/** @returns {import("better-sqlite3").Database} */
function open() {
  if (options.path !== ":memory:") mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path, { timeout: options.busyTimeoutMs });
  try {
    // WAL: readers never block the writer and one process's writer waits for another's briefly.
    // NORMAL is durable across a crash of the process; only a power cut may lose the last commits.
    whileBusy(() => db.pragma("journal_mode = WAL"));
    db.pragma("synchronous = NORMAL");
    // Deleted records are overwritten, not left in free pages: erasure and retention mean it.
    db.pragma("secure_delete = ON");
    db.pragma("foreign_keys = ON");
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** @type {import("better-sqlite3").Database} */
let db;
try {
  db = open();
  port.postMessage({ id: 0, ok: true });
} catch (error) {
  port.postMessage({ id: 0, ok: false, error: describe(error) });
  process.exit(0);
}

/** @type {Map<string, import("better-sqlite3").Statement>} */
const prepared = new Map();
const statement = (/** @type {string} */ sql) => {
  let found = prepared.get(sql);
  if (!found) {
    found = db.prepare(sql);
    prepared.set(sql, found);
  }
  return found;
};

// Each statement's changes, or its rows when asked for (an upsert that says what it counted).
const write = db.transaction((/** @type {WriteStatement[]} */ statements) =>
  statements.map((s) =>
    s.rows ? statement(s.sql).all(...s.params) : statement(s.sql).run(...s.params).changes,
  ),
);
// One read transaction, so every part of a report sees the same moment.
const read = db.transaction((/** @type {Statement[]} */ queries) =>
  queries.map((q) => statement(q.sql).all(...q.params)),
);

port.on("message", (/** @type {Request} */ request) => {
  try {
    if (request.op === "close") {
      db.close();
      port.postMessage({ id: request.id, ok: true });
      port.close();
      return;
    }
    if (request.op === "checkpoint") {
      // Copies the log into the database and empties it, so erased rows leave no old copy there.
      port.postMessage({ id: request.id, ok: true, result: db.pragma("wal_checkpoint(TRUNCATE)") });
      return;
    }
    if (request.op === "write") {
      const changes = whileBusy(() => write.immediate(request.statements));
      port.postMessage({ id: request.id, ok: true, result: changes });
      return;
    }
    port.postMessage({ id: request.id, ok: true, result: whileBusy(() => read(request.queries)) });
  } catch (error) {
    port.postMessage({ id: request.id, ok: false, error: describe(error) });
  }
});

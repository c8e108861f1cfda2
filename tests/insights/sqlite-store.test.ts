import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { SQLITE_MIGRATIONS } from "../../src/insights/sqlite-schema";
import { SqliteInsightsStore } from "../../src/insights/sqlite-store";
import { questionRecord, storeContract } from "./store-contract";

const scratch = mkdtempSync(join(tmpdir(), "tijarat-sqlite-store-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let files = 0;
const freshPath = () => join(scratch, `store-${++files}`, "insights.db");

storeContract("SQLite", async () => {
  const path = freshPath();
  return { open: () => new SqliteInsightsStore({ path }) };
});

describe("the SQLite store's file", () => {
  it("creates its folder, uses WAL and records each schema version once, however often opened", async () => {
    const path = freshPath();
    for (let i = 0; i < 2; i++) {
      const store = new SqliteInsightsStore({ path });
      await store.open();
      await store.close();
    }
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      const versions = db.prepare("SELECT version FROM schema_migrations").all();
      expect(versions).toEqual(SQLITE_MIGRATIONS.map((m) => ({ version: m.version })));
    } finally {
      db.close();
    }
  });

  it("deletes a question's facets with it", async () => {
    const path = freshPath();
    const store = new SqliteInsightsStore({ path });
    await store.write([
      { type: "question", record: questionRecord({ missing: ["x"], askedAt: 1 }) },
    ]);
    await store.prune(2);
    await store.close();
    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare("SELECT COUNT(*) AS n FROM question_facets").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it("fails with the file's name and SQLite's reason when the path cannot be a database", async () => {
    const store = new SqliteInsightsStore({ path: join(scratch, "no-such", "\0bad") });
    await expect(store.open()).rejects.toThrow(/insights store/);
    await store.close();
  });
});

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { SQLITE_MIGRATIONS } from "../../src/insights/sqlite-schema";

const scratch = mkdtempSync(join(tmpdir(), "tijarat-concurrent-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const WRITER = resolve(import.meta.dirname, "support/write-questions.ts");

function writer(db: string, tag: string, count: number) {
  return new Promise<{ code: number | null; stderr: string }>((done) => {
    const child = spawn(process.execPath, ["--import", "tsx", WRITER, db, tag, String(count)], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("exit", (code) => done({ code, stderr }));
  });
}

describe("several processes writing one SQLite store at once", () => {
  it("loses no row and migrates once", async () => {
    const db = join(scratch, "shared", "insights.db");
    const tags = ["shard-0", "shard-1", "shard-2", "shard-3"];
    const PER_WRITER = 200;
    const runs = await Promise.all(tags.map((tag) => writer(db, tag, PER_WRITER)));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    // Nothing was warned about: no write failed, no record was dropped.
    expect(runs.map((run) => run.stderr)).toEqual(tags.map(() => ""));
    const read = new Database(db, { readonly: true });
    try {
      const rows = read
        .prepare(
          "SELECT guild_id AS tag, COUNT(*) AS n FROM questions GROUP BY guild_id ORDER BY guild_id",
        )
        .all();
      expect(rows).toEqual(tags.map((tag) => ({ tag, n: PER_WRITER })));
      const facets = read
        .prepare("SELECT COUNT(*) AS n FROM question_facets WHERE facet = 'missing'")
        .get();
      expect(facets).toEqual({ n: tags.length * PER_WRITER });
      // Four processes opening one new file at once apply each migration once.
      expect(read.prepare("SELECT COUNT(*) AS n FROM schema_migrations").get()).toEqual({
        n: SQLITE_MIGRATIONS.length,
      });
    } finally {
      read.close();
    }
  }, 60_000);
});

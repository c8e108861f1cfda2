import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { consoleEnv, runConsoleProcess } from "../support/console-process";

const scratch = mkdtempSync(join(tmpdir(), "tijarat-console-insights-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("questions asked in the local console", () => {
  const db = join(scratch, "insights.db");
  const env = consoleEnv({ INSIGHTS_DB: db, FEEDBACK_LOG: join(scratch, "feedback.jsonl") });

  it("are recorded, seen by /insights at once and by `cli insights --json` after", async () => {
    const run = await runConsoleProcess(
      [
        "/ask question: What was the trade volume between Pakistan and Japan?",
        "What is Pakistan's trade with Brazil?",
        "How much does Pakistan trade with Brazil?",
        "/insights",
      ],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("## Insights — everywhere, last 30 days");
    expect(run.stdout).toContain(
      "**3 questions** asked · **33%** answered (1) · **1 person** asked",
    );

    let stdout = "";
    const code = await main(["insights", "--json"], {
      stdin: Readable.from([""]),
      stdout: { write: (text: string) => (stdout += text) },
      stderr: process.stderr,
      env,
    });
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ days: 30, questions: 3, answered: 1, askers: 1, disliked: [] });
    expect(report.unanswered).toHaveLength(1);
    // The partner is read from the engine's "no article about Brazil" (src/insights/answer-facets.ts).
    expect(report.unanswered[0]).toMatchObject({ count: 2, partners: ["Brazil"] });
    expect(report.unanswered[0].missing.join("; ")).toMatch(/Brazil/);
    expect(report.partners.map((p: { name: string }) => p.name)).toEqual(["Brazil", "Japan"]);

    const read = new Database(db, { readonly: true });
    try {
      const rows = read
        .prepare("SELECT surface, guild_id, command, kind, answered, latency_ms FROM questions")
        .all() as Record<string, unknown>[];
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        expect(row).toMatchObject({ surface: "console", guild_id: null, command: "ask" });
        expect(row.latency_ms).toBeGreaterThan(0);
      }
      // The console's one user is a hash like anyone else: one asker, no name.
      expect(read.prepare("SELECT DISTINCT asker FROM questions").all()).toEqual([
        { asker: expect.stringMatching(/^[\w-]{22}$/) },
      ]);
    } finally {
      read.close();
    }
  });
});

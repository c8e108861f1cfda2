import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { askedEvent, scratchInsights } from "../support/insights";

const scratch = mkdtempSync(join(tmpdir(), "tijarat-cli-insights-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function cli(args: string[], env: Record<string, string>) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdin: Readable.from([""]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  });
  return { code, stdout, stderr };
}

/** A store with questions from two servers and the console, and one 👎. */
async function recorded(path: string) {
  const { insights } = scratchInsights(path);
  const ask = (question: string, guildId: string | null, userId: string) =>
    insights.asked(askedEvent(question, guildId, userId));
  ask("What is Pakistan's trade with Brazil?", "g1", "1");
  ask("How much does Pakistan trade with Brazil?", "g2", "1");
  const disliked = ask("What was trade with Japan?", "g1", "2");
  ask("What was trade with Japan?", null, "2");
  ask("Who is the ambassador of Chile?", "g1", "2");
  insights.voted({
    questionId: disliked,
    question: "What was trade with Japan?",
    answered: true,
    vote: "down",
    userId: "3",
    guildId: "g1",
  });
  await insights.close();
}

describe("cli insights", () => {
  const db = join(scratch, "store", "insights.db");
  const env = { INSIGHTS_DB: db };

  it("prints the contract's JSON for every server and the console", async () => {
    await recorded(db);
    const run = await cli(["insights", "--json"], env);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ days: 30, questions: 5, answered: 2, askers: 2 });
    expect(report.unanswered).toEqual([
      {
        question: "How much does Pakistan trade with Brazil?",
        count: 2,
        missing: ["partner China"],
        partners: [],
      },
      {
        question: "Who is the ambassador of Chile?",
        count: 1,
        missing: ["partner China"],
        partners: [],
      },
    ]);
    expect(report.disliked).toEqual([
      {
        question: "What was trade with Japan?",
        count: 1,
        answered: true,
        articleIds: ["pakistan-japan-trade"],
      },
    ]);
  });

  it("prints a report for a person, and honours --days", async () => {
    const run = await cli(["insights", "--days", "7"], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Insights — last 7 days");
    expect(run.stdout).toContain(
      "5 questions asked · 40% answered (2) · 2 people asked · 👍 0 · 👎 1",
    );
    expect(run.stdout).toContain(
      "  1. 2× How much does Pakistan trade with Brazil?\n       lacks: partner China",
    );
    expect(run.stdout).toContain(
      "  1. 1× What was trade with Japan? (cited: pakistan-japan-trade)",
    );
  });

  it("reports nothing, and creates no file, when nothing was recorded yet", async () => {
    const absent = join(scratch, "never", "insights.db");
    const run = await cli(["insights", "--json"], { INSIGHTS_DB: absent });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      questions: 0,
      answered: 0,
      askers: 0,
      unanswered: [],
      disliked: [],
    });
    expect(existsSync(join(scratch, "never"))).toBe(false);
  });

  it.each([
    [["insights", "--days", "0"], "--days must be at least 1"],
    [["insights", "--days", "week"], "--days must be a whole number of days"],
    [["insights", "everything"], "insights takes no words"],
    [["sources", "--days", "3"], "--days goes with insights"],
  ])("exits 2 for %j with a one-line reason", async (args, reason) => {
    const run = await cli(args, env);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(`tijarat: ${reason}`);
  });

  it("exits 2 naming the store when it cannot be read, and the variable when it is invalid", async () => {
    const folder = join(scratch, "a-folder.db");
    mkdirSync(folder);
    const unreadable = await cli(["insights"], { INSIGHTS_DB: folder });
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toMatch(/^tijarat: insights store .*a-folder\.db: /);
    const invalid = await cli(["insights"], { INSIGHTS_DB: "postgres://u:secret@[host/db" });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("INSIGHTS_DB: must be a URL such as postgres://");
    expect(invalid.stderr).not.toContain("secret");
  });

  it("exits 2 naming a PostgreSQL store it cannot reach, without its password", async () => {
    // Port 1 on the loopback: nothing listens, the connection is refused at once.
    const unreachable = await cli(["insights"], {
      INSIGHTS_DB: "postgres://tijarat:secret-pw@127.0.0.1:1/tijarat",
      INSIGHTS_SALT: "a-salt-for-the-cli-test-0123456789",
    });
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(
      /^tijarat: insights store postgres:\/\/tijarat@127\.0\.0\.1:1\/tijarat: /,
    );
    expect(unreachable.stderr).not.toContain("secret-pw");
  });
});

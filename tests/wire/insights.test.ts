import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteInsightsStore } from "../../src/insights/sqlite-store";
import { logText } from "../support/bot-process";
import {
  buttonsOf,
  describeReply,
  freshUser,
  plainText,
  startWiredBot,
  type WiredBot,
} from "./harness";

const scratch = mkdtempSync(join(tmpdir(), "tijarat-wire-insights-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every byte SQLite keeps for the store: the database, its write-ahead log and its index. */
const storeBytes = (db: string): Buffer =>
  Buffer.concat(
    [db, `${db}-wal`, `${db}-shm`].filter(existsSync).map((file) => readFileSync(file)),
  );

/** The id as SQLite would store it were it a number: a big-endian 64-bit integer. */
const asInteger = (id: string): Buffer => {
  const bytes = Buffer.alloc(8);
  bytes.writeBigInt64BE(BigInt(id));
  return bytes;
};

/** Discord's permission bits for a member who may only read and send messages. */
const PLAIN_MEMBER = String((1n << 10n) | (1n << 11n));

describe("insights over the wire", () => {
  let wired: WiredBot;
  const db = join(scratch, "store", "insights.db");
  const asker = { userId: "417293846150982736", username: "zubair_qa_77" };

  beforeAll(async () => {
    wired = await startWiredBot({ INSIGHTS_DB: db, FEEDBACK_LOG: join(scratch, "feedback.jsonl") });
  });

  afterAll(async () => {
    await wired?.stop();
  });

  it("keeps what was asked and the 👎 given, but never the asker's id or name", async () => {
    const { fake } = wired;
    const questions = [
      "What was the trade volume between Pakistan and Japan?",
      "What is Pakistan's trade with Brazil?",
      "How much does Pakistan trade with Brazil?",
    ];
    const sent = questions.map((question) => fake.command("ask", { question }, asker));
    const replies = await Promise.all(sent.map((s) => fake.waitForReply(s.id, 5_000)));
    const vote = buttonsOf(replies[1]?.data ?? {}).find((b) => b.label === "Not helpful");
    expect(vote, describeReply(replies[1] ?? ({} as never))).toBeDefined();
    const pressed = fake.button(vote?.custom_id ?? "", sent[1]?.id, asker);
    expect(plainText((await fake.waitForReply(pressed.id, 5_000)).data)).toContain(
      "👎 is recorded",
    );

    const shown = fake.command("insights", {}, asker);
    const report = await fake.waitForReply(shown.id, 5_000);
    expect(report.ephemeral).toBe(true);
    const text = plainText(report.data);
    expect(text).toContain("Insights — this server, last 30 days");
    expect(text).toContain("3 questions asked · 33% answered (1) · 1 person asked · 👍 0 · 👎 1");
    expect(text).toMatch(/1\. 2× (What is|How much does) Pakistan('s)? trade with Brazil\?/);
    // What the corpus lacked, in the engine's words.
    expect(text).toMatch(/↳ [^\n]*Brazil/);
    expect(text).toContain("1× 👎");

    const bytes = storeBytes(db);
    expect(bytes.includes(Buffer.from("trade with Brazil?"))).toBe(true);
    expect(bytes.includes(Buffer.from(asker.userId))).toBe(false);
    expect(bytes.includes(asInteger(asker.userId))).toBe(false);
    expect(bytes.includes(Buffer.from(asker.username))).toBe(false);
  });

  it("refuses /insights to a member without Manage Server, and in a direct message", async () => {
    const { fake } = wired;
    const member = fake.command("insights", {}, { ...freshUser(), permissions: PLAIN_MEMBER });
    const refused = await fake.waitForReply(member.id, 5_000);
    expect(refused.ephemeral).toBe(true);
    expect(plainText(refused.data)).toBe(
      "Only members with the Manage Server permission can see or erase insights.",
    );
    const dm = fake.command("insights", {}, { ...freshUser(), guildId: null });
    const inDm = await fake.waitForReply(dm.id, 5_000);
    expect(inDm.ephemeral).toBe(true);
    expect(plainText(inDm.data)).not.toContain("questions asked");
  });

  it("erases the server's records after asking, with /insights forget", async () => {
    const { fake } = wired;
    const admin = freshUser();
    const forget = fake.command("insights", { forget: true }, admin);
    const question = await fake.waitForReply(forget.id, 5_000);
    expect(question.ephemeral).toBe(true);
    const erase = buttonsOf(question.data).find((b) => b.label === "Erase them");
    expect(erase, describeReply(question)).toBeDefined();
    const pressed = fake.button(erase?.custom_id ?? "", forget.id, admin);
    const done = await fake.waitForReply(pressed.id, 5_000);
    expect(done.callbackType).toBe(7);
    expect(plainText(done.data)).toBe("Erased 3 questions and 1 vote recorded in this server.");
    const after = fake.command("insights", {}, admin);
    expect(plainText((await fake.waitForReply(after.id, 5_000)).data)).toContain(
      "0 questions asked",
    );
    // Erased means gone from the files, not only from the report.
    const left = storeBytes(db);
    expect(left.includes(Buffer.from("trade with Brazil?"))).toBe(false);
    expect(left.includes(Buffer.from("trade with brazil"))).toBe(false);
  });
});

describe("a read-only insights store over the wire", () => {
  let wired: WiredBot | undefined;
  const db = join(scratch, "read-only", "insights.db");
  let immutable = false;

  beforeAll(async () => {
    const setup = new SqliteInsightsStore({ path: db });
    await setup.open();
    await setup.close();
    try {
      execFileSync("chattr", ["+i", db], { stdio: "ignore" });
      immutable = true;
    } catch {
      // Without chattr the file stays writable for root; a folder that is a file stands in.
    }
    wired = await startWiredBot({
      INSIGHTS_DB: immutable ? db : join(db, "not-a-folder", "insights.db"),
      FEEDBACK_LOG: join(scratch, "read-only", "feedback.jsonl"),
      // The salt lives beside the store; given here, so the only warning is the store's.
      INSIGHTS_SALT: "a-salt-for-the-read-only-store-test",
    });
  });

  afterAll(async () => {
    await wired?.stop();
    if (immutable) execFileSync("chattr", ["-i", db]);
  });

  it("answers every question, logging one warning", async () => {
    const { fake, bot } = wired as WiredBot;
    const sent = [
      "What was the trade volume between Pakistan and Japan?",
      "How much were Pakistan's IT exports in fiscal year 2023?",
      "What is Pakistan's trade with Brazil?",
    ].map((question) => fake.command("ask", { question }, freshUser()));
    const replies = await Promise.all(sent.map((s) => fake.waitForReply(s.id, 5_000)));
    expect(plainText(replies[0]?.data ?? {})).toContain("$1.26 billion");
    expect(plainText(replies[1]?.data ?? {})).toContain("$2.6 billion");
    for (const reply of replies) expect(reply.latencyMs).toBeLessThan(3_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const warnings = bot.logs.filter((line) => line.level === "warn");
    expect(warnings.map(logText)).toEqual(["insights: records are not being kept; answers go on"]);
  });
});

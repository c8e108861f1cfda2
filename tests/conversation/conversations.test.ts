import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { Conversations, type FollowUpContextStore } from "../../src/conversation/conversations";
import { consoleConversation, threadConversation } from "../../src/conversation/keys";
import { type ConversationState, stateFromJson, stateToJson } from "../../src/conversation/state";
import { followUpsKeptIn } from "../../src/conversation/stored-follow-ups";
import { Conversations as StoredContexts } from "../../src/insights/conversations";
import { GuardedReads } from "../../src/insights/guarded-reads";
import { SqliteInsightsStore } from "../../src/insights/sqlite-store";
import { StoreWriter } from "../../src/insights/store-writer";
import { createLogger } from "../../src/log";

const scratch = mkdtempSync(join(tmpdir(), "tijarat-conversations-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const MINUTE = 60_000;

/** Follow-ups kept in an insights store file, as the bot keeps them (`storedRouterDeps`). */
function sharedStore(path: string) {
  const store = new SqliteInsightsStore({ path });
  const writer = new StoreWriter({ store, log: createLogger({ write: () => undefined }) });
  const contexts = new StoredContexts({
    surface: "discord",
    shared: { store, writer, reads: new GuardedReads({ timeoutMs: 2_000 }) },
  });
  return { store, writer, followUps: followUpsKeptIn(contexts) };
}

const japan: ConversationState = {
  partners: ["Japan"],
  measure: "exports",
  period: "FY2022-23",
  person: null,
  kind: "amount",
  cited: { articleId: "pakistan-exports-japan-fy23", passageId: "x#0", start: 0, end: 120 },
};

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, pass: (ms: number) => (now += ms) };
}

function logged() {
  const lines: Record<string, unknown>[] = [];
  return { lines, log: createLogger({ write: (line) => lines.push(JSON.parse(line)) }) };
}

describe("each conversation's context", () => {
  it("is kept for the time limit after its last turn, then forgotten", () => {
    const time = clock();
    const conversations = new Conversations({ ttlMs: 60 * MINUTE, now: time.now });
    const key = threadConversation("900", "111");
    conversations.save(key, japan);
    time.pass(59 * MINUTE);
    expect(conversations.get(key)).toEqual(japan);
    // A turn keeps it alive for another hour.
    conversations.save(key, japan);
    time.pass(59 * MINUTE);
    expect(conversations.get(key)).toEqual(japan);
    time.pass(2 * MINUTE);
    expect(conversations.get(key)).toBeNull();
  });

  it("never leaks to another thread, another server or the console", () => {
    const conversations = new Conversations({ ttlMs: MINUTE });
    conversations.save(threadConversation("900", "111"), japan);
    expect(conversations.get(threadConversation("900", "222"))).toBeNull();
    expect(conversations.get(threadConversation("901", "111"))).toBeNull();
    expect(conversations.get(consoleConversation("111"))).toBeNull();
  });

  it("keeps the most recent conversations when there are more than it holds", () => {
    const conversations = new Conversations({ ttlMs: MINUTE, capacity: 2 });
    for (const thread of ["1", "2", "3"])
      conversations.save(threadConversation("9", thread), japan);
    expect(conversations.get(threadConversation("9", "1"))).toBeNull();
    expect(conversations.get(threadConversation("9", "3"))).toEqual(japan);
  });

  it("survives a restart in the insights store, and only until its time limit", async () => {
    const path = join(scratch, "restart", "insights.db");
    const key = threadConversation("900", "333");
    const before = sharedStore(path);
    new Conversations({ ttlMs: 60 * MINUTE, store: before.followUps }).save(key, japan);
    await before.writer.flush();
    await before.store.close();

    // The next process: nothing in memory until the thread's next question warms it.
    const after = sharedStore(path);
    const restarted = new Conversations({ ttlMs: 60 * MINUTE, store: after.followUps });
    expect(restarted.get(key)).toBeNull();
    await restarted.warm(key);
    expect(restarted.get(key)).toEqual(japan);
    expect(await after.followUps.loadFollowUp(key, Date.now() + 61 * MINUTE)).toBeNull();
    // Kept under the thread's server, so erasing that server's records would find it.
    expect((await after.store.readContext(key))?.guildId).toBe("900");
    await after.store.close();
  });

  it("answers on from memory when the store fails, with one warning", async () => {
    const { lines, log } = logged();
    const broken: FollowUpContextStore = {
      loadFollowUp: () => Promise.reject(new Error("disk full")),
      saveFollowUp: () => Promise.reject(new Error("disk full")),
    };
    const conversations = new Conversations({ ttlMs: MINUTE, store: broken, log });
    const key = threadConversation("900", "444");
    conversations.save(key, japan);
    conversations.save(key, japan);
    await conversations.warm(threadConversation("900", "555"));
    expect(conversations.get(key)).toEqual(japan);
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(lines[0]?.msg).toMatch(/follow-up context could not be kept/);
  });

  it("does not keep a question waiting for a slow store", async () => {
    const slow: FollowUpContextStore = {
      loadFollowUp: () => new Promise(() => {}),
      saveFollowUp: async () => {},
    };
    const conversations = new Conversations({ ttlMs: MINUTE, store: slow, readTimeoutMs: 20 });
    const started = performance.now();
    await conversations.warm(threadConversation("900", "666"));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(conversations.get(threadConversation("900", "666"))).toBeNull();
  });

  it("reads back only a well-formed context", () => {
    expect(stateFromJson(stateToJson(japan))).toEqual(japan);
    expect(stateFromJson("not json")).toBeNull();
    expect(stateFromJson(JSON.stringify({ ...japan, partners: "Japan" }))).toBeNull();
  });
});

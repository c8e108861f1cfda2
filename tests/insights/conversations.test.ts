import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { Conversations } from "../../src/insights/conversations";
import { GuardedReads } from "../../src/insights/guarded-reads";
import { SqliteInsightsStore } from "../../src/insights/sqlite-store";
import { StoreError } from "../../src/insights/store";
import { StoreWriter } from "../../src/insights/store-writer";
import { capturingLog } from "../support/insights";

const scratch = mkdtempSync(join(tmpdir(), "tijarat-conversations-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let folders = 0;

const Plan = z.object({ partner: z.string(), measure: z.string().optional() });
const T0 = Date.UTC(2025, 5, 1);

/** Two processes' follow-up context over one store file, each with its own connection. */
function twoProcesses(now: () => number = () => T0) {
  const path = join(scratch, `case-${++folders}`, "insights.db");
  const processes = [0, 1].map(() => {
    const store = new SqliteInsightsStore({ path });
    const writer = new StoreWriter({ store, log: capturingLog().log });
    const conversations = new Conversations({
      surface: "discord",
      shared: { store, writer, reads: new GuardedReads({ timeoutMs: 2_000 }) },
      now,
    });
    return { store, writer, conversations };
  });
  const close = () => Promise.all(processes.map((p) => p.store.close()));
  return {
    a: processes[0] as (typeof processes)[0],
    b: processes[1] as (typeof processes)[0],
    close,
  };
}

describe("follow-up context", () => {
  it("is read by whichever process gets the next turn, the latest turn's", async () => {
    const { a, b, close } = twoProcesses();
    a.conversations.remember("thread:1", "g1", { partner: "Japan" });
    await a.writer.flush();
    expect(await b.conversations.recall("thread:1", "g1", Plan)).toEqual({ partner: "Japan" });
    b.conversations.remember("thread:1", "g1", { partner: "Japan", measure: "exports" });
    await b.writer.flush();
    expect(await a.conversations.recall("thread:1", "g1", Plan)).toEqual({
      partner: "Japan",
      measure: "exports",
    });
    await close();
  });

  it("never crosses to another server or a direct message, and ends when forgotten", async () => {
    const { a, b, close } = twoProcesses();
    a.conversations.remember("thread:2", "g1", { partner: "China" });
    await a.writer.flush();
    expect(await b.conversations.recall("thread:2", "g2", Plan)).toBeNull();
    expect(await b.conversations.recall("thread:2", null, Plan)).toBeNull();
    b.conversations.forget("thread:2", "g1");
    await b.writer.flush();
    expect(await a.conversations.recall("thread:2", "g1", Plan)).toBeNull();
    await close();
  });

  it("expires after its time, and a value that no longer fits the schema is no context", async () => {
    let now = T0;
    const { a, b, close } = twoProcesses(() => now);
    a.conversations.remember("thread:3", "g1", { partner: "Oman" }, 60_000);
    a.conversations.remember("thread:4", "g1", { country: "Oman" });
    await a.writer.flush();
    expect(await b.conversations.recall("thread:4", "g1", Plan)).toBeNull();
    now = T0 + 59_999;
    expect(await b.conversations.recall("thread:3", "g1", Plan)).toEqual({ partner: "Oman" });
    now = T0 + 60_000;
    expect(await a.conversations.recall("thread:3", "g1", Plan)).toBeNull();
    await close();
  });

  it("lives in this process's memory without a store, and never throws on what it cannot keep", async () => {
    const conversations = new Conversations({ surface: "console" });
    conversations.remember("console:1", null, { partner: "Chile" });
    expect(await conversations.recall("console:1", null, Plan)).toEqual({ partner: "Chile" });
    expect(() => conversations.remember("console:2", null, { n: 1n })).not.toThrow();
    conversations.remember("console:3", null, { partner: "x".repeat(20_000) });
    expect(await conversations.recall("console:2", null, z.unknown())).toBeNull();
    expect(await conversations.recall("console:3", null, Plan)).toBeNull();
  });
});

describe("follow-up context around the store's troubles", () => {
  it("is gone in every process once its server's records are erased", async () => {
    const { a, b, close } = twoProcesses();
    a.conversations.remember("thread:5", "g1", { partner: "Japan" });
    await a.writer.flush();
    await b.store.erase({ guildId: "g1" });
    expect(await a.conversations.recall("thread:5", "g1", Plan)).toBeNull();
    await close();
  });

  it("is this process's own while the store will not take its writes", async () => {
    const path = join(scratch, `case-${++folders}`, "insights.db");
    const store = new SqliteInsightsStore({ path });
    const refusing = {
      description: store.description,
      open: () => store.open(),
      write: async () => {
        throw new StoreError("attempt to write a readonly database", "SQLITE_READONLY");
      },
    };
    const writer = new StoreWriter({ store: refusing, log: capturingLog().log });
    const conversations = new Conversations({
      surface: "discord",
      shared: { store, writer, reads: new GuardedReads({ timeoutMs: 2_000 }) },
    });
    conversations.remember("thread:6", "g1", { partner: "Oman" });
    await writer.flush();
    expect(writer.settled).toBe(false);
    expect(await conversations.recall("thread:6", "g1", Plan)).toEqual({ partner: "Oman" });
    writer.stop();
    await store.close();
  });
});

import { describe, expect, it } from "vitest";
import { type InsightsStore, StoreError, type StoreEvent } from "../../src/insights/store";
import { StoreWriter } from "../../src/insights/store-writer";
import { capturingLog, eventually } from "../support/insights";
import { contextRecord } from "./store-contract";

/** A store in memory that may be down, and refuses any record whose value says "refused". */
class MemoryStore implements Pick<InsightsStore, "description" | "open" | "write"> {
  readonly description = "memory";
  readonly kept: string[] = [];
  down = false;
  async open() {
    if (this.down) throw new StoreError("memory: down", "ECONNREFUSED");
  }
  async write(events: readonly StoreEvent[]) {
    await this.open();
    const values = events.map((e) => (e.type === "context" ? e.record.value : e.type));
    if (values.some((value) => value.includes("refused"))) {
      throw new StoreError("memory: value too long for type", "22001", false);
    }
    this.kept.push(...values);
  }
}

const record = (value: string): StoreEvent => ({
  type: "context",
  record: contextRecord({ key: value, value }),
});

const QUICK = { first: 5, max: 20 };

describe("the store writer", () => {
  it("drops a record the store refuses, alone, and writes the rest of its batch", async () => {
    const store = new MemoryStore();
    const { log, at } = capturingLog();
    const writer = new StoreWriter({ store, log, retryMs: QUICK });
    for (const value of ["a", "b", "refused", "c"]) writer.push(record(value));
    await writer.flush();
    expect(store.kept).toEqual(["a", "b", "c"]);
    expect(at("warn").map((line) => line.code)).toEqual(["22001"]);
    expect(at("info")[0]).toMatchObject({
      msg: "insights: records are being kept again",
      dropped: 1,
    });
  });

  it("keeps records in order while the store is down and writes them in order when it is back", async () => {
    const store = new MemoryStore();
    const { log, at } = capturingLog();
    const writer = new StoreWriter({ store, log, retryMs: QUICK, maxBatch: 2 });
    store.down = true;
    for (const value of ["1", "2", "3", "4", "5"]) writer.push(record(value));
    await eventually("a failed write", () => at("warn").length > 0);
    expect(writer.pending).toBe(5);
    store.down = false;
    await eventually("every record written", () => store.kept.length === 5);
    expect(store.kept).toEqual(["1", "2", "3", "4", "5"]);
    expect(at("warn")).toHaveLength(1);
  });

  it("says what it could not write when it stops", async () => {
    const store = new MemoryStore();
    const { log, at } = capturingLog();
    const writer = new StoreWriter({ store, log, retryMs: QUICK, maxPending: 2 });
    store.down = true;
    for (const value of ["1", "2", "3"]) writer.push(record(value));
    await writer.flush();
    writer.stop();
    expect(at("info").at(-1)).toMatchObject({
      msg: "insights: records not written before closing",
      queued: 2,
      dropped: 1,
    });
  });
});

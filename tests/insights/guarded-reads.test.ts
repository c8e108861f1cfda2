import { describe, expect, it } from "vitest";
import { GuardedReads } from "../../src/insights/guarded-reads";

const never = () => new Promise<never>(() => {});

describe("reads on the reply path", () => {
  it("give up on a store that does not answer in time, then leave it alone for a while", async () => {
    let clock = 0;
    const reads = new GuardedReads({ timeoutMs: 20, restMs: 1_000, clock: () => clock });
    let asked = 0;
    const slow = () => {
      asked++;
      return never();
    };
    expect(await reads.read("test", slow)).toEqual({ ok: false });
    expect(await reads.read("test", slow)).toEqual({ ok: false });
    expect(asked).toBe(1);
    clock = 1_000;
    expect(await reads.read("test", async () => 42)).toEqual({ ok: true, value: 42 });
  });

  it("fall back on a failure as on a timeout, without an unhandled rejection", async () => {
    const reads = new GuardedReads({ timeoutMs: 1_000 });
    const failed = await reads.read("test", async () => {
      throw new Error("connect ECONNREFUSED");
    });
    expect(failed).toEqual({ ok: false });
    expect(reads.resting).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { takeInTurn } from "../../src/discord/take-in-turn";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("taking a burst of interactions in turn", () => {
  it("handles every item once, in arrival order", async () => {
    const handled: number[] = [];
    const take = takeInTurn<number>((n) => handled.push(n));
    for (let n = 0; n < 100; n++) take(n);
    while (handled.length < 100) await nextTurn();
    expect(handled).toEqual([...Array(100).keys()]);
  });

  it("handles one item per turn of the event loop, so replies can go out in between", async () => {
    const handled: number[] = [];
    const take = takeInTurn<number>((n) => handled.push(n));
    take(1);
    take(2);
    take(3);
    expect(handled).toEqual([]);
    await nextTurn();
    expect(handled).toEqual([1]);
    await nextTurn();
    expect(handled).toEqual([1, 2]);
  });

  it("acknowledges early the items a line too long would keep past the deadline, and no others", async () => {
    let clock = 0;
    const acknowledged: number[] = [];
    const handled: number[] = [];
    // Each item takes 100 ms of the thread: the eleventh in line would wait a full second.
    const take = takeInTurn<number>(
      (n) => {
        handled.push(n);
        clock += 100;
      },
      { acknowledge: (n) => acknowledged.push(n), acknowledgeAfterMs: 1_000, now: () => clock },
    );
    take(0);
    await nextTurn();
    expect(handled).toEqual([0]);
    for (let n = 1; n <= 30; n++) take(n);
    // Known at once from the line ahead and the time an item takes: no wait for their turn.
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged).not.toContain(1);
    while (handled.length < 31) await nextTurn();
    expect(acknowledged).toEqual([...new Set(acknowledged)]);
    expect(acknowledged).toContain(30);
    expect(acknowledged).not.toContain(0);
  });

  it("acknowledges an item that has waited too long, however quick the others were thought", async () => {
    let clock = 0;
    const acknowledged: number[] = [];
    const take = takeInTurn<number>(
      () => {
        clock += 2_000;
      },
      { acknowledge: (n) => acknowledged.push(n), acknowledgeAfterMs: 1_000, now: () => clock },
    );
    take(1);
    take(2);
    expect(acknowledged).toEqual([]);
    await nextTurn();
    await nextTurn();
    expect(acknowledged).toEqual([2]);
  });
});

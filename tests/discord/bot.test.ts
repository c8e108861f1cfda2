import { describe, expect, it } from "vitest";
import { takeInTurn } from "../../src/discord/bot";

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
});

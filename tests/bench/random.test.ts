import { describe, expect, it } from "vitest";
import { createRandom, zipfSampler } from "../../bench/random";

describe("seeded random numbers", () => {
  it("repeats the same sequence for the same seed", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
  });

  it("gives a different sequence for a different seed", () => {
    expect(createRandom(1).next()).not.toBe(createRandom(2).next());
  });

  it("draws integers within both inclusive bounds and reaches each of them", () => {
    const random = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(random.int(2, 5));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it("draws low Zipf ranks far more often than high ones", () => {
    const random = createRandom(4);
    const draw = zipfSampler(100, 1);
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const rank = draw(random);
      counts[rank] = (counts[rank] ?? 0) + 1;
    }
    expect(counts[0] ?? 0).toBeGreaterThan(5 * (counts[9] ?? 0));
    expect(counts.every((c) => c >= 0)).toBe(true);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(20_000);
  });
});

import { describe, expect, it } from "vitest";
import { percentile, round, summarize } from "../../bench/stats";

describe("latency statistics", () => {
  it("takes the nearest-rank percentile, so p99 is a time a request actually took", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
  });

  it("gives the only value for every percentile of a single sample", () => {
    expect(percentile([7], 1)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
  });

  it("gives NaN for an empty sample rather than a made-up zero", () => {
    expect(percentile([], 50)).toBeNaN();
  });

  it("summarises unsorted samples into p50, p95, p99, mean and max", () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(summarize(samples)).toEqual({ p50: 5, p95: 10, p99: 10, mean: 5.5, max: 10 });
  });

  it("rounds to the given number of decimals", () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(1.5, 0)).toBe(2);
  });
});

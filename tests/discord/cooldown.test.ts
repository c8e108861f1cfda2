import { describe, expect, it } from "vitest";
import { Cooldown } from "../../src/discord/cooldown";
import { RecentQueries } from "../../src/discord/recent";

describe("Cooldown", () => {
  it("allows five requests in ten seconds, refuses the sixth, and allows again once the window passes", () => {
    let now = 0;
    const cooldown = new Cooldown(5, 10, () => now);
    for (let i = 0; i < 5; i++) {
      expect(cooldown.take("u")).toEqual({ allowed: true });
      now += 1000;
    }
    expect(cooldown.take("u")).toEqual({ allowed: false, retryAfterSeconds: 5 });
    now = 10_000;
    expect(cooldown.take("u")).toEqual({ allowed: true });
  });

  it("counts each user separately", () => {
    const cooldown = new Cooldown(1, 10, () => 0);
    expect(cooldown.take("a").allowed).toBe(true);
    expect(cooldown.take("b").allowed).toBe(true);
    expect(cooldown.take("a").allowed).toBe(false);
  });
});

describe("RecentQueries", () => {
  it("gives the same query the same 10-character key", () => {
    const recent = new RecentQueries<string>();
    const key = recent.remember("What was trade with Japan?");
    expect(key).toMatch(/^[A-Za-z0-9_-]{10}$/);
    expect(recent.remember("What was trade with Japan?")).toBe(key);
    expect(recent.recall(key)).toBe("What was trade with Japan?");
  });

  it("forgets the least recently used entry beyond its capacity", () => {
    const recent = new RecentQueries<string>(2);
    const a = recent.remember("a");
    const b = recent.remember("b");
    recent.recall(a);
    recent.remember("c");
    expect(recent.recall(b)).toBeUndefined();
    expect(recent.recall(a)).toBe("a");
    expect(recent.size).toBe(2);
  });
});

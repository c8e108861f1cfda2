import { describe, expect, it } from "vitest";
import { boundedMemo } from "../../src/text/bounded-memo";

describe("boundedMemo", () => {
  it("works a key out once, and again only after it has forgotten past its limit", () => {
    const made: string[] = [];
    const upper = boundedMemo(2, (s: string) => {
      made.push(s);
      return s.toUpperCase();
    });
    expect([upper("a"), upper("b"), upper("a")]).toEqual(["A", "B", "A"]);
    expect(made).toEqual(["a", "b"]);
    upper("c");
    upper("d"); // more than two held: forgotten, then "d" kept
    expect(upper("a")).toBe("A");
    expect(made).toEqual(["a", "b", "c", "d", "a"]);
  });
});

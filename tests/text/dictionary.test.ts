import { describe, expect, it } from "vitest";
import { Dictionary } from "../../src/text/dictionary";

describe("Dictionary", () => {
  it("numbers strings in order of first sight, the same string always the same number", () => {
    const d = new Dictionary();
    expect(["rice", "trade", "rice", "export", "trade"].map((t) => d.numberOf(t))).toEqual([
      0, 1, 0, 2, 1,
    ]);
    expect(d.strings).toEqual(["rice", "trade", "export"]);
    expect(d.size).toBe(3);
  });
});

import { describe, expect, it } from "vitest";
import { relativeClash, sameRelative } from "../../../src/answer/candidates/figures";

describe("relative periods asked and stated", () => {
  it("tells 'last year' from the months of 'the ongoing year'", () => {
    expect(relativeClash(["last year"], "first eight months of the ongoing year")).toBe(true);
    expect(sameRelative(["this year"], "seven-month period of this year")).toBe(1);
  });

  it("takes 'next five years' as looking ahead, like 'next year'", () => {
    expect(relativeClash(["next five years"], "next five years")).toBe(false);
    expect(relativeClash(["next five years"], "this year")).toBe(true);
    expect(sameRelative(["next five years"], "next five years")).toBe(1);
  });

  it("has nothing to say of periods that are not relative", () => {
    expect(relativeClash(["last year"], "January to August")).toBe(false);
    expect(sameRelative(["last year"], "FY2023-24")).toBe(0);
  });
});

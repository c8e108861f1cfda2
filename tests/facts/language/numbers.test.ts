import { describe, expect, it } from "vitest";
import { applyScale, parseNumeral, scaleExponent } from "../../../src/facts/language/numbers";

describe("parseNumeral", () => {
  it.each([
    ["70", 70],
    ["1,200", 1200],
    ["1,234,567.5", 1234567.5],
    ["1.26", 1.26],
    ["three", 3],
    ["Twelve", 12],
    ["twenty-five", 25],
    ["ninety nine", 99],
    ["a dozen", 12],
    ["two dozen", 24],
    ["a hundred", 100],
    ["two hundred and five", 205],
    ["a", 1],
  ])("reads %j as %d", (text, value) => {
    expect(parseNumeral(text)).toBe(value);
  });

  it("gives null for vague plurals such as dozens, which name no number", () => {
    expect(parseNumeral("dozens")).toBeNull();
    expect(parseNumeral("hundreds")).toBeNull();
  });

  it("gives null for words that are not numerals", () => {
    expect(parseNumeral("several")).toBeNull();
    expect(parseNumeral("twenty-ten")).toBeNull();
  });
});

describe("scales", () => {
  it.each([
    ["trillion", 12],
    ["bn", 9],
    ["B", 9],
    ["million", 6],
    ["mn", 6],
    ["crore", 7],
    ["lakh", 5],
    ["thousand", 3],
  ])("%s is ten to the power %d", (word, exponent) => {
    expect(scaleExponent(word)).toBe(exponent);
  });

  it("scales through the decimal string, so 1.26 billion is exactly 1260000000", () => {
    expect(applyScale(1.26, 9)).toBe(1_260_000_000);
    expect(applyScale(3.2, 9)).toBe(3_200_000_000);
    expect(applyScale(1200, 7)).toBe(12_000_000_000);
    expect(applyScale(9, -2)).toBe(0.09);
  });
});

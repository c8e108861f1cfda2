import { describe, expect, it } from "vitest";
import { monthsOf, periodFit } from "../../src/answer/match";
import { findPeriods } from "../../src/facts/language/periods";

describe("months of a period", () => {
  it("fills a month range across the turn of the year", () => {
    expect([...monthsOf("July-March FY25")]).toEqual([7, 8, 9, 10, 11, 12, 1, 2, 3]);
  });

  it("reads halves and counted months of Pakistan's fiscal year from July", () => {
    expect([...monthsOf("first half of FY25")]).toEqual([7, 8, 9, 10, 11, 12]);
    expect([...monthsOf("first eight months of FY25")]).toEqual([7, 8, 9, 10, 11, 12, 1, 2]);
  });

  it("reads halves of a calendar year from January", () => {
    expect([...monthsOf("first half of 2024")]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("names no months for a whole year", () => {
    expect(monthsOf("FY2023-24").size).toBe(0);
  });
});

describe("how a stated period fits the asked one", () => {
  const asked = (q: string) => findPeriods(q);

  it("matches the same fiscal year however it is written", () => {
    expect(periodFit(asked("in fiscal year 2023"), "FY2022-23")).toBe(1);
  });

  it("does not answer a month with another month of the same year", () => {
    expect(periodFit(asked("in March 2025"), "January 2025")).toBe(0);
    expect(periodFit(asked("in March 2025"), "March 2025")).toBe(1);
  });

  it("answers a whole year with a part of it only weakly", () => {
    expect(periodFit(asked("in FY25"), "July-February FY25")).toBe(0.5);
  });

  it("matches the first half of a fiscal year with its months named", () => {
    expect(periodFit(asked("in the first half of FY25"), "July-December FY25")).toBe(1);
  });

  it("rules a figure out when no period is stated but one is asked", () => {
    expect(periodFit(asked("in 2024"), null)).toBe(0);
  });
});

describe("months stated without a year", () => {
  const asked = (q: string) => findPeriods(q);

  it("takes 'January to August' in an article of 2024 as January to August 2024", () => {
    expect(periodFit(asked("January to August 2024"), "January to August", "2024-10-29")).toBe(1);
    expect(periodFit(asked("January-August 2023"), "January to August", "2024-10-29")).toBe(0);
  });

  it("cannot place them in an undated article", () => {
    expect(periodFit(asked("January-August 2024"), "January to August")).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { findPeriods, resolveRelative } from "../../../src/facts/language/periods";

function only(text: string) {
  const found = findPeriods(text);
  expect(found).toHaveLength(1);
  const [p] = found;
  return p && { label: p.label, years: p.years, fiscalYear: p.fiscalYear, kind: p.kind };
}

describe("fiscal years", () => {
  it.each([
    ["in FY2022-23", "FY2022-23", [2022, 2023], 2023],
    ["in the fiscal year 2022-23", "fiscal year 2022-23", [2022, 2023], 2023],
    ["FY23 exports", "FY23", [2022, 2023], 2023],
    ["in fiscal year 2023", "fiscal year 2023", [2022, 2023], 2023],
    ["for FY 2023-24", "FY 2023-24", [2023, 2024], 2024],
    ["in fiscal 2024", "fiscal 2024", [2023, 2024], 2024],
    ["in the 2022-23 fiscal year", "2022-23 fiscal year", [2022, 2023], 2023],
    ["during July-March FY24", "July-March FY24", [2023, 2024], 2024],
    ["in July–March 2023-24", "July–March 2023-24", [2023, 2024], 2024],
    ["in 2022-23", "2022-23", [2022, 2023], 2023],
    ["the financial year 2021-22", "financial year 2021-22", [2021, 2022], 2022],
  ])("reads %j as %j, fiscal year %d", (text, label, years, fiscalYear) => {
    expect(only(text)).toEqual({ label, years, fiscalYear, kind: "fiscal" });
  });
});

describe("a fiscal year misprinted backwards", () => {
  it("reads 'fiscal year 2022-21' as a period whose year cannot be told, not as 2022", () => {
    expect(only("during the fiscal year 2022-21")).toEqual({
      label: "fiscal year 2022-21",
      years: [],
      fiscalYear: null,
      kind: "span",
    });
  });
});

describe("calendar periods", () => {
  it.each([
    ["in 2023", "2023", [2023]],
    ["by late 2024", "late 2024", [2024]],
    ["in mid-2024", "mid-2024", [2024]],
    ["in calendar year 2017", "calendar year 2017", [2017]],
    ["in the first half of 2024", "first half of 2024", [2024]],
    ["in Q3 2024", "Q3 2024", [2024]],
    ["in January 2024", "January 2024", [2024]],
    ["since 2015", "since 2015", [2015]],
  ])("reads %j as %j", (text, label, years) => {
    expect(only(text)).toEqual({ label, years, fiscalYear: null, kind: "calendar" });
  });

  it("reads a span of years written in full as calendar years, not a fiscal year", () => {
    expect(only("between 2019 and 2023")).toEqual({
      label: "between 2019 and 2023",
      years: [2019, 2020, 2021, 2022, 2023],
      fiscalYear: null,
      kind: "span",
    });
    expect(only("in 2022-2023")).toMatchObject({ years: [2022, 2023], fiscalYear: null });
  });
});

describe("relative periods and dates", () => {
  it.each([
    ["last year", "last year"],
    ["in the current fiscal year", "current fiscal year"],
    ["over the past five years", "past five years"],
    ["in recent years", "recent years"],
    ["in the same period last year", "same period last year"],
    ["in June", "June"],
  ])("reads %j as %j with no known years", (text, label) => {
    expect(only(text)).toEqual({ label, years: [], fiscalYear: null, kind: "relative" });
  });

  it("reads a dateline as a date, with its year when given", () => {
    expect(only("Baker on February 12 connected")).toEqual({
      label: "February 12",
      years: [],
      fiscalYear: null,
      kind: "date",
    });
    expect(only("held on August 16, 2025.")).toMatchObject({
      label: "August 16, 2025",
      years: [2025],
    });
  });
});

describe("what is not a period", () => {
  it("does not read a year inside a name as a period", () => {
    expect(findPeriods("the World Expo 2025 in Osaka under Vision 2030")).toEqual([]);
  });

  it("does not read an amount that looks like a year as a period", () => {
    expect(findPeriods("rose 2024% ")).toEqual([]);
  });
});

describe("spans", () => {
  it("keeps the preposition and article in the text but not in the label", () => {
    const text = "stood at $1.26 billion in the fiscal year 2022-23, according to";
    const [p] = findPeriods(text);
    expect(p?.text).toBe("in the fiscal year 2022-23");
    expect(text.slice(p?.start, p?.end)).toBe("in the fiscal year 2022-23");
  });

  it("finds several periods in order without overlaps", () => {
    expect(findPeriods("In 2023, exports were up from 2022 and FY24.").map((p) => p.label)).toEqual(
      ["2023", "2022", "FY24"],
    );
  });

  it("works on questions", () => {
    expect(findPeriods("How much were Pakistan's IT exports in fiscal year 2023?")).toEqual([
      {
        text: "in fiscal year 2023",
        start: 36,
        end: 55,
        label: "fiscal year 2023",
        years: [2022, 2023],
        fiscalYear: 2023,
        kind: "fiscal",
      },
    ]);
  });
});

describe("periods that point back", () => {
  it.each([
    ["rose 9 percent during the year", "year"],
    ["were $2 billion in the same period", "same period"],
    ["led inflows during the nine months", "nine months"],
    ["projected $40 billion for the full fiscal year", "full fiscal year"],
    ["rose further over the period", "period"],
    ["grew fastest in the first half", "first half"],
  ])("marks %j as pointing back, labelled %j", (text, label) => {
    const [p] = findPeriods(text);
    expect(p).toMatchObject({ label, kind: "relative", refersBack: true });
  });

  it("does not mark the same period last year, which names its own year", () => {
    const [p] = findPeriods("against $21 billion in the same period last year");
    expect(p).toMatchObject({ label: "same period last year", kind: "relative" });
    expect(p?.refersBack).toBeUndefined();
  });

  it("reads the first nine months of a fiscal year as one fiscal period", () => {
    expect(only("during the first nine months of FY25")).toEqual({
      label: "first nine months of FY25",
      years: [2024, 2025],
      fiscalYear: 2025,
      kind: "fiscal",
    });
  });
});

describe("parts of a year with their months in brackets", () => {
  it("reads the months in brackets and the fiscal year after them as one fiscal period", () => {
    const [p] = findPeriods("during the first eight months (July-February) of fiscal year 2024-25");
    expect(p).toMatchObject({
      label: "first eight months (July-February) of fiscal year 2024-25",
      fiscalYear: 2025,
      years: [2024, 2025],
      kind: "fiscal",
    });
  });

  it("reads a half with its months in brackets as part of a calendar year", () => {
    const [p] = findPeriods("in the first half (January-June) of 2024");
    expect(p).toMatchObject({
      label: "first half (January-June) of 2024",
      years: [2024],
      kind: "calendar",
    });
  });

  it("parses a stored label with its year added back to the same fiscal year", () => {
    expect(findPeriods("July-February FY2024-25")[0]).toMatchObject({
      fiscalYear: 2025,
      kind: "fiscal",
    });
  });
});

describe("months of a year named relative to the article", () => {
  it("places the first eight months of the ongoing year in the article's year", () => {
    const [p] = findPeriods("In the first eight months of the ongoing year, trade rose");
    expect(p?.kind).toBe("relative");
    expect(p && resolveRelative(p, "2024-10-29")).toMatchObject({
      label: "first eight months of 2024",
      years: [2024],
      kind: "calendar",
    });
  });

  it("reads a seven-month period of this year as its first seven months", () => {
    const [p] = findPeriods("In the seven-month period of this year, an increase of 45 percent");
    expect(p && resolveRelative(p, "2024-08-08")?.label).toBe("first seven months of 2024");
  });

  it("places counted months of last fiscal year in Pakistan's fiscal year", () => {
    const [p] = findPeriods("the first 8 months of last fiscal year");
    expect(p && resolveRelative(p, "2024-08-08")).toMatchObject({ fiscalYear: 2024 });
  });
});

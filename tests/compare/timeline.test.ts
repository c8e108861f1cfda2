import { describe, expect, it } from "vitest";
import { comparePlaced, type PlacedPeriod, placePeriod } from "../../src/compare/timeline";

const place = (written: string | null, published: string | null = null, sentence?: string) =>
  placePeriod(written, { published, sentence });

const placed = (written: string): PlacedPeriod => {
  const p = place(written);
  if (!p) throw new Error(`${written} was not placed`);
  return p;
};

/** The labels of periods as written, put in time order. */
const ordered = (...written: string[]) =>
  written
    .map(placed)
    .sort(comparePlaced)
    .map((p) => p.label);

describe("placing a period in time", () => {
  it("reads Pakistan's fiscal year as July to June, however it is written", () => {
    const forms = ["FY2022-23", "fiscal year 2022-23", "FY23", "fiscal year 2023", "2022-23"];
    for (const form of forms) {
      expect(place(form), form).toEqual({
        first: 2022 * 12 + 6,
        last: 2023 * 12 + 5,
        label: "FY2022-23",
      });
    }
  });

  it("puts FY2022-23 after 2022 and before 2023, and 2023 before FY2023-24", () => {
    expect(ordered("FY2023-24", "2023", "FY2022-23", "2022")).toEqual([
      "2022",
      "FY2022-23",
      "2023",
      "FY2023-24",
    ]);
    expect(ordered("calendar year 2024", "FY24", "FY25")).toEqual([
      "FY2023-24",
      "2024",
      "FY2024-25",
    ]);
  });

  it("orders months, quarters and halves by when they fall", () => {
    expect(
      ordered("first half of 2024", "March 2024", "Q3 2024", "January 2024", "Q1 2024", "2024"),
    ).toEqual(["Jan 2024", "Q1 2024", "Mar 2024", "H1 2024", "2024", "Q3 2024"]);
  });

  it("places parts of a fiscal year in the calendar months they cover", () => {
    expect(place("July-March FY24")).toMatchObject({
      first: 2023 * 12 + 6,
      last: 2024 * 12 + 2,
      label: "Jul–Mar FY2023-24",
    });
    expect(place("first quarter of fiscal year 2025")?.label).toBe("Q1 FY2024-25");
    expect(place("July to September FY2024-25")?.label).toBe("Q1 FY2024-25");
    expect(ordered("FY2024-25", "July-January FY25", "FY2023-24")).toEqual([
      "FY2023-24",
      "Jul–Jan FY2024-25",
      "FY2024-25",
    ]);
  });

  it("counts 'the same period last year' from the period its sentence names", () => {
    const sentence =
      "Exports declined by 29.6 per cent to $512 million during July-January FY25 from $727 million in the same period last year.";
    expect(place("same period last year", null, sentence)?.label).toBe("Jul–Jan FY2023-24");
    expect(
      place(
        "a year earlier",
        null,
        "Trade was $512 million in 2023-24, up from $397m a year earlier.",
      )?.label,
    ).toBe("FY2022-23");
  });

  it("counts 'last year' from the article's date, and cannot place it without one", () => {
    expect(place("last year", "2025-03-04")?.label).toBe("2024");
    expect(place("last fiscal year", "2025-03-04")?.label).toBe("FY2023-24");
    expect(place("last year", null)).toBeNull();
  });

  it("does not place what names no year", () => {
    expect(place("March 4")).toBeNull();
    expect(place("next three years")).toBeNull();
    expect(place(null)).toBeNull();
  });
});

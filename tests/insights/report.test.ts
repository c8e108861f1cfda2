import { describe, expect, it } from "vitest";
import { normaliseQuestion } from "../../src/insights/question-text";
import { buildReport, clusterGroups, NOTHING_RECORDED } from "../../src/insights/report";
import type { QuestionGroup, StoreSummary } from "../../src/insights/store";

function group(
  question: string,
  count: number,
  missing: string[],
  partners: string[] = [],
): QuestionGroup {
  return {
    questionNorm: normaliseQuestion(question),
    question,
    count,
    lastAskedAt: 0,
    missing: missing.map((value) => ({ value, count })),
    partners,
  };
}

const WINDOW = { days: 30, since: Date.UTC(2025, 0, 1), retentionDays: 90 };

describe("grouping unanswered questions", () => {
  it("makes one entry of questions that ask the same thing, with their summed count and what was missing", () => {
    const summary: StoreSummary = {
      ...NOTHING_RECORDED,
      questions: 9,
      unanswered: [
        group("What is Pakistan's trade with Brazil?", 2, ["no article about Brazil"], ["Brazil"]),
        group(
          "How much does Pakistan trade with Brazil?",
          1,
          ["no article about Brazil"],
          ["Brazil"],
        ),
        group("Pakistan Brazil trade", 1, ["no article about Brazil"], ["Brazil"]),
        group("What is Pakistan's trade with Chile?", 3, ["no article about Chile"], ["Chile"]),
        group("Who is Brazil's ambassador?", 1, ["no official in the corpus fits the question"]),
      ],
    };
    const report = buildReport(summary, WINDOW);
    expect(report.unanswered).toEqual([
      {
        question: "What is Pakistan's trade with Brazil?",
        count: 4,
        missing: ["no article about Brazil"],
        partners: ["Brazil"],
      },
      {
        question: "What is Pakistan's trade with Chile?",
        count: 3,
        missing: ["no article about Chile"],
        partners: ["Chile"],
      },
      {
        question: "Who is Brazil's ambassador?",
        count: 1,
        missing: ["no official in the corpus fits the question"],
        partners: [],
      },
    ]);
  });

  it("does not join questions of similar words about different partners", () => {
    const clusters = clusterGroups([
      group("Pakistan bilateral trade volume with Brazil in 2023", 1, [], ["Brazil"]),
      group("Pakistan bilateral trade volume with Chile in 2023", 1, [], ["Chile"]),
    ]);
    expect(clusters).toHaveLength(2);
  });

  it("lists what was missing most often first when a group's questions lacked different things", () => {
    const report = buildReport(
      {
        ...NOTHING_RECORDED,
        unanswered: [
          {
            ...group("Japan exports in 2030", 3, []),
            missing: [
              { value: "no figure for 2030", count: 3 },
              { value: "no figure in the corpus measures what is asked", count: 1 },
            ],
          },
        ],
      },
      WINDOW,
    );
    expect(report.unanswered[0]?.missing).toEqual([
      "no figure for 2030",
      "no figure in the corpus measures what is asked",
    ]);
  });

  it("states the share answered, or none when nothing was asked", () => {
    expect(
      buildReport({ ...NOTHING_RECORDED, questions: 4, answered: 3 }, WINDOW).answeredShare,
    ).toBe(0.75);
    const empty = buildReport(NOTHING_RECORDED, WINDOW);
    expect(empty.answeredShare).toBeNull();
    expect(empty.since).toBe("2025-01-01T00:00:00.000Z");
  });

  it("shows at most ten entries, the most asked", () => {
    const many = Array.from({ length: 15 }, (_, i) => group(`Exports in ${2000 + i}`, i + 1, []));
    const report = buildReport({ ...NOTHING_RECORDED, unanswered: many }, WINDOW);
    expect(report.unanswered.map((u) => u.count)).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6]);
  });
});

import { describe, expect, it } from "vitest";
import {
  askSameThing,
  normaliseQuestion,
  questionTerms,
  scrubQuestion,
} from "../../src/insights/question-text";

const terms = (question: string) => questionTerms(question);
const same = (a: string, b: string) => askSameThing(terms(a), terms(b));

describe("scrubQuestion", () => {
  it("keeps the question but no mention or Discord id that could name a person", () => {
    expect(
      scrubQuestion("<@123456789012345678> and <@!223456789012345678> ask <@&3456> in <#4567>"),
    ).toBe("@user and @user ask @role in #channel");
    expect(scrubQuestion("my id is 423456789012345678, trade with Japan?")).toBe(
      "my id is [id], trade with Japan?",
    );
  });

  it("keeps figures and years, collapses whitespace and caps the length", () => {
    expect(scrubQuestion("  Was trade $1.26 billion\n in 2023? ")).toBe(
      "Was trade $1.26 billion in 2023?",
    );
    expect(scrubQuestion("x".repeat(900))).toHaveLength(500);
  });
});

describe("normaliseQuestion", () => {
  it("folds case, punctuation, curly apostrophes and possessives", () => {
    expect(normaliseQuestion("What is Pakistan’s trade with BRAZIL??")).toBe(
      "what is pakistan trade with brazil",
    );
    expect(normaliseQuestion("WHAT IS PAKISTAN'S TRADE WITH BRAZIL")).toBe(
      normaliseQuestion("What is Pakistan's trade, with Brazil?"),
    );
  });
});

describe("askSameThing", () => {
  it("joins rewordings of one question", () => {
    expect(
      same("What is Pakistan's trade with Brazil?", "How much does Pakistan trade with Brazil?"),
    ).toBe(true);
    expect(same("What is Pakistan's trade with Brazil?", "Pakistan–Brazil trade")).toBe(true);
    expect(same("What is Pakistans trade with Brazil", "pakistan trade with brazil?")).toBe(true);
  });

  it("forgives a typo in a long word", () => {
    expect(same("Pakistan trade with Brazil", "Pakistan trade with Brazl")).toBe(true);
  });

  it("keeps apart questions about another partner, year or topic", () => {
    expect(
      same("What is Pakistan's trade with Brazil?", "What is Pakistan's trade with Chile?"),
    ).toBe(false);
    expect(same("trade with Iran", "trade with Iraq")).toBe(false);
    expect(same("Trade with the US?", "Trade with the UK?")).toBe(false);
    expect(same("Pakistan Brazil trade in 2023", "Pakistan Brazil trade in 2024")).toBe(false);
    expect(same("What is Pakistan's trade with Brazil?", "Who is the ambassador of Brazil?")).toBe(
      false,
    );
    expect(
      same("What is Pakistan's trade with Brazil?", "What are Pakistan's exports to Brazil?"),
    ).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { buildEngine } from "../../src/engine";
import { articleOf } from "../compare/figure-in";

/** The vice premier is quoted on CPEC's second phase; the article names him once by name. */
const engine = buildEngine([
  articleOf(
    "china-vice-premier",
    [
      "ISLAMABAD, July 30 (Xinhua) -- Chinese Vice Premier He Lifeng arrived in Islamabad on Tuesday for a three-day visit, during which the two countries agreed to launch the second phase of the China-Pakistan Economic Corridor (CPEC).",
      "\"CPEC phase two will be about industry, agriculture, mining and people's livelihoods,\" He said at a ceremony at the Prime Minister's Office.",
      "Prime Minister Shehbaz Sharif said Pakistan would ensure the security of Chinese workers.",
    ],
    "2025-07-30",
  ),
]);

describe("a quote question that names the speaker by office", () => {
  it("answers 'what did the vice premier say about …' with the vice premier's words", () => {
    const a = engine.ask("What did the vice premier say about the second phase of CPEC?");
    expect(a.answered).toBe(true);
    expect(a.text).toContain("industry, agriculture, mining");
    expect(a.officials.map((o) => o.name)).toEqual(["He Lifeng"]);
  });

  it("reads '…, according to the vice premier?' as asking for the vice premier's words", () => {
    const a = engine.ask(
      "What will the second phase of CPEC focus on, according to the vice premier?",
    );
    expect(a.answered).toBe(true);
    expect(a.text).toContain("industry, agriculture, mining");
  });

  it("gives no one's words when the office names nobody in the corpus", () => {
    const a = engine.ask("What did the Indonesian trade minister say about palm oil?");
    expect(a.answered).toBe(false);
  });
});

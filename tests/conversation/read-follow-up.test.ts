import { describe, expect, it } from "vitest";
import { readFollowUp } from "../../src/conversation/read-follow-up";
import { samePeriod, slotsOf } from "../../src/conversation/slots";
import type { ConversationState } from "../../src/conversation/state";

/** People the corpus knows, as the engine would name them. */
const PEOPLE = ["Jam Kamal Khan", "Kamran Ahmed Siddiqui"];
const personNamed = (run: string): string | null =>
  PEOPLE.find((name) => name.toLowerCase().split(" ").includes(run.toLowerCase())) ??
  PEOPLE.find((name) => name.toLowerCase() === run.toLowerCase()) ??
  null;

const japanTrade: ConversationState = {
  partners: ["Japan"],
  measure: "trade volume",
  period: "FY2022-23",
  person: null,
  kind: "amount",
  cited: { articleId: "pakistan-japan-trade-ties", passageId: "p#5", start: 10, end: 90 },
};
const read = (question: string, last: ConversationState | null = japanTrade) =>
  readFollowUp(question, last, personNamed);

describe("reading a follow-up against the last turn", () => {
  it("reads every question on its own when there is no last turn", () => {
    expect(read("and exports?", null)).toEqual({ type: "new" });
  });

  it("keeps the partner and period for another measure: “and exports?”", () => {
    expect(read("and exports?")).toEqual({
      type: "follow-up",
      question: "and exports?",
      slots: { partners: ["Japan"], measure: "exports", period: "FY2022-23", person: null },
      carried: ["partners", "period"],
    });
  });

  it("keeps the partner and measure for another period: “what about 2021?”", () => {
    expect(read("what about 2021?")).toMatchObject({
      type: "follow-up",
      slots: { partners: ["Japan"], measure: "trade volume", period: "2021" },
      carried: ["partners", "measure"],
    });
    expect(read("And in FY24?")).toMatchObject({ slots: { period: "FY24" } });
  });

  it("swaps the partner and keeps the rest: “and China?”", () => {
    expect(read("and China?")).toMatchObject({
      type: "follow-up",
      slots: { partners: ["China"], measure: "trade volume", period: "FY2022-23" },
      carried: ["measure", "period"],
    });
    expect(read("how about the US?")).toMatchObject({ slots: { partners: ["United States"] } });
  });

  it("reads a fragment without a question word as a follow-up", () => {
    expect(read("exports in 2021?")).toMatchObject({
      type: "follow-up",
      slots: { partners: ["Japan"], measure: "exports", period: "2021" },
      carried: ["partners"],
    });
    expect(read("China?")).toMatchObject({ carried: ["measure", "period"] });
  });

  it("reads a question that points back and names no partner of its own as a follow-up", () => {
    expect(read("How much was it in 2021?")).toMatchObject({
      type: "follow-up",
      slots: { partners: ["Japan"], measure: "trade volume", period: "2021" },
    });
  });

  it("answers a question complete in itself on its own, with nothing carried", () => {
    expect(read("What was Pakistan's trade with China in FY2023-24?")).toEqual({ type: "new" });
    expect(read("Who is the Federal Minister for Commerce?")).toEqual({ type: "new" });
    expect(read("trade with China in 2021?")).toEqual({ type: "new" });
    expect(read("thanks!")).toEqual({ type: "new" });
  });

  it("asks which when a follow-up points back at nothing in particular: “and that?”", () => {
    for (const question of ["and that?", "and?", "what about it?", "And those?", "and then?"]) {
      expect(read(question), question).toEqual({ type: "unclear" });
    }
  });

  it("knows “who said that?” in its common forms", () => {
    for (const question of ["who said that?", "Who said it", "and who said that?", "says who?"]) {
      expect(read(question), question).toEqual({ type: "speaker" });
    }
    expect(read("Who said Pakistan's exports fell?")).not.toEqual({ type: "speaker" });
  });

  it("puts the person talked about in place of he or she, and carries nothing else", () => {
    const aboutHim = { ...japanTrade, person: "Kamran Ahmed Siddiqui" };
    expect(read("what else did he say?", aboutHim)).toEqual({
      type: "follow-up",
      question: "what else did Kamran Ahmed Siddiqui say?",
      slots: { partners: [], measure: null, period: null, person: "Kamran Ahmed Siddiqui" },
      carried: ["person"],
    });
    expect(read("what did she say?")).toEqual({ type: "unclear" });
  });

  it("names a person the corpus knows rather than reading the name as a measure", () => {
    expect(slotsOf("and Jam Kamal Khan?", personNamed)).toEqual({
      partners: [],
      period: null,
      measure: null,
      person: "Jam Kamal Khan",
    });
    expect(slotsOf("What were Pakistan's IT exports in fiscal year 2023?", personNamed)).toEqual({
      partners: [],
      period: "fiscal year 2023",
      measure: "IT exports",
      person: null,
    });
  });
});

describe("samePeriod", () => {
  it("holds a fiscal year however it is written, and nothing else", () => {
    expect(samePeriod("FY2022-23", "fiscal year 2022-23")).toBe(true);
    expect(samePeriod("FY23", "FY2022-23")).toBe(true);
    expect(samePeriod("2021", "2021")).toBe(true);
    expect(samePeriod("2023", "fiscal year 2023")).toBe(false);
    expect(samePeriod("FY2022-23", "FY2023-24")).toBe(false);
    expect(samePeriod("FY25", "July-March FY25")).toBe(false);
    expect(samePeriod("2021", null)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { planQuestion, splitQuestion } from "../../src/answer/question";

describe("planning a question", () => {
  it.each([
    ["How many Japanese companies operate in Pakistan?", "count"],
    ["What was the trade volume between Pakistan and Japan?", "amount"],
    ["How much were Pakistan's IT exports in fiscal year 2023?", "amount"],
    ["What GDP growth rate is the Prime Minister targeting?", "share"],
    ["What percentage of exports go to the EU?", "share"],
    ["Who is Haroon Akhtar Khan?", "who"],
    ["Who chairs the Special Technology Zones Authority?", "who"],
    ["What did Matsuo Takehiko say about Japanese automakers?", "quote"],
    ["When was the Special Investment Facilitation Council formed?", "when"],
    ["Where will World Expo 2025 take place?", "where"],
    ["Why are Japanese automakers wary?", "why"],
    ["Which sectors did Jam Kamal Khan identify for cooperation with Japan?", "which"],
    ["Tell me about biofuels", "other"],
  ])("reads %j as a %s question", (question, kind) => {
    expect(planQuestion(question).kind).toBe(kind);
  });

  it("names the partner by its canonical name and leaves Pakistan out of the partners", () => {
    const plan = planQuestion("What was bilateral trade between the United States and Pakistan?");
    expect(plan.partners).toEqual(["United States"]);
    expect(plan.mentionsPakistan).toBe(true);
  });

  it("reads a demonym as the partner and keeps the topic free of it", () => {
    const plan = planQuestion("How many Japanese companies operate in Pakistan?");
    expect(plan.partners).toEqual(["Japan"]);
    expect(plan.topic).toEqual(["compa", "oper"]);
  });

  it("keeps an acronym that is spelled like a function word as a topic term", () => {
    expect(planQuestion("What were IT exports?").topic).toContain("it_");
  });

  it("finds the fiscal year asked about and keeps it out of the topic", () => {
    const plan = planQuestion("How much were Pakistan's IT exports in fiscal year 2023?");
    expect(plan.periods.map((p) => p.fiscalYear)).toEqual([2023]);
    expect(plan.topic).not.toContain("2023");
  });

  it("does not turn a relative period into a constraint", () => {
    expect(planQuestion("What were exports to China last year?").periods).toEqual([]);
  });

  it("notices a question about a goal rather than a reported value", () => {
    expect(planQuestion("What is Pakistan's target for annual IT exports?").asksTarget).toBe(true);
    expect(planQuestion("What were Pakistan's IT exports?").asksTarget).toBe(false);
  });

  it("collects capitalised runs that may name a person", () => {
    expect(planQuestion("What did Matsuo Takehiko say?").nameCandidates).toEqual([
      "Matsuo Takehiko",
    ]);
  });
});

describe("the side of the trade a question asks about", () => {
  it("reads what a partner buys from Pakistan as Pakistan's exports", () => {
    expect(planQuestion("How much did Britain buy from Pakistan last year?").topic).toEqual([
      "expor",
    ]);
  });

  it("reads what a partner sells to Pakistan as Pakistan's imports", () => {
    expect(planQuestion("How much does Indonesia sell to Pakistan?").topic).toEqual(["impor"]);
  });

  it("keeps a measure the partner reports as it is named", () => {
    expect(planQuestion("What were EU imports from Pakistan in 2023?").topic).toEqual(["impor"]);
  });
});

describe("splitting a question asked in parts", () => {
  it("splits two questions joined by a comma and 'and'", () => {
    expect(splitQuestion("How many MoUs did Saudi Arabia sign, and what were they worth?")).toEqual(
      ["How many MoUs did Saudi Arabia sign", "what were they worth?"],
    );
  });

  it("keeps an attributed question whole: 'according to …, what …' is one question", () => {
    const q =
      "According to the unnamed commerce ministry official, what really holds back Pakistani exporters?";
    expect(splitQuestion(q)).toEqual([q]);
  });
});

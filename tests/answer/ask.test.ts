import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load";
import { buildEngine } from "../../src/engine";
import type { Engine } from "../../src/types";

let engine: Engine;
beforeAll(async () => {
  const { articles } = await loadCorpus("corpus");
  engine = buildEngine(articles);
});

describe("asking the seed corpus the way people type", () => {
  it.each([
    ["pak-japan trade volume?", "$1.26 billion"],
    ["trade btw japan n pakistan", "$1.26 billion"],
    ["japan trade fy 2022-23", "$1.26 billion"],
    ["where is the 2025 world expo", "Osaka"],
    ["japanese cos in pakistan", "70"],
    ["who is pakistans commerce minister", "Jam Kamal Khan"],
    ["who's the trade minister", "Jam Kamal Khan"],
  ])("answers %j with %s", (question, expected) => {
    const a = engine.ask(question);
    expect(a.answered).toBe(true);
    expect(a.text).toContain(expected);
  });

  it("never answers the commerce minister question with Japan's Vice-Minister", () => {
    for (const q of ["who is pakistans commerce minister", "who's the trade minister"]) {
      expect(engine.ask(q).text).not.toContain("Matsuo");
    }
  });

  it("declines small talk with an example question", () => {
    const a = engine.ask("thanks!");
    expect(a.answered).toBe(false);
    expect(a.missing).toEqual(["a question"]);
  });

  it("says a partner no article covers is not covered, even misspelt", () => {
    const a = engine.ask("pakistan chian trade volume");
    expect(a.answered).toBe(false);
    expect(a.missing).toEqual(["no article about China"]);
  });
});

describe("a near miss", () => {
  it("tells the figure the articles give for another period, unanswered, and cites it", () => {
    const a = engine.ask("What was the trade volume between Pakistan and Japan in 2024?");
    expect(a.answered).toBe(false);
    expect(a.text).toContain(
      "The articles give $1.26 billion for fiscal year 2022-23, not for 2024",
    );
    expect(a.citations[0]?.excerpt).toContain("$1.26 billion");
    expect(a.figures).toEqual([]);
  });
});

describe("explaining an answer", () => {
  it("gives the question as read, the plan, the candidates with their scores and the decision", () => {
    const a = engine.ask("whats pak-japan trade volume?", { explain: true });
    const e = a.explanation;
    expect(e?.normalised).toBe("what is Pakistan Japan trade volume?");
    expect(e?.changes).toContain("whats → what is");
    const part = e?.parts[0];
    expect(part?.plan).toMatchObject({ kind: "amount", partners: ["Japan"] });
    expect(part?.decision).toMatch(/^answered by the figure/);
    expect(part?.candidates[0]?.what).toContain("$1.26 billion");
    expect(part?.candidates[0]?.features).toHaveProperty("partner", 1);
    expect(part?.candidates.length).toBeLessThanOrEqual(5);
  });

  it("is left out unless asked for", () => {
    expect(engine.ask("pak-japan trade volume?").explanation).toBeUndefined();
  });
});

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/types";
import { expectGrounded, seedEngine } from "./seed-engine";

/**
 * The grounding invariant on questions built from the corpus's own words, the questions most
 * likely to reach deep into the figure, official and passage answers: every citation excerpt is
 * the article body's text at its span, every figure and quote stands in its article, and every
 * figure an answer rests on is inside one of its cited excerpts.
 */

const STARTS = [
  "What was the",
  "How much",
  "How many",
  "What share of",
  "When did",
  "Who is",
  "What did",
  "Which",
  "Why did",
  "Where is",
  "",
];
const ENDS = [
  "?",
  "",
  " say?",
  " in 2023?",
  " between Pakistan and Japan?",
  " according to the FBR?",
];

/** Whitespace runs collapsed, as the contract allows excerpts to be compared. */
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

describe("the grounding invariant on questions made of corpus words", () => {
  let engine: Engine;
  let words: string[];
  let windows: string[];
  let names: string[];

  beforeAll(async () => {
    engine = await seedEngine();
    const bodies = engine.sources().map((s) => engine.article(s.id)?.body ?? "");
    words = [...new Set(bodies.flatMap((b) => b.match(/\p{L}[\p{L}\p{N}'’-]*|\d[\d,.]*/gu) ?? []))];
    // Runs of up to eight consecutive words: phrases the articles really contain.
    windows = bodies.flatMap((body) => {
      const tokens = body.split(/\s+/).filter(Boolean);
      const runs: string[] = [];
      for (let at = 0; at < tokens.length; at += 3) runs.push(tokens.slice(at, at + 8).join(" "));
      return runs;
    });
    names = [
      ...engine.officials().flatMap((o) => [o.name, ...o.aliases]),
      ...engine.partners(),
      ...engine.figures().flatMap((f) => [f.measure ?? "", f.period ?? "", f.value]),
    ].filter((n) => n.length > 0);
  });

  const question = () =>
    fc
      .tuple(
        fc.constantFrom(...STARTS),
        fc.array(
          fc.oneof(
            fc.constantFrom(...words),
            fc.constantFrom(...windows),
            fc.constantFrom(...names),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        fc.constantFrom(...ENDS),
      )
      .map(([start, middle, end]) => `${start} ${middle.join(" ")}${end}`.trim());

  it("has material to build questions from", () => {
    expect(words.length).toBeGreaterThan(300);
    expect(windows.length).toBeGreaterThan(100);
    expect(engine.figures().length).toBeGreaterThan(0);
    expect(engine.officials().length).toBeGreaterThan(0);
  });

  it("cites only verbatim spans of article bodies, and locates figures and quotes exactly", () => {
    fc.assert(
      fc.property(question(), (q) => {
        expectGrounded(engine, engine.ask(q));
      }),
      { numRuns: 120 },
    );
  });

  it("puts every figure an answer states inside one of its cited excerpts", () => {
    fc.assert(
      fc.property(question(), (q) => {
        const answer = engine.ask(q);
        if (!answer.answered) return;
        const cited = answer.citations.map((c) => squash(c.excerpt));
        for (const figure of answer.figures) {
          if (!answer.text.includes(figure.value)) continue;
          expect(
            cited.some((excerpt) => excerpt.includes(squash(figure.value))),
            `${q} → ${figure.value}`,
          ).toBe(true);
        }
      }),
      { numRuns: 120 },
    );
  });

  it("quotes an official's words only from a cited excerpt when the answer repeats them", () => {
    fc.assert(
      fc.property(question(), (q) => {
        const answer = engine.ask(q);
        if (!answer.answered) return;
        const cited = squash(answer.citations.map((c) => c.excerpt).join(" \n "));
        for (const official of answer.officials) {
          for (const quote of official.quotes) {
            if (!answer.text.includes(quote.text)) continue;
            expect(cited, `${q} → ${quote.text}`).toContain(squash(quote.text));
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});

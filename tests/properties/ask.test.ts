import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute } from "../../commands/ask";
import { renderAnswer } from "../../src/discord/render";
import type { Engine } from "../../src/types";
import { commandContext } from "../support/command-context";
import { EDGE_QUESTIONS, hostileQuestion } from "./hostile-text";
import { expectSafeReply } from "./safe-reply";
import { expectGrounded, seedEngine, timedAsk } from "./seed-engine";

/**
 * `engine.ask` over the seed corpus with any string a user could type: it never throws, stays
 * fast, cites only verbatim spans, and its answer renders to a safe Discord reply.
 */

/**
 * Per call, on the seed corpus; the slowest call measured is logged after the file: 30–68 ms on
 * 2026-11-30 with this file alone, 132 ms during the whole suite (2 cores, load average 8–10), a
 * typical call about 1 ms. A call over the bound is timed once more (`timedAsk`).
 */
const ASK_BOUND_MS = 200;
const QUESTION_KINDS = [
  "amount",
  "count",
  "share",
  "when",
  "who",
  "quote",
  "which",
  "why",
  "where",
  "other",
];

describe("engine.ask on hostile questions", () => {
  let engine: Engine;
  const slowest = { maxMs: 0 };

  beforeAll(async () => {
    engine = await seedEngine();
    // Warm up: the first call pays for lazy setup and JIT, not for the question.
    for (const question of [
      "What was the trade volume between Pakistan and Japan?",
      "𷲞 😀 پاکستان",
    ])
      engine.ask(question);
  });

  afterAll(() => {
    console.info(`slowest engine.ask on hostile questions: ${slowest.maxMs.toFixed(1)} ms`);
  });

  it("answers every extreme question (empty, 6,000 characters, mention floods) without throwing, in time", () => {
    for (const question of EDGE_QUESTIONS) {
      const { answer, ms } = timedAsk(engine, question, slowest, ASK_BOUND_MS);
      expect(ms, JSON.stringify(question.slice(0, 40))).toBeLessThan(ASK_BOUND_MS);
      expect(typeof answer.answered).toBe("boolean");
      expect(answer.text.trim().length).toBeGreaterThan(0);
      expectGrounded(engine, answer);
    }
  });

  it("returns a well-formed, grounded answer for any question, within the time bound", () => {
    fc.assert(
      fc.property(hostileQuestion(), (question) => {
        const { answer, ms } = timedAsk(engine, question, slowest, ASK_BOUND_MS);
        expect(ms).toBeLessThan(ASK_BOUND_MS);
        expect(typeof answer.answered).toBe("boolean");
        expect(QUESTION_KINDS).toContain(answer.kind);
        expect(answer.text.trim().length).toBeGreaterThan(0);
        expect(Array.isArray(answer.missing)).toBe(true);
        expectGrounded(engine, answer);
      }),
      { numRuns: 300 },
    );
  });

  it("renders any question's answer as a safe reply, through /ask and straight from the renderer", () => {
    fc.assert(
      fc.property(hostileQuestion(), fc.boolean(), (question, ephemeral) => {
        const { ctx } = commandContext(engine);
        expectSafeReply(execute({ question, private: ephemeral }, ctx));
        // /ask refuses questions over 500 characters; the renderer must cope with them anyway.
        expectSafeReply(renderAnswer(engine.ask(question), { questionKey: "K", ephemeral }));
      }),
      { numRuns: 200 },
    );
  });

  it("does not let the question leak a raw mention into the reply even when it is echoed as the title", () => {
    const { ctx } = commandContext(engine);
    for (const question of ["@everyone trade with Japan?", "<@&456> <@!123> <#789> @here"]) {
      const reply = execute({ question }, ctx);
      expectSafeReply(reply);
      expect(reply.embeds?.[0]?.title).toContain("\u200b");
    }
  });
});

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { execute } from "../../commands/ask";
import { converse } from "../../src/conversation/converse";
import { threadConversation } from "../../src/conversation/keys";
import type { ConversationState } from "../../src/conversation/state";
import type { Engine } from "../../src/types";
import { commandContext } from "../support/command-context";
import { hostileQuestion } from "./hostile-text";
import { expectSafeReply } from "./safe-reply";
import { expectGrounded, seedEngine } from "./seed-engine";

/**
 * A follow-up is whatever a user types next in a thread: read against a conversation, any text
 * never throws, answers in time, cites only verbatim spans and renders to a safe reply.
 */

/** Per turn, on the seed corpus, like `engine.ask`'s bound in `ask.test.ts`. */
const TURN_BOUND_MS = 200;

describe("a conversation's next turn on hostile text", () => {
  let engine: Engine;
  let japan: ConversationState;

  beforeAll(async () => {
    engine = await seedEngine();
    japan = converse(engine, "What was the trade volume between Pakistan and Japan?", null).state;
    expect(japan.partners).toEqual(["Japan"]);
  });

  it("is well formed, grounded and quick for any text, read against a conversation or none", () => {
    fc.assert(
      fc.property(
        hostileQuestion(["and", "what about", "who said that?", "he", "that"]),
        fc.boolean(),
        (question, within) => {
          const started = performance.now();
          const { answer, state } = converse(engine, question, within ? japan : null);
          // Timed once more when over the bound: a busy machine, not the question, is slow then.
          if (performance.now() - started > TURN_BOUND_MS) {
            const again = performance.now();
            converse(engine, question, within ? japan : null);
            expect(performance.now() - again).toBeLessThan(TURN_BOUND_MS);
          }
          expect(answer.text.trim().length).toBeGreaterThan(0);
          expectGrounded(engine, answer);
          expect(Array.isArray(state.partners)).toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("renders any follow-up in a thread as a safe reply", () => {
    const thread = threadConversation("900", "700");
    fc.assert(
      fc.property(hostileQuestion(["and", "what about", "who said that?"]), (question) => {
        const { ctx } = commandContext(engine, "1", { guildId: "900", conversationKey: thread });
        ctx.conversations.save(thread, japan);
        expectSafeReply(execute({ question }, ctx));
      }),
      { numRuns: 60 },
    );
  });
});

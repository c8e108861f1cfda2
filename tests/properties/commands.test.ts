import fc from "fast-check";
import { beforeAll, describe, it } from "vitest";
import { commands } from "../../commands";
import { type InteractionRequest, route } from "../../src/discord/router";
import type { Engine } from "../../src/types";
import { commandContext } from "../support/command-context";
import { hostileQuestion } from "./hostile-text";
import { expectSafeResponse } from "./safe-reply";
import { seedEngine } from "./seed-engine";

/**
 * Every slash command, autocomplete and button over the real seed engine with whatever a user
 * types: each response is a reply or choice list Discord accepts, with no mention anyone reads.
 */

describe("every command over the seed engine with hostile options", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await seedEngine();
  });

  const typed = hostileQuestion(["Japan", "Jam Kamal", "Matsuo", "trade volume", "2023"]);
  const request: fc.Arbitrary<InteractionRequest> = fc.oneof(
    fc.record({
      type: fc.constant("command" as const),
      name: fc.constantFrom("ask", "figures", "official", "sources", "help"),
      options: fc.record(
        {
          question: typed,
          private: fc.boolean(),
          partner: typed,
          measure: typed,
          period: typed,
          name: typed,
        },
        { requiredKeys: [] },
      ),
      userId: fc.constant("1"),
    }),
    fc.record({
      type: fc.constant("autocomplete" as const),
      name: fc.constantFrom("figures", "official"),
      focused: fc.record({ name: fc.constantFrom("partner", "name"), value: typed }),
      userId: fc.constant("1"),
    }),
  );

  it("answers any command or autocomplete within Discord's limits, then every button it offers", async () => {
    await fc.assert(
      fc.asyncProperty(request, async (req) => {
        const { ctx } = commandContext(engine);
        const { userId: _user, ...context } = ctx;
        const deps = { commands, context };
        const response = await route(req, deps);
        expectSafeResponse(response);
        if (response.type !== "reply" && response.type !== "update") return;
        const ids = (response.reply.components ?? []).flatMap((row) =>
          row.components.map((button) => button.custom_id),
        );
        for (const customId of ids) {
          expectSafeResponse(await route({ type: "button", customId, userId: "1" }, deps));
        }
      }),
      { numRuns: 150 },
    );
  });
});

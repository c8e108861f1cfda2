import { type Interaction, MessageFlags } from "discord.js";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index";
import type { Command } from "../../src/discord/command";
import { createInteractionHandler, FAILURE_NOTICE } from "../../src/discord/interactions";
import type { RouterDeps } from "../../src/discord/router";
import { createLogger } from "../../src/log";
import { commandContext } from "../support/command-context";
import { fakeEngine } from "../support/fake-engine";

/** Just enough of a discord.js chat-input interaction for the handler. */
function slashCommand(
  name: string,
  options: Record<string, string | boolean>,
  state = { replied: false, deferred: false },
) {
  const sent: { via: string; payload: unknown }[] = [];
  const interaction = {
    id: "1",
    guildId: "9",
    user: { id: "42" },
    commandName: name,
    options: { data: Object.entries(options).map(([n, value]) => ({ name: n, value })) },
    ...state,
    isChatInputCommand: () => true,
    isAutocomplete: () => false,
    isButton: () => false,
    isRepliable: () => true,
    reply: async (payload: unknown) => {
      sent.push({ via: "reply", payload });
    },
    followUp: async (payload: unknown) => {
      sent.push({ via: "followUp", payload });
    },
  };
  return { interaction: interaction as unknown as Interaction, sent };
}

function handler(extra: Command[] = []) {
  const { ctx } = commandContext(fakeEngine());
  const { userId: _user, ...context } = ctx;
  const deps: RouterDeps = { commands: [...commands, ...extra], context };
  const logs: string[] = [];
  const log = createLogger({ level: "debug", write: (line) => logs.push(line) });
  return { handle: createInteractionHandler(deps, log), logs };
}

const broken: Command = {
  data: { name: "broken", description: "b" },
  execute: () => {
    throw new Error("boom");
  },
};

describe("the discord.js interaction handler", () => {
  it("replies to a slash command with its options, no mentions and the ephemeral flag when private", async () => {
    const { handle } = handler();
    const { interaction, sent } = slashCommand("ask", {
      question: "Trade with Japan?",
      private: true,
    });
    await handle(interaction);
    expect(sent.length).toBe(1);
    const payload = sent[0]?.payload as Record<string, unknown>;
    expect(sent[0]?.via).toBe("reply");
    expect(payload.flags).toBe(MessageFlags.Ephemeral);
    expect(payload.allowedMentions).toEqual({ parse: [] });
    expect((payload.embeds as { title: string }[])[0]?.title).toBe("Trade with Japan?");
  });

  it("logs a failure and tells the user with a short ephemeral reply", async () => {
    const { handle, logs } = handler([broken]);
    const { interaction, sent } = slashCommand("broken", {});
    await handle(interaction);
    expect(sent).toEqual([
      {
        via: "reply",
        payload: {
          content: FAILURE_NOTICE,
          allowedMentions: { parse: [] },
          flags: MessageFlags.Ephemeral,
        },
      },
    ]);
    const entry = JSON.parse(logs.at(-1) ?? "{}");
    expect([entry.level, entry.msg, entry.command, entry.error.message]).toEqual([
      "error",
      "interaction failed",
      "broken",
      "boom",
    ]);
  });

  it("follows up instead when the interaction was already answered", async () => {
    const { handle } = handler([broken]);
    const { interaction, sent } = slashCommand("broken", {}, { replied: true, deferred: false });
    await handle(interaction);
    expect(sent.map((s) => s.via)).toEqual(["followUp"]);
  });

  it("keeps serving after a failure", async () => {
    const { handle } = handler([broken]);
    await handle(slashCommand("broken", {}).interaction);
    const { interaction, sent } = slashCommand("sources", {});
    await handle(interaction);
    expect(sent.map((s) => s.via)).toEqual(["reply"]);
  });
});

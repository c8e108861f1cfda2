import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index";
import type { Command } from "../../src/discord/command";
import { Cooldown } from "../../src/discord/cooldown";
import { type RouterDeps, route } from "../../src/discord/router";
import { commandContext } from "../support/command-context";
import { fakeEngine } from "../support/fake-engine";

function deps(extra: Partial<RouterDeps> = {}): RouterDeps {
  const { ctx } = commandContext(fakeEngine());
  const { userId: _user, ...context } = ctx;
  return { commands, context, ...extra };
}

describe("route", () => {
  it("sends a slash command to its module's execute", async () => {
    const response = await route(
      { type: "command", name: "ask", options: { question: "Trade with Japan?" }, userId: "1" },
      deps(),
    );
    expect(response.type).toBe("reply");
    expect(response.type === "reply" && response.reply.embeds?.[0]?.title).toBe(
      "Trade with Japan?",
    );
  });

  it("sends autocomplete to the module and returns choices", async () => {
    const response = await route(
      {
        type: "autocomplete",
        name: "figures",
        focused: { name: "partner", value: "ja" },
        userId: "1",
      },
      deps(),
    );
    expect(response).toEqual({ type: "choices", choices: [{ name: "Japan", value: "Japan" }] });
  });

  it("sends a button to the command named before the first colon, passing the rest", async () => {
    const seen: string[] = [];
    const probe: Command = {
      data: { name: "probe", description: "p" },
      execute: () => ({ content: "x", allowed_mentions: { parse: [] } }),
      button: (args) => {
        seen.push(args);
        return { kind: "update", reply: { content: "y", allowed_mentions: { parse: [] } } };
      },
    };
    const response = await route(
      { type: "button", customId: "probe:page:2:key", userId: "1" },
      deps({ commands: [probe] }),
    );
    expect(seen).toEqual(["page:2:key"]);
    expect(response.type).toBe("update");
  });

  it("answers an unknown command or button with an ephemeral note", async () => {
    const unknown = await route(
      { type: "command", name: "nope", options: {}, userId: "1" },
      deps(),
    );
    expect(unknown).toEqual({
      type: "reply",
      reply: {
        content: "Unknown command /nope.",
        ephemeral: true,
        allowed_mentions: { parse: [] },
      },
    });
    const button = await route({ type: "button", customId: "gone:1", userId: "1" }, deps());
    expect(button.type === "reply" && button.reply.content).toBe(
      "That button is not known any more.",
    );
  });

  it("applies the per-user cooldown to commands and buttons but not to autocomplete", async () => {
    const limited = deps({ cooldown: new Cooldown(1, 10, () => 0) });
    await route({ type: "command", name: "sources", options: {}, userId: "7" }, limited);
    const refused = await route(
      { type: "command", name: "sources", options: {}, userId: "7" },
      limited,
    );
    expect(refused).toEqual({
      type: "reply",
      reply: {
        content: "Easy there — you're asking quickly. Try again in 10 seconds.",
        ephemeral: true,
        allowed_mentions: { parse: [] },
      },
    });
    const complete = await route(
      { type: "autocomplete", name: "official", focused: { name: "name", value: "" }, userId: "7" },
      limited,
    );
    expect(complete.type).toBe("choices");
    const other = await route(
      { type: "command", name: "sources", options: {}, userId: "8" },
      limited,
    );
    expect(other.type === "reply" && other.reply.ephemeral).toBeFalsy();
  });

  it("lets a failing command's error reach the caller, which tells the user", async () => {
    const broken: Command = {
      data: { name: "broken", description: "b" },
      execute: () => {
        throw new Error("boom");
      },
    };
    await expect(
      route(
        { type: "command", name: "broken", options: {}, userId: "1" },
        deps({ commands: [broken] }),
      ),
    ).rejects.toThrow("boom");
  });
});

import { describe, expect, it } from "vitest";
import { autocomplete, data, execute } from "../../commands/official";
import { commandContext } from "../support/command-context";
import { expectWithinDiscordLimits } from "../support/discord-limits";
import { fakeEngine, matsuo } from "../support/fake-engine";

describe("/official", () => {
  it("has one optional, autocompleted name", () => {
    expect(data.options).toEqual([
      {
        type: 3,
        name: "name",
        description: "Part of a name, in any order, e.g. Haroon",
        required: false,
        max_length: 100,
        autocomplete: true,
      },
    ]);
  });

  it("looks the name up in the engine and shows the official", () => {
    const engine = fakeEngine();
    const { ctx } = commandContext(engine);
    const reply = execute({ name: "takehiko matsuo" }, ctx);
    expect(engine.calls.officials).toEqual(["takehiko matsuo"]);
    expect(reply.embeds?.[0]?.title).toBe("Matsuo Takehiko");
    expectWithinDiscordLimits(reply);
  });

  it("lists everyone without a name", () => {
    const engine = fakeEngine();
    const { ctx } = commandContext(engine);
    execute({}, ctx);
    expect(engine.calls.officials).toEqual([undefined]);
  });

  it("says when nobody matches", () => {
    const { ctx } = commandContext(fakeEngine());
    expect(execute({ name: "Nobody" }, ctx).content).toBe(
      "No official matches “Nobody”. Try part of a name, or /official without a name for everyone.",
    );
  });

  it("autocompletes names through the engine's matching, at most 25", () => {
    const crowd = Array.from({ length: 30 }, (_, i) => ({ ...matsuo, name: `Matsuo ${i}` }));
    const { ctx } = commandContext(fakeEngine({ officials: crowd }));
    const choices = autocomplete({ name: "name", value: "mats" }, ctx);
    expect(choices.length).toBe(25);
    expect(choices[0]).toEqual({ name: "Matsuo 0", value: "Matsuo 0" });
  });
});

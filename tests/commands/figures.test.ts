import { describe, expect, it } from "vitest";
import { autocomplete, button, data, execute } from "../../commands/figures";
import { commandContext } from "../support/command-context";
import { expectWithinDiscordLimits } from "../support/discord-limits";
import { fakeEngine, makeFigure } from "../support/fake-engine";

const many = Array.from({ length: 12 }, (_, i) =>
  makeFigure({ value: `$${i + 1} billion`, partners: i % 2 === 0 ? ["Japan"] : ["United States"] }),
);

describe("/figures", () => {
  it("has three optional filters, partner autocompleted", () => {
    expect(data.options.map((o) => [o.name, o.required, "autocomplete" in o])).toEqual([
      ["partner", false, true],
      ["measure", false, false],
      ["period", false, false],
    ]);
  });

  it("passes only the given filters to the engine", () => {
    const engine = fakeEngine();
    const { ctx } = commandContext(engine);
    execute({ partner: " Japan ", period: "2022-23" }, ctx);
    execute({}, ctx);
    expect(engine.calls.figures).toEqual([{ partner: "Japan", period: "2022-23" }, {}]);
  });

  it("renders the first page and pages with Next and Previous through the query key", () => {
    const { ctx } = commandContext(fakeEngine({ figures: many }));
    const first = execute({}, ctx);
    expectWithinDiscordLimits(first);
    expect(first.embeds?.[0]?.footer?.text).toBe("Page 1 of 3");
    const next = first.components?.[0]?.components[1]?.custom_id ?? "";
    const second = button(next.slice("figures:".length), ctx);
    expect(second.kind).toBe("update");
    expect(second.reply.embeds?.[0]?.footer?.text).toBe("Page 2 of 3");
    expect(second.reply.embeds?.[0]?.fields?.[0]?.name).toBe("$6 billion — trade volume");
  });

  it("keeps the filter when paging", () => {
    const engine = fakeEngine({ figures: many });
    const { ctx } = commandContext(engine);
    const first = execute({ partner: "Japan" }, ctx);
    expect(first.embeds?.[0]?.footer?.text).toBe("Page 1 of 2");
    const next = first.components?.[0]?.components[1]?.custom_id ?? "";
    button(next.slice("figures:".length), ctx);
    expect(engine.calls.figures.at(-1)).toEqual({ partner: "Japan" });
  });

  it("answers an expired page button with a friendly note", () => {
    const { ctx } = commandContext(fakeEngine());
    const result = button("page:1:GONE000000", ctx);
    expect(result).toEqual({
      kind: "reply",
      reply: {
        content: "This list is too old to page through. Run /figures again.",
        ephemeral: true,
        allowed_mentions: { parse: [] },
      },
    });
  });

  it("autocompletes partners, those starting with the typed text first", () => {
    const { ctx } = commandContext(fakeEngine({ figures: many }));
    expect(autocomplete({ name: "partner", value: "" }, ctx)).toEqual([
      { name: "Japan", value: "Japan" },
      { name: "United States", value: "United States" },
    ]);
    expect(autocomplete({ name: "partner", value: "sta" }, ctx)).toEqual([
      { name: "United States", value: "United States" },
    ]);
  });

  it("offers at most 25 partner choices of at most 100 characters", () => {
    const partners = Array.from({ length: 40 }, (_, i) => `Land ${i} ${"far away ".repeat(20)}`);
    const { ctx } = commandContext(fakeEngine({ figures: [makeFigure({ partners })] }));
    const choices = autocomplete({ name: "partner", value: "land" }, ctx);
    expect(choices.length).toBe(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });
});

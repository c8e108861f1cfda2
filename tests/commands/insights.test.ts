import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { button, data, execute } from "../../commands/insights";
import type { CommandContext } from "../../src/discord/command";
import type { Reply } from "../../src/discord/payload";
import type { Surface } from "../../src/insights/store";
import { commandContext } from "../support/command-context";
import { expectWithinDiscordLimits } from "../support/discord-limits";
import { fakeEngine } from "../support/fake-engine";
import { askedEvent, scratchInsights } from "../support/insights";

const scratch = mkdtempSync(join(tmpdir(), "tijarat-insights-command-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let stores = 0;

/** A context whose insights are a real store in a scratch file. */
function withInsights(
  caller: { guildId: string | null; canManageServer: boolean },
  surface: Surface = "discord",
) {
  const { insights } = scratchInsights(join(scratch, `${++stores}`, "insights.db"), { surface });
  const { ctx } = commandContext(fakeEngine(), "555", caller);
  const context: CommandContext = { ...ctx, insights };
  const ask = (question: string, guildId: string | null, userId = "1") =>
    insights.asked(askedEvent(question, guildId, userId));
  return { ctx: context, insights, ask };
}

const text = (reply: Reply) =>
  [
    reply.content ?? "",
    ...(reply.embeds ?? []).flatMap((e) => [
      e.title ?? "",
      e.description ?? "",
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      e.footer?.text ?? "",
    ]),
  ].join("\n");

describe("/insights", () => {
  it("is for servers, and only shown to members with Manage Server", () => {
    expect(data.default_member_permissions).toBe("32");
    expect(data.contexts).toEqual([0]);
    expect(data.options.map((o) => [o.name, o.type, o.required])).toEqual([
      ["days", 4, false],
      ["forget", 5, false],
    ]);
  });

  it("refuses, privately, a member without Manage Server, whatever the server's settings", async () => {
    const { ctx, insights } = withInsights({ guildId: "g1", canManageServer: false });
    const reply = await execute({}, ctx);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe(
      "Only members with the Manage Server permission can see or erase insights.",
    );
    const pressed = await button("forget:yes", ctx);
    expect(pressed.reply.content).toContain("Manage Server");
    await insights.close();
  });

  it("refuses in a direct message, where there is no server to report on", async () => {
    const { ctx, insights } = withInsights({ guildId: null, canManageServer: false });
    expect((await execute({}, ctx)).content).toContain("Manage Server");
    const dm = { ...ctx, canManageServer: true };
    expect((await execute({}, dm)).content).toBe(
      "Use /insights in a server: it shows that server's questions.",
    );
    await insights.close();
  });

  it("shows the server's own questions privately: counts, unanswered with what was missing, within Discord's limits", async () => {
    const { ctx, insights, ask } = withInsights({ guildId: "g1", canManageServer: true });
    ask("What was trade with Japan?", "g1", "1");
    ask("Trade with China?", "g1", "2");
    ask("trade with china", "g1", "3");
    ask("Trade with Brazil?", "g2", "4");
    const reply = await execute({ days: 7 }, ctx);
    expect(reply.ephemeral).toBe(true);
    expectWithinDiscordLimits(reply);
    const shown = text(reply);
    expect(shown).toContain("Insights — this server, last 7 days");
    expect(shown).toContain("**3 questions** asked · **33%** answered (1) · **3 people** asked");
    expect(shown).toContain("1. **2×** Trade with China?\n  ↳ partner China");
    expect(shown).not.toContain("Brazil");
    expect(shown).toContain("Japan (1)");
    expect(shown).toContain("Kept 90 days");
    await insights.close();
  });

  it("shows hostile questions inert: no mention, no markdown, no ping", async () => {
    const { ctx, insights, ask } = withInsights({ guildId: "g1", canManageServer: true });
    ask("@everyone **buy** <@123456789012345678> `x` ".repeat(40), "g1");
    const reply = await execute({}, ctx);
    expectWithinDiscordLimits(reply);
    const shown = text(reply);
    expect(shown).not.toMatch(/@everyone/);
    expect(shown).toContain("@\u200beveryone \\*\\*buy\\*\\* @user \\`x\\`");
    expect(shown).not.toContain("123456789012345678");
    await insights.close();
  });

  it("asks before erasing, then erases this server's records only", async () => {
    const { ctx, insights, ask } = withInsights({ guildId: "g1", canManageServer: true });
    ask("Trade with China?", "g1");
    ask("Trade with Japan?", "g1");
    ask("Trade with Brazil?", "g2");
    const question = await execute({ forget: true }, ctx);
    expect(question.ephemeral).toBe(true);
    expect(question.content).toBe(
      "Erase every question and vote recorded in this server? This cannot be undone.",
    );
    const buttons = question.components?.[0]?.components.map((b) => [b.label, b.custom_id]);
    expect(buttons).toEqual([
      ["Erase them", "insights:forget:yes"],
      ["Keep them", "insights:forget:no"],
    ]);
    expect((await insights.report({ guildId: "g1" }, 30)).questions).toBe(2);

    const kept = await button("forget:no", ctx);
    expect(kept).toMatchObject({ kind: "update", reply: { content: "Nothing was erased." } });
    expect((await insights.report({ guildId: "g1" }, 30)).questions).toBe(2);

    const erased = await button("forget:yes", ctx);
    expect(erased.kind).toBe("update");
    expect(erased.reply.content).toBe("Erased 2 questions and 0 votes recorded in this server.");
    expect((await insights.report({ guildId: "g1" }, 30)).questions).toBe(0);
    expect((await insights.report({ guildId: "g2" }, 30)).questions).toBe(1);
    await insights.close();
  });

  it("in the console shows every server's questions, and erases only the console's", async () => {
    const { ctx, insights, ask } = withInsights(
      { guildId: null, canManageServer: true },
      "console",
    );
    ask("Trade with China?", null);
    ask("Trade with Brazil?", null);
    const shown = text(await execute({}, ctx));
    expect(shown).toContain("Insights — everywhere");
    expect(shown).toContain("**2 questions** asked");
    expect((await execute({ forget: true }, ctx)).content).toContain("recorded in the console?");
    expect((await button("forget:yes", ctx)).reply.content).toBe(
      "Erased 2 questions and 0 votes recorded in the console.",
    );
    await insights.close();
  });

  it("refuses days out of range with a note naming the option", async () => {
    const { ctx, insights } = withInsights({ guildId: "g1", canManageServer: true });
    expect((await execute({ days: 0 }, ctx)).content).toContain("`days`");
    await insights.close();
  });
});

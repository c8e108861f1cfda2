import { describe, expect, it } from "vitest";
import { command, data, NOT_ALLOWED, PASTE_MODAL_ID } from "../../commands/article";
import { commands } from "../../commands/index";
import type { CommandContext, CommandOptions } from "../../src/discord/command";
import { route } from "../../src/discord/router";
import { ArticleDesk } from "../../src/live/article-desk";
import { createLogger } from "../../src/log";
import { ReloadableEngine } from "../../src/reloadable-engine";
import { commandContext } from "../support/command-context";
import { fakeEngine } from "../support/fake-engine";

async function adminContext(): Promise<CommandContext> {
  const engine = await ReloadableEngine.load({ corpusDir: "corpus" });
  const articles = new ArticleDesk({
    engine,
    corpusDir: "corpus",
    cacheDir: null,
    allowLocalFiles: false,
    log: createLogger({ level: "error", write: () => {} }),
  });
  return { ...commandContext(engine).ctx, canManageServer: true, articles };
}

describe("/article", () => {
  it("is shown to Manage Server members in servers only", () => {
    expect(data.default_member_permissions).toBe("32");
    expect(data.contexts).toEqual([0]);
    expect(data.options.map((o) => o.name)).toEqual(["add", "remove", "list"]);
  });

  it("checks Manage Server on every interaction, whatever Discord showed", () => {
    const { ctx } = commandContext(fakeEngine());
    const tries: CommandOptions[] = [
      { subcommand: "add", url: "https://example.com/a" },
      { subcommand: "remove", id: "x" },
      { subcommand: "list" },
    ];
    for (const options of tries) {
      expect(command.execute(options, { ...ctx, canManageServer: false })).toMatchObject({
        content: NOT_ALLOWED,
        ephemeral: true,
      });
    }
    expect(
      command.autocomplete?.({ name: "id", value: "" }, { ...ctx, canManageServer: false }),
    ).toEqual([]);
  });

  it("says so where no corpus folder can be written", () => {
    const { ctx } = commandContext(fakeEngine());
    const reply = command.execute({ subcommand: "list" }, { ...ctx, canManageServer: true });
    expect(reply).toMatchObject({ content: expect.stringMatching(/no corpus folder/) });
  });

  it("opens the paste form without url or file, and refuses both at once", async () => {
    const ctx = await adminContext();
    expect(command.execute({ subcommand: "add" }, ctx)).toMatchObject({
      kind: "modal",
      modal: { custom_id: PASTE_MODAL_ID },
    });
    expect(
      command.execute(
        { subcommand: "add", url: "https://a.example/x", file: "https://cdn/x.md" },
        ctx,
      ),
    ).toMatchObject({ content: "Give a `url` or a `file`, not both." });
  });

  it("defers an add and answers with the refusal's reason, ephemerally", async () => {
    const ctx = await adminContext();
    const result = command.execute({ subcommand: "add", url: "ftp://example.com/a.html" }, ctx);
    expect(result).toMatchObject({ kind: "deferred", ephemeral: true });
    const reply = await (result as { reply: Promise<{ content?: string }> }).reply;
    expect(reply.content).toBe("Not added: only http and https pages can be added, not ftp: URLs.");
  });

  it("routes a submitted form to the command named before the colon, with the asker's permission", async () => {
    const { ctx } = commandContext(fakeEngine());
    const { userId: _user, ...context } = ctx;
    const response = await route(
      { type: "modal", customId: PASTE_MODAL_ID, fields: { title: "t", text: "x" }, userId: "1" },
      { commands, context },
    );
    expect(response).toMatchObject({ type: "reply", reply: { content: NOT_ALLOWED } });
  });
});

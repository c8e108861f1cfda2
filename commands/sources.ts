import type { Command, CommandContext, SlashCommandData } from "../src/discord/command";
import type { Reply } from "../src/discord/payload";
import { renderSources } from "../src/discord/render";

export const data = {
  name: "sources",
  description: "The articles Tijarat answers from, with what it found in each.",
} as const satisfies SlashCommandData;

export function execute(_options: unknown, ctx: CommandContext): Reply {
  return renderSources(ctx.engine.sources());
}

export const command: Command = { data, execute };

import { z } from "zod";
import { choicesFor } from "../src/discord/choices";
import {
  type Command,
  type CommandContext,
  type CommandOptions,
  OptionType,
  type SlashCommandData,
} from "../src/discord/command";
import { parseOptions } from "../src/discord/options";
import type { Choice, Reply } from "../src/discord/payload";
import { renderOfficials } from "../src/discord/render";

export const data = {
  name: "official",
  description: "An official named in the articles: title, organisation, country and quotes.",
  options: [
    {
      type: OptionType.String,
      name: "name",
      description: "Part of a name, in any order, e.g. Haroon",
      required: false,
      max_length: 100,
      autocomplete: true,
    },
  ],
} as const satisfies SlashCommandData;

const officialOptions = z.object({ name: z.string().trim().max(100).optional() });

export function execute(options: CommandOptions, ctx: CommandContext): Reply {
  const parsed = parseOptions(officialOptions, options);
  if (!parsed.ok) return parsed.reply;
  const name = parsed.value.name || undefined;
  return renderOfficials(name ?? "", ctx.engine.officials(name), (id) => ctx.engine.article(id));
}

/** Names (and other spellings) of the officials matching what was typed; fast enough for 3 s. */
export function autocomplete(
  focused: { name: string; value: string },
  ctx: CommandContext,
): Choice[] {
  if (focused.name !== "name") return [];
  const typed = focused.value.trim();
  const officials = ctx.engine.officials(typed || undefined);
  return choicesFor(
    officials.map((official) => official.name),
    "",
  );
}

export const command: Command = { data, execute, autocomplete };

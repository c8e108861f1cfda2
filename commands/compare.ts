import { z } from "zod";
import { comparePartners } from "../src/compare/compare";
import { BASE_ORDER } from "../src/compare/measure-meaning";
import { readPartnerList } from "../src/compare/partner-figures";
import { comparisonFor, MAX_PARTNERS } from "../src/compare/requests";
import { choicesFor } from "../src/discord/choices";
import {
  type Command,
  type CommandContext,
  type CommandOptions,
  OptionType,
  type SlashCommandData,
} from "../src/discord/command";
import { LIMITS } from "../src/discord/limits";
import { parseOptions } from "../src/discord/options";
import type { Choice, Reply } from "../src/discord/payload";
import { renderNotice } from "../src/discord/render";
import { renderComparison } from "../src/discord/render-compare";
import { escapeText, shorten } from "../src/discord/text";
import type { Engine } from "../src/types";

export const data = {
  name: "compare",
  description: "Two to four partners side by side: the same measures, each figure cited.",
  options: [
    {
      type: OptionType.String,
      name: "partners",
      description: "2–4 partner countries, separated by commas, e.g. Japan, United States",
      required: true,
      max_length: 200,
      autocomplete: true,
    },
    {
      type: OptionType.String,
      name: "measure",
      description: "Only this measure, e.g. bilateral trade, exports, remittances",
      required: false,
      max_length: 100,
      autocomplete: true,
    },
  ],
} as const satisfies SlashCommandData;

const compareOptions = z.object({
  partners: z.string().trim().min(1).max(200),
  measure: z.string().trim().max(100).optional(),
});

export function execute(options: CommandOptions, ctx: CommandContext): Reply {
  const parsed = parseOptions(compareOptions, options);
  if (!parsed.ok) return parsed.reply;
  const result = comparisonFor(ctx.engine, parsed.value.partners, parsed.value.measure);
  if (!result.ok) return renderNotice(escapeText(result.reason));
  return renderComparison(result.comparison, (id) => ctx.engine.article(id));
}

/** Completes the last partner of the list typed so far, keeping the ones before it. */
function partnerChoices(engine: Engine, typed: string): Choice[] {
  const cut = typed.lastIndexOf(",");
  const before = cut === -1 ? "" : `${typed.slice(0, cut + 1).trim()} `;
  const chosen = new Set(readPartnerList(engine, before).partners.map((p) => p.toLowerCase()));
  const names = engine.partners().filter((p) => !chosen.has(p.toLowerCase()));
  return choicesFor(names, typed.slice(cut + 1))
    .map((choice) => `${before}${choice.value}`)
    .filter((value) => value.length <= LIMITS.choiceValue)
    .map((value) => ({ name: shorten(value, LIMITS.choiceName), value }));
}

/** The measures the partners chosen so far have, else the usual trade measures. */
function measureChoices(engine: Engine, typed: string, options: CommandOptions): Choice[] {
  const partnersTyped = typeof options.partners === "string" ? options.partners : "";
  const { partners } = readPartnerList(engine, partnersTyped);
  const measures =
    partners.length > 0
      ? comparePartners(engine, partners.slice(0, MAX_PARTNERS)).rows.map((row) => row.measure)
      : [...BASE_ORDER];
  return choicesFor(measures, typed);
}

export function autocomplete(
  focused: { name: string; value: string },
  ctx: CommandContext,
  options: CommandOptions = {},
): Choice[] {
  if (focused.name === "partners") return partnerChoices(ctx.engine, focused.value);
  if (focused.name === "measure") return measureChoices(ctx.engine, focused.value, options);
  return [];
}

export const command: Command = { data, execute, autocomplete };

import { z } from "zod";
import { chartOffers } from "../src/compare/chart-data";
import { choicesFor } from "../src/discord/choices";
import {
  type ButtonResult,
  type Command,
  type CommandContext,
  type CommandOptions,
  OptionType,
  type SlashCommandData,
} from "../src/discord/command";
import { fitReply } from "../src/discord/fit";
import { parseOptions } from "../src/discord/options";
import { type Choice, ComponentKind, type Reply } from "../src/discord/payload";
import { renderFiguresPage, renderNotice } from "../src/discord/render";
import { chartButtons } from "../src/discord/render-compare";
import type { FigureFilter } from "../src/types";

export const data = {
  name: "figures",
  description: "The figures in the articles: value, measure, period, source and article.",
  options: [
    {
      type: OptionType.String,
      name: "partner",
      description: "A partner country, e.g. Japan",
      required: false,
      max_length: 100,
      autocomplete: true,
    },
    {
      type: OptionType.String,
      name: "measure",
      description: "What is measured, e.g. trade volume",
      required: false,
      max_length: 100,
    },
    {
      type: OptionType.String,
      name: "period",
      description: "A period, e.g. 2023",
      required: false,
      max_length: 100,
    },
  ],
} as const satisfies SlashCommandData;

const filterText = z.string().trim().max(100).optional();
const figuresOptions = z.object({ partner: filterText, measure: filterText, period: filterText });

export function execute(options: CommandOptions, ctx: CommandContext): Reply {
  const parsed = parseOptions(figuresOptions, options);
  if (!parsed.ok) return parsed.reply;
  const filter: FigureFilter = {};
  for (const key of ["partner", "measure", "period"] as const) {
    const value = parsed.value[key];
    if (value) filter[key] = value;
  }
  return page(filter, 0, ctx);
}

/** "Chart" buttons offered under a list: at most one row of them. */
const CHART_BUTTONS = 5;
/** Lists longer than this (everything, unfiltered) offer no chart: reading them all would be slow. */
const CHART_OFFER_LIMIT = 2000;

function page(filter: FigureFilter, pageNumber: number, ctx: CommandContext): Reply {
  const figures = ctx.engine.figures(filter);
  const reply = renderFiguresPage(figures, {
    filter,
    page: pageNumber,
    queryKey: ctx.figureQueries.remember(filter),
    article: (id) => ctx.engine.article(id),
    partners: ctx.engine.partners(),
  });
  // A measure the list gives for two or more periods can be drawn: offer it under the list.
  const offers = figures.length <= CHART_OFFER_LIMIT ? chartOffers(ctx.engine, figures) : [];
  const buttons = chartButtons(offers).slice(0, CHART_BUTTONS);
  if (buttons.length === 0) return reply;
  return fitReply({
    ...reply,
    components: [
      ...(reply.components ?? []),
      { type: ComponentKind.ActionRow, components: buttons },
    ],
  });
}

export function autocomplete(
  focused: { name: string; value: string },
  ctx: CommandContext,
): Choice[] {
  if (focused.name !== "partner") return [];
  return choicesFor(ctx.engine.partners(), focused.value);
}

/** `page:<n>:<key>`: replaces the list with page n of the same query. */
export function button(args: string, ctx: CommandContext): ButtonResult {
  const [action, pageText = "", key = ""] = args.split(":");
  const filter = ctx.figureQueries.recall(key);
  const pageNumber = Number.parseInt(pageText, 10);
  if (action !== "page" || !filter || !Number.isInteger(pageNumber)) {
    return {
      kind: "reply",
      reply: renderNotice("This list is too old to page through. Run /figures again."),
    };
  }
  return { kind: "update", reply: page(filter, pageNumber, ctx) };
}

export const command: Command = { data, execute, autocomplete, button };

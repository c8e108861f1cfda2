import { z } from "zod";
import { ChartRenderer } from "../src/chart/chart-renderer";
import { type ChartOutcome, chartableMeasures } from "../src/compare/chart-data";
import { resolvePartner } from "../src/compare/partner-figures";
import { chartFor } from "../src/compare/requests";
import { choicesFor } from "../src/discord/choices";
import {
  type ButtonResult,
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
import { parseChartButton, renderChart } from "../src/discord/render-compare";
import { escapeText, shorten } from "../src/discord/text";

export const data = {
  name: "chart",
  description: "A chart of one measure for a partner over the periods the articles give.",
  options: [
    {
      type: OptionType.String,
      name: "partner",
      description: "A partner country, e.g. China",
      required: true,
      max_length: 100,
      autocomplete: true,
    },
    {
      type: OptionType.String,
      name: "measure",
      description: "What to chart, e.g. bilateral trade (default: the measure with most periods)",
      required: false,
      max_length: 100,
      autocomplete: true,
    },
  ],
} as const satisfies SlashCommandData;

const chartOptions = z.object({
  partner: z.string().trim().min(1).max(100),
  measure: z.string().trim().max(100).optional(),
});

/**
 * Charts are drawn on a thread of their own (`src/chart/chart-renderer.ts`), started on first use
 * rather than with the commands, so starting the bot, the console or deploy-commands does not load
 * Vega and resvg. The bot starts it ahead of the first /chart through `prepare`.
 */
const renderer = new ChartRenderer();

export function prepare(): Promise<void> {
  return renderer.start();
}

async function chartReply(outcome: ChartOutcome): Promise<Reply> {
  if (!outcome.ok) return renderNotice(escapeText(outcome.reason), false);
  const image = await renderer.render(outcome.chart);
  return renderChart(outcome.chart, image.png);
}

export async function execute(options: CommandOptions, ctx: CommandContext): Promise<Reply> {
  const parsed = parseOptions(chartOptions, options);
  if (!parsed.ok) return parsed.reply;
  return chartReply(chartFor(ctx.engine, parsed.value.partner, parsed.value.measure));
}

export function autocomplete(
  focused: { name: string; value: string },
  ctx: CommandContext,
  options: CommandOptions = {},
): Choice[] {
  if (focused.name === "partner") return choicesFor(ctx.engine.partners(), focused.value);
  if (focused.name !== "measure") return [];
  const partner =
    typeof options.partner === "string" ? resolvePartner(ctx.engine, options.partner) : null;
  if (!partner) return [];
  const measures = chartableMeasures(ctx.engine, partner);
  const periods = new Map(measures.map((m) => [m.measure, m.periods]));
  return choicesFor(
    measures.map((m) => m.measure),
    focused.value,
  ).map((choice) => {
    const n = periods.get(choice.value) ?? 0;
    return {
      ...choice,
      name: shorten(`${choice.value} — ${n} period${n === 1 ? "" : "s"}`, LIMITS.choiceName),
    };
  });
}

/** `k:PARTNER:KEY`, from a "Chart" button under /figures: the chart as a new message. */
export async function button(args: string, ctx: CommandContext): Promise<ButtonResult> {
  const wanted = parseChartButton(args);
  if (!wanted) return { kind: "reply", reply: renderNotice("That chart button is not known.") };
  return {
    kind: "reply",
    reply: await chartReply(chartFor(ctx.engine, wanted.partner, { key: wanted.key })),
  };
}

export const command: Command = { data, execute, autocomplete, button, prepare };

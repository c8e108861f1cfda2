import { z } from "zod";
import {
  type ButtonResult,
  type Command,
  type CommandContext,
  CommandContextType,
  type CommandOptions,
  OptionType,
  Permission,
  type SlashCommandData,
} from "../src/discord/command";
import { parseOptions } from "../src/discord/options";
import type { Reply } from "../src/discord/payload";
import { renderNotice } from "../src/discord/render";
import { renderErased, renderForgetQuestion, renderInsights } from "../src/discord/render-insights";
import type { InsightsScope } from "../src/insights/store";

export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 3650;

export const data = {
  name: "insights",
  description: "What this server asked, what went unanswered, what was disliked (Manage Server).",
  // Hidden from members without Manage Server, and server-only; checked again on arrival, since
  // a server can change who sees a command.
  default_member_permissions: Permission.ManageGuild,
  contexts: [CommandContextType.Guild],
  options: [
    {
      type: OptionType.Integer,
      name: "days",
      description: `How many days back to look (default ${DEFAULT_DAYS}).`,
      required: false,
      min_value: 1,
      max_value: MAX_DAYS,
    },
    {
      type: OptionType.Boolean,
      name: "forget",
      description: "Erase every question and vote recorded in this server (asks first).",
      required: false,
    },
  ],
} as const satisfies SlashCommandData;

const insightsOptions = z.object({
  days: z.number().int().min(1).max(MAX_DAYS).optional(),
  forget: z.boolean().optional(),
});

const NOT_ALLOWED = "Only members with the Manage Server permission can see or erase insights.";
const NOT_HERE = "Use /insights in a server: it shows that server's questions.";

/** Whose records the caller may see and erase, and how to say so; null in a direct message. */
interface Scope {
  read: InsightsScope;
  erase: InsightsScope;
  /** Whose questions the report shows. */
  shows: string;
  /** Whose records forget erases, as in "Erased … recorded in this server". */
  where: string;
  whose: string;
}

function scopeOf(ctx: CommandContext): Scope | null {
  if (ctx.guildId) {
    const scope = { guildId: ctx.guildId };
    return {
      read: scope,
      erase: scope,
      shows: "this server",
      where: "in this server",
      whose: "this server's",
    };
  }
  // The console's user runs the bot: they see everything, and erase what the console recorded.
  if (ctx.insights.surface === "console") {
    return {
      read: { all: true },
      erase: { surface: "console" },
      shows: "everywhere",
      where: "in the console",
      whose: "the console's",
    };
  }
  return null;
}

export async function execute(options: CommandOptions, ctx: CommandContext): Promise<Reply> {
  const parsed = parseOptions(insightsOptions, options);
  if (!parsed.ok) return parsed.reply;
  if (!ctx.canManageServer) return renderNotice(NOT_ALLOWED);
  const scope = scopeOf(ctx);
  if (!scope) return renderNotice(NOT_HERE);
  if (parsed.value.forget) return renderForgetQuestion(scope.where);
  const days = parsed.value.days ?? DEFAULT_DAYS;
  const report = await ctx.insights.report(scope.read, days);
  return renderInsights(report, { shows: scope.shows, erases: scope.whose });
}

/** `forget:yes` erases, `forget:no` leaves everything; both check the caller again. */
export async function button(args: string, ctx: CommandContext): Promise<ButtonResult> {
  if (!ctx.canManageServer) return { kind: "reply", reply: renderNotice(NOT_ALLOWED) };
  const scope = scopeOf(ctx);
  if (!scope) return { kind: "reply", reply: renderNotice(NOT_HERE) };
  if (args === "forget:no") return { kind: "update", reply: renderNotice("Nothing was erased.") };
  if (args !== "forget:yes") {
    return { kind: "reply", reply: renderNotice("That button is not known any more.") };
  }
  const erased = await ctx.insights.erase(scope.erase);
  return { kind: "update", reply: renderErased(erased, scope.where) };
}

export const command: Command = { data, execute, button };

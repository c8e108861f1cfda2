import type { InsightsService } from "../insights/insights";
import type { Engine, FigureFilter } from "../types";
import type { Choice, Reply } from "./payload";
import type { RecentQueries } from "./recent";

/** Discord's application command option types used here. */
export const OptionType = { String: 3, Integer: 4, Boolean: 5 } as const;

export interface CommandOptionData {
  type: (typeof OptionType)[keyof typeof OptionType];
  name: string;
  description: string;
  required?: boolean;
  max_length?: number;
  min_value?: number;
  max_value?: number;
  autocomplete?: boolean;
}

/** A slash command definition exactly as sent to `PUT /applications/{id}/commands`. */
export interface SlashCommandData {
  name: string;
  description: string;
  options?: CommandOptionData[];
  /** Permission bits (a decimal string) a member needs to see the command; servers may change it. */
  default_member_permissions?: string;
  /** Where the command can be used: 0 servers, 1 the bot's DMs, 2 other DMs. */
  contexts?: number[];
}

export type OptionValue = string | number | boolean;
/** The options a user gave, by name, as Discord (or the console) delivers them. */
export type CommandOptions = Record<string, OptionValue>;

/** What an /ask answer's buttons need later: the question, whether it was answered, its record. */
export interface AskedQuestion {
  question: string;
  answered: boolean;
  /** The insights record of the question, so a 👍/👎 is kept with it. */
  recordId: string;
}

/** Who is asking, and where: filled in per interaction. */
export interface Caller {
  userId: string;
  /** The server the interaction came from; null in a direct message or the console. */
  guildId: string | null;
  /** Manage Server (or Administrator) where the interaction came from; true in the console. */
  canManageServer: boolean;
}

/** Everything a command may use; built once per process, except the caller. */
export interface CommandContext extends Caller {
  engine: Engine;
  questions: RecentQueries<AskedQuestion>;
  figureQueries: RecentQueries<FigureFilter>;
  /** Records questions and votes (never waiting, never throwing) and reads the report. */
  insights: InsightsService;
  now(): Date;
}

/** A button either answers with a new message or replaces the message it sits on. */
export type ButtonResult = { kind: "reply"; reply: Reply } | { kind: "update"; reply: Reply };

export interface Command {
  data: SlashCommandData;
  execute(options: CommandOptions, ctx: CommandContext): Reply | Promise<Reply>;
  /** `options`: what the user has filled in so far, besides the option being typed. */
  autocomplete?(
    focused: { name: string; value: string },
    ctx: CommandContext,
    options?: CommandOptions,
  ): Choice[];
  /** `args` is the custom_id after `name:`. */
  button?(args: string, ctx: CommandContext): ButtonResult | Promise<ButtonResult>;
  /** Loads what the command needs ahead of its first use (the bot calls it once logged in). */
  prepare?(): Promise<void>;
}

import type { Engine, FigureFilter } from "../types";
import type { FeedbackRecord } from "./feedback";
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
  autocomplete?: boolean;
}

/** A slash command definition exactly as sent to `PUT /applications/{id}/commands`. */
export interface SlashCommandData {
  name: string;
  description: string;
  options?: CommandOptionData[];
}

export type OptionValue = string | number | boolean;
/** The options a user gave, by name, as Discord (or the console) delivers them. */
export type CommandOptions = Record<string, OptionValue>;

/** What an /ask answer's buttons need later: the question and whether it was answered. */
export interface AskedQuestion {
  question: string;
  answered: boolean;
}

/** Everything a command may use; built once per process, except the user. */
export interface CommandContext {
  engine: Engine;
  userId: string;
  questions: RecentQueries<AskedQuestion>;
  figureQueries: RecentQueries<FigureFilter>;
  recordFeedback(record: FeedbackRecord): Promise<void>;
  now(): Date;
}

/** A button either answers with a new message or replaces the message it sits on. */
export type ButtonResult = { kind: "reply"; reply: Reply } | { kind: "update"; reply: Reply };

export interface Command {
  data: SlashCommandData;
  execute(options: CommandOptions, ctx: CommandContext): Reply;
  autocomplete?(focused: { name: string; value: string }, ctx: CommandContext): Choice[];
  /** `args` is the custom_id after `name:`. */
  button?(args: string, ctx: CommandContext): ButtonResult | Promise<ButtonResult>;
}

import type { ArticleDesk } from "../live/article-desk";
import type { Engine, FigureFilter } from "../types";
import type { FeedbackRecord } from "./feedback";
import type { Choice, Reply } from "./payload";
import type { RecentQueries } from "./recent";

/** Discord's application command option types used here. */
export const OptionType = {
  Subcommand: 1,
  String: 3,
  Integer: 4,
  Boolean: 5,
  Attachment: 11,
} as const;

export interface CommandOptionData {
  type: (typeof OptionType)[keyof typeof OptionType];
  name: string;
  description: string;
  required?: boolean;
  max_length?: number;
  autocomplete?: boolean;
  /** A subcommand's own options. */
  options?: CommandOptionData[];
}

/** Discord's interaction contexts: where a command may be used. */
export const CommandContextType = { Guild: 0, BotDM: 1, PrivateChannel: 2 } as const;

/** Discord's permission bits used here (as the decimal strings the API takes). */
export const Permission = { ManageGuild: "32" } as const;

/** A slash command definition exactly as sent to `PUT /applications/{id}/commands`. */
export interface SlashCommandData {
  name: string;
  description: string;
  options?: CommandOptionData[];
  /** Only members with these permissions see and may use it (server admins can widen it). */
  default_member_permissions?: string;
  contexts?: number[];
}

export type OptionValue = string | number | boolean;
/**
 * The options a user gave, by name, as Discord (or the console) delivers them. For a command with
 * subcommands, `subcommand` names the one chosen and its options sit beside it; an attachment
 * option holds the uploaded file's URL (in the console, a `file:` URL of a local path).
 */
export type CommandOptions = Record<string, OptionValue>;

/** The text inputs of a submitted modal, by custom_id. */
export type ModalFields = Record<string, string>;

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
  /**
   * Whether the person may manage the server (Discord's Manage Server permission, checked on the
   * interaction itself, not only the command's default permissions); the console's user may.
   */
  canManageServer?: boolean;
  /** Adding and removing articles, where the process can (absent: not offered). */
  articles?: ArticleDesk;
}

/** A reply that takes longer than Discord's 3 s: acknowledged at once, the reply edited in. */
export interface DeferredReply {
  kind: "deferred";
  ephemeral: boolean;
  reply: Promise<Reply>;
}

/** A Discord modal (a form), in the API's own shape. */
export interface Modal {
  custom_id: string;
  title: string;
  components: {
    type: 1;
    components: {
      type: 4;
      custom_id: string;
      label: string;
      /** 1 one line, 2 a paragraph. */
      style: 1 | 2;
      required?: boolean;
      min_length?: number;
      max_length?: number;
      placeholder?: string;
    }[];
  }[];
}

export interface ModalPrompt {
  kind: "modal";
  modal: Modal;
}

/** What a command answers: a reply now, a reply later, or a form to fill in. */
export type CommandResult = Reply | DeferredReply | ModalPrompt;

/** A button either answers with a new message or replaces the message it sits on. */
export type ButtonResult = { kind: "reply"; reply: Reply } | { kind: "update"; reply: Reply };

export interface Command {
  data: SlashCommandData;
  execute(options: CommandOptions, ctx: CommandContext): CommandResult;
  /** A submitted modal whose custom_id starts `name:`; `args` is the rest. */
  modal?(args: string, fields: ModalFields, ctx: CommandContext): Reply | DeferredReply;
  autocomplete?(focused: { name: string; value: string }, ctx: CommandContext): Choice[];
  /** `args` is the custom_id after `name:`. */
  button?(args: string, ctx: CommandContext): ButtonResult | Promise<ButtonResult>;
}

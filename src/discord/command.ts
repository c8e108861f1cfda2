import type { Conversations } from "../conversation/conversations";
import type { ConversationState } from "../conversation/state";
import type { InsightsService } from "../insights/insights";
import type { ArticleDesk } from "../live/article-desk";
import type { Engine, FigureFilter } from "../types";
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
  min_value?: number;
  max_value?: number;
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
  /** Only members with these permissions see it (a decimal string; servers may change it). */
  default_member_permissions?: string;
  /** Where the command can be used: 0 servers, 1 the bot's DMs, 2 other DMs. */
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

/** What an /ask answer's buttons need later: the question, whether it was answered, its record. */
export interface AskedQuestion {
  question: string;
  answered: boolean;
  /** The insights record of the question, so a 👍/👎 is kept with it. */
  recordId: string;
  /** The conversation it was read against, so asking it again gives the same answer. */
  context?: ConversationState | null;
}

/** A thread opened on a message (or the one it already had). */
export interface OpenedThread {
  id: string;
  /** False when the message had its thread already. */
  created: boolean;
}

/** Who is asking, and where: filled in per interaction. */
export interface Caller {
  userId: string;
  /** The server the interaction came from; null in a direct message or the console. */
  guildId: string | null;
  /** Manage Server (or Administrator) where the interaction came from; true in the console. */
  canManageServer: boolean;
  /**
   * The conversation the interaction belongs to — a follow-up thread, the console session — whose
   * last answer a question is read against; null where each question stands alone.
   */
  conversationKey: string | null;
  /** Whether an answer given here can open a follow-up thread (a server's text channel). */
  canOpenThread: boolean;
  /** Opens a public thread on the message a button sits on, or finds the one it has. */
  openThread: ((name: string) => Promise<OpenedThread>) | null;
}

/** Everything a command may use; built once per process, except the caller. */
export interface CommandContext extends Caller {
  engine: Engine;
  questions: RecentQueries<AskedQuestion>;
  figureQueries: RecentQueries<FigureFilter>;
  /** Records questions and votes (never waiting, never throwing) and reads the report. */
  insights: InsightsService;
  /** Each conversation's last answer, for follow-up questions. */
  conversations: Conversations;
  now(): Date;
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
  /** A reply now (or once worked out), a reply later, or a form to fill in. */
  execute(options: CommandOptions, ctx: CommandContext): CommandResult | Promise<CommandResult>;
  /** A submitted modal whose custom_id starts `name:`; `args` is the rest. */
  modal?(args: string, fields: ModalFields, ctx: CommandContext): Reply | DeferredReply;
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

/**
 * What the gateway bot and the HTTP server both read off an interaction the same way, whichever
 * shape it arrives in (discord.js objects or the raw API JSON): the options as commands take
 * them, and what the channel allows.
 */
import { threadConversation } from "../conversation/keys";
import type { Caller, CommandOptions } from "./command";
import { OptionType } from "./command";

/** A command option as the API sends it (discord.js keeps the same fields). */
export interface OptionEntry {
  name: string;
  type: number;
  value?: unknown;
  options?: readonly OptionEntry[] | undefined;
}

/** An uploaded file an attachment option refers to. */
export interface UploadedFile {
  url: string;
  name: string;
}

/**
 * The options as the commands take them: a subcommand's name under `subcommand` and its options
 * beside it; an uploaded file as its URL (the command also learns its name from the URL). For
 * autocomplete, what the user has filled in so far.
 */
export function flattenOptions<Entry extends OptionEntry>(
  entries: readonly Entry[],
  fileOf: (option: Entry) => UploadedFile | undefined,
): CommandOptions {
  const options: CommandOptions = {};
  const take = (list: readonly Entry[]) => {
    for (const option of list) {
      if (option.type === OptionType.Subcommand) {
        options.subcommand = option.name;
        take((option.options ?? []) as readonly Entry[]);
        continue;
      }
      const file = fileOf(option);
      if (file) {
        options[option.name] = file.url;
        options[`${option.name}_name`] = file.name;
      } else if (
        typeof option.value === "string" ||
        typeof option.value === "number" ||
        typeof option.value === "boolean"
      ) {
        options[option.name] = option.value;
      }
    }
  };
  take(entries);
  return options;
}

/** Discord's channel types that matter here. */
export const ChannelKind = {
  GuildText: 0,
  GuildAnnouncement: 5,
  AnnouncementThread: 10,
  PublicThread: 11,
  PrivateThread: 12,
} as const;

const THREADS: readonly number[] = [
  ChannelKind.AnnouncementThread,
  ChannelKind.PublicThread,
  ChannelKind.PrivateThread,
];

export const isThreadChannel = (channelType: number | undefined): boolean =>
  channelType !== undefined && THREADS.includes(channelType);

/** Where an interaction came from, as far as conversations and follow-up threads care. */
export function placeOf(
  guildId: string | null,
  channelId: string | null,
  channelType: number | undefined,
): Pick<Caller, "conversationKey" | "canOpenThread"> {
  return {
    // Only a thread is a conversation: in a channel, many people's questions interleave.
    conversationKey:
      guildId && channelId && isThreadChannel(channelType)
        ? threadConversation(guildId, channelId)
        : null,
    canOpenThread:
      guildId !== null &&
      (channelType === ChannelKind.GuildText || channelType === ChannelKind.GuildAnnouncement),
  };
}

/**
 * Commands that always answer with a message, never a form, and publicly unless asked with
 * `private: True`: the only ones that may be acknowledged ("thinking…") before their answer is
 * known.
 */
export const ACKNOWLEDGED_EARLY: ReadonlySet<string> = new Set([
  "ask",
  "figures",
  "official",
  "sources",
  "compare",
  "chart",
  "help",
]);

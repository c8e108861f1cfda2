import type { ButtonResult, Caller, Command, CommandContext, CommandOptions } from "./command";
import type { Cooldown } from "./cooldown";
import type { Choice, Reply } from "./payload";
import { renderNotice } from "./render";

/**
 * An interaction reduced to what the commands need; built from discord.js or a console line. A
 * request that does not say where it came from is from no server and without Manage Server.
 */
export type InteractionRequest = Pick<Caller, "userId"> &
  Partial<Omit<Caller, "userId">> &
  (
    | { type: "command"; name: string; options: CommandOptions }
    | {
        type: "autocomplete";
        name: string;
        focused: { name: string; value: string };
        /** The other options filled in so far. */
        options?: CommandOptions;
      }
    | { type: "button"; customId: string }
  );

export type InteractionResponse =
  | { type: "reply"; reply: Reply }
  | { type: "update"; reply: Reply }
  | { type: "choices"; choices: Choice[] };

export interface RouterDeps {
  commands: readonly Command[];
  context: Omit<CommandContext, keyof Caller>;
  /** Absent in the local console, where one person types. */
  cooldown?: Cooldown;
}

const fromButton = (result: ButtonResult): InteractionResponse =>
  result.kind === "update"
    ? { type: "update", reply: result.reply }
    : { type: "reply", reply: result.reply };

/**
 * The one place an interaction meets a command: slash commands to `execute`, autocomplete to
 * `autocomplete`, buttons to the command named before the first `:` of the custom_id. Throws
 * only when a command does; the caller logs that and tells the user.
 */
export async function route(
  request: InteractionRequest,
  deps: RouterDeps,
): Promise<InteractionResponse> {
  const ctx: CommandContext = {
    ...deps.context,
    userId: request.userId,
    guildId: request.guildId ?? null,
    canManageServer: request.canManageServer ?? false,
  };
  if (request.type === "autocomplete") {
    // Autocomplete fires on every keystroke, so it does not count toward the cooldown.
    const command = deps.commands.find((c) => c.data.name === request.name);
    return {
      type: "choices",
      choices: command?.autocomplete?.(request.focused, ctx, request.options ?? {}) ?? [],
    };
  }
  if (deps.cooldown) {
    const verdict = deps.cooldown.take(request.userId);
    if (!verdict.allowed) {
      const seconds = verdict.retryAfterSeconds;
      return {
        type: "reply",
        reply: renderNotice(
          `Easy there — you're asking quickly. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
        ),
      };
    }
  }
  if (request.type === "command") {
    const command = deps.commands.find((c) => c.data.name === request.name);
    if (!command)
      return { type: "reply", reply: renderNotice(`Unknown command /${request.name}.`) };
    return { type: "reply", reply: await command.execute(request.options, ctx) };
  }
  const separator = request.customId.indexOf(":");
  const name = separator === -1 ? request.customId : request.customId.slice(0, separator);
  const command = deps.commands.find((c) => c.data.name === name);
  if (!command?.button) {
    return { type: "reply", reply: renderNotice("That button is not known any more.") };
  }
  return fromButton(await command.button(request.customId.slice(separator + 1), ctx));
}

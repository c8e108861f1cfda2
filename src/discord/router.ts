import type {
  ButtonResult,
  Caller,
  Command,
  CommandContext,
  CommandOptions,
  CommandResult,
  DeferredReply,
  Modal,
  ModalFields,
} from "./command";
import type { CooldownGate } from "./cooldown";
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
    | { type: "modal"; customId: string; fields: ModalFields }
  );

export type InteractionResponse =
  | { type: "reply"; reply: Reply }
  | { type: "update"; reply: Reply }
  | { type: "choices"; choices: Choice[] }
  /** Acknowledge now (Discord shows "thinking…"), then edit the reply in when it is ready. */
  | { type: "deferred"; ephemeral: boolean; reply: Promise<Reply> }
  | { type: "modal"; modal: Modal };

export interface RouterDeps {
  commands: readonly Command[];
  context: Omit<CommandContext, keyof Caller>;
  /** Absent in the local console, where one person types. */
  cooldown?: CooldownGate;
}

function fromResult(result: CommandResult | DeferredReply): InteractionResponse {
  if ("kind" in result) {
    return result.kind === "deferred"
      ? { type: "deferred", ephemeral: result.ephemeral, reply: result.reply }
      : { type: "modal", modal: result.modal };
  }
  return { type: "reply", reply: result };
}

const fromButton = (result: ButtonResult): InteractionResponse =>
  result.kind === "update"
    ? { type: "update", reply: result.reply }
    : { type: "reply", reply: result.reply };

/**
 * The one place an interaction meets a command: slash commands to `execute`, autocomplete to
 * `autocomplete`, buttons and submitted modals to the command named before the first `:` of the
 * custom_id (`button`, `modal`). Throws only when a command does; the caller logs that and tells
 * the user.
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
    conversationKey: request.conversationKey ?? null,
    canOpenThread: request.canOpenThread ?? false,
    openThread: request.openThread ?? null,
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
    const verdict = await deps.cooldown.take(request.userId);
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
  // After a restart a thread's context is read back from the store here, off the commands' path,
  // so they read it synchronously.
  if (ctx.conversationKey) await ctx.conversations.warm(ctx.conversationKey);
  if (request.type === "command") {
    const command = deps.commands.find((c) => c.data.name === request.name);
    if (!command)
      return { type: "reply", reply: renderNotice(`Unknown command /${request.name}.`) };
    return fromResult(await command.execute(request.options, ctx));
  }
  if (request.type === "modal") {
    const separator = request.customId.indexOf(":");
    const name = separator === -1 ? request.customId : request.customId.slice(0, separator);
    const command = deps.commands.find((c) => c.data.name === name);
    if (!command?.modal) {
      return { type: "reply", reply: renderNotice("That form is not known any more.") };
    }
    return fromResult(command.modal(request.customId.slice(separator + 1), request.fields, ctx));
  }
  const separator = request.customId.indexOf(":");
  const name = separator === -1 ? request.customId : request.customId.slice(0, separator);
  const command = deps.commands.find((c) => c.data.name === name);
  if (!command?.button) {
    return { type: "reply", reply: renderNotice("That button is not known any more.") };
  }
  return fromButton(await command.button(request.customId.slice(separator + 1), ctx));
}

/**
 * The discord.js side of the router: turns an Interaction into an InteractionRequest, sends the
 * routed response back, and makes sure a failure is logged and the user hears a short ephemeral
 * note (followUp when already answered, else reply) while the bot keeps serving.
 */
import {
  type AutocompleteInteraction,
  type BaseMessageOptions,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  MessageFlags,
  PermissionFlagsBits,
} from "discord.js";
import type { Logger } from "../log";
import type { Caller, CommandOptions } from "./command";
import type { Reply } from "./payload";
import { renderNotice } from "./render";
import { type InteractionRequest, type RouterDeps, route } from "./router";

export const FAILURE_NOTICE = "Sorry — something went wrong on my side. Please try again.";

/** The plain payload in the shape discord.js takes; mentions stay off whatever the payload says. */
function messageOptions(reply: Reply): BaseMessageOptions {
  const options: BaseMessageOptions = { allowedMentions: { parse: [] } };
  if (reply.content !== undefined) options.content = reply.content;
  if (reply.embeds) options.embeds = reply.embeds;
  // Our rows are Discord's own JSON; discord.js's union of component shapes is wider than we need.
  if (reply.components) options.components = reply.components as BaseMessageOptions["components"];
  if (reply.files) {
    options.files = reply.files.map((file) => ({
      attachment: Buffer.from(file.data),
      name: file.name,
      ...(file.description ? { description: file.description } : {}),
    }));
  }
  return options;
}

export function replyOptions(reply: Reply): InteractionReplyOptions {
  const options: InteractionReplyOptions = { ...messageOptions(reply) };
  if (reply.ephemeral) options.flags = MessageFlags.Ephemeral;
  return options;
}

export function updateOptions(reply: Reply): InteractionUpdateOptions {
  return { ...messageOptions(reply), components: messageOptions(reply).components ?? [] };
}

function optionsOf(
  interaction: ChatInputCommandInteraction | AutocompleteInteraction,
): CommandOptions {
  const options: CommandOptions = {};
  for (const option of interaction.options.data) {
    if (option.value !== undefined && option.value !== null) options[option.name] = option.value;
  }
  return options;
}

/**
 * Who sent the interaction. Manage Server is read from the member's permissions Discord sends
 * with each interaction (an Administrator has it too), so a command can check it on arrival
 * whatever the server did to the command's default permissions.
 */
function callerOf(interaction: Interaction): Caller {
  return {
    userId: interaction.user.id,
    guildId: interaction.guildId,
    canManageServer: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
  };
}

function requestOf(interaction: Interaction): InteractionRequest | null {
  const caller = callerOf(interaction);
  if (interaction.isChatInputCommand()) {
    return {
      type: "command",
      name: interaction.commandName,
      options: optionsOf(interaction),
      ...caller,
    };
  }
  if (interaction.isAutocomplete()) {
    const focused = (interaction as AutocompleteInteraction).options.getFocused(true);
    return {
      type: "autocomplete",
      name: interaction.commandName,
      focused: { name: focused.name, value: String(focused.value) },
      options: optionsOf(interaction as AutocompleteInteraction),
      ...caller,
    };
  }
  if (interaction.isButton()) return { type: "button", customId: interaction.customId, ...caller };
  return null;
}

/** What to log about an interaction: never its token, never the user's text beyond a length. */
function describe(request: InteractionRequest, interaction: Interaction) {
  return {
    interactionId: interaction.id,
    kind: request.type,
    ...(request.type === "button" ? { customId: request.customId } : { command: request.name }),
    userId: request.userId,
    guildId: interaction.guildId,
  };
}

export function createInteractionHandler(deps: RouterDeps, log: Logger) {
  return async function handleInteraction(interaction: Interaction): Promise<void> {
    const request = requestOf(interaction);
    if (!request) return;
    const started = performance.now();
    try {
      const response = await route(request, deps);
      if (response.type === "choices") {
        if (interaction.isAutocomplete()) await interaction.respond(response.choices);
      } else if (response.type === "update" && interaction.isButton()) {
        await interaction.update(updateOptions(response.reply));
      } else if (interaction.isRepliable()) {
        await interaction.reply(replyOptions(response.reply));
      }
      log.debug("interaction answered", {
        ...describe(request, interaction),
        response: response.type,
        ms: Math.round(performance.now() - started),
      });
    } catch (error) {
      log.error("interaction failed", { ...describe(request, interaction), error });
      await tellUser(interaction, log);
    }
  };
}

async function tellUser(interaction: Interaction, log: Logger): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const notice = replyOptions(renderNotice(FAILURE_NOTICE));
    if (interaction.replied || interaction.deferred) await interaction.followUp(notice);
    else await interaction.reply(notice);
  } catch (error) {
    log.warn("could not tell the user about a failure", { interactionId: interaction.id, error });
  }
}

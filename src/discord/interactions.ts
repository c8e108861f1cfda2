/**
 * The discord.js side of the router: turns an Interaction into an InteractionRequest, sends the
 * routed response back, and makes sure a failure is logged and the user hears a short ephemeral
 * note (followUp when already answered, else reply) while the bot keeps serving.
 */
import {
  type AutocompleteInteraction,
  type BaseMessageOptions,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  DiscordAPIError,
  type Interaction,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  MessageFlags,
  type ModalComponentData,
  PermissionFlagsBits,
  type RepliableInteraction,
  Routes,
  ThreadAutoArchiveDuration,
} from "discord.js";
import type { Logger } from "../log";
import { ACKNOWLEDGED_EARLY, flattenOptions, placeOf } from "./caller-facts";
import type { Caller, CommandOptions, OpenedThread } from "./command";
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

/** The options as the commands take them (see `flattenOptions`). */
function optionsOf(
  interaction: ChatInputCommandInteraction | AutocompleteInteraction,
): CommandOptions {
  return flattenOptions(interaction.options.data, (option) => option.attachment);
}

/**
 * Who sent the interaction. Manage Server is read from the member's permissions Discord sends
 * with each interaction (an Administrator has it too), so a command can check it on arrival
 * whatever the server did to the command's default permissions.
 */
function callerOf(interaction: Interaction): Caller {
  const { guildId, channel } = interaction;
  return {
    userId: interaction.user.id,
    guildId,
    canManageServer: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    ...placeOf(guildId, interaction.channelId, channel?.type),
    openThread: interaction.isButton() ? (name) => openThreadOn(interaction, name) : null,
  };
}

/**
 * The public thread on the message a button sits on: started with the message (so the thread's
 * id is the message's), or, when the message has one already, that one (Discord allows one).
 */
async function openThreadOn(interaction: ButtonInteraction, name: string): Promise<OpenedThread> {
  const message = interaction.message;
  if (message.hasThread) return { id: message.id, created: false };
  try {
    const thread = (await interaction.client.rest.post(
      Routes.threads(message.channelId, message.id),
      { body: { name, auto_archive_duration: ThreadAutoArchiveDuration.OneDay } },
    )) as { id: string };
    return { id: thread.id, created: true };
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === THREAD_ALREADY_CREATED) {
      return { id: message.id, created: false };
    }
    throw error;
  }
}

/** Discord's "A thread has already been created for this message". */
const THREAD_ALREADY_CREATED = 160004;

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
  if (interaction.isModalSubmit()) {
    const fields: Record<string, string> = {};
    for (const field of interaction.fields.fields.values()) {
      if ("value" in field && typeof field.value === "string") fields[field.customId] = field.value;
    }
    return { type: "modal", customId: interaction.customId, fields, ...caller };
  }
  return null;
}

/** What to log about an interaction: never its token, never the user's text beyond a length. */
function describe(request: InteractionRequest, interaction: Interaction) {
  return {
    interactionId: interaction.id,
    kind: request.type,
    ...(request.type === "button" || request.type === "modal"
      ? { customId: request.customId }
      : { command: request.name }),
    userId: request.userId,
    guildId: interaction.guildId,
  };
}

/** Interactions acknowledged ahead of their turn: whether the acknowledgement was accepted. */
const acknowledgedEarly = new WeakMap<Interaction, Promise<boolean>>();

/**
 * Tells Discord "thinking…" for a command that will wait in line past its deadline (see
 * `take-in-turn.ts`); the handler edits the answer in when its turn comes. Others are left alone.
 */
export function acknowledgeEarly(interaction: Interaction, log: Logger): void {
  if (!interaction.isChatInputCommand() || !ACKNOWLEDGED_EARLY.has(interaction.commandName)) return;
  if (acknowledgedEarly.has(interaction) || interaction.deferred || interaction.replied) return;
  const ephemeral = interaction.options.getBoolean("private") === true;
  acknowledgedEarly.set(
    interaction,
    interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}).then(
      () => true,
      (error: unknown) => {
        log.warn("could not acknowledge early", { interactionId: interaction.id, error });
        return false;
      },
    ),
  );
}

export function createInteractionHandler(deps: RouterDeps, log: Logger) {
  return async function handleInteraction(interaction: Interaction): Promise<void> {
    const request = requestOf(interaction);
    if (!request) return;
    const started = performance.now();
    try {
      const response = await route(request, deps);
      const early = acknowledgedEarly.get(interaction);
      if (early && interaction.isRepliable() && (await early)) {
        await answerAcknowledged(interaction, response, log);
      } else if (response.type === "choices") {
        if (interaction.isAutocomplete()) await interaction.respond(response.choices);
      } else if (response.type === "update" && interaction.isButton()) {
        await interaction.update(updateOptions(response.reply));
      } else if (response.type === "modal") {
        if (interaction.isChatInputCommand() || interaction.isButton()) {
          await interaction.showModal(response.modal as unknown as ModalComponentData);
        }
      } else if (response.type === "deferred") {
        if (interaction.isRepliable()) await answerLater(interaction, response, log);
      } else if (interaction.isRepliable()) {
        await interaction.reply(replyOptions(response.reply));
      }
      log.debug("interaction answered", {
        ...describe(request, interaction),
        response: response.type,
        ...(early ? { acknowledgedEarly: true } : {}),
        ms: Math.round(performance.now() - started),
      });
    } catch (error) {
      log.error("interaction failed", { ...describe(request, interaction), error });
      await tellUser(interaction, log);
    }
  };
}

/**
 * The answer to an interaction acknowledged early, edited in over "thinking…". A reply meant for
 * the asker alone (a notice, a cooldown) under a public acknowledgement replaces it as an
 * ephemeral follow-up instead, so it is never shown to the channel.
 */
async function answerAcknowledged(
  interaction: RepliableInteraction,
  response: Awaited<ReturnType<typeof route>>,
  log: Logger,
): Promise<void> {
  let reply: Reply;
  if (response.type === "reply" || response.type === "update") reply = response.reply;
  else if (response.type === "deferred") {
    try {
      reply = await response.reply;
    } catch (error) {
      log.error("deferred reply failed", { interactionId: interaction.id, error });
      reply = renderNotice(FAILURE_NOTICE);
    }
  } else reply = renderNotice(FAILURE_NOTICE);
  if ((reply.ephemeral ?? false) === (interaction.ephemeral ?? false)) {
    await interaction.editReply(messageOptions(reply));
  } else {
    await interaction.deleteReply();
    await interaction.followUp(replyOptions(reply));
  }
}

/**
 * Acknowledges at once (Discord allows 3 s), then edits the reply in when it is ready; a failure
 * becomes the apology in place of "thinking…", not a second message under it.
 */
async function answerLater(
  interaction: RepliableInteraction,
  response: Extract<Awaited<ReturnType<typeof route>>, { type: "deferred" }>,
  log: Logger,
): Promise<void> {
  // Should the acknowledgement fail, the work still ends; its outcome is then no one's to hear.
  response.reply.catch(() => {});
  await interaction.deferReply(response.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  let reply: Reply;
  try {
    reply = await response.reply;
  } catch (error) {
    log.error("deferred reply failed", { interactionId: interaction.id, error });
    reply = renderNotice(FAILURE_NOTICE);
  }
  await interaction.editReply(messageOptions(reply));
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

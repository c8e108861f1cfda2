/**
 * A raw interaction as Discord POSTs it (API v10 JSON) turned into the router's
 * InteractionRequest, read the same way as the gateway bot reads discord.js's objects. Anything
 * that is not a well-formed interaction is refused (null), never half-read.
 */
import { z } from "zod";
import { flattenOptions, type OptionEntry, placeOf } from "../discord/caller-facts";
import type { ModalFields } from "../discord/command";
import type { InteractionRequest } from "../discord/router";

/** Discord's interaction types. */
export const InteractionKind = {
  Ping: 1,
  Command: 2,
  Button: 3,
  Autocomplete: 4,
  ModalSubmit: 5,
} as const;

/** What is needed to answer the interaction later through its webhook. */
export interface InteractionAddress {
  id: string;
  applicationId: string;
  token: string;
}

/** The message a pressed button sits on. */
export interface ButtonMessage {
  id: string;
  channelId: string;
  hasThread: boolean;
}

export type ParsedInteraction =
  | { kind: "ping" }
  | {
      kind: "request";
      address: InteractionAddress;
      request: InteractionRequest;
      /** Set for a button press. */
      message: ButtonMessage | null;
    };

/** Discord's Manage Server and Administrator permission bits. */
const MANAGE_GUILD = 1n << 5n;
const ADMINISTRATOR = 1n << 3n;
/** Discord's message flag: a thread has been started from this message. */
const HAS_THREAD = 1 << 5;

const id = z.string().regex(/^\d{1,20}$/);

interface RawOption extends OptionEntry {
  focused?: boolean | undefined;
  options?: RawOption[] | undefined;
}

const option: z.ZodType<RawOption> = z.lazy(() =>
  z.object({
    name: z.string(),
    type: z.number().int(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    options: z.array(option).optional(),
  }),
);

const user = z.object({ id });

const interaction = z.object({
  id,
  application_id: id,
  type: z.number().int(),
  token: z.string().min(1).max(1000),
  guild_id: id.optional(),
  channel_id: id.optional(),
  channel: z.object({ id, type: z.number().int() }).partial().optional(),
  member: z
    .object({
      user,
      permissions: z
        .string()
        .regex(/^\d{1,40}$/)
        .optional(),
    })
    .optional(),
  user: user.optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  message: z
    .object({ id, channel_id: id, flags: z.number().int().optional() })
    .partial({ flags: true })
    .optional(),
});

const commandData = z.object({
  name: z.string().min(1).max(100),
  options: z.array(option).optional(),
  resolved: z
    .object({
      attachments: z
        .record(z.string(), z.object({ url: z.string(), filename: z.string() }))
        .optional(),
    })
    .optional(),
});

const componentData = z.object({ custom_id: z.string().min(1).max(100) });

const modalData = z.object({ custom_id: z.string().min(1).max(100), components: z.unknown() });

/**
 * The text inputs of a submitted modal by custom_id, wherever they sit: in action rows, or in
 * labels (`component`).
 */
function modalFields(components: unknown): ModalFields {
  const fields: ModalFields = {};
  const visit = (node: unknown, depth: number) => {
    if (depth > 4 || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.custom_id === "string" && typeof record.value === "string") {
      fields[record.custom_id] = record.value;
    }
    visit(record.components, depth + 1);
    visit(record.component, depth + 1);
  };
  visit(components, 0);
  return fields;
}

function focusedOf(options: readonly RawOption[]): RawOption | undefined {
  for (const entry of options) {
    if (entry.focused) return entry;
    const inner = entry.options && focusedOf(entry.options);
    if (inner) return inner;
  }
  return undefined;
}

/** The interaction as the router takes it; null when the payload is not one it can read. */
export function parseInteraction(payload: unknown): ParsedInteraction | null {
  const parsed = interaction.safeParse(payload);
  if (!parsed.success) return null;
  const raw = parsed.data;
  if (raw.type === InteractionKind.Ping) return { kind: "ping" };
  const userId = raw.member?.user.id ?? raw.user?.id;
  if (userId === undefined) return null;
  const guildId = raw.guild_id ?? null;
  const permissions = BigInt(raw.member?.permissions ?? "0");
  const caller = {
    userId,
    guildId,
    canManageServer: guildId !== null && (permissions & (MANAGE_GUILD | ADMINISTRATOR)) !== 0n,
    ...placeOf(guildId, raw.channel_id ?? raw.channel?.id ?? null, raw.channel?.type),
  };
  const address = { id: raw.id, applicationId: raw.application_id, token: raw.token };
  const answer = (request: InteractionRequest, message: ButtonMessage | null = null) => ({
    kind: "request" as const,
    address,
    request,
    message,
  });

  if (raw.type === InteractionKind.Command || raw.type === InteractionKind.Autocomplete) {
    const data = commandData.safeParse(raw.data);
    if (!data.success) return null;
    const attachments = data.data.resolved?.attachments ?? {};
    const entries = data.data.options ?? [];
    const options = flattenOptions(entries, (entry) => {
      if (entry.type !== 11 || typeof entry.value !== "string") return undefined;
      const file = attachments[entry.value];
      return file && { url: file.url, name: file.filename };
    });
    if (raw.type === InteractionKind.Command) {
      return answer({ type: "command", name: data.data.name, options, ...caller });
    }
    const focused = focusedOf(entries);
    if (!focused) return null;
    return answer({
      type: "autocomplete",
      name: data.data.name,
      focused: { name: focused.name, value: String(focused.value ?? "") },
      options,
      ...caller,
    });
  }
  if (raw.type === InteractionKind.Button) {
    const data = componentData.safeParse(raw.data);
    if (!data.success || !raw.message) return null;
    const message = {
      id: raw.message.id,
      channelId: raw.message.channel_id,
      hasThread: ((raw.message.flags ?? 0) & HAS_THREAD) !== 0,
    };
    return answer({ type: "button", customId: data.data.custom_id, ...caller }, message);
  }
  if (raw.type === InteractionKind.ModalSubmit) {
    const data = modalData.safeParse(raw.data);
    if (!data.success) return null;
    return answer({
      type: "modal",
      customId: data.data.custom_id,
      fields: modalFields(data.data.components),
      ...caller,
    });
  }
  return null;
}

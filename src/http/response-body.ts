/**
 * A Reply in the raw JSON Discord takes over HTTP: as a message body (for webhook edits and
 * follow-ups, with its files as multipart parts) and as the body of an interaction response.
 * Mentions stay off whatever the reply says.
 */
import type { Attachment, Reply } from "../discord/payload";

/** Discord's interaction response (callback) types. */
export const CallbackKind = {
  Pong: 1,
  Message: 4,
  DeferredMessage: 5,
  DeferredUpdate: 6,
  UpdateMessage: 7,
  Choices: 8,
  Modal: 9,
} as const;

export const EPHEMERAL_FLAG = 1 << 6;

export interface MessageBody {
  content?: string;
  embeds?: Reply["embeds"];
  components?: Reply["components"];
  /** The files sent with the body as `files[N]` parts, by N. */
  attachments?: { id: number; filename: string; description?: string }[];
  flags?: number;
  allowed_mentions: { parse: [] };
}

/** The message fields of a reply; `flags` only when `ephemeral` is asked for (new messages). */
export function messageBody(reply: Reply, options: { withFlags?: boolean } = {}): MessageBody {
  const body: MessageBody = { allowed_mentions: { parse: [] } };
  if (reply.content !== undefined) body.content = reply.content;
  if (reply.embeds) body.embeds = reply.embeds;
  if (reply.components) body.components = reply.components;
  if (reply.files && reply.files.length > 0) {
    body.attachments = reply.files.map((file, index) => ({
      id: index,
      filename: file.name,
      ...(file.description ? { description: file.description } : {}),
    }));
  }
  if (options.withFlags && reply.ephemeral) body.flags = EPHEMERAL_FLAG;
  return body;
}

/** A message that replaces the one a button sits on: rows left out are removed, not kept. */
export function updateBody(reply: Reply): MessageBody {
  return { ...messageBody(reply), components: reply.components ?? [] };
}

export const hasFiles = (reply: Reply): boolean => (reply.files?.length ?? 0) > 0;

/** The body as JSON, or as multipart with `payload_json` and a `files[N]` part per file. */
export function encodeMessage(
  body: MessageBody,
  files: readonly Attachment[] = [],
): string | FormData {
  if (files.length === 0) return JSON.stringify(body);
  const form = new FormData();
  form.append("payload_json", JSON.stringify(body));
  files.forEach((file, index) => {
    form.append(
      `files[${index}]`,
      new Blob([file.data], { type: contentTypeOf(file.name) }),
      file.name,
    );
  });
  return form;
}

function contentTypeOf(name: string): string {
  return name.toLowerCase().endsWith(".png") ? "image/png" : "application/octet-stream";
}

/** The acknowledgement that tells Discord "thinking…", private when the answer will be. */
export const deferredBody = (ephemeral: boolean) => ({
  type: CallbackKind.DeferredMessage,
  ...(ephemeral ? { data: { flags: EPHEMERAL_FLAG } } : {}),
});

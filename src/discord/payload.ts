/**
 * Discord message payloads as plain JSON in the API's own shape (snake_case), so the command
 * modules and the renderer stay independent of discord.js and the local console can print the
 * very same objects.
 */

export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface Embed {
  title?: string;
  url?: string;
  description?: string;
  color?: number;
  author?: { name: string; url?: string };
  fields?: EmbedField[];
  footer?: { text: string };
  /** `attachment://NAME` shows a file sent with the message inside the embed. */
  image?: { url: string };
}

/** Discord's component type numbers. */
export const ComponentKind = { ActionRow: 1, Button: 2 } as const;
/** Discord's button style numbers. */
export const ButtonStyle = { Primary: 1, Secondary: 2, Success: 3, Danger: 4, Link: 5 } as const;

export interface Button {
  type: typeof ComponentKind.Button;
  style: (typeof ButtonStyle)[keyof typeof ButtonStyle];
  label?: string;
  emoji?: { name: string };
  custom_id: string;
  disabled?: boolean;
}

export interface ActionRow {
  type: typeof ComponentKind.ActionRow;
  components: Button[];
}

/** Nobody is ever pinged: no @everyone, roles, users or replied-to authors. */
export interface NoMentions {
  parse: [];
}

/** A file sent with a message (a chart's PNG); `description` is its alt text. */
export interface Attachment {
  name: string;
  data: Uint8Array;
  description?: string;
}

export interface Reply {
  content?: string;
  embeds?: Embed[];
  files?: Attachment[];
  components?: ActionRow[];
  /** Only the person who asked sees it. */
  ephemeral?: boolean;
  allowed_mentions: NoMentions;
}

export interface Choice {
  name: string;
  value: string;
}

export const noMentions = (): NoMentions => ({ parse: [] });

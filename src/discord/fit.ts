import { LIMITS } from "./limits";
import type { ActionRow, Embed, EmbedField, Reply } from "./payload";
import { shorten } from "./text";

/** Discord rejects empty field names and values; a zero-width space stands in. */
const BLANK = "\u200b";

/** The characters Discord counts toward the 6,000 per-message embed total. */
export function embedLength(embed: Embed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** Each part of an embed within its own limit. */
function fitParts(embed: Embed, keep: readonly string[]): Embed {
  const fitted: Embed = { ...embed };
  if (embed.title !== undefined) fitted.title = shorten(embed.title, LIMITS.embedTitle, keep);
  if (embed.description !== undefined) {
    fitted.description = shorten(embed.description, LIMITS.embedDescription, keep);
  }
  if (embed.author) {
    fitted.author = { ...embed.author, name: shorten(embed.author.name, LIMITS.author, keep) };
  }
  if (embed.footer) fitted.footer = { text: shorten(embed.footer.text, LIMITS.footer, keep) };
  if (embed.fields) {
    fitted.fields = embed.fields.slice(0, LIMITS.fields).map(
      (field): EmbedField => ({
        ...field,
        name: shorten(field.name, LIMITS.fieldName, keep) || BLANK,
        value: shorten(field.value, LIMITS.fieldValue, keep) || BLANK,
      }),
    );
  }
  return fitted;
}

/**
 * An embed within `budget` characters in all: long field values are shortened evenly first
 * (down to 160 characters each), then the last fields go, then the description is shortened.
 */
export function fitEmbed(embed: Embed, budget: number, keep: readonly string[] = []): Embed {
  const fitted = fitParts(embed, keep);
  let over = embedLength(fitted) - budget;
  if (over <= 0) return fitted;

  const fields = fitted.fields ?? [];
  if (fields.length > 0) {
    const cap = evenCap(
      fields.map((field) => field.value.length),
      over,
      160,
    );
    fitted.fields = fields.map((field) => ({
      ...field,
      value: shorten(field.value, cap, keep) || BLANK,
    }));
    over = embedLength(fitted) - budget;
    while (over > 0 && fitted.fields.length > 0) {
      fitted.fields = fitted.fields.slice(0, -1);
      over = embedLength(fitted) - budget;
    }
  }
  if (over > 0 && fitted.description) {
    const target = Math.max(0, fitted.description.length - over);
    fitted.description = target > 0 ? shorten(fitted.description, target, keep) : undefined;
    over = embedLength(fitted) - budget;
  }
  if (over > 0 && fitted.footer) {
    fitted.footer = undefined;
    over = embedLength(fitted) - budget;
  }
  if (over > 0 && fitted.title) {
    const target = Math.max(1, fitted.title.length - over);
    fitted.title = shorten(fitted.title, target, keep);
  }
  return fitted;
}

/** The largest per-item length cap (not below `floor`) that removes at least `over` in total. */
function evenCap(lengths: readonly number[], over: number, floor: number): number {
  const longest = Math.max(...lengths);
  const saved = (cap: number) => lengths.reduce((sum, len) => sum + Math.max(0, len - cap), 0);
  if (saved(floor) < over) return floor;
  let low = floor;
  let high = longest;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (saved(mid) >= over) low = mid;
    else high = mid - 1;
  }
  return low;
}

function fitComponents(rows: readonly ActionRow[]): ActionRow[] {
  return rows
    .slice(0, LIMITS.rows)
    .map((row) => ({
      ...row,
      components: row.components
        .filter((button) => button.custom_id.length <= LIMITS.customId)
        .slice(0, LIMITS.buttonsPerRow)
        .map((button) =>
          button.label === undefined
            ? button
            : { ...button, label: shorten(button.label, LIMITS.buttonLabel) },
        ),
    }))
    .filter((row) => row.components.length > 0);
}

/**
 * The last word on every reply: each Discord limit enforced (content 2,000; 10 embeds and each
 * part's limit; 6,000 embed characters in all; 5 rows of 5 buttons, labels 80, custom_ids 100;
 * 10 files, alt text 1,024) and mentions disabled, whatever the renderer produced.
 */
export function fitReply(reply: Reply, keep: readonly string[] = []): Reply {
  const fitted: Reply = { allowed_mentions: { parse: [] } };
  if (reply.ephemeral) fitted.ephemeral = true;
  if (reply.content !== undefined && reply.content.length > 0) {
    fitted.content = shorten(reply.content, LIMITS.content, keep);
  }
  if (reply.embeds && reply.embeds.length > 0) {
    const embeds: Embed[] = [];
    let left = LIMITS.embedsTotal;
    for (const embed of reply.embeds.slice(0, LIMITS.embeds)) {
      if (left <= 0) break;
      const fittedEmbed = fitEmbed(embed, left, keep);
      const length = embedLength(fittedEmbed);
      if (length === 0) continue;
      embeds.push(fittedEmbed);
      left -= length;
    }
    if (embeds.length > 0) fitted.embeds = embeds;
  }
  if (reply.components && reply.components.length > 0) {
    const rows = fitComponents(reply.components);
    if (rows.length > 0) fitted.components = rows;
  }
  if (reply.files && reply.files.length > 0) {
    fitted.files = reply.files
      .slice(0, LIMITS.files)
      .map((file) =>
        file.description === undefined
          ? file
          : { ...file, description: shorten(file.description, LIMITS.attachmentDescription) },
      );
  }
  if (fitted.content === undefined && fitted.embeds === undefined) fitted.content = BLANK;
  return fitted;
}

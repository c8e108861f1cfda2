import type { Button, Reply } from "../discord/payload";

/**
 * Discord markdown escapes and zero-width spaces are for Discord; a terminal shows the text, and
 * a link as its label with the address after it (`Dawn <https://…>`).
 */
const withoutEscapes = (text: string): string =>
  text
    .replace(/(?<!\\)\[((?:\\.|[^\]\\\n])+)\]\((https?:\/\/[^)\s]+)\)/g, "$1 <$2>")
    .replace(/\\([\\*_~`|[\]#>\-.]|\d)/g, "$1")
    .replace(/\u200b/g, "");

const indent = (text: string, by: string) =>
  text
    .split("\n")
    .map((line) => `${by}${line}`)
    .join("\n");

/** The buttons of a reply in order, as the console numbers them for /press. */
export const buttonsOf = (reply: Reply): Button[] =>
  (reply.components ?? []).flatMap((row) => row.components);

/**
 * A reply as plain text: content, then each embed's title (and link), author, description,
 * fields, footer; buttons listed with the number /press takes.
 */
export function replyToText(reply: Reply): string {
  const lines: string[] = [];
  if (reply.ephemeral) lines.push("(only you can see this)");
  if (reply.content) lines.push(withoutEscapes(reply.content));
  for (const embed of reply.embeds ?? []) {
    if (lines.length > 0) lines.push("");
    if (embed.author) lines.push(withoutEscapes(embed.author.name));
    if (embed.title)
      lines.push(`## ${withoutEscapes(embed.title)}${embed.url ? ` <${embed.url}>` : ""}`);
    if (embed.description) lines.push(withoutEscapes(embed.description));
    for (const field of embed.fields ?? []) {
      lines.push("", withoutEscapes(field.name), indent(withoutEscapes(field.value), "  "));
    }
    if (embed.footer) lines.push("", `— ${withoutEscapes(embed.footer.text)}`);
  }
  const buttons = buttonsOf(reply);
  if (buttons.length > 0) {
    const hints = buttons.map((button, index) => {
      const label = [button.emoji?.name, button.label].filter(Boolean).join(" ");
      return `[${index + 1}] ${label}${button.disabled ? " (disabled)" : ""}`;
    });
    lines.push("", `Buttons: ${hints.join("  ")}  (type /press N)`);
  }
  return lines.join("\n");
}

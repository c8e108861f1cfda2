import { type Command, type CommandOptions, OptionType } from "../discord/command";

export type ConsoleInput =
  | { type: "empty" }
  | { type: "command"; name: string; options: CommandOptions }
  | { type: "press"; button: number }
  | { type: "quit" }
  | { type: "error"; message: string };

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function coerce(type: number, raw: string): string | number | boolean {
  if (type === OptionType.Boolean) {
    if (/^(true|yes|on|1)$/i.test(raw)) return true;
    if (/^(false|no|off|0)$/i.test(raw)) return false;
  }
  if (type === OptionType.Integer && /^-?\d+$/.test(raw)) return Number(raw);
  return raw;
}

/**
 * Reads a line typed as in Discord: `/ask question: What was trade with Japan?`,
 * `/figures partner: Japan period: 2023`, `/official Haroon` (text without `name:` goes to the
 * first text option), `/press 2` for a button of the last reply, `/quit`. A line without a slash
 * is a question for /ask.
 */
export function parseConsoleLine(line: string, commands: readonly Command[]): ConsoleInput {
  const text = line.trim();
  if (text === "") return { type: "empty" };
  if (!text.startsWith("/")) return { type: "command", name: "ask", options: { question: text } };
  const [, name = "", rest = ""] = /^\/(\S*)\s*([\s\S]*)$/.exec(text) ?? [];
  const lower = name.toLowerCase();
  if (lower === "quit" || lower === "exit") return { type: "quit" };
  if (lower === "press") {
    const button = Number.parseInt(rest.trim(), 10);
    return Number.isInteger(button) && button > 0
      ? { type: "press", button }
      : { type: "error", message: "Type /press and a button number, e.g. /press 1." };
  }
  const command = commands.find((c) => c.data.name === lower);
  if (!command) {
    return {
      type: "error",
      message: `Unknown command /${name}. Commands: ${commands.map((c) => `/${c.data.name}`).join(", ")}, /press N, /quit.`,
    };
  }
  const declared = command.data.options ?? [];
  const options: CommandOptions = {};
  if (declared.length === 0 || rest.trim() === "") return { type: "command", name: lower, options };

  const names = declared.map((option) => escapeRegex(option.name)).join("|");
  const marker = new RegExp(`(?:^|\\s)(${names}):`, "gi");
  const marks = [...rest.matchAll(marker)];
  const leading = rest.slice(0, marks[0]?.index ?? rest.length).trim();
  if (leading) {
    const first = declared.find((option) => option.type === OptionType.String);
    if (first) options[first.name] = leading;
  }
  marks.forEach((mark, index) => {
    const optionName = (mark[1] ?? "").toLowerCase();
    const option = declared.find((o) => o.name === optionName);
    const start = mark.index + mark[0].length;
    const end = marks[index + 1]?.index ?? rest.length;
    const raw = rest.slice(start, end).trim();
    if (option && raw !== "") options[option.name] = coerce(option.type, raw);
  });
  return { type: "command", name: lower, options };
}

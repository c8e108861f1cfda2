import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  type Command,
  type CommandOptionData,
  type CommandOptions,
  OptionType,
} from "../discord/command";

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
  // Discord uploads a file; the console names one on this machine, as a file: URL.
  if (type === OptionType.Attachment) return pathToFileURL(resolve(raw)).href;
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
  const subcommands = (command.data.options ?? []).filter((o) => o.type === OptionType.Subcommand);
  if (subcommands.length > 0) {
    const [, word = "", after = ""] = /^(\S*)\s*([\s\S]*)$/.exec(rest.trim()) ?? [];
    const chosen = subcommands.find((o) => o.name === word.toLowerCase());
    if (!chosen) {
      return {
        type: "error",
        message: `/${lower} needs one of: ${subcommands.map((o) => o.name).join(", ")} (e.g. /${lower} ${subcommands[0]?.name ?? ""}).`,
      };
    }
    const options = parseOptionText(after, chosen.options ?? []);
    return { type: "command", name: lower, options: { subcommand: chosen.name, ...options } };
  }
  return {
    type: "command",
    name: lower,
    options: parseOptionText(rest, command.data.options ?? []),
  };
}

/** `name: value other: value`, or leading text for the first text option. */
function parseOptionText(rest: string, declared: readonly CommandOptionData[]): CommandOptions {
  const options: CommandOptions = {};
  if (declared.length === 0 || rest.trim() === "") return options;

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
  return options;
}

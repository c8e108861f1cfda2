/**
 * The local console: the same commands as in Discord, typed on stdin, answered as text on
 * stdout, through the same router and command modules as the bot. Buttons of the last reply can
 * be pressed with `/press N`.
 */
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { consoleConversation } from "../conversation/keys";
import type { Reply } from "../discord/payload";
import { renderNotice } from "../discord/render";
import { type InteractionRequest, type RouterDeps, route } from "../discord/router";
import type { Logger } from "../log";
import { parseConsoleLine } from "./parse";
import { buttonsOf, replyToText } from "./render-text";

export const CONSOLE_BANNER =
  "Tijarat local console: type /help, /ask question: …, /figures, /official name: …, /compare partners: …, /chart partner: …, /sources, /insights, /article add url: … (Ctrl-D quits). A question follows on from the last answer (“and exports?”, “who said that?”). To run the Discord bot, set DISCORD_TOKEN in .env and run npm start.";

/** Where the console writes the files a reply carries (a chart's PNG), unless told otherwise. */
export const CONSOLE_FILES_DIR = join(".tijarat", "charts");

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /** Show a prompt: when a person types at a terminal, not when input is piped. */
  prompt: boolean;
  log: Logger;
  /** Where to write the files a reply carries; default `.tijarat/charts`. */
  filesDir?: string;
}

/**
 * Writes a reply's files (a chart) where the person at the console can open them, each under a
 * name of its own, and says where. A file that cannot be written is said, not fatal.
 */
async function saveFiles(reply: Reply, dir: string, log: Logger): Promise<string[]> {
  const lines: string[] = [];
  for (const file of reply.files ?? []) {
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const path = resolve(dir, `${stamp}-${file.name.replace(/[^\w.-]/g, "_")}`);
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(path, file.data);
      lines.push(`Image written to ${path}`);
    } catch (error) {
      log.warn("could not write a reply's file", { error });
      lines.push(`The image could not be written to ${dir}.`);
    }
  }
  return lines;
}

export async function runConsole(deps: RouterDeps, options: ConsoleOptions): Promise<void> {
  const { output, log } = options;
  const write = (text: string) => output.write(`${text}\n`);
  const lines = createInterface({
    input: options.input,
    output: options.prompt ? output : undefined,
    terminal: options.prompt,
  });
  lines.setPrompt("tijarat> ");
  write(CONSOLE_BANNER);
  let last: Reply | null = null;
  // The person at the console runs the bot: there is no server, and they may see its insights.
  // The session is one conversation: each question is read against the last answer.
  const caller = {
    userId: "console",
    guildId: null,
    canManageServer: true,
    conversationKey: consoleConversation(randomUUID()),
  } as const;
  const ask = async (request: InteractionRequest): Promise<void> => {
    try {
      const response = await route(request, deps);
      if (response.type === "choices") return;
      if (response.type === "modal") {
        write(`(In Discord this opens a form, “${response.modal.title}”; the console has none.)`);
        return;
      }
      const reply = response.type === "deferred" ? await response.reply : response.reply;
      // Ephemeral notes and passages have no buttons; /press keeps meaning the answer's buttons.
      if (buttonsOf(reply).length > 0) last = reply;
      write(replyToText(reply));
      for (const line of await saveFiles(reply, options.filesDir ?? CONSOLE_FILES_DIR, log))
        write(line);
    } catch (error) {
      log.error("command failed", { error });
      write(
        replyToText(renderNotice("Sorry — something went wrong on my side. Please try again.")),
      );
    }
  };

  if (options.prompt) lines.prompt();
  for await (const line of lines) {
    const input = parseConsoleLine(line, deps.commands);
    if (input.type === "quit") break;
    if (input.type === "error") write(input.message);
    if (input.type === "command") {
      await ask({
        type: "command",
        name: input.name,
        options: input.options,
        ...caller,
      });
    }
    if (input.type === "press") {
      const button = last ? buttonsOf(last)[input.button - 1] : undefined;
      if (!button) write(`There is no button ${input.button} on the last reply with buttons.`);
      else if (button.disabled) write(`Button ${input.button} is disabled.`);
      else await ask({ type: "button", customId: button.custom_id, ...caller });
    }
    if (input.type !== "empty") write("");
    if (options.prompt) lines.prompt();
  }
  lines.close();
}

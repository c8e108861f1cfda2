import { afterAll, beforeAll } from "vitest";
/**
 * One fake Discord plus the real bot process (`npm start`) pointed at it, ready for interactions.
 */
import { type BotProcess, logText, startBot } from "../support/bot-process";
import { FakeDiscord, type FakeDiscordOptions, type Reply } from "../support/fake-discord";
import { discordLimitViolations } from "./discord-limits";

export interface WiredBot {
  fake: FakeDiscord;
  bot: BotProcess;
  stop(): Promise<void>;
}

/** How long `npm start` may take to log in (tsx compiles, the corpus is indexed). */
export const STARTUP_MS = 25_000;

export async function startWiredBot(
  env: Record<string, string | undefined> = {},
  options: FakeDiscordOptions = {},
): Promise<WiredBot> {
  const fake = await FakeDiscord.start({ validatePayload: discordLimitViolations, ...options });
  const bot = startBot({ apiUrl: fake.apiUrl, applicationId: fake.applicationId, env });
  const stop = async () => {
    await bot.stop();
    await fake.close();
  };
  try {
    await Promise.race([
      fake.waitForSession(STARTUP_MS),
      bot.waitForExit(STARTUP_MS).then((code) => {
        throw new Error(
          `the bot exited with ${code} before logging in:\n${bot.stderr.slice(-2000)}`,
        );
      }),
    ]);
    // Interactions dispatched before discord.js emits clientReady are queued and can stall, so
    // wait for the bot to say it is ready; READY + GUILD_CREATE have been sent at this point.
    await bot
      .waitForLog("the bot's ready log", (line) => /ready|logged in/i.test(logText(line)), 5_000)
      .catch(() => new Promise((resolve) => setTimeout(resolve, 500)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { fake, bot, stop };
}

/** Everything a person can read in a message: content, embed titles, descriptions, fields, footers. */
export function visibleText(data: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof data.content === "string") parts.push(data.content);
  for (const embed of Array.isArray(data.embeds) ? data.embeds : []) {
    const e = embed as Record<string, unknown>;
    for (const key of ["title", "description"])
      if (typeof e[key] === "string") parts.push(e[key] as string);
    for (const field of Array.isArray(e.fields) ? e.fields : []) {
      const f = field as Record<string, unknown>;
      parts.push(String(f.name ?? ""), String(f.value ?? ""));
    }
    const footer = e.footer as Record<string, unknown> | undefined;
    if (typeof footer?.text === "string") parts.push(footer.text);
  }
  return parts.join("\n");
}

/** Visible text with markdown escapes, block-quote marks and zero-width spaces taken out. */
export function plainText(data: Record<string, unknown>): string {
  return visibleText(data)
    .replace(/\\([\\*_~`|[\]#>-])/g, "$1")
    .replace(/^> /gm, "")
    .replace(/\u200b/g, "")
    .replace(/\*\*/g, "");
}

export interface ButtonSeen {
  custom_id: string;
  label: string;
  disabled: boolean;
}

/** The buttons of a message, in order. */
export function buttonsOf(data: Record<string, unknown>): ButtonSeen[] {
  const rows = Array.isArray(data.components) ? data.components : [];
  return rows.flatMap((row) => {
    const children = (row as { components?: unknown }).components;
    return (Array.isArray(children) ? children : [])
      .map((child) => child as Record<string, unknown>)
      .filter((child) => child.type === 2 && typeof child.custom_id === "string")
      .map((child) => ({
        custom_id: String(child.custom_id),
        label: String(child.label ?? ""),
        disabled: child.disabled === true,
      }));
  });
}

/** A fresh user id per call, so the bot's per-user cooldown never decides a test. */
let nextUser = 500_000_000_000_000_000n;
export function freshUser(): { userId: string } {
  nextUser += 1n;
  return { userId: nextUser.toString() };
}

export function describeReply(reply: Reply): string {
  return JSON.stringify({
    via: reply.via,
    callbackType: reply.callbackType,
    data: reply.data,
  }).slice(0, 600);
}

/**
 * The wired bot of one `describe`: started before its tests, stopped after them. Call inside the
 * `describe`; the getter reads the bot inside a test.
 */
export function wiredBotForSuite(...args: Parameters<typeof startWiredBot>): () => WiredBot {
  let wired: WiredBot | undefined;
  beforeAll(async () => {
    wired = await startWiredBot(...args);
  });
  afterAll(async () => {
    await wired?.stop();
  });
  return () => {
    if (!wired) throw new Error("the wired bot did not start");
    return wired;
  };
}

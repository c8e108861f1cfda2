import { afterEach, describe, expect, it } from "vitest";
import { type BotProcess, logLevel, startBot } from "../support/bot-process";
import { FakeDiscord } from "../support/fake-discord";
import { startWiredBot, type WiredBot } from "./harness";

/** Starting and stopping `npm start` as an operator does. */
describe("the bot process", () => {
  let wired: WiredBot | undefined;
  let bot: BotProcess | undefined;
  let fake: FakeDiscord | undefined;

  afterEach(async () => {
    await wired?.stop();
    await bot?.stop();
    await fake?.close();
    wired = undefined;
    bot = undefined;
    fake = undefined;
  });

  it("closes the gateway with 1000 and logs its shutdown on SIGTERM", async () => {
    wired = await startWiredBot();
    const { fake: discord, bot: running } = wired;
    expect(discord.gatewayCloseCodes).toEqual([]);
    if (running.child.pid !== undefined) process.kill(-running.child.pid, "SIGTERM");
    await discord.waitFor("the gateway to close", () => discord.gatewayCloseCodes[0], 5_000);
    expect(discord.gatewayCloseCodes).toEqual([1000]);
    await running.waitForLog("the shutdown log", (line) => line.msg === "shutting down", 5_000);
  });

  it("exits non-zero with an error log when Discord refuses the token", async () => {
    fake = await FakeDiscord.start({ validToken: "the-real-token" });
    bot = startBot({ apiUrl: fake.apiUrl, applicationId: fake.applicationId });
    const code = await bot.waitForExit(20_000);
    expect(code).not.toBe(0);
    expect(bot.logs.some((line) => logLevel(line) === "error")).toBe(true);
    expect(bot.stderr).not.toContain("fake-bot-token");
    expect(fake.identifies).toBe(0);
  });
});

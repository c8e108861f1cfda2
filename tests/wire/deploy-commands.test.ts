import { afterEach, describe, expect, it } from "vitest";
import { commands } from "../../commands";
import { type BotProcess, startBot } from "../support/bot-process";
import { FakeDiscord } from "../support/fake-discord";
import { commandsViolations } from "./discord-limits";

/** `npm run deploy-commands` as a maintainer runs it, against the fake's REST API. */
describe("npm run deploy-commands", () => {
  let fake: FakeDiscord | undefined;
  let run: BotProcess | undefined;

  afterEach(async () => {
    await run?.stop();
    await fake?.close();
  });

  const definitions = () => JSON.parse(JSON.stringify(commands.map((command) => command.data)));

  it("PUTs exactly the command definitions to the global commands route and exits 0", async () => {
    fake = await FakeDiscord.start();
    run = startBot({
      apiUrl: fake.apiUrl,
      applicationId: fake.applicationId,
      script: "deploy-commands",
    });
    expect(await run.waitForExit(20_000), run.stderr).toBe(0);
    const route = `/applications/${fake.applicationId}/commands`;
    expect([...fake.commandPuts.keys()]).toEqual([route]);
    expect(fake.commandPuts.get(route)).toEqual(definitions());
    expect(commandsViolations(fake.commandPuts.get(route))).toEqual([]);
  });

  it("PUTs to the guild's commands route when DISCORD_GUILD_ID is set", async () => {
    fake = await FakeDiscord.start();
    const guildId = fake.guilds[0]?.id ?? "";
    run = startBot({
      apiUrl: fake.apiUrl,
      applicationId: fake.applicationId,
      script: "deploy-commands",
      env: { DISCORD_GUILD_ID: guildId },
    });
    expect(await run.waitForExit(20_000), run.stderr).toBe(0);
    const route = `/applications/${fake.applicationId}/guilds/${guildId}/commands`;
    expect([...fake.commandPuts.keys()]).toEqual([route]);
    expect(fake.commandPuts.get(route)).toEqual(definitions());
  });
});

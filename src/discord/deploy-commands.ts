/**
 * `npm run deploy-commands`: registers the slash commands, to DISCORD_GUILD_ID when set (they
 * appear at once) else globally, through DISCORD_API_URL when set, and prints what it did.
 * Start-up never does this: registering on every start would hit Discord's rate limits.
 */
import { commands } from "../../commands/index";
import { loadConfigOrExit } from "../config";
import { createLogger } from "../log";
import { deployCommands, describeCommand } from "./deploy";

const config = loadConfigOrExit();
const log = createLogger({ level: config.logLevel, secrets: [config.discordToken] });
const missing = [
  config.discordToken ? null : "DISCORD_TOKEN",
  config.discordApplicationId ? null : "DISCORD_APPLICATION_ID",
].filter((name): name is string => name !== null);
if (missing.length > 0 || !config.discordToken || !config.discordApplicationId) {
  process.stderr.write(
    `deploy-commands needs ${missing.join(" and ")} (see .env.example and docs/discord.md).\n`,
  );
  process.exit(2);
}

const definitions = commands.map((command) => command.data);
try {
  const deployed = await deployCommands(
    {
      token: config.discordToken,
      applicationId: config.discordApplicationId,
      guildId: config.discordGuildId,
      apiUrl: config.discordApiUrl,
    },
    definitions,
  );
  process.stdout.write(
    `Registered ${deployed.names.length} commands (${deployed.scope}) for application ${config.discordApplicationId}:\n`,
  );
  for (const definition of definitions) process.stdout.write(`  ${describeCommand(definition)}\n`);
  if (!config.discordGuildId) {
    process.stdout.write("Global commands can take up to an hour to appear in every server.\n");
  }
} catch (error) {
  log.error("registering the commands failed", { error });
  process.stderr.write(
    `Registering the commands failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}

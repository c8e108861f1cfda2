/**
 * The Discord bot: a discord.js Client with the Guilds intent only (slash commands need no
 * more), its REST base taken from DISCORD_API_URL when set, one interaction handler, and a clean
 * exit on SIGINT/SIGTERM.
 */
import { Client, Events, GatewayIntentBits } from "discord.js";
import type { Config } from "../config";
import { loadEngine } from "../engine";
import type { Logger } from "../log";
import { routerDeps } from "./context";
import { createInteractionHandler } from "./interactions";

export function createClient(config: Pick<Config, "discordApiUrl">): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(config.discordApiUrl ? { rest: { api: config.discordApiUrl } } : {}),
  });
}

export async function runBot(config: Config, log: Logger): Promise<Client> {
  const token = config.discordToken;
  if (!token) throw new Error("runBot needs DISCORD_TOKEN");
  const started = performance.now();
  const engine = await loadEngine({
    corpusDir: config.corpusDir,
    cacheDir: config.indexCacheDir,
    onIssue: (issue) => log.warn("article skipped", { ...issue }),
  });
  log.info("engine loaded", {
    corpusDir: config.corpusDir,
    articles: engine.sources().length,
    ms: Math.round(performance.now() - started),
  });

  const client = createClient(config);
  const handle = createInteractionHandler(routerDeps(engine, config, log, { cooldown: true }), log);
  client.on(Events.InteractionCreate, (interaction) => {
    void handle(interaction);
  });
  client.once(Events.ClientReady, (ready) => {
    log.info("ready: logged in", {
      user: ready.user.tag,
      applicationId: ready.application.id,
      guilds: ready.guilds.cache.size,
      shards: ready.ws.shards.map((shard) => shard.id),
    });
  });
  client.on(Events.Error, (error) => log.error("client error", { error }));
  client.on(Events.Warn, (message) => log.warn("client warning", { message }));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    log.warn("gateway disconnected", { shardId, code: event.code }),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    void client
      .destroy()
      .catch((error: unknown) => log.warn("client did not close cleanly", { error }))
      .finally(() => process.exit(0));
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.on("unhandledRejection", (error) => log.error("unhandled rejection", { error }));

  log.info("connecting to Discord", { api: config.discordApiUrl ?? "https://discord.com/api" });
  await client.login(token);
  return client;
}

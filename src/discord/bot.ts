/**
 * The Discord bot: a discord.js Client with the Guilds intent only (slash commands need no
 * more), its REST base taken from DISCORD_API_URL when set, one interaction handler, and a clean
 * exit on SIGINT/SIGTERM.
 */
import { Client, Events, GatewayIntentBits } from "discord.js";
import type { Config } from "../config";
import { openStorage } from "../insights/storage";
import { ArticleDesk } from "../live/article-desk";
import { listenToShards, shardAnnouncer } from "../live/shard-sync";
import type { Logger } from "../log";
import { ReloadableEngine } from "../reloadable-engine";
import { storedRouterDeps } from "./context";
import { acknowledgeEarly, createInteractionHandler } from "./interactions";
import { takeInTurn } from "./take-in-turn";

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
  // Reloadable, so an edited corpus is picked up on SIGHUP without a restart, and a broken edit
  // keeps the last good index serving.
  const engine = await ReloadableEngine.load({
    corpusDir: config.corpusDir,
    cacheDir: config.indexCacheDir,
    log,
  });
  log.info("engine loaded", {
    corpusDir: config.corpusDir,
    articles: engine.sources().length,
    ms: Math.round(performance.now() - started),
  });

  // Opened before logging in, so retention has run and a bad store is warned about at start.
  const storage = await openStorage(config, log, "discord");

  // /article adds and removes articles in this engine, and in every other shard's.
  const articles = ArticleDesk.forConfig(engine, config, log, {
    allowLocalFiles: false,
    announce: shardAnnouncer(),
  });
  listenToShards((change) => {
    articles.applyChange(change).catch((error: unknown) => {
      log.warn("could not apply another shard's article change", { ...change, error });
    });
  });
  void articles.warmUp();

  const client = createClient(config);
  const deps = storedRouterDeps(engine, config, storage, { cooldown: true, articles, log });
  const handle = createInteractionHandler(deps, log);
  client.on(
    Events.InteractionCreate,
    takeInTurn((interaction) => void handle(interaction), {
      acknowledge: (interaction) => acknowledgeEarly(interaction, log),
    }),
  );
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
      // Records still queued are written, within a short deadline.
      .then(() => storage.close())
      .finally(() => process.exit(0));
  };
  process.on("SIGHUP", () => {
    log.info("reloading the corpus", { signal: "SIGHUP" });
    void engine.reload();
  });
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.on("unhandledRejection", (error) => log.error("unhandled rejection", { error }));

  log.info("connecting to Discord", { api: config.discordApiUrl ?? "https://discord.com/api" });
  await client.login(token);
  // Heavy parts of commands (the chart renderer) load now, not on the first user's clock.
  for (const command of deps.commands) {
    command
      .prepare?.()
      .then(() => log.debug("command prepared", { command: command.data.name }))
      .catch((error: unknown) =>
        log.warn("a command could not prepare", { command: command.data.name, error }),
      );
  }
  return client;
}

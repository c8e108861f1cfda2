/**
 * `npm run serve`: Discord interactions over HTTP on INTERACTIONS_PORT, for the Interactions
 * Endpoint URL of the Developer Portal. It keeps nothing of its own: cooldowns, insights and
 * follow-up context are in the store (INSIGHTS_DB), so any number of replicas can share one
 * application behind a load balancer.
 */
import { configSecrets, loadConfigOrExit, parseServeConfig } from "../config";
import { storedRouterDeps } from "../discord/context";
import { openStorage, type Storage } from "../insights/storage";
import { ArticleDesk } from "../live/article-desk";
import { createLogger } from "../log";
import { ReloadableEngine } from "../reloadable-engine";
import { DEFAULT_API_URL, DiscordApi } from "./discord-api";
import { createInteractionServer } from "./server";

const config = loadConfigOrExit(parseServeConfig);
const log = createLogger({ level: config.logLevel, secrets: configSecrets(config) });
const api = new DiscordApi({ apiUrl: config.discordApiUrl, botToken: config.discordToken });
const interactions = createInteractionServer({ publicKey: config.discordPublicKey, api, log });

let storage: Storage | null = null;
let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info("shutting down", { signal });
  void interactions
    .close()
    .catch((error: unknown) => log.warn("the server did not close cleanly", { error }))
    // Records still queued are written, within a short deadline.
    .then(() => storage?.close())
    .finally(() => process.exit(0));
};
process.once("SIGINT", () => stop("SIGINT"));
process.once("SIGTERM", () => stop("SIGTERM"));
process.on("unhandledRejection", (error) => log.error("unhandled rejection", { error }));

try {
  // Listening before the engine loads, so a load balancer sees /healthz say 503, not refuse.
  const port = await interactions.listen(config.interactionsPort);
  log.info("listening for interactions", {
    port,
    api: config.discordApiUrl ?? DEFAULT_API_URL,
    threads: api.canOpenThreads,
  });
  const started = performance.now();
  // Reloadable, so an edited corpus is picked up on SIGHUP without a restart.
  const engine = await ReloadableEngine.load({
    corpusDir: config.corpusDir,
    cacheDir: config.indexCacheDir,
    log,
  });
  process.on("SIGHUP", () => {
    log.info("reloading the corpus", { signal: "SIGHUP" });
    void engine.reload();
  });
  storage = await openStorage(config, log, "discord");
  const articles = ArticleDesk.forConfig(engine, config, log, { allowLocalFiles: false });
  void articles.warmUp();
  const deps = storedRouterDeps(engine, config, storage, { cooldown: true, articles, log });
  for (const command of deps.commands) {
    // Heavy parts of commands (the chart renderer) load now, not on the first user's clock.
    command
      .prepare?.()
      .catch((error: unknown) =>
        log.warn("a command could not prepare", { command: command.data.name, error }),
      );
  }
  if (!stopping) interactions.ready(deps);
  log.info("ready: serving interactions", {
    port,
    articles: engine.sources().length,
    ms: Math.round(performance.now() - started),
  });
} catch (error) {
  log.error("start-up failed", { error });
  process.exit(1);
}

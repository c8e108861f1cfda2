/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, else the local console on stdin/stdout.
 * Also the entry script of each shard under `src/discord/shard.ts`.
 */
import { configSecrets, loadConfigOrExit } from "./config";
import { runConsole } from "./console/console";
import { runBot } from "./discord/bot";
import { storedRouterDeps } from "./discord/context";
import { openStorage } from "./insights/storage";
import { ArticleDesk } from "./live/article-desk";
import { createLogger } from "./log";
import { ReloadableEngine } from "./reloadable-engine";

/** A shard started by `src/discord/shard.ts` is told where the prebuilt index snapshot is. */
const cacheArg = process.argv.find((arg) => arg.startsWith("--index-cache-dir="));
const loaded = loadConfigOrExit();
const config = cacheArg
  ? { ...loaded, indexCacheDir: cacheArg.slice("--index-cache-dir=".length) }
  : loaded;
const log = createLogger({
  level: config.logLevel,
  secrets: configSecrets(config),
});

try {
  if (config.discordToken) {
    await runBot(config, log);
  } else {
    const engine = await ReloadableEngine.load({
      corpusDir: config.corpusDir,
      cacheDir: config.indexCacheDir,
      log,
    });
    const storage = await openStorage(config, log, "console");
    // The console's user runs this machine: /article add file: may name a local file.
    const articles = ArticleDesk.forConfig(engine, config, log, { allowLocalFiles: true });
    await runConsole(storedRouterDeps(engine, config, storage, { cooldown: false, articles }), {
      input: process.stdin,
      output: process.stdout,
      prompt: process.stdin.isTTY === true,
      log,
    });
    await storage.close();
  }
} catch (error) {
  log.error("start-up failed", { error });
  process.exit(1);
}

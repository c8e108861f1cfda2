/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, else the local console on stdin/stdout.
 * Also the entry script of each shard under `src/discord/shard.ts`.
 */
import { configSecrets, loadConfigOrExit } from "./config";
import { runConsole } from "./console/console";
import { runBot } from "./discord/bot";
import { storedRouterDeps } from "./discord/context";
import { loadEngine } from "./engine";
import { openStorage } from "./insights/storage";
import { createLogger } from "./log";

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
    const engine = await loadEngine({
      corpusDir: config.corpusDir,
      cacheDir: config.indexCacheDir,
      onIssue: (issue) => log.warn("article skipped", { ...issue }),
    });
    const storage = await openStorage(config, log, "console");
    await runConsole(storedRouterDeps(engine, config, storage, { cooldown: false }), {
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

/**
 * Scale-out: `npx tsx src/discord/shard.ts` runs the bot as several shards under discord.js's
 * ShardingManager, one child process per shard, each the ordinary bot entry (`src/main.ts`).
 * Discord requires shards beyond 2,500 servers. With SHARD_IDS a machine runs only its part of
 * TOTAL_SHARDS, so the shards of one application can be spread over machines sharing one
 * PostgreSQL store (docs/deploy.md). The manager builds the index snapshot once,
 * then every shard restores it from INDEX_CACHE_DIR instead of re-reading and re-indexing.
 */
import { resolve } from "node:path";
import { REST, Routes, ShardingManager } from "discord.js";
import { loadConfigOrExit } from "../config";
import { loadEngine } from "../engine";
import { isCorpusChangeMessage } from "../live/shard-sync";
import { createLogger } from "../log";

export const DEFAULT_INDEX_CACHE_DIR = ".tijarat/index";

const config = loadConfigOrExit();
const log = createLogger({ level: config.logLevel, secrets: [config.discordToken] });
const token = config.discordToken;
if (!token) {
  process.stderr.write("Sharding needs DISCORD_TOKEN (see .env.example and docs/discord.md).\n");
  process.exit(2);
}

const cacheDir = resolve(config.indexCacheDir ?? DEFAULT_INDEX_CACHE_DIR);
const started = performance.now();
await loadEngine({ corpusDir: config.corpusDir, cacheDir });
log.info("index snapshot prepared", { cacheDir, ms: Math.round(performance.now() - started) });

/** Discord's recommendation, asked through DISCORD_API_URL like every other call. */
async function recommendedShards(): Promise<number> {
  const rest = new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(
    token ?? "",
  );
  const gateway = (await rest.get(Routes.gatewayBot())) as { shards?: number };
  return Math.max(1, gateway.shards ?? 1);
}

const totalShards = config.totalShards ?? (await recommendedShards());
const manager = new ShardingManager(resolve(import.meta.dirname, "../main.ts"), {
  token,
  totalShards,
  // SHARD_IDS: this machine's part; the other machines run the rest of TOTAL_SHARDS.
  shardList: config.shardIds ?? "auto",
  mode: "process",
  respawn: true,
  // Shards are TypeScript run through tsx; the snapshot folder reaches them as an argument.
  execArgv: ["--import", "tsx"],
  shardArgs: [`--index-cache-dir=${cacheDir}`],
});
manager.on("shardCreate", (shard) => {
  log.info("shard started", { shard: shard.id, totalShards });
  // An article added or removed in one shard is passed to all, so every engine takes it in.
  shard.on("message", (message: unknown) => {
    if (!isCorpusChangeMessage(message)) return;
    log.info("article change relayed to every shard", { ...message.change, from: shard.id });
    void manager.broadcast(message).catch((error: unknown) => {
      log.warn("could not relay an article change to the shards", { error });
    });
  });
});

const stop = (signal: string) => {
  log.info("stopping shards", { signal });
  for (const shard of manager.shards.values()) {
    shard.kill();
  }
  process.exit(0);
};
process.once("SIGINT", () => stop("SIGINT"));
process.once("SIGTERM", () => stop("SIGTERM"));

await manager.spawn({ amount: totalShards, delay: 5500, timeout: 60_000 });

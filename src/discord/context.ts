import { commands } from "../../commands/index";
import type { Config } from "../config";
import { Conversations } from "../conversation/conversations";
import { followUpsKeptIn } from "../conversation/stored-follow-ups";
import type { InsightsService } from "../insights/insights";
import type { Storage } from "../insights/storage";
import type { ArticleDesk } from "../live/article-desk";
import type { Logger } from "../log";
import type { Engine, FigureFilter } from "../types";
import type { AskedQuestion } from "./command";
import { Cooldown, type CooldownGate } from "./cooldown";
import { RecentQueries } from "./recent";
import type { RouterDeps } from "./router";
import { SharedCooldown } from "./shared-cooldown";

type CooldownConfig = Pick<Config, "cooldownRequests" | "cooldownSeconds">;

/**
 * The router's dependencies for one process: the same for the bot and the local console.
 * `cooldown`: none, this process's own (`true`), or a given one; `conversations`: the store's, or
 * by default this process's memory only.
 */
export function routerDeps(
  engine: Engine,
  config: CooldownConfig & Partial<Pick<Config, "followUpMinutes">>,
  insights: InsightsService,
  options: {
    cooldown: boolean | CooldownGate;
    conversations?: Conversations;
    articles?: ArticleDesk;
  },
): RouterDeps {
  const deps: RouterDeps = {
    commands,
    context: {
      engine,
      questions: new RecentQueries<AskedQuestion>(1000),
      figureQueries: new RecentQueries<FigureFilter>(1000),
      insights,
      conversations:
        options.conversations ??
        new Conversations({ ttlMs: (config.followUpMinutes ?? 60) * 60_000 }),
      now: () => new Date(),
      ...(options.articles ? { articles: options.articles } : {}),
    },
  };
  if (options.cooldown === true)
    deps.cooldown = new Cooldown(config.cooldownRequests, config.cooldownSeconds);
  else if (options.cooldown) deps.cooldown = options.cooldown;
  return deps;
}

/**
 * The router's dependencies over everything the store keeps: insights, follow-up context and,
 * with `cooldown`, cooldowns counted in the store, shared by every process that uses it.
 */
export function storedRouterDeps(
  engine: Engine,
  config: CooldownConfig & Partial<Pick<Config, "followUpMinutes">>,
  storage: Storage,
  options: { cooldown: boolean; articles?: ArticleDesk; log?: Logger },
): RouterDeps {
  const cooldown =
    options.cooldown &&
    new SharedCooldown({
      store: storage.store,
      reads: storage.reads,
      hash: storage.hash,
      requests: config.cooldownRequests,
      seconds: config.cooldownSeconds,
    });
  return routerDeps(engine, config, storage.insights, {
    cooldown,
    conversations: new Conversations({
      ttlMs: (config.followUpMinutes ?? 60) * 60_000,
      store: followUpsKeptIn(storage.conversations),
      ...(options.log ? { log: options.log } : {}),
    }),
    ...(options.articles ? { articles: options.articles } : {}),
  });
}

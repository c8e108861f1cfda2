import { commands } from "../../commands/index";
import type { Config } from "../config";
import { Conversations } from "../conversation/conversations";
import type { InsightsService } from "../insights/insights";
import type { Engine, FigureFilter } from "../types";
import type { AskedQuestion } from "./command";
import { Cooldown } from "./cooldown";
import { RecentQueries } from "./recent";
import type { RouterDeps } from "./router";

/** The router's dependencies for one process: the same for the bot and the local console. */
export function routerDeps(
  engine: Engine,
  config: Pick<Config, "cooldownRequests" | "cooldownSeconds"> &
    Partial<Pick<Config, "followUpMinutes">>,
  insights: InsightsService,
  options: { cooldown: boolean; conversations?: Conversations },
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
    },
  };
  if (options.cooldown)
    deps.cooldown = new Cooldown(config.cooldownRequests, config.cooldownSeconds);
  return deps;
}

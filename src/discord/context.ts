import { commands } from "../../commands/index";
import type { Config } from "../config";
import type { InsightsService } from "../insights/insights";
import type { Engine, FigureFilter } from "../types";
import type { AskedQuestion } from "./command";
import { Cooldown } from "./cooldown";
import { RecentQueries } from "./recent";
import type { RouterDeps } from "./router";

/** The router's dependencies for one process: the same for the bot and the local console. */
export function routerDeps(
  engine: Engine,
  config: Pick<Config, "cooldownRequests" | "cooldownSeconds">,
  insights: InsightsService,
  options: { cooldown: boolean },
): RouterDeps {
  const deps: RouterDeps = {
    commands,
    context: {
      engine,
      questions: new RecentQueries<AskedQuestion>(1000),
      figureQueries: new RecentQueries<FigureFilter>(1000),
      insights,
      now: () => new Date(),
    },
  };
  if (options.cooldown)
    deps.cooldown = new Cooldown(config.cooldownRequests, config.cooldownSeconds);
  return deps;
}

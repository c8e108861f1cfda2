import type { AskedQuestion, CommandContext } from "../../src/discord/command";
import type { FeedbackRecord } from "../../src/discord/feedback";
import { RecentQueries } from "../../src/discord/recent";
import type { Engine, FigureFilter } from "../../src/types";

/** A command context over any engine, with feedback kept in memory and a fixed clock. */
export function commandContext(engine: Engine, userId = "42") {
  const feedback: FeedbackRecord[] = [];
  const ctx: CommandContext = {
    engine,
    userId,
    questions: new RecentQueries<AskedQuestion>(),
    figureQueries: new RecentQueries<FigureFilter>(),
    recordFeedback: async (record) => {
      feedback.push(record);
    },
    now: () => new Date("2025-01-02T03:04:05.000Z"),
  };
  return { ctx, feedback };
}

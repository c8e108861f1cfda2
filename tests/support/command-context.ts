import { Conversations } from "../../src/conversation/conversations";
import type { AskedQuestion, Caller, CommandContext } from "../../src/discord/command";
import { RecentQueries } from "../../src/discord/recent";
import type { InsightsService } from "../../src/insights/insights";
import type { AskedEvent, VotedEvent } from "../../src/insights/recorder";
import type { InsightsScope } from "../../src/insights/store";
import type { Engine, FigureFilter } from "../../src/types";

const KEPT = 1000;

/**
 * Insights kept in memory for command tests: what the commands asked to record, in order (the
 * last thousand, so a soak of many questions measures the bot, not this list). Reading a report
 * needs a store: the insights tests use the real one.
 */
export class RecordedInsights implements InsightsService {
  readonly questions: (AskedEvent & { id: string })[] = [];
  readonly votes: VotedEvent[] = [];
  readonly erased: InsightsScope[] = [];
  readonly retentionDays = 90;
  private count = 0;

  constructor(readonly surface: "discord" | "console" = "discord") {}

  asked(event: AskedEvent): string {
    const id = `q${++this.count}`;
    this.questions.push({ ...event, id });
    if (this.questions.length > KEPT) this.questions.shift();
    return id;
  }

  voted(event: VotedEvent): void {
    this.votes.push(event);
    if (this.votes.length > KEPT) this.votes.shift();
  }

  report(): never {
    throw new Error("RecordedInsights keeps no report; use a real store");
  }

  async erase(scope: InsightsScope) {
    this.erased.push(scope);
    return { questions: 0, votes: 0 };
  }
}

/** A command context over any engine, with insights kept in memory and a fixed clock. */
export function commandContext(
  engine: Engine,
  userId = "42",
  caller: Partial<Omit<Caller, "userId">> = {},
) {
  const insights = new RecordedInsights();
  const ctx: CommandContext = {
    engine,
    userId,
    guildId: caller.guildId ?? null,
    canManageServer: caller.canManageServer ?? false,
    conversationKey: caller.conversationKey ?? null,
    canOpenThread: caller.canOpenThread ?? false,
    openThread: caller.openThread ?? null,
    questions: new RecentQueries<AskedQuestion>(),
    figureQueries: new RecentQueries<FigureFilter>(),
    insights,
    conversations: new Conversations({ ttlMs: 60 * 60_000 }),
    now: () => new Date("2025-01-02T03:04:05.000Z"),
  };
  return { ctx, insights, feedback: insights.votes };
}

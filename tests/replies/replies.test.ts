import { beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index";
import {
  answerText,
  figuresText,
  insightsText,
  officialsText,
  sourcesText,
} from "../../src/cli/render-text";
import { replyToText } from "../../src/console/render-text";
import { threadConversation } from "../../src/conversation/keys";
import { corpusFacts } from "../../src/corpus/summary";
import type { Caller } from "../../src/discord/command";
import { Cooldown } from "../../src/discord/cooldown";
import { FAILURE_NOTICE } from "../../src/discord/interactions";
import type { Reply } from "../../src/discord/payload";
import { renderNotice } from "../../src/discord/render";
import {
  renderErased,
  renderForgetQuestion,
  renderInsights,
} from "../../src/discord/render-insights";
import { type InteractionRequest, type RouterDeps, route } from "../../src/discord/router";
import type { InsightsReport } from "../../src/insights/report";
import type { Engine } from "../../src/types";
import { seedEngine } from "../properties/seed-engine";
import { commandContext } from "../support/command-context";
import { conversationEngine } from "../support/conversation-corpus";

/**
 * Every kind of reply as a person sees it, written out to `__snapshots__/*.txt` to be read: in
 * Discord (the markdown sent), in the local console, and from the command line where there is
 * one. A change to how a reply reads shows up there as a diff to review.
 */

let engine: Engine;
let seed: Engine;
let deps: RouterDeps;
const thread = threadConversation("900", "7000");
let user = 0;

beforeAll(async () => {
  engine = await conversationEngine();
  seed = await seedEngine();
  const { ctx } = commandContext(engine);
  const { userId: _user, ...context } = ctx;
  deps = { commands, context };
});

/** A Discord payload's visible text as sent: markdown, escapes and all; then its buttons. */
function discordText(reply: Reply): string {
  const lines: string[] = [];
  if (reply.ephemeral) lines.push("(ephemeral)");
  if (reply.content) lines.push(reply.content);
  for (const embed of reply.embeds ?? []) {
    lines.push(`[embed] title: ${embed.title ?? ""}${embed.url ? ` (${embed.url})` : ""}`);
    if (embed.description) lines.push(embed.description);
    for (const field of embed.fields ?? []) lines.push(`[field] ${field.name}`, field.value);
    if (embed.footer) lines.push(`[footer] ${embed.footer.text}`);
  }
  const buttons = (reply.components ?? []).flatMap((row) => row.components);
  if (buttons.length > 0) {
    lines.push(
      `[buttons] ${buttons.map((b) => [b.emoji?.name, b.label].filter(Boolean).join(" ")).join(" | ")}`,
    );
  }
  return lines.join("\n");
}

function shown(reply: Reply, cli?: string): string {
  const parts = ["=== Discord ===", discordText(reply), "", "=== console ===", replyToText(reply)];
  if (cli !== undefined) parts.push("", "=== command line ===", cli);
  return `${parts.join("\n")}\n`;
}

async function run(
  request: Omit<Extract<InteractionRequest, { type: "command" }>, "userId" | "type">,
  caller: Partial<Omit<Caller, "userId">> = {},
  routed: RouterDeps = deps,
): Promise<Reply> {
  const response = await route(
    { type: "command", userId: `u${++user}`, ...caller, ...request },
    routed,
  );
  if (response.type === "choices" || response.type === "modal")
    throw new Error(`a command answered with ${response.type}`);
  return response.reply;
}

async function press(customId: string, caller: Partial<Omit<Caller, "userId">> = {}) {
  const response = await route({ type: "button", userId: `u${++user}`, customId, ...caller }, deps);
  if (response.type === "choices" || response.type === "modal")
    throw new Error(`a button answered with ${response.type}`);
  return response.reply;
}

const ask = (question: string, caller: Partial<Omit<Caller, "userId">> = {}) =>
  run({ name: "ask", options: { question } }, { guildId: "900", ...caller });

const snapshot = (name: string, text: string) =>
  expect(text).toMatchFileSnapshot(`./__snapshots__/${name}.txt`);

describe("every reply, as a person reads it", () => {
  it("an answer, with its Follow up button, and the same from the command line", async () => {
    const question = "What was the trade volume between Pakistan and Japan?";
    const reply = await ask(question, { canOpenThread: true });
    await snapshot("answer", shown(reply, answerText(engine.ask(question), corpusFacts(engine))));
  });

  it("an answer from articles that give no publisher, date or address", async () => {
    const { ctx } = commandContext(seed);
    const { userId: _user, ...context } = ctx;
    const question = "How much were Pakistan's IT exports in fiscal year 2023?";
    const reply = await run({ name: "ask", options: { question } }, {}, { commands, context });
    await snapshot("answer-seed", shown(reply, answerText(seed.ask(question), corpusFacts(seed))));
  });

  it("a question the articles do not answer", async () => {
    const question = "What is Pakistan's trade with Brazil?";
    const reply = await ask(question);
    await snapshot(
      "no-answer",
      shown(reply, answerText(engine.ask(question), corpusFacts(engine))),
    );
  });

  it("the note under a pressed Follow up, and follow-ups in the thread", async () => {
    const first = await ask("What was the trade volume between Pakistan and Japan?", {
      canOpenThread: true,
    });
    const follow = first.components?.at(-1)?.components.at(-1)?.custom_id ?? "";
    const note = await press(follow, {
      guildId: "900",
      openThread: async () => ({ id: "7000", created: true }),
    });
    const inThread = { conversationKey: thread };
    const turns = [note];
    for (const question of ["and exports?", "what about 2021?", "who said that?", "and that?"]) {
      turns.push(await ask(question, inThread));
    }
    const names = ["follow-up-thread", "follow-up", "follow-up-period", "who-said-that", "unclear"];
    for (const [i, reply] of turns.entries()) await snapshot(names[i] ?? "", shown(reply));
  });

  it("figures, and none", async () => {
    const japan = await run({ name: "figures", options: { partner: "Japan" } });
    await snapshot("figures", shown(japan, figuresText(engine.figures({ partner: "Japan" }))));
    const none = await run({ name: "figures", options: { partner: "Mars" } });
    await snapshot("figures-none", shown(none, figuresText([])));
  });

  it("an official, and none", async () => {
    const found = await run({ name: "official", options: { name: "Siddiqui" } });
    await snapshot("official", shown(found, officialsText(engine.officials("Siddiqui"))));
    const none = await run({ name: "official", options: { name: "Nobody Atall" } });
    await snapshot("official-none", shown(none, officialsText([])));
  });

  it("the sources", async () => {
    const reply = await run({ name: "sources", options: {} });
    await snapshot("sources", shown(reply, sourcesText(engine.sources())));
  });

  it("help", async () => {
    await snapshot("help", shown(await run({ name: "help", options: {} })));
  });

  it("an article's passage behind a citation", async () => {
    const reply = await ask("What were Pakistan's exports to Japan in FY2022-23?");
    const passage = reply.components?.[0]?.components[0]?.custom_id ?? "";
    await snapshot("passage", shown(await press(passage)));
  });

  it("insights", async () => {
    const report: InsightsReport = {
      days: 7,
      since: "2026-11-23T00:00:00.000Z",
      questions: 8,
      answered: 1,
      answeredShare: 1 / 8,
      askers: 1,
      votes: { up: 1, down: 1 },
      unanswered: [
        {
          question: "How much does Pakistan trade with Brazil?",
          count: 4,
          missing: ["no article about Brazil"],
          partners: ["Brazil"],
        },
        { question: "and that?", count: 1, missing: [], partners: [] },
      ],
      disliked: [
        {
          question: "Who chairs the Special Technology Zones Authority?",
          count: 1,
          answered: true,
          articleIds: ["us-tech-companies-pakistan"],
        },
      ],
      partners: [
        { name: "Brazil", count: 4 },
        { name: "Japan", count: 1 },
      ],
      measures: [{ name: "trade volume", count: 1 }],
      retentionDays: 90,
    };
    const discord = renderInsights(report, { shows: "this server", erases: "this server's" });
    await snapshot("insights", shown(discord, insightsText(report)));
    await snapshot(
      "insights-forget",
      shown(renderForgetQuestion("in this server")) +
        shown(renderErased({ questions: 1, votes: 2 }, "in this server")),
    );
  });

  it("errors and notices", async () => {
    const tooLong = await ask("x".repeat(600));
    const blank = await ask("   ");
    const unknown = await run({ name: "nope", options: {} });
    const expired = await press("ask:vote:up:GONE000000");
    const nowhere = await press(
      `ask:follow:${deps.context.questions.remember({ question: "q", answered: true, recordId: "r" })}`,
    );
    const cooling = { ...deps, cooldown: new Cooldown(1, 10) };
    const again = { type: "command", name: "help", options: {}, userId: "quick" } as const;
    await route(again, cooling);
    const cooldown = await route(again, cooling);
    const notInServer = await run({ name: "insights", options: {} });
    const texts = [
      tooLong,
      blank,
      unknown,
      expired,
      nowhere,
      cooldown.type === "reply" ? cooldown.reply : renderNotice("?"),
      notInServer,
      renderNotice(FAILURE_NOTICE),
    ].map((reply) => shown(reply));
    await snapshot("errors", texts.join("\n"));
  });
});

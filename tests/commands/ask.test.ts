import { describe, expect, it } from "vitest";
import { button, data, execute } from "../../commands/ask";
import { threadConversation } from "../../src/conversation/keys";
import type { ConversationState } from "../../src/conversation/state";
import type { Reply } from "../../src/discord/payload";
import { commandContext } from "../support/command-context";
import { expectWithinDiscordLimits } from "../support/discord-limits";
import { fakeEngine, TRADE_SENTENCE } from "../support/fake-engine";

describe("/ask", () => {
  it("defines a required question of at most 500 characters and an optional private flag", () => {
    expect(data.options.map((o) => [o.name, o.type, o.required])).toEqual([
      ["question", 3, true],
      ["private", 5, false],
    ]);
    expect(data.options[0].max_length).toBe(500);
  });

  it("passes the trimmed question to the engine and renders its answer", () => {
    const engine = fakeEngine();
    const { ctx } = commandContext(engine);
    const reply = execute({ question: "  What was trade with Japan?  " }, ctx);
    expect(engine.calls.ask).toEqual(["What was trade with Japan?"]);
    expect(reply.embeds?.[0]?.description).toContain("**$1.26 billion**");
    expect(reply.ephemeral).toBeUndefined();
    expectWithinDiscordLimits(reply);
  });

  it("answers privately when private is true", () => {
    const { ctx } = commandContext(fakeEngine());
    expect(execute({ question: "Japan?", private: true }, ctx).ephemeral).toBe(true);
  });

  it("refuses a question over 500 characters with a note naming the option, without asking", () => {
    const engine = fakeEngine();
    const { ctx } = commandContext(engine);
    const reply = execute({ question: "x".repeat(6000) }, ctx);
    expect(reply).toEqual({
      content: "`question` is 6,000 characters long; the limit is 500.",
      ephemeral: true,
      allowed_mentions: { parse: [] },
    });
    expect(engine.calls.ask).toEqual([]);
  });

  it("refuses a blank question", () => {
    const { ctx } = commandContext(fakeEngine());
    const required =
      "`question`: type a question, for example “What was the trade volume between Pakistan and Japan?”";
    expect(execute({ question: "   " }, ctx).content).toBe(required);
    expect(execute({}, ctx).content).toBe(required);
  });

  it("shows the full passage, ephemeral, from the Show passage button", async () => {
    const engine = fakeEngine();
    const { ctx } = commandContext(engine);
    const result = await button("passage:pakistan-japan-trade#1", ctx);
    expect(result.kind).toBe("reply");
    expect(result.reply.ephemeral).toBe(true);
    expect(result.reply.embeds?.[0]?.description).toBe(`${TRADE_SENTENCE} Both sides want more.`);
    expect(engine.calls.passage).toEqual(["pakistan-japan-trade#1"]);
  });

  it("shows a cited passage through the question key, with the citation in bold", async () => {
    const { ctx } = commandContext(fakeEngine());
    execute({ question: "Trade with Japan?" }, ctx);
    const key = ctx.questions.remember({
      question: "Trade with Japan?",
      answered: true,
      recordId: "q1",
    });
    const result = await button(`cite:${key}:1`, ctx);
    expect(result.reply.embeds?.[0]?.description).toBe(
      `**${TRADE_SENTENCE}** Both sides want more.`,
    );
  });

  it("records the question asked with the caller, the engine's answer and how long it took", () => {
    const { ctx, insights } = commandContext(fakeEngine(), "777", { guildId: "900" });
    execute({ question: "What was trade with Japan?" }, ctx);
    expect(insights.questions).toHaveLength(1);
    const [asked] = insights.questions;
    expect(asked?.command).toBe("ask");
    expect(asked?.userId).toBe("777");
    expect(asked?.guildId).toBe("900");
    expect(asked?.answer.question).toBe("What was trade with Japan?");
    expect(asked?.answer.answered).toBe(true);
    expect(asked?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("does not record a question it refused", () => {
    const { ctx, insights } = commandContext(fakeEngine());
    execute({ question: "   " }, ctx);
    expect(insights.questions).toEqual([]);
  });

  it("records a 👍 against the answer's record, with the question and whether it was answered", async () => {
    const { ctx, feedback } = commandContext(fakeEngine(), "777", { guildId: "900" });
    const reply = execute({ question: "What was trade with Japan?" }, ctx);
    const vote = reply.components?.at(-1)?.components[0]?.custom_id ?? "";
    expect(vote.startsWith("ask:vote:up:")).toBe(true);
    const result = await button(vote.slice("ask:".length), ctx);
    expect(result.reply.content).toBe("Thanks — your 👍 is recorded.");
    expect(feedback).toEqual([
      {
        questionId: "q1",
        question: "What was trade with Japan?",
        answered: true,
        vote: "up",
        userId: "777",
        guildId: "900",
      },
    ]);
  });

  it("records a 👎 on an unanswered question as unanswered", async () => {
    const { ctx, feedback } = commandContext(fakeEngine());
    const reply = execute({ question: "What about China?" }, ctx);
    const vote = reply.components?.at(-1)?.components[1]?.custom_id ?? "";
    await button(vote.slice("ask:".length), ctx);
    expect(feedback.map((f) => [f.vote, f.answered])).toEqual([["down", false]]);
  });

  it("tells the user kindly when a button's question has expired", async () => {
    const { ctx, feedback } = commandContext(fakeEngine());
    const result = await button("vote:up:GONE000000", ctx);
    expect(result.reply.content).toBe(
      "That answer is too old for its buttons to work (the bot keeps only recent questions). Ask again with /ask.",
    );
    expect(result.reply.ephemeral).toBe(true);
    expect(feedback).toEqual([]);
  });

  it("says so when a passage is no longer in the corpus", async () => {
    const { ctx } = commandContext(fakeEngine());
    const result = await button("passage:missing#9", ctx);
    expect(result.reply.content).toBe("That passage is no longer in the articles.");
  });
});

describe("/ask in a conversation", () => {
  const thread = threadConversation("900", "700");
  const followUpButton = (reply: Reply) =>
    reply.components?.flatMap((row) => row.components).find((b) => b.label === "Follow up")
      ?.custom_id ?? "";

  it("offers Follow up under a public answer in a server channel, not a private one nor elsewhere", () => {
    const inChannel = commandContext(fakeEngine(), "1", { guildId: "900", canOpenThread: true });
    expect(followUpButton(execute({ question: "Trade with Japan?" }, inChannel.ctx))).toMatch(
      /^ask:follow:/,
    );
    expect(
      followUpButton(execute({ question: "Trade with Japan?", private: true }, inChannel.ctx)),
    ).toBe("");
    const inThread = commandContext(fakeEngine(), "1", { guildId: "900", conversationKey: thread });
    expect(followUpButton(execute({ question: "Trade with Japan?" }, inThread.ctx))).toBe("");
  });

  it("opens a thread on the answer with the answer's context, and says where and against what", async () => {
    const opened: string[] = [];
    const { ctx } = commandContext(fakeEngine(), "1", {
      guildId: "900",
      canOpenThread: true,
      openThread: async (name) => {
        opened.push(name);
        return { id: "700", created: true };
      },
    });
    const reply = execute(
      { question: "What was the trade volume between Pakistan and Japan?" },
      ctx,
    );
    const result = await button(followUpButton(reply).slice("ask:".length), ctx);
    expect(opened).toEqual(["What was the trade volume between Pakistan and Japan?"]);
    expect(result.reply.ephemeral).toBe(true);
    expect(result.reply.content).toBe(
      "I opened a thread on this answer: <#700>. Ask with /ask in it, and I read each question against this answer (Pakistan–Japan trade volume, fiscal year 2022-23): try “and exports?”, “what about 2021?”, “and China?” or “who said that?”. A new thread starts afresh.",
    );
    expect(ctx.conversations.get(thread)).toMatchObject({
      partners: ["Japan"],
      measure: "trade volume",
      period: "fiscal year 2022-23",
    });
  });

  it("reuses the answer's thread and keeps a conversation that has moved on", async () => {
    const { ctx } = commandContext(fakeEngine(), "1", {
      guildId: "900",
      canOpenThread: true,
      openThread: async () => ({ id: "700", created: false }),
    });
    const moved = { ...conversationOf("China"), period: "2021" };
    ctx.conversations.save(thread, moved);
    const reply = execute(
      { question: "What was the trade volume between Pakistan and Japan?" },
      ctx,
    );
    const result = await button(followUpButton(reply).slice("ask:".length), ctx);
    expect(result.reply.content).toMatch(/^This answer's thread: <#700>\./);
    expect(ctx.conversations.get(thread)).toEqual(moved);
  });

  it("says why when no thread can be opened", async () => {
    const { ctx } = commandContext(fakeEngine(), "1", {
      guildId: "900",
      canOpenThread: true,
      openThread: () => Promise.reject(new Error("Missing Permissions")),
    });
    const reply = execute({ question: "Trade with Japan?" }, ctx);
    const result = await button(followUpButton(reply).slice("ask:".length), ctx);
    expect(result.reply.content).toBe(
      "I could not open a thread on that answer: I need the Create Public Threads permission in this channel.",
    );
    const key = ctx.questions.remember({
      question: "Trade with Japan?",
      answered: true,
      recordId: "q",
    });
    const console = commandContext(fakeEngine());
    console.ctx.questions.remember({
      question: "Trade with Japan?",
      answered: true,
      recordId: "q",
    });
    expect((await button(`follow:${key}`, console.ctx)).reply.content).toMatch(
      /^Follow-up threads open from an answer in a server's text channel\./,
    );
  });

  it("reads a question in a thread against the thread's context, and keeps the next one", () => {
    const engine = fakeEngine();
    const { ctx } = commandContext(engine, "1", { guildId: "900", conversationKey: thread });
    ctx.conversations.save(thread, conversationOf("Japan"));
    const reply = execute({ question: "what about 2021?" }, ctx);
    expect(reply.embeds?.[0]?.description).toMatch(/^\*\*Pakistan–Japan trade volume, 2021:\*\* /);
    expect(ctx.conversations.get(thread)).toMatchObject({ partners: ["Japan"], period: "2021" });
    // Another thread, or the same thread id in another server, knows nothing of it.
    const other = commandContext(engine, "1", {
      guildId: "901",
      conversationKey: threadConversation("901", "700"),
    });
    other.ctx.conversations = ctx.conversations;
    expect(
      execute({ question: "what about 2021?" }, other.ctx).embeds?.[0]?.description,
    ).not.toMatch(/Japan trade volume/);
  });

  it("shows the passage a follow-up cited by asking it again in its conversation", async () => {
    const { ctx } = commandContext(fakeEngine(), "1", { guildId: "900", conversationKey: thread });
    ctx.conversations.save(thread, conversationOf("Japan"));
    const reply = execute({ question: "and in fiscal year 2022-23?" }, ctx);
    const cite = reply.components?.[0]?.components[0]?.custom_id ?? "";
    expect(cite).toMatch(/^ask:passage:/);
    const key = ctx.questions.remember({
      question: "and in fiscal year 2022-23?",
      answered: true,
      recordId: "q1",
      context: conversationOf("Japan"),
    });
    const shown = await button(`cite:${key}:1`, ctx);
    expect(shown.reply.embeds?.[0]?.description).toContain(`**${TRADE_SENTENCE}**`);
  });
});

function conversationOf(partner: string): ConversationState {
  return {
    partners: [partner],
    measure: "trade volume",
    period: "FY2022-23",
    person: null,
    kind: "amount",
    cited: null,
  };
}

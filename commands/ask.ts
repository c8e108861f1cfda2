import { z } from "zod";
import { converse, describeContext } from "../src/conversation/converse";
import { threadConversation } from "../src/conversation/keys";
import { corpusFacts } from "../src/corpus/summary";
import {
  type AskedQuestion,
  type ButtonResult,
  type Command,
  type CommandContext,
  type CommandOptions,
  type OpenedThread,
  OptionType,
  type SlashCommandData,
} from "../src/discord/command";
import { parseOptions } from "../src/discord/options";
import type { Reply } from "../src/discord/payload";
import {
  renderAnswer,
  renderFollowUpThread,
  renderNotice,
  renderPassage,
} from "../src/discord/render";
import { oneLine } from "../src/discord/text";
import type { Answer } from "../src/types";

export const QUESTION_MAX = 500;

export const data = {
  name: "ask",
  description: "Ask about Pakistan's trade partnerships; the answer quotes its sources.",
  options: [
    {
      type: OptionType.String,
      name: "question",
      description: "Your question, e.g. What was the trade volume between Pakistan and Japan?",
      required: true,
      max_length: QUESTION_MAX,
    },
    {
      type: OptionType.Boolean,
      name: "private",
      description: "Only you see the answer.",
      required: false,
    },
  ],
} as const satisfies SlashCommandData;

const REQUIRED =
  "type a question, for example “What was the trade volume between Pakistan and Japan?”";

const askOptions = z.object({
  question: z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(QUESTION_MAX),
  private: z.boolean().optional(),
});

export function execute(options: CommandOptions, ctx: CommandContext): Reply {
  const parsed = parseOptions(askOptions, options);
  if (!parsed.ok) return parsed.reply;
  const { question } = parsed.value;
  const started = performance.now();
  // In a follow-up thread (or the console) the question is read against the last answer.
  const conversation = ctx.conversationKey;
  const context = conversation ? ctx.conversations.get(conversation) : null;
  let answer: Answer;
  if (conversation) {
    const turn = converse(ctx.engine, question, context);
    ctx.conversations.save(conversation, turn.state);
    answer = turn.answer;
  } else {
    answer = ctx.engine.ask(question);
  }
  // Queued only: the record is written after the reply, off the reply path.
  const recordId = ctx.insights.asked({
    command: data.name,
    userId: ctx.userId,
    guildId: ctx.guildId,
    answer,
    latencyMs: performance.now() - started,
  });
  const questionKey = ctx.questions.remember({
    question,
    answered: answer.answered,
    recordId,
    ...(conversation ? { context } : {}),
  });
  const ephemeral = parsed.value.private === true;
  return renderAnswer(answer, {
    questionKey,
    ephemeral,
    followUp: ctx.canOpenThread && !ephemeral,
    corpus: corpusFacts(ctx.engine),
  });
}

/** The answer a remembered question had: read against the conversation it was asked in. */
const answerAgain = (asked: AskedQuestion, ctx: CommandContext): Answer =>
  asked.context === undefined
    ? ctx.engine.ask(asked.question)
    : converse(ctx.engine, asked.question, asked.context).answer;

const EXPIRED =
  "That answer is too old for its buttons to work (the bot keeps only recent questions). Ask again with /ask.";

/** `passage:<passageId>`, `cite:<key>:<n>`, `vote:<up|down>:<key>` or `follow:<key>`. */
export async function button(args: string, ctx: CommandContext): Promise<ButtonResult> {
  const [action = "", ...rest] = args.split(":");
  if (action === "passage") return { kind: "reply", reply: showPassage(rest.join(":"), ctx) };
  if (action === "follow") return { kind: "reply", reply: await openFollowUp(rest[0] ?? "", ctx) };
  if (action === "cite") {
    const [key = "", numberText = ""] = rest;
    const asked = ctx.questions.recall(key);
    if (!asked) return { kind: "reply", reply: renderNotice(EXPIRED) };
    const citation = answerAgain(asked, ctx).citations[Number(numberText) - 1];
    if (!citation) return { kind: "reply", reply: renderNotice(EXPIRED) };
    return { kind: "reply", reply: showPassage(citation.passageId, ctx, citation.excerpt) };
  }
  if (action === "vote") {
    const [vote, key = ""] = rest;
    if (vote !== "up" && vote !== "down")
      return { kind: "reply", reply: renderNotice("Unknown vote.") };
    const asked = ctx.questions.recall(key);
    if (!asked) return { kind: "reply", reply: renderNotice(EXPIRED) };
    ctx.insights.voted({
      questionId: asked.recordId,
      question: asked.question,
      answered: asked.answered,
      vote,
      userId: ctx.userId,
      guildId: ctx.guildId,
    });
    const thanks = vote === "up" ? "👍" : "👎";
    return { kind: "reply", reply: renderNotice(`Thanks — your ${thanks} is recorded.`) };
  }
  return { kind: "reply", reply: renderNotice("That button is not known any more.") };
}

/** Discord's longest thread name. */
const THREAD_NAME_MAX = 100;

/**
 * The "Follow up" button: opens a public thread on the answer (or finds the one it has) and
 * gives the thread the answer's context, so `/ask` in it reads each question against the answer.
 * A thread that already has a live context keeps it: its conversation may have moved on.
 */
async function openFollowUp(key: string, ctx: CommandContext): Promise<Reply> {
  const asked = ctx.questions.recall(key);
  if (!asked) return renderNotice(EXPIRED);
  if (!ctx.openThread || !ctx.guildId) {
    return renderNotice(
      "Follow-up threads open from an answer in a server's text channel. Here, ask your next question with /ask.",
    );
  }
  let thread: OpenedThread;
  try {
    const name = oneLine(asked.question).slice(0, THREAD_NAME_MAX).trim() || "Follow-up";
    thread = await ctx.openThread(name);
  } catch {
    return renderNotice(
      "I could not open a thread on that answer: I need the Create Public Threads permission in this channel.",
    );
  }
  const conversation = threadConversation(ctx.guildId, thread.id);
  await ctx.conversations.warm(conversation);
  let context = ctx.conversations.get(conversation);
  if (thread.created || !context) {
    context = converse(ctx.engine, asked.question, asked.context ?? null).state;
    ctx.conversations.save(conversation, context);
  }
  return renderFollowUpThread(thread.id, describeContext(context), thread.created);
}

function showPassage(passageId: string, ctx: CommandContext, cited?: string): Reply {
  const passage = ctx.engine.passage(passageId);
  if (!passage) return renderNotice("That passage is no longer in the articles.");
  return renderPassage(passage, ctx.engine.article(passage.articleId), cited);
}

export const command: Command = { data, execute, button };

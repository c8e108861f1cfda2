import { z } from "zod";
import {
  type ButtonResult,
  type Command,
  type CommandContext,
  type CommandOptions,
  OptionType,
  type SlashCommandData,
} from "../src/discord/command";
import { parseOptions } from "../src/discord/options";
import type { Reply } from "../src/discord/payload";
import { renderAnswer, renderNotice, renderPassage } from "../src/discord/render";

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

const askOptions = z.object({
  question: z
    .string({ error: "a question is required" })
    .trim()
    .min(1, "a question is required")
    .max(QUESTION_MAX),
  private: z.boolean().optional(),
});

export function execute(options: CommandOptions, ctx: CommandContext): Reply {
  const parsed = parseOptions(askOptions, options);
  if (!parsed.ok) return parsed.reply;
  const started = performance.now();
  const answer = ctx.engine.ask(parsed.value.question);
  // Queued only: the record is written after the reply, off the reply path.
  const recordId = ctx.insights.asked({
    command: data.name,
    userId: ctx.userId,
    guildId: ctx.guildId,
    answer,
    latencyMs: performance.now() - started,
  });
  const questionKey = ctx.questions.remember({
    question: parsed.value.question,
    answered: answer.answered,
    recordId,
  });
  return renderAnswer(answer, { questionKey, ephemeral: parsed.value.private === true });
}

const EXPIRED =
  "That answer is too old for its buttons to work (the bot keeps only recent questions). Ask again with /ask.";

/** `passage:<passageId>`, `cite:<key>:<n>` or `vote:<up|down>:<key>`. */
export async function button(args: string, ctx: CommandContext): Promise<ButtonResult> {
  const [action = "", ...rest] = args.split(":");
  if (action === "passage") return { kind: "reply", reply: showPassage(rest.join(":"), ctx) };
  if (action === "cite") {
    const [key = "", numberText = ""] = rest;
    const asked = ctx.questions.recall(key);
    if (!asked) return { kind: "reply", reply: renderNotice(EXPIRED) };
    const citation = ctx.engine.ask(asked.question).citations[Number(numberText) - 1];
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

function showPassage(passageId: string, ctx: CommandContext, cited?: string): Reply {
  const passage = ctx.engine.passage(passageId);
  if (!passage) return renderNotice("That passage is no longer in the articles.");
  return renderPassage(passage, ctx.engine.article(passage.articleId), cited);
}

export const command: Command = { data, execute, button };

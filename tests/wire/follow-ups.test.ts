import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationCorpusDir } from "../support/conversation-corpus";
import { snowflake } from "../support/fake-discord";
import {
  buttonsOf,
  describeReply,
  freshUser,
  plainText,
  startWiredBot,
  type WiredBot,
} from "./harness";

/**
 * Follow-up questions as people ask them in Discord, over the wire: an answer in a channel, its
 * "Follow up" button opening a public thread on it, and `/ask` in the thread read against the
 * thread's last answer, turn by turn; a second thread starting from its own answer.
 */
describe("follow-ups over the wire", () => {
  let wired: WiredBot;
  const corpus = conversationCorpusDir();
  const guildA = { id: snowflake(), name: "Trade Desk", channelId: snowflake() };
  const guildB = { id: snowflake(), name: "Other Desk", channelId: snowflake() };

  beforeAll(async () => {
    wired = await startWiredBot(
      { CORPUS_DIR: corpus, INSIGHTS_DB: join(corpus, ".tijarat", "insights.db") },
      { guilds: [guildA, guildB] },
    );
  });

  afterAll(async () => {
    await wired?.stop();
    rmSync(corpus, { recursive: true, force: true });
  });

  /** Asks in a channel (or thread) of a guild and returns what the user sees. */
  async function ask(question: string, where: { guildId: string; channelId: string }) {
    const sent = wired.fake.command("ask", { question }, { ...freshUser(), ...where });
    const reply = await wired.fake.waitForReply(sent.id, 8_000);
    return { sent, reply, text: plainText(reply.data) };
  }

  /** Presses "Follow up" under an answer; resolves to the thread's id and the note shown. */
  async function followUp(answerInteraction: string, guildId: string) {
    const original = wired.fake.originalMessage(answerInteraction) ?? {};
    const button = buttonsOf(original).find((b) => b.label === "Follow up");
    expect(button, JSON.stringify(original).slice(0, 400)).toBeDefined();
    const press = wired.fake.button(button?.custom_id ?? "", answerInteraction, {
      ...freshUser(),
      guildId,
    });
    const note = await wired.fake.waitForReply(press.id, 8_000);
    expect(note.ephemeral, describeReply(note)).toBe(true);
    const threadId = /<#(\d+)>/.exec(String(note.data.content))?.[1] ?? "";
    return { threadId, note: String(note.data.content) };
  }

  it("opens a thread on an answer and answers each turn in it, cited, saying what it assumed", async () => {
    const inChannel = { guildId: guildA.id, channelId: guildA.channelId };
    const first = await ask("What was the trade volume between Pakistan and Japan?", inChannel);
    expect(first.text).toContain("$1.26 billion");

    const { threadId, note } = await followUp(first.sent.id, guildA.id);
    const messageId = String(wired.fake.originalMessage(first.sent.id)?.id);
    expect(threadId).toBe(messageId);
    expect(wired.fake.threads.get(threadId)).toMatchObject({ parentId: guildA.channelId });
    expect(note).toContain("(Pakistan–Japan trade volume, fiscal year 2022-23)");

    const inThread = { guildId: guildA.id, channelId: threadId };
    const turns = [
      ["and exports?", "Pakistan–Japan exports, fiscal year 2022-23:", "$190 million"],
      ["what about 2021?", "Pakistan–Japan exports, 2021:", "$228 million"],
      ["who said that?", "Pakistan–Japan exports, 2021:", "Kamran Ahmed Siddiqui"],
      ["and imports?", "Pakistan–Japan imports, 2021:", null],
    ] as const;
    for (const [question, assumed, figure] of turns) {
      const turn = await ask(question, inThread);
      expect(turn.text, question).toContain(assumed);
      if (figure) {
        expect(turn.text, question).toContain(figure);
        // Cited: a source field with the article's title and the verbatim sentence.
        expect(turn.text, question).toContain(
          "Pakistan's exports to Japan slip in FY2022-23 as car-parts orders cool",
        );
      }
      expect(turn.reply.data.allowed_mentions).toEqual({ parse: [] });
      // In the thread, the answer offers no thread of its own.
      expect(buttonsOf(turn.reply.data).map((b) => b.label)).not.toContain("Follow up");
    }

    // Pressing Follow up again finds the same thread and leaves its conversation where it is.
    const again = await followUp(first.sent.id, guildA.id);
    expect(again.threadId).toBe(threadId);
    expect(again.note).toMatch(/^This answer's thread/);
    expect((await ask("and exports?", inThread)).text).toContain("Pakistan–Japan exports, 2021:");
  }, 60_000);

  it("starts each thread from its own answer, and never reads another thread's or server's", async () => {
    const inChannel = { guildId: guildA.id, channelId: guildA.channelId };
    const china = await ask("What was Pakistan's trade with China in FY2023-24?", inChannel);
    const { threadId } = await followUp(china.sent.id, guildA.id);
    const turn = await ask("and exports?", { guildId: guildA.id, channelId: threadId });
    expect(turn.text).toContain("Pakistan–China exports, FY2023-24:");
    expect(turn.text).toContain("$2.68 billion");
    expect(turn.text).not.toContain("Japan");

    // The same thread id from another server, and a thread the bot never opened, assume nothing.
    const elsewhere = await ask("and exports?", { guildId: guildB.id, channelId: threadId });
    expect(elsewhere.text).not.toContain("Pakistan–China exports");
    const plainChannel = await ask("and exports?", inChannel);
    expect(plainChannel.text).not.toContain("Pakistan–China exports");
  }, 60_000);

  it("asks which when a follow-up in a thread points at nothing in particular", async () => {
    const inChannel = { guildId: guildA.id, channelId: guildA.channelId };
    const first = await ask("What was Pakistan's trade with China in FY2023-24?", inChannel);
    const { threadId } = await followUp(first.sent.id, guildA.id);
    const unclear = await ask("and that?", { guildId: guildA.id, channelId: threadId });
    expect(unclear.text).toContain("Which do you mean?");
    // Not answered: nothing is cited, and no figure is given.
    expect(unclear.text).not.toContain("Quoted verbatim");
    expect(unclear.text).not.toMatch(/\$\d/);
  }, 60_000);
});

/**
 * What every insights store must do, whatever it keeps its records in: SQLite now, PostgreSQL
 * next (issue 17) runs the same specification.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { normaliseQuestion } from "../../src/insights/question-text";
import type {
  InsightsEvent,
  InsightsStore,
  QuestionRecord,
  SummaryQuery,
  VoteRecord,
} from "../../src/insights/store";

const T0 = Date.UTC(2025, 5, 1);
const HOUR = 3_600_000;

let nextId = 0;
export function questionRecord(overrides: Partial<QuestionRecord> = {}): QuestionRecord {
  nextId += 1;
  const question = overrides.question ?? "What was the trade volume between Pakistan and Japan?";
  return {
    id: `q-${nextId}`,
    askedAt: T0,
    guildId: "guild-a",
    surface: "discord",
    command: "ask",
    question,
    questionNorm: normaliseQuestion(question),
    kind: "amount",
    answered: true,
    missing: [],
    citedArticleIds: ["pakistan-japan-trade-ties"],
    partners: ["Japan"],
    measures: ["bilateral trade volume"],
    latencyMs: 1.5,
    asker: "asker-1",
    ...overrides,
  };
}

export function voteRecord(on: QuestionRecord, overrides: Partial<VoteRecord> = {}): VoteRecord {
  return {
    questionId: on.id,
    votedAt: on.askedAt + 1000,
    guildId: on.guildId,
    surface: on.surface,
    vote: "down",
    question: on.question,
    questionNorm: on.questionNorm,
    answered: on.answered,
    asker: "voter-1",
    ...overrides,
  };
}

const asked = (record: QuestionRecord): InsightsEvent => ({ type: "question", record });
const voted = (record: VoteRecord): InsightsEvent => ({ type: "vote", record });

const everything = (overrides: Partial<SummaryQuery> = {}): SummaryQuery => ({
  scope: { all: true },
  since: 0,
  groups: 50,
  topics: 10,
  ...overrides,
});

export function storeContract(name: string, open: () => Promise<InsightsStore>): void {
  describe(`${name}: the insights store specification`, () => {
    let store: InsightsStore;
    beforeEach(async () => {
      store = await open();
      await store.open();
    });
    afterEach(async () => {
      await store.close();
    });

    it("counts questions, answered ones and distinct askers", async () => {
      await store.write([
        asked(questionRecord({ asker: "a" })),
        asked(
          questionRecord({ asker: "a", answered: false, missing: ["no article about Brazil"] }),
        ),
        asked(questionRecord({ asker: "b" })),
      ]);
      const summary = await store.summarize(everything());
      expect([summary.questions, summary.answered, summary.askers]).toEqual([3, 2, 2]);
    });

    it("writes a question once even when its record arrives twice", async () => {
      const record = questionRecord();
      await store.write([asked(record)]);
      await store.write([asked(record)]);
      expect((await store.summarize(everything())).questions).toBe(1);
    });

    it("reads one server's records, the console's, or all, and only inside the window", async () => {
      await store.write([
        asked(questionRecord({ guildId: "guild-a" })),
        asked(questionRecord({ guildId: "guild-a", askedAt: T0 - 48 * HOUR })),
        asked(questionRecord({ guildId: "guild-b" })),
        asked(questionRecord({ guildId: null, surface: "console" })),
        asked(questionRecord({ guildId: null, surface: "discord" })),
      ]);
      const count = async (query: Partial<SummaryQuery>) =>
        (await store.summarize(everything(query))).questions;
      expect(await count({ scope: { guildId: "guild-a" } })).toBe(2);
      expect(await count({ scope: { guildId: "guild-a" }, since: T0 - HOUR })).toBe(1);
      expect(await count({ scope: { surface: "console" } })).toBe(1);
      expect(await count({})).toBe(5);
    });

    it("groups unanswered questions by their normalised text, with what the corpus lacked", async () => {
      const lacks = { answered: false, partners: ["Brazil"], citedArticleIds: [], measures: [] };
      await store.write([
        asked(
          questionRecord({
            ...lacks,
            question: "Trade with Brazil?",
            missing: ["no article about Brazil"],
          }),
        ),
        asked(
          questionRecord({
            ...lacks,
            question: "trade with brazil",
            missing: ["no article about Brazil"],
          }),
        ),
        asked(
          questionRecord({
            ...lacks,
            question: "TRADE WITH BRAZIL!",
            missing: ["no figure for 2030"],
          }),
        ),
        asked(questionRecord({ question: "Trade with Japan?" })),
      ]);
      const { unanswered } = await store.summarize(everything());
      expect(unanswered).toHaveLength(1);
      expect(unanswered[0]).toMatchObject({
        questionNorm: "trade with brazil",
        count: 3,
        partners: ["Brazil"],
      });
      expect(unanswered[0]?.missing).toEqual([
        { value: "no article about Brazil", count: 2 },
        { value: "no figure for 2030", count: 1 },
      ]);
    });

    it("keeps one vote per person and answer, the latest, and lists 👎 answers with what they cited", async () => {
      const answer = questionRecord({ citedArticleIds: ["a-1", "a-2"] });
      const other = questionRecord({ question: "Who is Jam Kamal Khan?", citedArticleIds: [] });
      await store.write([
        asked(answer),
        asked(other),
        voted(voteRecord(answer, { asker: "v1", vote: "up" })),
        voted(voteRecord(answer, { asker: "v1", vote: "down", votedAt: answer.askedAt + 5000 })),
        voted(voteRecord(answer, { asker: "v2", vote: "down" })),
        voted(voteRecord(other, { asker: "v1", vote: "up" })),
      ]);
      const summary = await store.summarize(everything());
      expect(summary.votes).toEqual({ up: 1, down: 2 });
      expect(summary.disliked).toEqual([
        {
          questionNorm: answer.questionNorm,
          question: answer.question,
          count: 2,
          answered: true,
          articleIds: ["a-1", "a-2"],
        },
      ]);
    });

    it("counts the partners and measures asked about, most asked first", async () => {
      await store.write([
        asked(questionRecord({ partners: ["Japan"], measures: ["exports"] })),
        asked(questionRecord({ partners: ["Japan", "China"], measures: ["exports", "imports"] })),
        asked(questionRecord({ partners: ["China"], measures: [] })),
        asked(questionRecord({ partners: ["China"], measures: [], askedAt: T0 - 48 * HOUR })),
      ]);
      const summary = await store.summarize(everything({ since: T0 - HOUR }));
      expect(summary.partners).toEqual([
        { name: "China", count: 2 },
        { name: "Japan", count: 2 },
      ]);
      expect(summary.measures).toEqual([
        { name: "exports", count: 2 },
        { name: "imports", count: 1 },
      ]);
    });

    it("erases one server's questions and votes and nothing else", async () => {
      const a = questionRecord({ guildId: "guild-a" });
      const b = questionRecord({ guildId: "guild-b" });
      const local = questionRecord({ guildId: null, surface: "console" });
      await store.write([
        asked(a),
        asked(b),
        asked(local),
        voted(voteRecord(a)),
        voted(voteRecord(b)),
      ]);
      expect(await store.erase({ guildId: "guild-a" })).toEqual({ questions: 1, votes: 1 });
      const left = await store.summarize(everything());
      expect(left.questions).toBe(2);
      expect(left.votes.down).toBe(1);
      expect((await store.summarize(everything({ scope: { guildId: "guild-a" } }))).questions).toBe(
        0,
      );
      expect(await store.erase({ surface: "console" })).toEqual({ questions: 1, votes: 0 });
      expect((await store.summarize(everything())).questions).toBe(1);
    });

    it("prunes what is older than the retention cut-off, votes too", async () => {
      const old = questionRecord({ askedAt: T0 - 100 * 24 * HOUR, partners: ["Oman"] });
      const recent = questionRecord({ askedAt: T0 });
      await store.write([
        asked(old),
        asked(recent),
        voted(voteRecord(old, { votedAt: old.askedAt })),
        voted(voteRecord(recent)),
      ]);
      expect(await store.prune(T0 - 90 * 24 * HOUR)).toEqual({ questions: 1, votes: 1 });
      const summary = await store.summarize(everything());
      expect(summary.questions).toBe(1);
      expect(summary.votes.down).toBe(1);
      expect(summary.partners.map((p) => p.name)).toEqual(["Japan"]);
    });
  });
}

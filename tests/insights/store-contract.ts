/**
 * What every store must do, whatever it keeps its records in: the SQLite file and the PostgreSQL
 * database run the same specification. `location` gives a fresh, empty store; each `open()` of it
 * is another process's view of the same records.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { normaliseQuestion } from "../../src/insights/question-text";
import type {
  ContextRecord,
  InsightsEvent,
  QuestionRecord,
  Store,
  StoreEvent,
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

export function contextRecord(overrides: Partial<ContextRecord> = {}): ContextRecord {
  return {
    key: "thread:1001",
    guildId: "guild-a",
    surface: "discord",
    value: JSON.stringify({ partner: "Japan", measure: "exports", period: "FY2022-23" }),
    updatedAt: T0,
    expiresAt: T0 + HOUR,
    ...overrides,
  };
}

const asked = (record: QuestionRecord): InsightsEvent => ({ type: "question", record });
const voted = (record: VoteRecord): InsightsEvent => ({ type: "vote", record });
const context = (record: ContextRecord): StoreEvent => ({ type: "context", record });

const everything = (overrides: Partial<SummaryQuery> = {}): SummaryQuery => ({
  scope: { all: true },
  since: 0,
  groups: 50,
  topics: 10,
  ...overrides,
});

export interface StoreLocation {
  /** A new connection to the same records, as another process would open. */
  open(): Store;
}

export function storeContract(name: string, location: () => Promise<StoreLocation>): void {
  describe(`${name}: the store specification`, () => {
    let here: StoreLocation;
    let store: Store;
    const others: Store[] = [];
    /** The same records, opened as by another process (a shard, a replica). */
    const anotherProcess = async () => {
      const other = here.open();
      others.push(other);
      await other.open();
      return other;
    };
    beforeEach(async () => {
      here = await location();
      store = here.open();
      await store.open();
    });
    afterEach(async () => {
      await Promise.all([store, ...others.splice(0)].map((s) => s.close()));
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

    it("keeps a question whatever its text holds: other scripts, emoji, quotes, a NUL", async () => {
      const texts = [
        "پاکستان اور جاپان کی تجارت کتنی ہے؟",
        "中巴贸易额是多少？ 🇵🇰🤝🇨🇳",
        `He said "it's $1.26 billion" -- ; DROP TABLE questions; --`,
        "a NUL \u0000 inside",
      ];
      await store.write(
        texts.map((question) =>
          asked(questionRecord({ question, answered: false, missing: [question] })),
        ),
      );
      const { questions, unanswered } = await store.summarize(everything());
      expect(questions).toBe(4);
      expect(unanswered.map((group) => group.question)).toEqual(
        expect.arrayContaining(texts.slice(0, 3)),
      );
    });

    it("keeps the later vote of a person on an answer, whichever arrives last", async () => {
      const answer = questionRecord();
      await store.write([
        asked(answer),
        voted(voteRecord(answer, { vote: "down", votedAt: answer.askedAt + 5000 })),
      ]);
      // The earlier 👍, written again after the 👎 (a queue replayed after an outage).
      await store.write([
        voted(voteRecord(answer, { vote: "up", votedAt: answer.askedAt + 1000 })),
      ]);
      expect((await store.summarize(everything())).votes).toEqual({ up: 0, down: 1 });
    });

    it("reads a conversation's context back in another process, the latest write winning", async () => {
      const first = contextRecord({ value: '{"turn":1}', updatedAt: T0 });
      const second = contextRecord({ value: '{"turn":2}', updatedAt: T0 + 1000 });
      await store.write([context(second)]);
      // The earlier turn arriving late changes nothing.
      await store.write([context(first)]);
      const other = await anotherProcess();
      expect(await other.readContext("thread:1001")).toEqual(second);
      expect(await other.readContext("thread:1002")).toBeNull();
    });

    it("deletes a context once it has expired, and only then", async () => {
      await store.write([
        context(contextRecord({ key: "thread:old", expiresAt: T0 + 10 })),
        context(contextRecord({ key: "thread:new", expiresAt: T0 + HOUR })),
      ]);
      await store.expire(T0 + 9);
      expect((await store.readContext("thread:old"))?.expiresAt).toBe(T0 + 10);
      await store.expire(T0 + 10);
      expect(await store.readContext("thread:old")).toBeNull();
      expect(await store.readContext("thread:new")).not.toBeNull();
    });

    it("erases a server's follow-up context with its questions", async () => {
      await store.write([
        context(contextRecord({ key: "thread:a", guildId: "guild-a" })),
        context(contextRecord({ key: "thread:b", guildId: "guild-b" })),
      ]);
      await store.erase({ guildId: "guild-a" });
      expect(await store.readContext("thread:a")).toBeNull();
      expect(await store.readContext("thread:b")).not.toBeNull();
    });

    it("counts a cooldown window per user, and starts again in the next window", async () => {
      const take = (subject: string, windowStart: number) =>
        store.takeCooldown({ subject, windowStart, windowMs: 10_000, limit: 2 });
      const verdicts = [];
      for (let i = 0; i < 3; i++) verdicts.push((await take("user-a", T0)).allowed);
      verdicts.push((await take("user-b", T0)).allowed);
      verdicts.push((await take("user-a", T0 + 10_000)).allowed);
      // A process whose clock is behind counts into the window already recorded.
      verdicts.push((await take("user-a", T0)).allowed);
      verdicts.push((await take("user-a", T0 + 10_000)).allowed);
      expect(verdicts).toEqual([true, true, false, true, true, true, false]);
    });

    it("counts one cooldown for every process, exactly, however many ask at once", async () => {
      const other = await anotherProcess();
      const takes = Array.from({ length: 24 }, (_, i) =>
        (i % 2 === 0 ? store : other).takeCooldown({
          subject: "busy-user",
          windowStart: T0,
          windowMs: 10_000,
          limit: 5,
        }),
      );
      const allowed = (await Promise.all(takes)).filter((verdict) => verdict.allowed);
      expect(allowed).toHaveLength(5);
    });

    it("forgets cooldown windows that have ended", async () => {
      const take = () =>
        store.takeCooldown({ subject: "u", windowStart: T0, windowMs: 10_000, limit: 1 });
      expect((await take()).allowed).toBe(true);
      await store.expire(T0 + 9_999);
      expect((await take()).allowed).toBe(false);
      await store.expire(T0 + 10_000);
      expect((await take()).allowed).toBe(true);
    });

    it("migrates once when several processes open it at the same moment", async () => {
      const fresh = await location();
      const opened = Array.from({ length: 4 }, () => fresh.open());
      others.push(...opened);
      await Promise.all(opened.map((s) => s.open()));
      await opened[0]?.write([asked(questionRecord())]);
      expect((await opened[3]?.summarize(everything()))?.questions).toBe(1);
    });
  });
}

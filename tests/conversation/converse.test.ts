import { beforeAll, describe, expect, it } from "vitest";
import { converse, type Turn } from "../../src/conversation/converse";
import { samePeriod } from "../../src/conversation/slots";
import type { ConversationState } from "../../src/conversation/state";
import type { Answer, Engine, Figure } from "../../src/types";
import { conversationArticles, conversationEngine } from "../support/conversation-corpus";
import { answered, fakeEngine, makeFigure } from "../support/fake-engine";
import { checkGrounding, type GroundingSources, groundingSources } from "../support/grounding";

/**
 * Conversations on the seed corpus and the fixtures, turn by turn, as people ask in a thread:
 * each turn answered, cited and grounded, a follow-up's reply stating what it assumed, and never
 * a figure of another partner or period than that.
 */

let engine: Engine;
let sources: GroundingSources;

beforeAll(async () => {
  engine = await conversationEngine();
  sources = groundingSources(engine, await conversationArticles());
});

interface Said {
  question: string;
  answer: Answer;
}

/** Asks each question in turn, each read against the turn before it. */
function talk(questions: string[], start: ConversationState | null = null): Said[] {
  let state = start;
  return questions.map((question) => {
    const turn: Turn = converse(engine, question, state);
    state = turn.state;
    return { question, answer: turn.answer };
  });
}

/** Answered, cited, and grounded — a follow-up held to what it says it assumed, as if asked. */
function expectAnsweredAndGrounded({ question, answer }: Said): void {
  expect(answer.answered, `${question}: ${answer.text}`).toBe(true);
  expect(answer.citations.length, question).toBeGreaterThan(0);
  expect(answer.text, question).toMatch(/\[\d+\]/);
  const asked = answer.assumed ? `${answer.assumed} ${question}` : question;
  expect(checkGrounding(answer, sources, asked).problems, `${question}: ${answer.text}`).toEqual(
    [],
  );
}

describe("a conversation in turns", () => {
  it("follows trade with Japan to exports, another year, who said it, and what else he said", () => {
    const said = talk([
      "What was the trade volume between Pakistan and Japan?",
      "and exports?",
      "what about 2021?",
      "who said that?",
      "what else did he say?",
    ]);
    for (const turn of said) expectAnsweredAndGrounded(turn);
    const [first, exports, year2021, who, more] = said.map((s) => s.answer);
    expect(first?.assumed).toBeUndefined();
    expect(first?.text).toContain("$1.26 billion");
    expect(exports?.text).toMatch(
      /^Pakistan–Japan exports, fiscal year 2022-23: .*\$190 million in FY2022-23/,
    );
    expect(year2021?.text).toMatch(/^Pakistan–Japan exports, 2021: .*\$228 million in 2021/);
    expect(who?.text).toMatch(/^Pakistan–Japan exports, 2021: Kamran Ahmed Siddiqui, .* said it/);
    expect(who?.citations[0]?.excerpt).toContain("$228 million in 2021");
    expect(more?.assumed).toBe("About Kamran Ahmed Siddiqui");
    expect(more?.text).toContain("Japanese buyers pay for reliability");
  });

  it("moves from China's trade to its exports, to Türkiye's, to its imports, and names the source", () => {
    const said = talk([
      "What was Pakistan's trade with China in FY2023-24?",
      "and exports?",
      "and Turkey?",
      "and imports?",
      "who said that?",
    ]);
    for (const turn of said) expectAnsweredAndGrounded(turn);
    const texts = said.map((s) => s.answer.text);
    expect(texts[0]).toContain("$15.9 billion");
    expect(texts[1]).toMatch(/^Pakistan–China exports, FY2023-24: .*\$2\.68 billion/);
    expect(texts[2]).toMatch(/^Pakistan–Turkey exports, FY2023-24: .*\$416 million/);
    expect(texts[3]).toMatch(/^Pakistan–Turkey imports, FY2023-24: .*\$672 million/);
    expect(texts[4]).toMatch(/attributes it to the Ministry of Commerce \[1\]/);
  });

  it("goes back a year on the seed corpus alone and comes forward again", () => {
    const said = talk([
      "What was Pakistan's trade with China in FY2023-24?",
      "what about FY2022-23?",
      "How much was it in FY2023-24?",
    ]);
    for (const turn of said) expectAnsweredAndGrounded(turn);
    expect(said[1]?.answer.text).toMatch(/^Pakistan–China trade, FY2022-23: .*\$14\.7 billion/);
    expect(said[2]?.answer.text).toMatch(/^Pakistan–China trade, FY2023-24: .*\$15\.9 billion/);
  });

  it("asks which when a follow-up points back at nothing in particular, and answers nothing", () => {
    const [, unclear, after] = talk([
      "What was the trade volume between Pakistan and Japan?",
      "and that?",
      "and exports?",
    ]);
    expect(unclear?.answer).toMatchObject({ answered: false, citations: [], figures: [] });
    expect(unclear?.answer.text).toMatch(/^Which do you mean\?/);
    // The question that asked nothing leaves the conversation where it was.
    expect(after?.answer.text).toMatch(/^Pakistan–Japan exports, fiscal year 2022-23: /);
  });

  it("starts clean: a new conversation assumes nothing", () => {
    const [fresh] = talk(["and exports?"]);
    expect(fresh?.answer.assumed).toBeUndefined();
    expect(fresh?.answer.text).not.toContain("Japan exports");
  });

  it("says so when the corpus lacks what the follow-up assumes, and states no figure as its answer", () => {
    const [, uk] = talk(["What was the trade volume between Pakistan and Japan?", "and Brazil?"]);
    expect(uk?.answer.answered).toBe(false);
    expect(uk?.answer.text).toMatch(/^Pakistan–Brazil trade volume, fiscal year 2022-23: /);
    const asked = `${uk?.answer.assumed} and Brazil?`;
    expect(checkGrounding(uk?.answer as Answer, sources, asked).problems).toEqual([]);
  });

  it("tells who said it only where the articles name someone", () => {
    const [, nobody] = talk([
      "How much were Pakistan's IT exports in fiscal year 2023?",
      "who said that?",
    ]);
    expect(nobody?.answer.text).toMatch(/attributes it to the Pakistan Software Export Board/);
    const [none] = talk(["who said that?"]);
    expect(none?.answer).toMatchObject({ answered: false, citations: [] });
  });
});

/**
 * The rule behind every follow-up: whatever the corpus holds, an answered follow-up's figures are
 * for the partner and the period its reply says it assumed. Driven over every partner and period
 * the corpus's own figures give, from a first question about each measure.
 */
describe("a follow-up's figures", () => {
  it("are never of another partner or period than the one it states it assumed", () => {
    const figures = engine
      .figures()
      .filter((f) => f.partners.length === 1 && f.period && f.kind === "money" && f.measure);
    const partners = [...new Set(figures.flatMap((f) => f.partners))];
    const periods = [...new Set(figures.flatMap((f) => (f.period ? [f.period] : [])))];
    let followUps = 0;
    let answered = 0;
    // One first question per partner keeps the run short.
    const seen = new Set<string>();
    for (const f of figures) {
      const key = f.partners[0] ?? "";
      if (seen.has(key)) continue;
      seen.add(key);
      const start = `What was Pakistan's ${f.measure} with ${f.partners[0]} in ${f.period}?`;
      const first = converse(engine, start, null);
      const questions = [
        ...partners.filter((p) => p !== f.partners[0]).map((p) => `and ${p}?`),
        ...periods.filter((p) => p !== f.period).map((p) => `what about ${p}?`),
      ];
      for (const question of questions) {
        const { answer, state } = converse(engine, question, first.state);
        followUps++;
        expect(answer.assumed, question).toBeDefined();
        if (!answer.answered) continue;
        answered++;
        for (const figure of answer.figures) {
          expect(figure.partners, `${start} → ${question}: ${answer.text}`).toEqual(
            expect.arrayContaining(state.partners),
          );
          if (state.period) {
            expect(
              samePeriod(state.period, figure.period),
              `${start} → ${question}: ${answer.text}`,
            ).toBe(true);
          }
        }
      }
    }
    // Enough conversations to mean something, and some of them answered.
    expect(followUps).toBeGreaterThan(200);
    expect(answered).toBeGreaterThan(10);
  });
});

/**
 * The same rule where the answer layer gets it wrong: an engine that answers a follow-up with a
 * figure of another period or partner. The reply turns it into "not found", tells the figure as
 * a near miss with its own period or partner, and states nothing as the answer.
 */
describe("a follow-up the engine answers with the wrong figure", () => {
  const japanTrade: ConversationState = {
    partners: ["Japan"],
    measure: "trade volume",
    period: "2021",
    person: null,
    kind: "amount",
    cited: null,
  };
  const answeringWith = (figure: Figure): Engine =>
    fakeEngine({
      answer: (question) => ({
        ...answered,
        question,
        text: `Trade volume (Pakistan–${figure.partners.join(", ")}): ${figure.value} in ${figure.period} [1].`,
        figures: [figure],
      }),
    });

  it("is not answered when the figure is for another period, and names the period it is for", () => {
    const { answer, state } = converse(answeringWith(makeFigure()), "and exports?", japanTrade);
    expect(answer).toMatchObject({ answered: false, figures: [] });
    expect(answer.text).toBe(
      "Pakistan–Japan exports, 2021: The corpus does not answer this: no figure for Pakistan–Japan exports, 2021. The articles give $1.26 billion for fiscal year 2022-23, not for 2021 [1].",
    );
    expect(answer.citations).toHaveLength(1);
    // The conversation goes on from what was asked, not from the refused figure.
    expect(state).toMatchObject({ partners: ["Japan"], measure: "exports", period: "2021" });
  });

  it("is not answered when the figure is another partner's", () => {
    const china = makeFigure({ partners: ["China"], period: "2021" });
    const { answer } = converse(answeringWith(china), "and exports?", japanTrade);
    expect(answer.answered).toBe(false);
    expect(answer.text).toContain("The articles give $1.26 billion for China, not for Japan [1].");
  });

  it("answers when the figure is for the assumed partner and period, however the period is written", () => {
    const fits = makeFigure({ period: "fiscal year 2022-23" });
    const { answer } = converse(answeringWith(fits), "and exports?", {
      ...japanTrade,
      period: "FY2022-23",
    });
    expect(answer.answered).toBe(true);
    expect(answer.figures).toEqual([fits]);
  });
});
